--TEST--
INI: every numeric perf.* setting changeable at runtime refuses a bad value with exactly one warning naming the setting and what it accepts, and keeps its value
--INI--
perf.log_file={TMP}/perf_ini_numeric_runtime.log
--FILE--
<?php
$messages = [];
set_error_handler(function (int $no, string $message) use (&$messages) {
    $messages[] = $message;
    return true;
});
$settings = [
    'perf.slow_request_ms', 'perf.slow_query_ms', 'perf.n_plus_one_threshold', 'perf.cache_default_ttl',
    'perf.cache_ttl_short', 'perf.cache_ttl_medium', 'perf.cache_ttl_long', 'perf.cache_lock_wait_ms',
    'perf.cache_stale_ttl', 'perf.cache_clock', 'perf.cache_clock_offset', 'perf.redis_port', 'perf.redis_database',
    'perf.redis_connect_timeout_ms', 'perf.redis_read_timeout_ms', 'perf.redis_breaker_failures',
    'perf.redis_breaker_cooldown_ms',
];
$bad = ['', 'abc', '1.5', ' 5', '5 ', '+5', '5s', '0x10', '1e3', "5\0", '99999999999999999999', '-99999999999999999999'];
foreach ($settings as $name) {
    $before = ini_get($name);
    $values = $name === 'perf.cache_clock_offset' ? $bad : [...$bad, '-1'];
    if ($name === 'perf.redis_port') {
        $values = [...$values, '0', '65536', '99999'];
    }
    if ($name === 'perf.n_plus_one_threshold') {
        $values[] = '1';
    }
    $problems = [];
    foreach ($values as $value) {
        $messages = [];
        $result = ini_set($name, $value);
        $shown = addcslashes($value, "\0");
        if ($result !== false || ini_get($name) !== $before) {
            $problems[] = "'$shown' accepted";
        } elseif (count($messages) !== 1 || !str_contains($messages[0], " for $name: must be ")) {
            $problems[] = "'$shown': " . count($messages) . ' warning(s): ' . implode(' | ', $messages);
        }
    }
    echo $name, ': ', $problems ? implode('; ', $problems) : 'refused ' . count($values) . ' values', "\n";
    echo '  ', substr($messages[0], strpos($messages[0], ': must be ') + 2), "\n";
}
echo "-- valid\n";
$messages = [];
foreach (['perf.redis_port' => ['1', '65535'], 'perf.cache_clock_offset' => ['-86400', '0'],
    'perf.n_plus_one_threshold' => ['0', '2'], 'perf.cache_stale_ttl' => ['0', '9223372036854775807']] as $name => $values) {
    foreach ($values as $value) {
        ini_set($name, $value);
        echo "$name=$value: ", ini_get($name), count($messages) ? ' (warned)' : '', "\n";
        $messages = [];
    }
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_ini_numeric_runtime.log');
?>
--EXPECT--
perf.slow_request_ms: refused 13 values
  must be a whole number of milliseconds, 0 or more (0 turns the slow-request log off)
perf.slow_query_ms: refused 13 values
  must be a whole number of milliseconds, 0 or more (0 turns the slow-query log off)
perf.n_plus_one_threshold: refused 14 values
  must be 2 or more (runs of the same statement in one request), or 0 to turn N+1 detection off
perf.cache_default_ttl: refused 13 values
  must be a whole number, 0 or more
perf.cache_ttl_short: refused 13 values
  must be a whole number, 0 or more
perf.cache_ttl_medium: refused 13 values
  must be a whole number, 0 or more
perf.cache_ttl_long: refused 13 values
  must be a whole number, 0 or more
perf.cache_lock_wait_ms: refused 13 values
  must be a whole number, 0 or more
perf.cache_stale_ttl: refused 13 values
  must be a whole number, 0 or more
perf.cache_clock: refused 13 values
  must be a Unix time in seconds, or 0 for the real clock
perf.cache_clock_offset: refused 12 values
  must be a whole number of seconds (negative allowed)
perf.redis_port: refused 16 values
  must be a TCP port number from 1 to 65535
perf.redis_database: refused 13 values
  must be a whole number, 0 or more
perf.redis_connect_timeout_ms: refused 13 values
  must be a whole number, 0 or more
perf.redis_read_timeout_ms: refused 13 values
  must be a whole number, 0 or more
perf.redis_breaker_failures: refused 13 values
  must be a whole number, 0 or more
perf.redis_breaker_cooldown_ms: refused 13 values
  must be a whole number, 0 or more
-- valid
perf.redis_port=1: 1
perf.redis_port=65535: 65535
perf.cache_clock_offset=-86400: -86400
perf.cache_clock_offset=0: 0
perf.n_plus_one_threshold=0: 0
perf.n_plus_one_threshold=2: 2
perf.cache_stale_ttl=0: 0
perf.cache_stale_ttl=9223372036854775807: 9223372036854775807