--TEST--
perf.metrics_enabled=0: no segment, perf_metrics() says so, application metrics are validated but not kept
--INI--
perf.log_file={TMP}/perf_perf_metrics_disabled.log
perf.metrics_enabled=0
--FILE--
<?php
require __DIR__ . '/metrics.inc';
fake_request();
echo perf_metrics();
var_dump(perf_counter_inc('app_x_total'), perf_gauge_set('app_y', 1), perf_histogram_observe('app_z', 1));
perf_metrics_reset();
try {
	perf_counter_inc('bad name');
} catch (ValueError $e) {
	echo $e->getMessage(), "\n";
}
var_dump(ini_set('perf.metrics_enabled', '1'));
?>
--EXPECT--
# perf metrics are off (perf.metrics_enabled=0)
bool(false)
bool(false)
bool(false)
perf_counter_inc(): Argument #1 ($name) must be a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)
bool(false)
