--TEST--
perf.cache_preload: a loader killed while it runs the file (SIGKILL) does not keep the preload claimed: the next process's first cache call loads it
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment'); ?>
--EXTENSIONS--
pcntl
posix
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_preload={PWD}/preload_counted.inc
--FILE--
<?php
$log = sys_get_temp_dir() . '/perf-preload-killed-' . getmypid();
putenv("PERF_PRELOAD_LOG=$log");
putenv('PERF_PRELOAD_HANG=1');
$pid = pcntl_fork();
if ($pid === 0) {
	perf_cache_get('counted');
	exit(0);
}
for ($i = 0; $i < 1000 && !@file($log); $i++) {
	usleep(10000);
}
echo "loader started: ", count(file($log)), "\n";
posix_kill($pid, SIGKILL);
pcntl_waitpid($pid, $status);
var_dump(pcntl_wifsignaled($status));
var_dump(perf_cache_get('counted'));
echo "runs: ", count(file($log)), "\n";
unlink($log);
?>
--EXPECT--
loader started: 1
bool(true)
string(6) "loaded"
runs: 2
