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
// The two requests below count as fast only if they were (a 3 MiB string can take 10 ms or more of
// page faults on a busy machine): their own durations, as perf_request_end() reports them, decide.
perf_request_begin();
$empty_ms = perf_request_end();
perf_request_begin();
$big = str_repeat('x', 3 * 1024 * 1024);
$big_ms = perf_request_end();
unset($big);
$text = perf_metrics();
function expect(string $series, float $expected, string $text): void
{
	$got = metric($series, $text);
	echo $series, ': ', $got === $expected ? 'as expected' : "got $got, expected $expected", "\n";
}
expect('perf_slow_requests_total', 2 + ($big_ms >= 20 ? 1 : 0), $text);
expect('perf_request_duration_seconds_bucket{le="0.01"}', ($empty_ms <= 10 ? 1 : 0) + ($big_ms <= 10 ? 1 : 0), $text);
expect('perf_request_duration_seconds_bucket{le="0.05"}', 4 - ($big_ms > 50 ? 1 : 0), $text);
var_dump(metric('perf_request_memory_peak_bytes_bucket{le="2097152"}', $text));
var_dump(metric('perf_request_memory_peak_bytes_bucket{le="4194304"}', $text));
@unlink(ini_get('perf.log_file'));
?>
--EXPECT--
perf_slow_requests_total: as expected
perf_request_duration_seconds_bucket{le="0.01"}: as expected
perf_request_duration_seconds_bucket{le="0.05"}: as expected
float(3)
float(4)
