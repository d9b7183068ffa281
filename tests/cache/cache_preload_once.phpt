--TEST--
perf.cache_preload runs once for the segment: of 8 processes whose first cache calls race, one loads it (the others go on without waiting), and no later call runs it again
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment'); ?>
--EXTENSIONS--
pcntl
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_preload={PWD}/preload_counted.inc
--FILE--
<?php
$log = sys_get_temp_dir() . '/perf-preload-once-' . getmypid();
putenv("PERF_PRELOAD_LOG=$log");
$children = [];
for ($i = 0; $i < 8; $i++) {
	$pid = pcntl_fork();
	if ($pid === 0) {
		/* Each child's first cache call; the segment is the parent's, made before the fork. */
		perf_cache_get('counted');
		perf_cache_set('child' . getmypid(), 1);
		exit(0);
	}
	$children[] = $pid;
}
foreach ($children as $pid) {
	pcntl_waitpid($pid, $status);
}
var_dump(perf_cache_get('counted'));
perf_cache_delete('counted');
var_dump(perf_cache_get('counted'));
echo "runs: ", count(file($log)), "\n";
echo "entries: ", perf_cache_stats()['entries'], "\n";
unlink($log);
?>
--EXPECT--
string(6) "loaded"
NULL
runs: 1
entries: 8
