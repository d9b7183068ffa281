--TEST--
End to end (fpm): metrics aggregate every worker of the pool: after N requests the 2xx counter is exactly N plus the scrapes
--SKIPIF--
<?php require __DIR__ . '/http.inc'; e2e_skip_unless_running('PERF_E2E_NGINX'); ?>
--FILE--
<?php
require __DIR__ . '/metrics.inc';
$base = getenv('PERF_E2E_NGINX');

/* The reset request itself is counted when it ends: 1 request of 2xx from here on. */
e2e_get("$base/metrics/metrics.php?reset=1");
$urls = [];
for ($i = 0; $i < 40; $i++) {
	$urls[] = "$base/metrics/work.php?ms=20&i=$i";
}
for ($i = 0; $i < 10; $i++) {
	$urls[] = "$base/metrics/work.php?status=404&i=$i";
}
$urls[] = "$base/metrics/work.php?status=503&ms=250";
$replies = e2e_fetch_parallel($urls, 4);
$pids = array_unique(array_column(array_filter($replies), 'pid'));
e2e_check('every request answered', count(array_filter($replies)) === 51);
e2e_check('both workers served requests', count($pids) === 2, json_encode($pids));

$scrape = e2e_get("$base/metrics");
$text = $scrape['body'];
e2e_check('scrape is text/plain 0.0.4', in_array('text/plain; version=0.0.4; charset=utf-8', e2e_header_values($scrape, 'Content-Type'), true));
e2e_check('2xx is exactly 40 + the reset', e2e_metric($text, 'perf_requests_total{status="2xx"}') === 41.0, (string) e2e_metric($text, 'perf_requests_total{status="2xx"}'));
e2e_check('4xx is exactly 10', e2e_metric($text, 'perf_requests_total{status="4xx"}') === 10.0);
e2e_check('5xx is exactly 1', e2e_metric($text, 'perf_requests_total{status="5xx"}') === 1.0);
e2e_check('one slow request (over 200 ms)', e2e_metric($text, 'perf_slow_requests_total') === 1.0);
e2e_check('duration histogram counted all 52', e2e_metric($text, 'perf_request_duration_seconds_count') === 52.0);
e2e_check('no request faster than 20 ms among the 40', e2e_metric($text, 'perf_request_duration_seconds_bucket{le="0.01"}') <= 12.0);
e2e_check('the slow one above 0.25 s', e2e_metric($text, 'perf_request_duration_seconds_bucket{le="0.25"}') === 51.0);

$again = e2e_get("$base/metrics")['body'];
e2e_check('the first scrape is counted by the second', e2e_metric($again, 'perf_requests_total{status="2xx"}') === 42.0);

/* The slow request, served by either worker, is in the dashboard's ring that every worker shares. */
$page = e2e_get("$base/metrics/dashboard.php")['body'];
e2e_check('dashboard lists the slow request', (bool) preg_match(
	'#<tr class="slow"><td>[^<]+</td><td>GET</td><td class="uri">/metrics/work\.php\?status=503&amp;ms=250</td><td>503</td>#', $page));

if (shell_exec('command -v promtool')) {
	$proc = proc_open(['promtool', 'check', 'metrics'], [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
	fwrite($pipes[0], $again);
	fclose($pipes[0]);
	$out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
	e2e_check('promtool accepts the scrape', proc_close($proc) === 0, $out);
} else {
	e2e_check('promtool accepts the scrape', true);
}
?>
--EXPECT--
every request answered: ok
both workers served requests: ok
scrape is text/plain 0.0.4: ok
2xx is exactly 40 + the reset: ok
4xx is exactly 10: ok
5xx is exactly 1: ok
one slow request (over 200 ms): ok
duration histogram counted all 52: ok
no request faster than 20 ms among the 40: ok
the slow one above 0.25 s: ok
the first scrape is counted by the second: ok
dashboard lists the slow request: ok
promtool accepts the scrape: ok
