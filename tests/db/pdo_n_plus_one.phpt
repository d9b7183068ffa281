--TEST--
N+1 (pdo_sqlite): one "Repeated query detected" record per statement run at least perf.n_plus_one_threshold times, at request end, with the final count and total time
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$code = <<<'PHP'
perf_annotate('route', 'users.index');
$st = $pdo->prepare('SELECT name FROM t WHERE id = ?');
for ($i = 0; $i < 12; $i++) {
    $st->execute([$i]);                                    // line 10
    $pdo->query("SELECT * FROM t WHERE id = $i")->fetchAll();  // line 11: a new string each time
}
foreach ([[1], [1, 2], [1, 2, 3], [1, 2, 3, 4], [5]] as $ids) {
    $pdo->query('SELECT * FROM t WHERE id IN (' . implode(', ', $ids) . ')');   // line 14
}
for ($i = 0; $i < 4; $i++) {
    $pdo->query("SELECT $i");                               // below the threshold
}
$pdo->query("SELECT * FROM t WHERE id = 99");              // same statement as line 11: count 13
echo "end of script\n";
PHP;
$result = db_run('n_plus_one', $code, ['perf.n_plus_one_threshold' => '5']);
echo $result['output'];
echo db_summary($result['records'], ['sql', 'count', 'driver', 'route']);
foreach ($result['records'] as $record) {
    $context = $record['context'];
    echo preg_replace('/^.*\//', '', $context['caller']), ' ', get_debug_type($context['total_time_ms']), ' ',
        $record['level_name'], "\n";
}
var_dump($result['records'][1]['context']['total_time_ms'] > 0);
var_dump(array_keys($result['records'][0]['context']));

echo "-- full text: the first one seen\n";
echo db_summary(db_run('n_plus_one', $code, ['perf.n_plus_one_threshold' => '5', 'perf.log_query_text' => 'full'])['records']);
echo "-- threshold 0: off\n";
var_dump(count(db_run('n_plus_one', $code, ['perf.n_plus_one_threshold' => '0'])['records']));
echo "-- default threshold 10\n";
echo db_summary(db_run('n_plus_one', $code)['records'], ['sql', 'count']);
echo "-- more than 1000 distinct statements: the first 1000 (the prelude's two included) are tracked, all are counted\n";
$result = db_run('n_plus_one', <<<'PHP'
for ($round = 0; $round < 2; $round++) {
    for ($i = 0; $i < 1100; $i++) {
        $pdo->query("SELECT $round AS c$i");
    }
}
echo perf_stats()['db']['queries'], "\n";
PHP, ['perf.n_plus_one_threshold' => '2']);
echo $result['output'];
var_dump(count($result['records']));
?>
--EXPECT--
end of script
Repeated query detected | sql="SELECT name FROM t WHERE id = ?" | count=12 | driver="sqlite" | route="users.index"
Repeated query detected | sql="SELECT * FROM t WHERE id = ?" | count=13 | driver="sqlite" | route="users.index"
Repeated query detected | sql="SELECT * FROM t WHERE id IN (?)" | count=5 | driver="sqlite" | route="users.index"
perf_db_n_plus_one.php:10 float WARNING
perf_db_n_plus_one.php:11 float WARNING
perf_db_n_plus_one.php:14 float WARNING
bool(true)
array(8) {
  [0]=>
  string(3) "sql"
  [1]=>
  string(5) "count"
  [2]=>
  string(13) "total_time_ms"
  [3]=>
  string(6) "driver"
  [4]=>
  string(6) "caller"
  [5]=>
  string(16) "innermost_caller"
  [6]=>
  string(3) "url"
  [7]=>
  string(5) "route"
}
-- full text: the first one seen
Repeated query detected | sql="SELECT name FROM t WHERE id = ?"
Repeated query detected | sql="SELECT * FROM t WHERE id = 0"
Repeated query detected | sql="SELECT * FROM t WHERE id IN (1)"
-- threshold 0: off
int(0)
-- default threshold 10
Repeated query detected | sql="SELECT name FROM t WHERE id = ?" | count=12
Repeated query detected | sql="SELECT * FROM t WHERE id = ?" | count=13
-- more than 1000 distinct statements: the first 1000 (the prelude's two included) are tracked, all are counted
2202
int(998)
