--TEST--
perf_opcache_stats(): false, without a warning, when OPcache is not loaded
--SKIPIF--
<?php
if (extension_loaded('Zend OPcache')) {
    die('skip OPcache is loaded');
}
?>
--INI--
perf.log_file={TMP}/perf_perf_opcache_stats_basic.log
--FILE--
<?php
var_dump(perf_opcache_stats());
var_dump(error_get_last());
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_opcache_stats_basic.log');
?>
--EXPECT--
bool(false)
NULL
