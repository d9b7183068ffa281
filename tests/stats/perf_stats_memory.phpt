--TEST--
perf_stats(): memory usage and peaks are the engine's counters and follow allocations
--SKIPIF--
<?php
if (getenv('USE_ZEND_ALLOC') === '0') {
    die('skip the engine keeps no memory counters with USE_ZEND_ALLOC=0');
}
?>
--INI--
perf.log_file={TMP}/perf_perf_stats_memory.log
--FILE--
<?php
$start = perf_stats()['memory'];
var_dump($start['usage'] > 0, $start['real_usage'] > 0);
var_dump($start['peak'] >= $start['usage'], $start['real_peak'] >= $start['real_usage']);

$big = str_repeat('x', 2 << 20);
$with = perf_stats()['memory'];
unset($big);
$after = perf_stats()['memory'];

var_dump($with['usage'] - $start['usage'] >= 2 << 20);
// The peak is at least the usage reached with the string.
var_dump($with['peak'] >= $start['usage'] + (2 << 20));
var_dump($with['real_usage'] >= $start['real_usage'], $with['real_peak'] >= 2 << 20);
var_dump($after['usage'] < $with['usage'], $after['peak'] >= $with['usage']);
var_dump($after['peak'] === memory_get_peak_usage(), $after['real_peak'] === memory_get_peak_usage(true));
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_stats_memory.log');
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
