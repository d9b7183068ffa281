--TEST--
perf.cache_preload calling exit(): that request ends as exit() ends it anywhere (the cache call does nothing more), and the claim is given up as done, so no other process runs the file again
--SKIPIF--
<?php
if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment');
?>
--EXTENSIONS--
pcntl
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_preload={PWD}/preload_counted.inc
--FILE--
<?php
$log = sys_get_temp_dir() . '/perf-preload-exit-' . getmypid();
putenv("PERF_PRELOAD_LOG=$log");
putenv('PERF_PRELOAD_EXIT=1');
$pid = pcntl_fork();
if ($pid === 0) {
	register_shutdown_function(function () {
		echo "child shutdown: ", var_export(perf_cache_get('counted'), true), "\n";
	});
	perf_cache_set('counted', 'child');
	echo "not reached\n";
	exit(0);
}
pcntl_waitpid($pid, $status);
echo "loader exit status: ", pcntl_wexitstatus($status), "\n";
var_dump(perf_cache_get('counted'), perf_cache_set('k', 'v'), perf_cache_get('k'));
echo "runs: ", count(file($log)), "\n";
unlink($log);
?>
--EXPECT--
preload exits
child shutdown: NULL
loader exit status: 3
NULL
bool(true)
string(1) "v"
runs: 1
