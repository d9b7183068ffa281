--TEST--
perf_stats(): the array's layout and types, request time and CPU since the request started
--INI--
perf.log_file={TMP}/perf_perf_stats_basic.log
memory_limit=64M
--FILE--
<?php
$stats = perf_stats();
var_dump(array_keys($stats), array_keys($stats['request']), array_keys($stats['memory']));
foreach ($stats['request'] as $key => $value) {
    echo "request.$key: ", get_debug_type($value), $value >= 0 ? '' : ' NEGATIVE', "\n";
}
foreach ($stats['memory'] as $key => $value) {
    echo "memory.$key: ", get_debug_type($value), "\n";
}
var_dump($stats['memory']['limit']);

// Request time: the same clock as perf_request_time().
$before = perf_request_time();
$time = perf_stats()['request']['time_ms'];
$after = perf_request_time();
var_dump($time >= $before - 0.001 && $time <= $after + 0.001);

// CPU: a busy loop of at least 50 ms of user time, by getrusage(), shows in cpu_user_ms.
$cpu_before = perf_stats()['request']['cpu_user_ms'];
$rusage = getrusage();
$start_us = $rusage['ru_utime.tv_sec'] * 1000000 + $rusage['ru_utime.tv_usec'];
do {
    for ($i = 0, $x = 0; $i < 10000; $i++) {
        $x += $i * $i;
    }
    $rusage = getrusage();
    $used_us = $rusage['ru_utime.tv_sec'] * 1000000 + $rusage['ru_utime.tv_usec'] - $start_us;
} while ($used_us < 50000);
$cpu_after = perf_stats()['request']['cpu_user_ms'];
var_dump($cpu_after - $cpu_before >= $used_us / 1000 - 0.01);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_stats_basic.log');
?>
--EXPECT--
array(3) {
  [0]=>
  string(7) "request"
  [1]=>
  string(6) "memory"
  [2]=>
  string(2) "db"
}
array(3) {
  [0]=>
  string(7) "time_ms"
  [1]=>
  string(11) "cpu_user_ms"
  [2]=>
  string(10) "cpu_sys_ms"
}
array(5) {
  [0]=>
  string(5) "usage"
  [1]=>
  string(4) "peak"
  [2]=>
  string(10) "real_usage"
  [3]=>
  string(9) "real_peak"
  [4]=>
  string(5) "limit"
}
request.time_ms: float
request.cpu_user_ms: float
request.cpu_sys_ms: float
memory.usage: int
memory.peak: int
memory.real_usage: int
memory.real_peak: int
memory.limit: int
int(67108864)
bool(true)
bool(true)
