--TEST--
perf_opcache_stats(): with OPcache, a fixed layout whose values are those of opcache_get_status(false)
--EXTENSIONS--
opcache
--INI--
perf.log_file={TMP}/perf_perf_opcache_stats_opcache.log
opcache.enable=1
opcache.enable_cli=1
opcache.jit=off
opcache.jit_buffer_size=0
--FILE--
<?php
// Compiled once, then served from the cache: a miss and a hit, so hit_rate is neither 0 nor 100.
$included = sys_get_temp_dir() . '/perf_perf_opcache_stats_opcache.inc';
file_put_contents($included, '<?php return 1;');
include $included;
include $included;

$stats = perf_opcache_stats();
$status = opcache_get_status(false);

function layout(array $array): array
{
    return array_map(fn ($value) => is_array($value) ? layout($value) : get_debug_type($value), $array);
}
var_dump(layout($stats));

$s = $status['opcache_statistics'];
$expected = [
    'enabled' => $status['opcache_enabled'],
    'hits' => $s['hits'],
    'misses' => $s['misses'],
    'cached_scripts' => $s['num_cached_scripts'],
    'max_cached_keys' => $s['max_cached_keys'],
    'memory.used' => $status['memory_usage']['used_memory'],
    'memory.free' => $status['memory_usage']['free_memory'],
    'memory.wasted' => $status['memory_usage']['wasted_memory'],
    'interned_strings.used' => $status['interned_strings_usage']['used_memory'],
    'interned_strings.free' => $status['interned_strings_usage']['free_memory'],
    'restarts.oom' => $s['oom_restarts'],
    'restarts.hash' => $s['hash_restarts'],
    'restarts.manual' => $s['manual_restarts'],
    'jit.enabled' => $status['jit']['enabled'] && $status['jit']['on'],
    'jit.buffer_size' => $status['jit']['buffer_size'],
    'jit.buffer_free' => $status['jit']['buffer_free'],
];
foreach ($expected as $path => $value) {
    [$group, $key] = str_contains($path, '.') ? explode('.', $path) : [null, $path];
    $actual = $group === null ? $stats[$key] : $stats[$group][$key];
    if ($actual !== $value) {
        echo "$path: ", var_export($actual, true), ' instead of ', var_export($value, true), "\n";
    }
}
$total = $s['hits'] + $s['misses'];
var_dump(abs($stats['hit_rate'] - ($total ? 100 * $s['hits'] / $total : 0.0)) < 0.001);
var_dump(abs($stats['memory']['wasted_percent'] - $status['memory_usage']['current_wasted_percentage']) < 0.001);
var_dump($stats['enabled'], $stats['hits'] >= 1, $stats['misses'] >= 1, $stats['cached_scripts'] >= 1);
var_dump($stats['hit_rate'] > 0 && $stats['hit_rate'] < 100, $stats['memory']['used'] > 0);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_opcache_stats_opcache.inc');
@unlink(sys_get_temp_dir() . '/perf_perf_opcache_stats_opcache.log');
?>
--EXPECT--
array(10) {
  ["enabled"]=>
  string(4) "bool"
  ["hit_rate"]=>
  string(5) "float"
  ["hits"]=>
  string(3) "int"
  ["misses"]=>
  string(3) "int"
  ["cached_scripts"]=>
  string(3) "int"
  ["max_cached_keys"]=>
  string(3) "int"
  ["memory"]=>
  array(4) {
    ["used"]=>
    string(3) "int"
    ["free"]=>
    string(3) "int"
    ["wasted"]=>
    string(3) "int"
    ["wasted_percent"]=>
    string(5) "float"
  }
  ["interned_strings"]=>
  array(2) {
    ["used"]=>
    string(3) "int"
    ["free"]=>
    string(3) "int"
  }
  ["restarts"]=>
  array(3) {
    ["oom"]=>
    string(3) "int"
    ["hash"]=>
    string(3) "int"
    ["manual"]=>
    string(3) "int"
  }
  ["jit"]=>
  array(3) {
    ["enabled"]=>
    string(4) "bool"
    ["buffer_size"]=>
    string(3) "int"
    ["buffer_free"]=>
    string(3) "int"
  }
}
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
