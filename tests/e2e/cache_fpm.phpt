--TEST--
End to end (fpm): a value stored by one php-fpm worker is read by every worker of the pool
--SKIPIF--
<?php require __DIR__ . '/http.inc'; e2e_skip_unless_running('PERF_E2E_NGINX'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
$base = getenv('PERF_E2E_NGINX') . '/main/cache.php';
$value = 'shared-' . bin2hex(random_bytes(4));

$set = json_decode(e2e_get("$base?op=set&key=e2e-shared&value=$value")['body'], true);
e2e_check('stored by one worker', $set['stored'] === true);

/* Concurrent slow reads: the pool's two workers both serve some of them. */
$urls = '';
for ($i = 0; $i < 12; $i++) {
	$urls .= "url = \"$base?op=get&key=e2e-shared&ms=100&i=$i\"\n";
}
$config = tempnam(sys_get_temp_dir(), 'perf-curl');
file_put_contents($config, $urls);
$out = shell_exec('curl -s --no-progress-meter --parallel --parallel-max 4 -w "\n" -K ' . escapeshellarg($config) . ' 2>/dev/null');
unlink($config);
$pids = [];
$same = 0;
foreach (array_filter(explode("\n", (string) $out)) as $line) {
	$reply = json_decode($line, true);
	$pids[$reply['pid']] = true;
	$same += ($reply['value']['value'] ?? null) === $value && $reply['value']['by'] === $set['pid'] ? 1 : 0;
}
e2e_check('every read saw the value', $same === 12, "$same of 12");
e2e_check('both workers served reads', count($pids) === 2, json_encode(array_keys($pids)));
?>
--EXPECT--
stored by one worker: ok
every read saw the value: ok
both workers served reads: ok
