--TEST--
perf_metrics_reset() also frees application series: after a flood of high-cardinality series fills perf.metrics_max_series, a reset makes room again (in every process sharing the segment)
--EXTENSIONS--
pcntl
--INI--
perf.log_file={TMP}/perf_perf_metrics_reset_series.log
perf.metrics_max_series=50
--FILE--
<?php
require __DIR__ . '/metrics.inc';

// A label fed from user input: every request makes a new series, until the cap.
$stored = 0;
for ($i = 0; $i < 80; $i++) {
	$stored += perf_counter_inc('app_flood_total', 1, ['session' => bin2hex(random_bytes(8))]);
}
var_dump($stored, perf_counter_inc('app_wanted_total'), metric('perf_metrics_series'),
	metric('perf_metrics_series_dropped_total'));

perf_metrics_reset();
$text = perf_metrics();
var_dump(metric_family('app_flood_total', $text), metric('perf_metrics_series', $text),
	metric('perf_metrics_series_dropped_total', $text));

// Room again, seen by another process of the same segment (a forked worker).
$pid = pcntl_fork();
if ($pid === 0) {
	perf_counter_inc('app_wanted_total', 2);
	perf_gauge_set('app_flood_total', 7);
	exit(0);
}
pcntl_waitpid($pid, $status);
var_dump(perf_counter_inc('app_wanted_total'));
$text = perf_metrics();
echo metric_family('app_wanted_total', $text), metric_family('app_flood_total', $text);
var_dump(metric('perf_metrics_series', $text));

// Filling the cap again works exactly as the first time: no slot is lost to the reset.
for ($i = 2; $i < 60; $i++) {
	perf_counter_inc('app_other_total', 1, ['n' => (string) $i]);
}
var_dump(metric('perf_metrics_series'), metric('perf_metrics_series_dropped_total'));
?>
--EXPECT--
int(50)
bool(false)
float(50)
float(31)
string(0) ""
float(0)
float(0)
bool(true)
# HELP app_wanted_total Application metric.
# TYPE app_wanted_total counter
app_wanted_total 3
# HELP app_flood_total Application metric.
# TYPE app_flood_total gauge
app_flood_total 7
float(2)
float(50)
float(10)
