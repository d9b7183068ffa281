--TEST--
Application series: creating one costs the same with 100,000 series as with none (no walk over the whole index under the lock); all 100,000 of perf.metrics_max_series fit within a few seconds
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') {
	die('skip timing under valgrind means nothing');
}
?>
--INI--
perf.log_file={TMP}/perf_perf_metrics_series_speed.log
perf.metrics_max_series=100000
memory_limit=512M
--FILE--
<?php
require __DIR__ . '/metrics.inc';

/* bench/metrics_series.sh measures about 0.1 s for the 100,000; the budget leaves room for a loaded machine. */
$budget_ns = 5e9;
$start = hrtime(true);
$created = 0;
/* In batches of 1000, so that a slow build stops at the budget instead of running for minutes. */
for ($i = 0; $i < 100000 && hrtime(true) - $start < $budget_ns; $i += 1000) {
	for ($j = $i; $j < $i + 1000; $j++) {
		$created += perf_counter_inc('app_speed_total', 1, ['id' => (string) $j]);
	}
}
echo "created within the budget: $created\n";
var_dump(metric('perf_metrics_series'), metric('perf_metrics_series_dropped_total'));
// One more is dropped, not slower: the cap is reached.
var_dump(perf_counter_inc('app_speed_total', 1, ['id' => 'one more']), metric('perf_metrics_series_dropped_total'));
$text = perf_metrics();
var_dump(substr_count($text, "\napp_speed_total{"));
?>
--EXPECT--
created within the budget: 100000
float(100000)
float(0)
bool(false)
float(1)
int(100000)
