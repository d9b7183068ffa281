--TEST--
perf.cache_preload ending in a fatal error (memory_limit): that request ends like any fatal error, and the claim is given up as done, so no other process runs the file again
--SKIPIF--
<?php
if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip memory_limit is not enforced without the Zend allocator (valgrind pass; cache_preload_exit.phpt takes the same path)');
?>
--EXTENSIONS--
pcntl
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_preload={PWD}/preload_counted.inc
--FILE--
<?php
$log = sys_get_temp_dir() . '/perf-preload-fatal-' . getmypid();
putenv("PERF_PRELOAD_LOG=$log");
putenv('PERF_PRELOAD_FATAL=1');
$pid = pcntl_fork();
if ($pid === 0) {
	perf_cache_get('counted');
	echo "not reached\n";
	exit(0);
}
pcntl_waitpid($pid, $status);
echo "loader exit status: ", pcntl_wexitstatus($status), "\n";
var_dump(perf_cache_get('counted'), perf_cache_set('k', 'v'), perf_cache_get('k'));
echo "runs: ", count(file($log)), "\n";
unlink($log);
?>
--EXPECTF--
Fatal error: Allowed memory size of %d bytes exhausted%s(tried to allocate %d bytes) in %spreload_counted.inc on line %d
loader exit status: 255
NULL
bool(true)
string(1) "v"
runs: 1
