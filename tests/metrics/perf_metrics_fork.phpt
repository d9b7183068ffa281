--TEST--
Metrics: processes forked after startup share one segment: concurrent requests, counters and new series add up exactly
--EXTENSIONS--
pcntl
--INI--
perf.log_file={TMP}/perf_perf_metrics_fork.log
perf.slow_request_ms=0
--FILE--
<?php
require __DIR__ . '/metrics.inc';

perf_metrics_reset();
$children = [];
for ($c = 0; $c < 4; $c++) {
	$pid = pcntl_fork();
	if ($pid === 0) {
		for ($i = 0; $i < 500; $i++) {
			fake_request($i % 5 === 0 ? 404 : 200);
			/* Every child creates the same 20 series at the same time, and adds to them. */
			perf_counter_inc('app_work_total', 0.5, ['slot' => (string) ($i % 20)]);
			perf_histogram_observe('app_work_seconds', ($i % 10) / 10);
		}
		exit(0);
	}
	$children[] = $pid;
}
foreach ($children as $pid) {
	pcntl_waitpid($pid, $status);
}
$text = perf_metrics();
var_dump(metric('perf_requests_total{status="2xx"}', $text), metric('perf_requests_total{status="4xx"}', $text));
var_dump(metric('perf_request_duration_seconds_count', $text));
var_dump(metric('perf_metrics_series', $text));
$sum = 0;
for ($s = 0; $s < 20; $s++) {
	$sum += metric("app_work_total{slot=\"$s\"}", $text);
}
var_dump($sum, metric('app_work_seconds_count', $text), round(metric('app_work_seconds_sum', $text), 6));
?>
--EXPECT--
float(1600)
float(400)
float(2000)
float(21)
float(1000)
float(2000)
float(900)
