--TEST--
perf_metrics(): requests by status class, the duration histogram with cumulative buckets, HELP and TYPE lines
--INI--
perf.log_file={TMP}/perf_perf_metrics_basic.log
perf.slow_request_ms=0
--FILE--
<?php
require __DIR__ . '/metrics.inc';

perf_metrics_reset();
fake_request();
fake_request(201);
fake_request(302);
fake_request(404);
fake_request(404);
fake_request(503);
fake_request(100);

echo metric_family('perf_requests_total');
$text = perf_metrics();
var_dump(metric('perf_request_duration_seconds_count', $text));
var_dump(metric('perf_request_duration_seconds_bucket{le="+Inf"}', $text));
var_dump(metric('perf_request_duration_seconds_bucket{le="10"}', $text));
var_dump(metric('perf_request_duration_seconds_sum', $text) > 0);
var_dump(metric('perf_request_memory_peak_bytes_count', $text));
var_dump(metric('perf_slow_requests_total', $text));

// Buckets are cumulative: never decreasing, ending at the count.
preg_match_all('/^perf_request_duration_seconds_bucket\{le="([^"]+)"\} (\d+)$/m', $text, $m);
echo implode(',', $m[1]), "\n";
$sorted = $m[2];
sort($sorted, SORT_NUMERIC);
var_dump($sorted === $m[2]);

// Every sample belongs to a family announced by HELP and TYPE, each exactly once.
preg_match_all('/^# TYPE (\S+) (counter|gauge|histogram)$/m', $text, $types);
preg_match_all('/^# HELP (\S+) \S/m', $text, $helps);
var_dump($types[1] === $helps[1], count($types[1]) === count(array_unique($types[1])));
foreach (explode("\n", trim($text)) as $line) {
	if ($line[0] !== '#' && !preg_match('/^(' . implode('|', $types[1]) . ')(_bucket|_sum|_count)?(\{[^}]*\})? \S+$/', $line)) {
		echo "stray line: $line\n";
	}
}
?>
--EXPECT--
# HELP perf_requests_total Requests finished, by HTTP status class.
# TYPE perf_requests_total counter
perf_requests_total{status="1xx"} 1
perf_requests_total{status="2xx"} 2
perf_requests_total{status="3xx"} 1
perf_requests_total{status="4xx"} 2
perf_requests_total{status="5xx"} 1
float(7)
float(7)
float(7)
bool(true)
float(7)
float(0)
0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,+Inf
bool(true)
bool(true)
bool(true)
