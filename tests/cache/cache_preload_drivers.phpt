--TEST--
perf.cache_preload fills only the memory driver: calls of the file driver (the default here) never run it, the first call through Perf\Cache('memory') does
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_driver=file
perf.cache_preload={PWD}/preload_counted.inc
--FILE--
<?php
$log = sys_get_temp_dir() . '/perf-preload-drivers-' . getmypid();
putenv("PERF_PRELOAD_LOG=$log");
var_dump(perf_cache_has('preload-drivers-' . getmypid()), perf_cache_stats()['driver']);
var_dump(file_exists($log));
$memory = new Perf\Cache('memory');
var_dump($memory->get('counted'), count(file($log)));
var_dump(perf_cache_get('counted'));
unlink($log);
?>
--EXPECT--
bool(false)
string(4) "file"
bool(false)
string(6) "loaded"
int(1)
NULL
