--TEST--
End to end (fpm): 400 concurrent requests over 2 workers with log_all_requests give 400 records that all parse
--SKIPIF--
<?php require __DIR__ . '/http.inc'; e2e_skip_unless_running('PERF_E2E_NGINX'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
$base = getenv('PERF_E2E_NGINX') . '/all';
$log = getenv('PERF_E2E_DIR') . '/logs/all.log';
$offset = e2e_log_size($log);

$n = 400;
$config = tempnam(sys_get_temp_dir(), 'perf-curl');
$lines = '';
for ($i = 0; $i < $n; $i++) {
	$lines .= "url = \"$base/page.php?i=$i\"\noutput = \"/dev/null\"\n";
}
file_put_contents($config, $lines);
$codes = shell_exec('curl -s --no-progress-meter --parallel --parallel-max 32 -w "%{http_code}\n" -K ' . escapeshellarg($config) . ' 2>/dev/null');
unlink($config);
$codes = array_count_values(array_filter(explode("\n", (string) $codes)));
e2e_check('every request answered 200', $codes === ['200' => $n], json_encode($codes));

$records = e2e_records_since($log, $offset);
e2e_check('one record per request', count($records) === $n, (string) count($records));
$seen = [];
foreach ($records as $record) {
	if (preg_match('#^/all/page\.php\?i=(\d+)$#', $record['context']['url'] ?? '', $m)) {
		$seen[(int) $m[1]] = true;
	}
}
e2e_check('every request has its own record', count($seen) === $n, (string) count($seen));
exec('jq -e . ' . escapeshellarg($log) . ' > /dev/null 2>&1', $out, $jq);
e2e_check('jq reads every line of the log', $jq === 0, "jq exit $jq");
?>
--EXPECT--
every request answered 200: ok
one record per request: ok
every request has its own record: ok
jq reads every line of the log: ok
