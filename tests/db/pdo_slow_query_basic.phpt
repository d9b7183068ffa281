--TEST--
Slow queries (pdo_sqlite): a query at or over perf.slow_query_ms gives one record on the database channel, faster ones none
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$result = db_run('slow_query_basic', <<<'PHP'
perf_annotate('route', 'orders.index');
perf_annotate('tenant', 'acme');
$pdo->query('SELECT id FROM t WHERE id = 1')->fetchAll();   // fast
$pdo->query('SELECT sleep_ms(80), name FROM t WHERE id = 2 AND name = \'two\'')->fetchAll(); // line 10
$st = $pdo->prepare('SELECT sleep_ms(?) FROM t WHERE id = ?');
$st->execute([70, 3]); // line 12
$st->execute([1, 3]);
$pdo->exec('UPDATE t SET name = name WHERE sleep_ms(60) > 0'); // line 14
echo "done\n";
PHP, ['perf.slow_query_ms' => '50', 'perf.log_all_requests' => '1']);
echo $result['output'];

$records = $result['records'];
var_dump(count($records));
$record = $records[0];
var_dump(array_keys($record));
var_dump($record['message'], $record['level'], $record['level_name'], $record['channel']);
var_dump(array_keys($record['context']));
$context = $record['context'];
var_dump($context['sql'], $context['driver'], $context['operation'], $context['route'], $context['tenant']);
var_dump($context['time_ms'] >= 80, $context['time_ms'] < 5000);
var_dump(preg_replace('/^.*\//', '', $context['caller']));
var_dump(str_ends_with($context['url'], 'perf_db_slow_query_basic.php'));
echo db_summary($records, ['sql', 'operation', 'caller']);
// Below the threshold: the second execute() and the fast SELECT are not logged but counted.
$request = array_values(array_filter($result['all'], fn ($r) => $r['channel'] === 'performance'))[0]['context'];
var_dump($request['db']['queries'], $request['db']['slow'], $request['db']['time_ms'] >= 210);

echo "-- threshold 0: off\n";
$result = db_run('slow_query_basic', '$pdo->query("SELECT sleep_ms(60)")->fetchAll();', ['perf.slow_query_ms' => '0']);
var_dump(count($result['records']));

echo "-- default threshold (500 ms)\n";
$result = db_run('slow_query_basic', '$pdo->query("SELECT sleep_ms(60)")->fetchAll(); echo ini_get("perf.slow_query_ms"), "\n";');
echo $result['output'];
var_dump(count($result['records']));
?>
--EXPECTF--
done
int(3)
array(7) {
  [0]=>
  string(7) "message"
  [1]=>
  string(7) "context"
  [2]=>
  string(5) "level"
  [3]=>
  string(10) "level_name"
  [4]=>
  string(7) "channel"
  [5]=>
  string(8) "datetime"
  [6]=>
  string(5) "extra"
}
string(19) "Slow query detected"
int(300)
string(7) "WARNING"
string(8) "database"
array(9) {
  [0]=>
  string(3) "sql"
  [1]=>
  string(7) "time_ms"
  [2]=>
  string(6) "driver"
  [3]=>
  string(9) "operation"
  [4]=>
  string(6) "caller"
  [5]=>
  string(16) "innermost_caller"
  [6]=>
  string(3) "url"
  [7]=>
  string(5) "route"
  [8]=>
  string(6) "tenant"
}
string(57) "SELECT sleep_ms(?), name FROM t WHERE id = ? AND name = ?"
string(6) "sqlite"
string(5) "query"
string(12) "orders.index"
string(4) "acme"
bool(true)
bool(true)
string(31) "perf_db_slow_query_basic.php:10"
bool(true)
Slow query detected | sql="SELECT sleep_ms(?), name FROM t WHERE id = ? AND name = ?" | operation="query" | caller="%s/perf_db_slow_query_basic.php:10"
Slow query detected | sql="SELECT sleep_ms(?) FROM t WHERE id = ?" | operation="execute" | caller="%s/perf_db_slow_query_basic.php:12"
Slow query detected | sql="UPDATE t SET name = name WHERE sleep_ms(?) > ?" | operation="query" | caller="%s/perf_db_slow_query_basic.php:14"
int(7)
int(3)
bool(true)
-- threshold 0: off
int(0)
-- default threshold (500 ms)
500
int(0)
