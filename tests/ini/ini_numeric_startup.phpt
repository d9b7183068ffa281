--TEST--
INI: invalid numeric startup values (perf.cache_memory=100G/abc, perf.redis_port=99999/-1/abc, ...) give exactly one warning naming the setting and the accepted values, and the previous value stays in force
--INI--
perf.log_file={TMP}/perf_ini_numeric_startup.log
--FILE--
<?php
require __DIR__ . '/../request/helpers.inc';

/* Prints the setting and, for the cache, the size of the segment actually made. */
$script = perf_script('ini_numeric_startup', '<?php
echo ini_get($argv[1]);
if ($argv[1] === "perf.cache_memory") {
    $size = perf_cache_stats()["memory_size"] ?? 0;
    echo " set=", var_export(perf_cache_set("k", "v"), true), " segment ", $size > (32 << 20) ? "over 32M" : ($size ? "under 32M" : "none");
}
echo "\n";');
$cases = [
    ['perf.cache_memory', '100G'],
    ['perf.cache_memory', '17G'],
    ['perf.cache_memory', 'abc'],
    ['perf.cache_memory', '1.5G'],
    ['perf.cache_memory', '512K'],
    ['perf.cache_memory', '-64M'],
    ['perf.cache_memory', '99999999999999999999'],
    ['perf.redis_port', '99999'],
    ['perf.redis_port', '65536'],
    ['perf.redis_port', '-1'],
    ['perf.redis_port', '0'],
    ['perf.redis_port', 'abc'],
    ['perf.redis_port', '63 79'],
    ['perf.metrics_max_series', '100001'],
    ['perf.metrics_max_series', '1e3'],
    ['perf.cache_clock', 'abc'],
    ['perf.cache_clock_offset', '1h'],
    ['perf.slow_request_ms', '99999999999999999999'],
];
foreach ($cases as [$name, $value]) {
    $cmd = perf_command(getenv('TEST_PHP_EXECUTABLE'), ['perf.cache_enable_cli' => '1', $name => $value])
        . ' -f ' . escapeshellarg($script) . ' ' . escapeshellarg($name);
    $out = trim(perf_exec($cmd, []));
    printf("%s=%s: %d warning(s)\n%s\n", $name, $value, substr_count($out, 'Warning:'), $out);
}
echo "-- valid\n";
foreach ([['perf.cache_memory', '1M'], ['perf.cache_memory', '16M'], ['perf.cache_memory', '1G'], ['perf.redis_port', '1'], ['perf.redis_port', '65535'],
    ['perf.cache_clock_offset', '-3600']] as [$name, $value]) {
    $cmd = perf_command(getenv('TEST_PHP_EXECUTABLE'), ['perf.cache_enable_cli' => '1', $name => $value])
        . ' -f ' . escapeshellarg($script) . ' ' . escapeshellarg($name);
    echo "$name=$value: ", trim(perf_exec($cmd, [])), "\n";
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_ini_numeric_startup.php');
@unlink(sys_get_temp_dir() . '/perf_ini_numeric_startup.log');
?>
--EXPECT--
perf.cache_memory=100G: 1 warning(s)
Warning: Invalid value "100G" for perf.cache_memory: must be a size from 1M to 16G (K, M and G suffixes allowed) in Unknown on line 0
64M set=true segment over 32M
perf.cache_memory=17G: 1 warning(s)
Warning: Invalid value "17G" for perf.cache_memory: must be a size from 1M to 16G (K, M and G suffixes allowed) in Unknown on line 0
64M set=true segment over 32M
perf.cache_memory=abc: 1 warning(s)
Warning: Invalid value "abc" for perf.cache_memory: must be a size from 1M to 16G (K, M and G suffixes allowed) in Unknown on line 0
64M set=true segment over 32M
perf.cache_memory=1.5G: 1 warning(s)
Warning: Invalid value "1.5G" for perf.cache_memory: must be a size from 1M to 16G (K, M and G suffixes allowed) in Unknown on line 0
64M set=true segment over 32M
perf.cache_memory=512K: 1 warning(s)
Warning: Invalid value "512K" for perf.cache_memory: must be a size from 1M to 16G (K, M and G suffixes allowed) in Unknown on line 0
64M set=true segment over 32M
perf.cache_memory=-64M: 1 warning(s)
Warning: Invalid value "-64M" for perf.cache_memory: must be a size from 1M to 16G (K, M and G suffixes allowed) in Unknown on line 0
64M set=true segment over 32M
perf.cache_memory=99999999999999999999: 1 warning(s)
Warning: Invalid value "99999999999999999999" for perf.cache_memory: must be a size from 1M to 16G (K, M and G suffixes allowed) in Unknown on line 0
64M set=true segment over 32M
perf.redis_port=99999: 1 warning(s)
Warning: Invalid value "99999" for perf.redis_port: must be a TCP port number from 1 to 65535 in Unknown on line 0
6379
perf.redis_port=65536: 1 warning(s)
Warning: Invalid value "65536" for perf.redis_port: must be a TCP port number from 1 to 65535 in Unknown on line 0
6379
perf.redis_port=-1: 1 warning(s)
Warning: Invalid value "-1" for perf.redis_port: must be a TCP port number from 1 to 65535 in Unknown on line 0
6379
perf.redis_port=0: 1 warning(s)
Warning: Invalid value "0" for perf.redis_port: must be a TCP port number from 1 to 65535 in Unknown on line 0
6379
perf.redis_port=abc: 1 warning(s)
Warning: Invalid value "abc" for perf.redis_port: must be a TCP port number from 1 to 65535 in Unknown on line 0
6379
perf.redis_port=63 79: 1 warning(s)
Warning: Invalid value "63 79" for perf.redis_port: must be a TCP port number from 1 to 65535 in Unknown on line 0
6379
perf.metrics_max_series=100001: 1 warning(s)
Warning: Invalid value "100001" for perf.metrics_max_series: must be a whole number from 0 to 100000 in Unknown on line 0
1000
perf.metrics_max_series=1e3: 1 warning(s)
Warning: Invalid value "1e3" for perf.metrics_max_series: must be a whole number from 0 to 100000 in Unknown on line 0
1000
perf.cache_clock=abc: 1 warning(s)
Warning: Invalid value "abc" for perf.cache_clock: must be a Unix time in seconds, or 0 for the real clock in Unknown on line 0
0
perf.cache_clock_offset=1h: 1 warning(s)
Warning: Invalid value "1h" for perf.cache_clock_offset: must be a whole number of seconds (negative allowed) in Unknown on line 0
0
perf.slow_request_ms=99999999999999999999: 1 warning(s)
Warning: Invalid value "99999999999999999999" for perf.slow_request_ms: must be a whole number of milliseconds, 0 or more (0 turns the slow-request log off) in Unknown on line 0
1000
-- valid
perf.cache_memory=1M: 1M set=true segment under 32M
perf.cache_memory=16M: 16M set=true segment under 32M
perf.cache_memory=1G: 1G set=true segment over 32M
perf.redis_port=1: 1
perf.redis_port=65535: 65535
perf.cache_clock_offset=-3600: -3600
