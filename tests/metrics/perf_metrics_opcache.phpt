--TEST--
perf_metrics(): OPcache gauges read when rendering, equal to opcache_get_status()
--EXTENSIONS--
opcache
--INI--
perf.log_file={TMP}/perf_perf_metrics_opcache.log
opcache.enable=1
opcache.enable_cli=1
opcache.jit=off
opcache.jit_buffer_size=0
--FILE--
<?php
require __DIR__ . '/metrics.inc';

$included = sys_get_temp_dir() . '/perf_perf_metrics_opcache.inc';
file_put_contents($included, '<?php return 1;');
include $included;
include $included;

$text = perf_metrics();
$status = opcache_get_status(false);
$s = $status['opcache_statistics'];
var_dump(metric('perf_opcache_enabled', $text));
var_dump(abs(metric('perf_opcache_hit_ratio', $text) - $s['hits'] / ($s['hits'] + $s['misses'])) < 1e-9);
var_dump(metric('perf_opcache_hit_ratio', $text) > 0 && metric('perf_opcache_hit_ratio', $text) < 1);
var_dump(metric('perf_opcache_cached_scripts', $text) == $s['num_cached_scripts']);
var_dump(metric('perf_opcache_memory_used_bytes', $text) > 0, metric('perf_opcache_memory_free_bytes', $text) > 0);
var_dump(metric('perf_opcache_memory_wasted_bytes', $text) !== null);
var_dump(metric('perf_opcache_restarts_total{reason="oom"}', $text));
unlink($included);
?>
--EXPECT--
float(1)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
float(0)
