--TEST--
perf_request_time(): milliseconds since the request started, as a float, growing with the monotonic clock
--INI--
perf.log_file={TMP}/perf_perf_request_time_basic.log
--FILE--
<?php
// Timed even in the CLI without perf.enable_cli: that setting is about headers and the log.
$t1 = perf_request_time();
$h1 = hrtime(true);
usleep(20000);
$h2 = hrtime(true);
$t2 = perf_request_time();

var_dump(is_float($t1), $t1 > 0);
var_dump($t2 - $t1 >= 20);
// Read from the same clock as hrtime(), outside the interval hrtime() measured.
var_dump($t2 - $t1 >= ($h2 - $h1) / 1e6 - 0.001);

$previous = perf_request_time();
$monotonic = true;
for ($i = 0; $i < 1000; $i++) {
    $now = perf_request_time();
    $monotonic = $monotonic && $now >= $previous;
    $previous = $now;
}
var_dump($monotonic);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_request_time_basic.log');
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
