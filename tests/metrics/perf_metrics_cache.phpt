--TEST--
perf_metrics(): cache operations per driver, operation and result come from the cache's own counters and restart at perf_metrics_reset()
--INI--
perf.log_file={TMP}/perf_perf_metrics_cache.log
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require __DIR__ . '/metrics.inc';

perf_cache_set('a', 1);
perf_cache_get('a');
perf_metrics_reset();
var_dump(metric('perf_cache_operations_total{driver="memory",op="get",result="hit"}'));

perf_cache_set('a', 1);
perf_cache_set('b', [1, 2]);
perf_cache_get('a');
perf_cache_get('b');
perf_cache_get('a');
perf_cache_get('missing');
perf_cache_delete('a');
$text = perf_metrics();
echo preg_replace('/^perf_cache_operations_total\{driver="(file|redis)".*\n/m', '', metric_family('perf_cache_operations_total', $text));
var_dump(metric('perf_cache_memory_used_bytes{driver="memory"}', $text) > 0);
var_dump(metric('perf_cache_memory_size_bytes{driver="memory"}', $text) > 4 * 1024 * 1024);
$stats = perf_cache_stats();
var_dump($stats['hits'] - 1 === (int) metric('perf_cache_operations_total{driver="memory",op="get",result="hit"}', $text));
?>
--EXPECT--
float(0)
# HELP perf_cache_operations_total Cache operations by driver, operation and result (op="any" for backend errors of any operation).
# TYPE perf_cache_operations_total counter
perf_cache_operations_total{driver="memory",op="get",result="hit"} 3
perf_cache_operations_total{driver="memory",op="get",result="miss"} 1
perf_cache_operations_total{driver="memory",op="get",result="stale"} 0
perf_cache_operations_total{driver="memory",op="set",result="stored"} 2
perf_cache_operations_total{driver="memory",op="delete",result="deleted"} 1
perf_cache_operations_total{driver="memory",op="any",result="error"} 0
bool(true)
bool(true)
bool(true)
