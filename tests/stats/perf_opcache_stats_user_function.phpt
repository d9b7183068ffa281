--TEST--
perf_opcache_stats(): a user-defined opcache_get_status() (a polyfill) is not OPcache: false, and it is not called
--SKIPIF--
<?php
if (extension_loaded('Zend OPcache')) {
    die('skip OPcache is loaded');
}
?>
--INI--
perf.log_file={TMP}/perf_perf_opcache_stats_user_function.log
--FILE--
<?php
function opcache_get_status(bool $include_scripts = true): array|false
{
    echo "user function called\n";
    return ['opcache_enabled' => true];
}
var_dump(perf_opcache_stats());
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_opcache_stats_user_function.log');
?>
--EXPECT--
bool(false)
