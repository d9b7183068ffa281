--TEST--
perf_dashboard(): a self-contained page (no script, nothing loaded from elsewhere) whose slow-request ring shows a real request, escaped
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
	die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_perf_dashboard_basic.log
--FILE--
<?php
require __DIR__ . '/../request/helpers.inc';

/* php-cgi -T 2 runs the script twice in one process: a slow 503 request, then one that renders the page. */
$script = sys_get_temp_dir() . '/perf_dashboard_basic.php';
$marker = sys_get_temp_dir() . '/perf_dashboard_basic.marker';
@unlink($marker);
file_put_contents($script, <<<'PHP'
<?php
$marker = sys_get_temp_dir() . '/perf_dashboard_basic.marker';
if (!file_exists($marker)) {
	touch($marker);
	http_response_code(503);
	usleep(30000);
	return;
}
unlink($marker);
echo "===PAGE===\n", perf_dashboard();
PHP);
$out = perf_exec(perf_command(getenv('TEST_PHP_CGI_EXECUTABLE'), ['perf.slow_request_ms' => 20, 'perf.log_file' => ini_get('perf.log_file')])
	. ' -T 2 ' . escapeshellarg($script), perf_cgi_env($script, ['REQUEST_METHOD' => 'POST', 'REQUEST_URI' => "/orders/<b>&\"x\"?q='1'"]), false);
$page = substr($out, strpos($out, "===PAGE===\n") + 11);
unlink($script);
@unlink(ini_get('perf.log_file'));

var_dump(str_starts_with($page, "<!DOCTYPE html>\n"), str_ends_with($page, "</html>\n"));
preg_match_all('/<tr class="slow">(.*?)<\/tr>/', $page, $rows);
echo count($rows[1]), " slow request\n";
/* Time and duration vary: the duration is at least the 30 ms slept. */
preg_match('/<td>([0-9.]+) ms<\/td>$/', $rows[1][0], $ms);
var_dump((float) $ms[1] >= 30);
echo preg_replace(['/^<td>[-0-9: .]+<\/td>/', '/<td>[0-9.]+ ms<\/td>$/'], ['<td>TIME</td>', '<td>DURATION</td>'], $rows[1][0]), "\n";
preg_match_all('/<svg id="([^"]+)"/', $page, $charts);
echo implode(' ', $charts[1]), "\n";
var_dump(preg_match('/<script|\ssrc=|\shref=|url\(|@import/i', $page));
var_dump(str_contains($page, "Content-Security-Policy\" content=\"default-src 'none'"));
echo preg_match('/id="card-5xx"><div class="label">5xx<\/div><div class="value">1</', $page) ? "5xx card: 1\n" : "5xx card wrong\n";
echo preg_match('/id="card-slow"><div class="label">slow requests<\/div><div class="value">1</', $page) ? "slow card: 1\n" : "slow card wrong\n";
/* The latency chart has one bar per bucket plus +Inf; the one request's bar is the only non-zero one. */
preg_match('/<svg id="chart-latency".*?<\/svg>/s', $page, $latency);
preg_match_all('/class="bar"[^>]*data-value="([0-9.]+)"/', $latency[0], $values);
echo count($values[1]), ' bars, total ', array_sum($values[1]), "\n";
?>
--EXPECT--
bool(true)
bool(true)
1 slow request
bool(true)
<td>TIME</td><td>POST</td><td class="uri">/orders/&lt;b&gt;&amp;&quot;x&quot;?q=&#39;1&#39;</td><td>503</td><td>DURATION</td>
chart-rate chart-latency chart-cache-hits chart-cache-memory chart-db
int(0)
bool(true)
5xx card: 1
slow card: 1
12 bars, total 1
