--TEST--
INI: invalid perf.cache_* values at startup warn, naming the setting, and the defaults stay in force
--INI--
perf.cache_enable_cli=1
perf.cache_driver=nope
perf.cache_memory=100K
perf.cache_ttl_short=-5
perf.cache_ttl_medium=ten
perf.cache_lock_wait_ms=1.5
perf.cache_serializer=xml
--FILE--
<?php
foreach (['perf.cache_driver', 'perf.cache_memory', 'perf.cache_ttl_short', 'perf.cache_ttl_medium',
    'perf.cache_lock_wait_ms', 'perf.cache_serializer'] as $name) {
    echo $name, '=', ini_get($name), "\n";
}
// The cache works, with the default size (64M) and the default tiers.
$stats = perf_cache_stats();
var_dump($stats['driver'], $stats['available'], $stats['memory_size'] > 32 * 1024 * 1024);
require_once __DIR__ . '/perf_cache.inc';
$t = time();
var_dump(cache_at($t, fn () => perf_cache_set('k', 'v', 'short')));
var_dump(cache_at($t + 299, fn () => perf_cache_has('k')));
var_dump(cache_at($t + 300, fn () => perf_cache_has('k')));
?>
--EXPECTF--
Warning: Invalid value "nope" for perf.cache_driver: must be "memory", "file"%s in Unknown on line 0

Warning: Invalid value "100K" for perf.cache_memory: must be a size from 1M to 16G (K, M and G suffixes allowed) in Unknown on line 0

Warning: Invalid value "-5" for perf.cache_ttl_short: must be a whole number, 0 or more in Unknown on line 0

Warning: Invalid value "ten" for perf.cache_ttl_medium: must be a whole number, 0 or more in Unknown on line 0

Warning: Invalid value "1.5" for perf.cache_lock_wait_ms: must be a whole number, 0 or more in Unknown on line 0

Warning: Invalid value "xml" for perf.cache_serializer: must be "php" or "igbinary" in Unknown on line 0
perf.cache_driver=memory
perf.cache_memory=64M
perf.cache_ttl_short=300
perf.cache_ttl_medium=1800
perf.cache_lock_wait_ms=3000
perf.cache_serializer=php
string(6) "memory"
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
