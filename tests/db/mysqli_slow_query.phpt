--TEST--
Slow queries (mysqli, MariaDB): query, real_query, multi_query, execute_query and prepared statements (SQL captured at prepare), OO and procedural; N+1; errors
--EXTENSIONS--
mysqlnd
mysqli
--SKIPIF--
<?php
require __DIR__ . '/mariadb.inc';
mariadb_skip_unless_available();
try {
    mariadb_start('mysqli_slow_query');
} catch (RuntimeException $e) {
    die('skip ' . $e->getMessage());
}
/* The server must be started by every run, never taken from run-tests' skip cache. */
echo 'nocache';
?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';
require __DIR__ . '/mariadb.inc';

$port = mariadb_port('mysqli_slow_query');
$result = db_run('mysqli_slow_query', <<<PHP
\$m = new mysqli('127.0.0.1', 'root', '', '', $port);
PHP . <<<'PHP'

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
$m->query('CREATE DATABASE perf_test');
$m->select_db('perf_test');
$m->query('CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))');
$m->query("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
$m->query("SELECT SLEEP(0.06), 'secret'");
mysqli_query($m, "SELECT SLEEP(0.06), 'other'");
$m->real_query('SELECT SLEEP(0.06)');
$m->store_result()->free();
$st = $m->prepare('SELECT SLEEP(?), ?');
$st->execute([0.06, 'x']);
$st->get_result()->free();
$byId = mysqli_prepare($m, 'SELECT name FROM t WHERE id = ?');
for ($i = 0; $i < 12; $i++) {
    mysqli_stmt_execute($byId, [$i % 3]);
    mysqli_stmt_get_result($byId)->free();
}
$st3 = $m->stmt_init();
$st3->prepare('SELECT 1 + SLEEP(0.06)');
$st3->execute();
$st3->get_result()->free();
$st4 = new mysqli_stmt($m, 'SELECT SLEEP(0.06) + ?');
$st4->execute([2]);
$st4->get_result()->free();
$m->execute_query('SELECT SLEEP(?) AS s', [0.06])->free();
$m->multi_query('SELECT SLEEP(0.06); SELECT 2');
do {
    if ($r = $m->store_result()) {
        $r->free();
    }
} while ($m->next_result());
try {
    $m->query('SELECT * FROM missing WHERE SLEEP(0.06) = 0');
} catch (mysqli_sql_exception $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$db = perf_stats()['db'];
echo $db['queries'], ' queries, ', $db['slow'], " slow\n";
PHP, ['perf.slow_query_ms' => '50'], "<?php\n");
echo $result['output'];
echo db_summary($result['records'], ['sql', 'driver', 'operation', 'count']);
foreach ($result['records'] as $record) {
    if (isset($record['context']['time_ms']) && $record['context']['time_ms'] < 50) {
        echo "too short: ", json_encode($record), "\n";
    }
}
?>
--CLEAN--
<?php
require __DIR__ . '/mariadb.inc';
mariadb_stop('mysqli_slow_query');
?>
--EXPECT--
mysqli_sql_exception: Table 'perf_test.missing' doesn't exist
24 queries, 8 slow
Slow query detected | sql="SELECT SLEEP(?), ?" | driver="mysql" | operation="query" | count=(absent)
Slow query detected | sql="SELECT SLEEP(?), ?" | driver="mysql" | operation="query" | count=(absent)
Slow query detected | sql="SELECT SLEEP(?)" | driver="mysql" | operation="query" | count=(absent)
Slow query detected | sql="SELECT SLEEP(?), ?" | driver="mysql" | operation="execute" | count=(absent)
Slow query detected | sql="SELECT ? + SLEEP(?)" | driver="mysql" | operation="execute" | count=(absent)
Slow query detected | sql="SELECT SLEEP(?) + ?" | driver="mysql" | operation="execute" | count=(absent)
Slow query detected | sql="SELECT SLEEP(?) AS s" | driver="mysql" | operation="query" | count=(absent)
Slow query detected | sql="SELECT SLEEP(?); SELECT ?" | driver="mysql" | operation="query" | count=(absent)
Repeated query detected | sql="SELECT name FROM t WHERE id = ?" | driver="mysql" | operation=(absent) | count=12
