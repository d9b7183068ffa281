--TEST--
perf_metrics(): promtool check metrics accepts the output, with application series of every type and escaped label values and OPcache gauges
--EXTENSIONS--
opcache
--SKIPIF--
<?php
require __DIR__ . '/metrics.inc';
promtool_skip();
/* run-tests -m traces child processes: valgrind would run promtool, a Go binary it reports errors in. */
if (getenv('USE_ZEND_ALLOC') === '0') {
	die('skip promtool is not run under valgrind');
}
?>
--INI--
opcache.enable=1
opcache.enable_cli=1
opcache.jit=off
opcache.jit_buffer_size=0
perf.log_file={TMP}/perf_perf_metrics_promtool.log
perf.slow_request_ms=1
--FILE--
<?php
require __DIR__ . '/metrics.inc';

fake_request(200, 2000);
fake_request(500);
perf_counter_inc('app_jobs_total', 3, ['queue' => "quote\" back\\slash \\n {braces} = # del\x7f", 'env' => 'prod']);
perf_counter_inc('app_jobs_total', 1, ['queue' => 'other', 'env' => 'prod']);
perf_gauge_set('app_temperature_celsius', -12.5);
perf_gauge_set('app_city_info', 1, ['city' => 'München 東京 🙂']);
perf_gauge_set('app_big', 1e300);
perf_gauge_set('app_inf', INF);
perf_histogram_observe('app_job_duration_seconds', 0.2, ['queue' => 'a']);
perf_histogram_observe('app_job_duration_seconds', 20, ['queue' => 'b']);

$text = perf_metrics();
[$rc, $out] = promtool_check($text);
echo "promtool exit code: $rc\n", $out;
echo metric_family('app_jobs_total', $text);
var_dump(metric('app_inf', $text), metric('app_big', $text), metric('perf_opcache_enabled', $text));
?>
--EXPECT--
promtool exit code: 0
# HELP app_jobs_total Application metric.
# TYPE app_jobs_total counter
app_jobs_total{env="prod",queue="other"} 1
app_jobs_total{env="prod",queue="quote\" back\\slash \\n {braces} = # del"} 3
float(INF)
float(1.0E+300)
float(1)
