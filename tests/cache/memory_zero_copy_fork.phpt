--TEST--
Memory driver, zero-copy (php-cgi): a child forked inside a request keeps the values its parent read intact after the parent's request is over and the cache is churned (the child holds pins of its own)
--SKIPIF--
<?php
if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: zero-copy reads point into the shared memory segment');
if (!getenv('TEST_PHP_CGI_EXECUTABLE')) die('skip php-cgi not available');
if (!is_file(dirname(__DIR__, 2) . '/modules/perf.so')) die('skip needs the build in modules/perf.so');
?>
--FILE--
<?php
if (PHP_SAPI !== 'cli') {
	exit(1);
}
/* php-cgi runs the request (zero-copy happens only in the web SAPIs); this CLI script reads the child's verdict. */
$dir = sys_get_temp_dir() . '/perf-zc-fork-' . getmypid();
mkdir($dir);
$script = "$dir/request.php";
file_put_contents($script, <<<'PHP'
<?php
$dir = __DIR__;
perf_cache_set('held', str_repeat('H', 30000));
perf_cache_set('list', range(1, 3000));
$v = perf_cache_get('held');
$list = perf_cache_get('list');
echo "forking\n";
flush();
$parent = getmypid();
if (pcntl_fork() === 0) {
	for ($w = 0; $w < 500 && file_exists("/proc/$parent"); $w++) {
		usleep(10000);
	}
	perf_cache_delete('held');
	perf_cache_delete('list');
	for ($i = 0; $i < 400; $i++) {
		perf_cache_set("churn$i", str_repeat(chr(97 + $i % 26), 30000));
	}
	$ok = $v === str_repeat('H', 30000) && $list === range(1, 3000);
	/* Renamed into place: the reader polls for the file and must never see it created but still empty. */
	file_put_contents("$dir/verdict.tmp", ($ok ? 'intact' : 'CHANGED ' . bin2hex(substr($v, 0, 8))) . ($w === 500 ? ' (parent still running)' : ''));
	rename("$dir/verdict.tmp", "$dir/verdict");
	exit(0);
}
PHP);
$so = dirname(__DIR__, 2) . '/modules/perf.so';
$cmd = [getenv('TEST_PHP_CGI_EXECUTABLE'), '-q', '-n', '-d', "extension=$so", '-d', 'perf.cache_name=', '-d', 'perf.cache_memory=4M', $script];
/*
 * A clean environment: php-cgi would run SCRIPT_FILENAME (run-tests.php sets it to this test)
 * instead of its argument. proc_close() returns when the request's process exits; the child it
 * forked goes on.
 */
$proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['file', "$dir/out", 'w'], 2 => ['file', "$dir/out", 'a']],
	$pipes, null, ['PATH' => '/usr/bin:/bin']);
proc_close($proc);
echo file_get_contents("$dir/out");
for ($i = 0; $i < 1000 && !file_exists("$dir/verdict"); $i++) {
	usleep(10000);
}
echo @file_get_contents("$dir/verdict"), "\n";
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
forking
intact
