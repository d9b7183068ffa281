--TEST--
perf_stats() and perf_opcache_stats(): take no arguments
--INI--
perf.log_file={TMP}/perf_perf_stats_error.log
--FILE--
<?php
foreach (['perf_stats', 'perf_opcache_stats'] as $function) {
    try {
        $function(true);
    } catch (ArgumentCountError $e) {
        echo $e->getMessage(), "\n";
    }
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_stats_error.log');
?>
--EXPECT--
perf_stats() expects exactly 0 arguments, 1 given
perf_opcache_stats() expects exactly 0 arguments, 1 given
