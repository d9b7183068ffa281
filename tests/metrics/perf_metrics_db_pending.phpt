--TEST--
perf_metrics(): a request's queries are added to the pool's series at its end (perf_request_end()) or when read; perf_metrics_reset() also drops the ones not added yet
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
perf.enable_cli=1
perf.log_file={PWD}/perf_metrics_db_pending.log
--FILE--
<?php
function series(string $name): float
{
    preg_match('/^' . preg_quote($name, '/') . ' (\S+)$/m', perf_metrics(), $m);
    return (float) ($m[1] ?? -1);
}
$db = new PDO('sqlite::memory:');
perf_metrics_reset();
$db->query('SELECT 1');
$db->query('SELECT 2');
perf_metrics_reset();
echo "after reset: ", series('perf_db_queries_total'), " ", series('perf_db_query_duration_seconds_count'), "\n";

perf_request_begin();
for ($i = 0; $i < 3; $i++) {
    $db->query("SELECT $i");
}
perf_request_end();
echo "after a logical request: ", series('perf_db_queries_total'), " ", series('perf_db_query_duration_seconds_count'), "\n";
$db->query('SELECT 4');
echo "a query between logical requests is not counted: ", series('perf_db_queries_total'), "\n";
perf_request_begin();
$db->query('SELECT 5');
echo "read again: ", series('perf_db_queries_total'), " ", series('perf_db_query_duration_seconds_bucket{le="+Inf"}'), "\n";
?>
--CLEAN--
<?php @unlink(__DIR__ . '/perf_metrics_db_pending.log'); ?>
--EXPECT--
after reset: 0 0
after a logical request: 3 3
a query between logical requests is not counted: 3
read again: 4 4
