--TEST--
perf.metrics_max_series: past the cap new series are dropped and counted, existing ones keep counting
--INI--
perf.log_file={TMP}/perf_perf_metrics_max_series.log
perf.metrics_max_series=3
--FILE--
<?php
require __DIR__ . '/metrics.inc';

for ($i = 0; $i < 5; $i++) {
	var_dump(perf_counter_inc('app_hits_total', 1, ['user' => "u$i"]));
}
var_dump(perf_gauge_set('app_other', 1));
var_dump(perf_counter_inc('app_hits_total', 1, ['user' => 'u0']));
$text = perf_metrics();
echo metric_family('app_hits_total', $text);
var_dump(metric('perf_metrics_series', $text), metric('perf_metrics_series_limit', $text),
	metric('perf_metrics_series_dropped_total', $text));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(true)
# HELP app_hits_total Application metric.
# TYPE app_hits_total counter
app_hits_total{user="u0"} 2
app_hits_total{user="u1"} 1
app_hits_total{user="u2"} 1
float(3)
float(3)
float(3)
