--TEST--
perf_counter_inc(), perf_gauge_set(), perf_histogram_observe(): invalid names, labels and values are ValueErrors and record nothing
--INI--
perf.log_file={TMP}/perf_perf_counter_inc_error.log
--FILE--
<?php
require __DIR__ . '/metrics.inc';

perf_counter_inc('app_typed_total');
$calls = [
	'empty name' => fn () => perf_counter_inc(''),
	'leading digit' => fn () => perf_counter_inc('1app'),
	'dash' => fn () => perf_gauge_set('app-x', 1),
	'reserved prefix' => fn () => perf_counter_inc('perf_requests_total'),
	'negative by' => fn () => perf_counter_inc('app_a_total', -1),
	'NAN by' => fn () => perf_counter_inc('app_a_total', NAN),
	'INF by' => fn () => perf_counter_inc('app_a_total', INF),
	'NAN gauge' => fn () => perf_gauge_set('app_g', NAN),
	'NAN observation' => fn () => perf_histogram_observe('app_h', NAN),
	'list labels' => fn () => perf_counter_inc('app_a_total', 1, ['x']),
	'label with colon' => fn () => perf_counter_inc('app_a_total', 1, ['a:b' => 'x']),
	'reserved label' => fn () => perf_counter_inc('app_a_total', 1, ['__name' => 'x']),
	'int label value' => fn () => perf_counter_inc('app_a_total', 1, ['code' => 200]),
	'latin-1 label value' => fn () => perf_counter_inc('app_a_total', 1, ['city' => "M\xfcnchen"]),
	'truncated UTF-8' => fn () => perf_counter_inc('app_a_total', 1, ['city' => "M\xc3"]),
	'le on histogram' => fn () => perf_histogram_observe('app_h', 1, ['le' => '1']),
	'too long' => fn () => perf_counter_inc('app_a_total', 1, ['a' => str_repeat('x', 300)]),
	'other type, same series' => fn () => perf_gauge_set('app_typed_total', 1),
	'other type, new labels' => fn () => perf_histogram_observe('app_typed_total', 1, ['k' => 'v']),
	'string by' => fn () => perf_counter_inc('app_a_total', 'many'),
];
foreach ($calls as $what => $call) {
	try {
		$call();
		echo "$what: no error\n";
	} catch (Throwable $e) {
		echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n";
	}
}
// Only the first, valid series exists.
var_dump(metric('perf_metrics_series'));
echo metric_family('app_typed_total');
?>
--EXPECT--
empty name: ValueError: perf_counter_inc(): Argument #1 ($name) must be a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)
leading digit: ValueError: perf_counter_inc(): Argument #1 ($name) must be a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)
dash: ValueError: perf_gauge_set(): Argument #1 ($name) must be a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)
reserved prefix: ValueError: perf_counter_inc(): Argument #1 ($name) must not start with "perf_" (reserved for perf's own metrics)
negative by: ValueError: perf_counter_inc(): Argument #2 ($by) must be a finite number, 0 or more
NAN by: ValueError: perf_counter_inc(): Argument #2 ($by) must be a finite number, 0 or more
INF by: ValueError: perf_counter_inc(): Argument #2 ($by) must be a finite number, 0 or more
NAN gauge: ValueError: perf_gauge_set(): Argument #2 ($value) must not be NAN
NAN observation: ValueError: perf_histogram_observe(): Argument #2 ($value) must not be NAN
list labels: ValueError: perf_counter_inc(): Argument #3 ($labels) must have valid Prometheus label names as keys ([a-zA-Z_][a-zA-Z0-9_]*, not starting with "__")
label with colon: ValueError: perf_counter_inc(): Argument #3 ($labels) must have valid Prometheus label names as keys ([a-zA-Z_][a-zA-Z0-9_]*, not starting with "__")
reserved label: ValueError: perf_counter_inc(): Argument #3 ($labels) must have valid Prometheus label names as keys ([a-zA-Z_][a-zA-Z0-9_]*, not starting with "__")
int label value: ValueError: perf_counter_inc(): Argument #3 ($labels) must have string values
latin-1 label value: ValueError: perf_counter_inc(): Argument #3 ($labels) must have valid UTF-8 values
truncated UTF-8: ValueError: perf_counter_inc(): Argument #3 ($labels) must have valid UTF-8 values
le on histogram: ValueError: perf_histogram_observe(): Argument #3 ($labels) must not have a label named "le" for a histogram
too long: ValueError: perf_counter_inc(): Argument #3 ($labels) makes the series too long (name and labels at most 256 bytes)
other type, same series: ValueError: perf_gauge_set(): Argument #1 ($name) is already registered as a counter
other type, new labels: ValueError: perf_histogram_observe(): Argument #1 ($name) is already registered as a counter
string by: TypeError: perf_counter_inc(): Argument #2 ($by) must be of type float, string given
float(1)
# HELP app_typed_total Application metric.
# TYPE app_typed_total counter
app_typed_total 1
