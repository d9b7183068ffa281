--TEST--
Slow queries (pdo_sqlite): a query run by a user function inside another query is timed on its own, the outer one includes it
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$result = db_run('nesting', <<<'PHP'
$other = new PDO('sqlite::memory:');
$other->sqliteCreateFunction('sleep_ms', function ($ms) { usleep($ms * 1000); return $ms; }, 1);
$pdo->sqliteCreateFunction('lookup', function ($id) use ($other) {
    usleep(30000);
    $value = $other->query("SELECT sleep_ms(60) + $id")->fetchColumn();  // line 11
    $st = $other->prepare('SELECT sleep_ms(?)');
    $st->execute([55]);                                                     // line 13
    return $value;
}, 1);
var_dump($pdo->query('SELECT lookup(id) FROM t WHERE id = 2')->fetchColumn()); // line 16
PHP, ['perf.slow_query_ms' => '50']);
echo $result['output'];
echo db_summary($result['records'], ['sql', 'operation']);
$times = [];
foreach ($result['records'] as $record) {
    echo preg_replace('/^.*\//', '', $record['context']['caller']), "\n";
    $times[] = $record['context']['time_ms'];
}
// Inner queries end first; the outer one took its own 30 ms plus both of them.
var_dump($times[0] >= 60, $times[1] >= 55, $times[2] >= 30 + $times[0] + $times[1] - 0.02);
?>
--EXPECT--
int(62)
Slow query detected | sql="SELECT sleep_ms(?) + ?" | operation="query"
Slow query detected | sql="SELECT sleep_ms(?)" | operation="execute"
Slow query detected | sql="SELECT lookup(id) FROM t WHERE id = ?" | operation="query"
perf_db_nesting.php:11
perf_db_nesting.php:13
perf_db_nesting.php:16
bool(true)
bool(true)
bool(true)
