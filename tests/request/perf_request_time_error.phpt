--TEST--
perf_request_time(): takes no arguments
--INI--
perf.log_file={TMP}/perf_perf_request_time_error.log
--FILE--
<?php
try {
    perf_request_time(1);
} catch (ArgumentCountError $e) {
    echo $e->getMessage(), "\n";
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_request_time_error.log');
?>
--EXPECT--
perf_request_time() expects exactly 0 arguments, 1 given
