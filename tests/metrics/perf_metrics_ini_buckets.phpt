--TEST--
INI: perf.metrics_buckets sets the duration histograms' bounds; malformed lists are refused
--INI--
perf.log_file={TMP}/perf_perf_metrics_ini_buckets.log
perf.metrics_buckets="0.001, 0.25,3"
--FILE--
<?php
require __DIR__ . '/metrics.inc';
fake_request();
$text = perf_metrics();
foreach (['perf_request_duration_seconds', 'perf_db_query_duration_seconds'] as $name) {
	preg_match_all('/^' . $name . '_bucket\{le="([^"]+)"\} (\d+)/m', $text, $m);
	echo implode(',', $m[1]), ' ', end($m[2]), "\n";
}
require __DIR__ . '/../request/helpers.inc';
foreach (['', '0.1,,1', '0,1', 'a', '1 2', implode(',', range(1, 31)), '-1', 'INF'] as $bad) {
	$out = perf_exec(perf_command(getenv('TEST_PHP_EXECUTABLE'), ['perf.metrics_buckets' => $bad])
		. ' -r ' . escapeshellarg('echo ini_get("perf.metrics_buckets");'), []);
	echo str_contains($out, 'Invalid value "' . $bad . '" for perf.metrics_buckets') && str_ends_with($out, '0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10')
		? "refused: $bad\n" : "accepted: $bad: $out\n";
}
?>
--EXPECTF--
0.001,0.25,3,+Inf 1
0.001,0.25,3,+Inf 0
refused: 
refused: 0.1,,1
refused: 0,1
refused: a
refused: 1 2
refused: %s
refused: -1
refused: INF
