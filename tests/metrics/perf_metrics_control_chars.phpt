--TEST--
perf_counter_inc() and friends: NUL and other C0 control characters in names, label names and label values are ValueErrors naming the argument, and the scrape stays valid
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
perf.log_file={TMP}/perf_perf_metrics_control_chars.log
--FILE--
<?php
require __DIR__ . '/metrics.inc';

function attempt(string $what, callable $call): void
{
	try {
		var_dump($call());
		echo "$what: no error\n";
	} catch (ValueError $e) {
		echo "$what: ", $e->getMessage(), "\n";
	}
}

// The reproduction: a NUL in a label value used to be stored, then rendered as app_orders_total{channel="web} 1.
attempt('NUL in a label value', fn () => perf_counter_inc('app_orders_total', 1, ['channel' => "web\0x"]));
attempt('NUL in a gauge label', fn () => perf_gauge_set('app_g', 1, ['v' => "a\0b"]));
attempt('NUL in a histogram label', fn () => perf_histogram_observe('app_h', 1, ['v' => "\0"]));
attempt('NUL in a metric name', fn () => perf_counter_inc("app_total\0x"));
attempt('NUL in a label name', fn () => perf_counter_inc('app_total', 1, ["v\0x" => 'a']));
attempt('newline in a label name', fn () => perf_counter_inc('app_total', 1, ["v\n" => 'a']));

$refused = 0;
for ($byte = 0; $byte < 0x20; $byte++) {
	try {
		perf_counter_inc('app_orders_total', 1, ['channel' => 'a' . chr($byte) . 'b']);
		printf("byte 0x%02X in a label value: accepted\n", $byte);
	} catch (ValueError $e) {
		$refused++;
	}
	try {
		perf_gauge_set('app_x' . chr($byte), 1);
		printf("byte 0x%02X in a metric name: accepted\n", $byte);
	} catch (ValueError $e) {
		$refused++;
	}
}
echo "$refused of 64 refused\n";

// Bytes at and above 0x20 are fine, escaped where the format needs it.
var_dump(perf_counter_inc('app_orders_total', 1, ['channel' => "web \\ \" \x7f ok"]));
$text = perf_metrics();
echo metric_family('app_orders_total', $text);
var_dump(metric('perf_metrics_series', $text));
[$rc, $out] = promtool_check($text);
echo "promtool exit code: $rc\n", $out;
?>
--EXPECT--
NUL in a label value: perf_counter_inc(): Argument #3 ($labels) must have values without control characters (NUL, tab, newline or any other byte below 0x20)
NUL in a gauge label: perf_gauge_set(): Argument #3 ($labels) must have values without control characters (NUL, tab, newline or any other byte below 0x20)
NUL in a histogram label: perf_histogram_observe(): Argument #3 ($labels) must have values without control characters (NUL, tab, newline or any other byte below 0x20)
NUL in a metric name: perf_counter_inc(): Argument #1 ($name) must be a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)
NUL in a label name: perf_counter_inc(): Argument #3 ($labels) must have valid Prometheus label names as keys ([a-zA-Z_][a-zA-Z0-9_]*, not starting with "__")
newline in a label name: perf_counter_inc(): Argument #3 ($labels) must have valid Prometheus label names as keys ([a-zA-Z_][a-zA-Z0-9_]*, not starting with "__")
64 of 64 refused
bool(true)
# HELP app_orders_total Application metric.
# TYPE app_orders_total counter
app_orders_total{channel="web \\ \"  ok"} 1
float(1)
promtool exit code: 0
