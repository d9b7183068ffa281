--TEST--
perf_metrics(): requests at or over perf.slow_request_ms count as slow; peak memory per request lands in its histogram
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') {
	die('skip the engine keeps no memory counters with USE_ZEND_ALLOC=0');
}
?>
--INI--
perf.log_file={TMP}/perf_perf_metrics_slow.log
perf.slow_request_ms=20
--FILE--
<?php
require __DIR__ . '/metrics.inc';
fake_request(200, 30000);
fake_request(500, 25000);
fake_request();
perf_request_begin();
$big = str_repeat('x', 3 * 1024 * 1024);
perf_request_end();
unset($big);
$text = perf_metrics();
var_dump(metric('perf_slow_requests_total', $text));
var_dump(metric('perf_request_duration_seconds_bucket{le="0.01"}', $text));
var_dump(metric('perf_request_duration_seconds_bucket{le="0.05"}', $text));
var_dump(metric('perf_request_memory_peak_bytes_bucket{le="2097152"}', $text));
var_dump(metric('perf_request_memory_peak_bytes_bucket{le="4194304"}', $text));
@unlink(ini_get('perf.log_file'));
?>
--EXPECT--
float(2)
float(2)
float(4)
float(3)
float(4)
