--TEST--
perf_stats(): memory.limit is memory_limit in bytes, -1 when unlimited, and follows ini_set()
--INI--
perf.log_file={TMP}/perf_perf_stats_memory_limit.log
memory_limit=-1
--FILE--
<?php
var_dump(perf_stats()['memory']['limit']);
ini_set('memory_limit', '64M');
var_dump(perf_stats()['memory']['limit']);
ini_set('memory_limit', '1G');
var_dump(perf_stats()['memory']['limit']);
ini_set('memory_limit', '-1');
var_dump(perf_stats()['memory']['limit']);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_stats_memory_limit.log');
?>
--EXPECT--
int(-1)
int(67108864)
int(1073741824)
int(-1)
