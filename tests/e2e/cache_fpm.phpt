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

/* Concurrent slow reads, each answer to its own file: the pool's two workers both serve some. */
$dir = sys_get_temp_dir() . '/perf-e2e-cache-' . getmypid();
mkdir($dir);
$urls = '';
for ($i = 0; $i < 12; $i++) {
	$urls .= "url = \"$base?op=get&key=e2e-shared&ms=100&i=$i\"\noutput = \"$dir/$i.json\"\n";
}
file_put_contents("$dir/curl.conf", $urls);
shell_exec('curl -s --no-progress-meter --parallel --parallel-max 4 -K ' . escapeshellarg("$dir/curl.conf") . ' 2>/dev/null');
$pids = [];
$same = 0;
for ($i = 0; $i < 12; $i++) {
	$reply = json_decode((string) @file_get_contents("$dir/$i.json"), true);
	@unlink("$dir/$i.json");
	$pids[$reply['pid'] ?? 'none'] = true;
	$same += ($reply['value']['value'] ?? null) === $value && ($reply['value']['by'] ?? null) === $set['pid'] ? 1 : 0;
}
unlink("$dir/curl.conf");
rmdir($dir);
e2e_check('every read saw the value', $same === 12, "$same of 12");
e2e_check('both workers served reads', count($pids) === 2, json_encode(array_keys($pids)));
?>
--EXPECT--
stored by one worker: ok
every read saw the value: ok
both workers served reads: ok
