--TEST--
perf.cache_preload with a compile-time fatal error (the engine bails out): that request ends, the claim is not left held, and no other process compiles the file again
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment'); ?>
--EXTENSIONS--
pcntl
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_preload={PWD}/preload_compile_fatal.inc
--FILE--
<?php
$pid = pcntl_fork();
if ($pid === 0) {
	perf_cache_set('k', 'child');
	echo "not reached\n";
	exit(0);
}
pcntl_waitpid($pid, $status);
echo "loader exit status: ", pcntl_wexitstatus($status), "\n";
var_dump(perf_cache_get('k'), perf_cache_get('never'), perf_cache_set('k', 'parent'), perf_cache_get('k'));
?>
--EXPECTF--
Fatal error: Cannot redeclare %Sstrlen() in %spreload_compile_fatal.inc on line 3
loader exit status: 255
NULL
NULL
bool(true)
string(6) "parent"
