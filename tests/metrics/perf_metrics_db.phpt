--TEST--
perf_metrics(): database queries timed by the PDO hooks are counted in perf_db_queries_total, perf_db_slow_queries_total and the perf_db_query_duration_seconds histogram
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
perf.enable_cli=1
perf.slow_query_ms=1000
perf.log_file={PWD}/perf_metrics_db.log
--FILE--
<?php
function series(string $name): float
{
    preg_match('/^' . preg_quote($name, '/') . ' (\S+)$/m', perf_metrics(), $m);
    return (float) ($m[1] ?? -1);
}
perf_metrics_reset();
$db = new PDO('sqlite::memory:');
$db->sqliteCreateFunction('slow', function ($v) { usleep(1100000); return $v; });
$db->exec('CREATE TABLE t (id INTEGER)');
$insert = $db->prepare('INSERT INTO t VALUES (?)');
for ($i = 0; $i < 5; $i++) {
    $insert->execute([$i]);
}
$db->query('SELECT slow(1)')->fetchAll();
$stats = perf_stats()['db'];
var_dump($stats['queries'], $stats['slow']);
var_dump(series('perf_db_queries_total'), series('perf_db_slow_queries_total'));
var_dump(series('perf_db_query_duration_seconds_count'));
var_dump(series('perf_db_query_duration_seconds_sum') >= 1.1);
var_dump(series('perf_db_query_duration_seconds_bucket{le="1"}'));
?>
--CLEAN--
<?php @unlink(__DIR__ . '/perf_metrics_db.log'); ?>
--EXPECT--
int(7)
int(1)
float(7)
float(1)
float(7)
bool(true)
float(6)
