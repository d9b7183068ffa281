--TEST--
End to end (fpm): a real Prometheus server scrapes /metrics through nginx + php-fpm and its HTTP API reports the right perf_requests_total
--SKIPIF--
<?php
require __DIR__ . '/http.inc';
e2e_skip_unless_running('PERF_E2E_NGINX');
if (!shell_exec('command -v prometheus')) {
	die('skip prometheus is not installed (Debian package prometheus)');
}
?>
--FILE--
<?php
require __DIR__ . '/metrics.inc';
$base = getenv('PERF_E2E_NGINX');

/* Figures fixed before Prometheus starts: the reset request, 12 of 2xx and 7 of 4xx; then only scrapes. */
e2e_get("$base/metrics/metrics.php?reset=1");
$urls = [];
for ($i = 0; $i < 12; $i++) {
	$urls[] = "$base/metrics/work.php?i=$i";
}
for ($i = 0; $i < 7; $i++) {
	$urls[] = "$base/metrics/work.php?status=404&i=$i";
}
e2e_fetch_parallel($urls, 4);

$dir = sys_get_temp_dir() . '/perf-e2e-prometheus-' . getmypid();
mkdir("$dir/data", 0700, true);
$server = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) explode(':', stream_socket_get_name($server, false))[1];
fclose($server);
$target = parse_url($base, PHP_URL_HOST) . ':' . parse_url($base, PHP_URL_PORT);
file_put_contents("$dir/prometheus.yml", <<<YAML
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: perf
    metrics_path: /metrics
    static_configs:
      - targets: ['$target']
YAML);
$prometheus = proc_open(['prometheus', "--config.file=$dir/prometheus.yml", "--storage.tsdb.path=$dir/data",
	"--web.listen-address=127.0.0.1:$port"], [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/prometheus.log", 'w'],
	2 => ['file', "$dir/prometheus.log", 'a']], $pipes);

function query(int $port, string $promql): ?float
{
	$reply = @file_get_contents("http://127.0.0.1:$port/api/v1/query?query=" . rawurlencode($promql));
	$data = $reply === false ? null : json_decode($reply, true);
	$result = $data['data']['result'] ?? [];
	return count($result) === 1 ? (float) $result[0]['value'][1] : null;
}

/* Up to 60 s for Prometheus to start and scrape the target at least twice. */
$deadline = microtime(true) + 60;
while (microtime(true) < $deadline && (query($port, 'count_over_time(up{job="perf"}[1h])') ?? 0) < 2) {
	usleep(250000);
}
$up = query($port, 'up{job="perf"}');
$fourxx = query($port, 'perf_requests_total{job="perf",status="4xx"}');
/* Each scrape is counted by the next one: 2xx minus the scrapes before the last one is what the test sent. */
$twoxx = query($port, 'sum(perf_requests_total{job="perf",status="2xx"}) - sum(count_over_time(up{job="perf"}[1h])) + 1');
$scrapes = query($port, 'count_over_time(up{job="perf"}[1h])');

proc_terminate($prometheus, SIGTERM);
$stopped = false;
for ($i = 0; $i < 100 && !$stopped; $i++) {
	$stopped = !proc_get_status($prometheus)['running'];
	usleep(100000);
}
if (!$stopped) {
	proc_terminate($prometheus, SIGKILL);
}
proc_close($prometheus);
$log = (string) @file_get_contents("$dir/prometheus.log");
shell_exec('rm -rf ' . escapeshellarg($dir));

e2e_check('target is up', $up === 1.0, "up=" . var_export($up, true) . "\n" . substr($log, -2000));
e2e_check('perf_requests_total{status="4xx"} is 7', $fourxx === 7.0, var_export($fourxx, true));
e2e_check('perf_requests_total{status="2xx"} is 13 plus earlier scrapes', $twoxx === 13.0,
	var_export($twoxx, true) . " after " . var_export($scrapes, true) . " scrapes");
e2e_check('prometheus stopped', $stopped);
?>
--EXPECT--
target is up: ok
perf_requests_total{status="4xx"} is 7: ok
perf_requests_total{status="2xx"} is 13 plus earlier scrapes: ok
prometheus stopped: ok
