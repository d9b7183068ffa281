--TEST--
INI: at runtime ini_set() refuses invalid perf.cache_* values (warning, false, value unchanged), takes valid ones, and cannot change the startup-only ones
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
// The driver this pass runs on is shown as <driver> (or <DRIVER>): one expectation for every driver.
$driver = ini_get('perf.cache_driver');

function shown(string|false $value): string
{
    global $driver;
    if ($value === $driver) {
        return '<driver>';
    }
    return $value === strtoupper($driver) ? '<DRIVER>' : var_export($value, true);
}

function try_set(string $name, string $value): void
{
    $before = ini_get($name);
    $old = ini_set($name, $value);
    printf("%s=%s: %s, now %s%s\n", $name, shown($value), shown($old), shown(ini_get($name)),
        ini_get($name) === $before ? ' (unchanged)' : '');
}

echo "-- invalid\n";
try_set('perf.cache_ttl_short', '-1');
try_set('perf.cache_ttl_long', '');
try_set('perf.cache_default_ttl', '1h');
try_set('perf.cache_stale_ttl', '-60');
try_set('perf.cache_lock_wait_ms', 'forever');
try_set('perf.cache_driver', 'nope');
try_set('perf.cache_driver', 'memcached');
try_set('perf.cache_driver', '');
try_set('perf.cache_serializer', 'xml');
try_set('perf.cache_serializer', '');

echo "-- startup only\n";
try_set('perf.cache_memory', '16M');
try_set('perf.cache_enable_cli', '0');

echo "-- valid\n";
try_set('perf.cache_ttl_short', '0');
try_set('perf.cache_ttl_short', '5');
try_set('perf.cache_default_ttl', '3600');
try_set('perf.cache_driver', strtoupper($driver));
try_set('perf.cache_serializer', 'IGBINARY');
try_set('perf.cache_serializer', 'php');

echo "-- a refused value did not reach the cache: 'short' is the 5 s set last\n";
ini_set('perf.cache_clock_offset', '0');
try_set('perf.cache_ttl_short', '-1');
perf_cache_set('k', 'v', 'short');
// 5 s or more after the store: gone.
ini_set('perf.cache_clock_offset', '5');
var_dump(perf_cache_has('k'));
?>
--EXPECTF--
-- invalid

Warning: Invalid value "-1" for perf.cache_ttl_short: must be a whole number, 0 or more in %s on line %d
perf.cache_ttl_short='-1': false, now '300' (unchanged)

Warning: Invalid value "" for perf.cache_ttl_long: must be a whole number, 0 or more in %s on line %d
perf.cache_ttl_long='': false, now '86400' (unchanged)

Warning: Invalid value "1h" for perf.cache_default_ttl: must be a whole number, 0 or more in %s on line %d
perf.cache_default_ttl='1h': false, now '0' (unchanged)

Warning: Invalid value "-60" for perf.cache_stale_ttl: must be a whole number, 0 or more in %s on line %d
perf.cache_stale_ttl='-60': false, now '60' (unchanged)

Warning: Invalid value "forever" for perf.cache_lock_wait_ms: must be a whole number, 0 or more in %s on line %d
perf.cache_lock_wait_ms='forever': false, now '3000' (unchanged)

Warning: Invalid value "nope" for perf.cache_driver: must be "memory", "file"%s in %s on line %d
perf.cache_driver='nope': false, now <driver> (unchanged)

Warning: Invalid value "memcached" for perf.cache_driver: must be "memory", "file"%s in %s on line %d
perf.cache_driver='memcached': false, now <driver> (unchanged)

Warning: Invalid value "" for perf.cache_driver: must be "memory", "file"%s in %s on line %d
perf.cache_driver='': false, now <driver> (unchanged)

Warning: Invalid value "xml" for perf.cache_serializer: must be "php" or "igbinary" in %s on line %d
perf.cache_serializer='xml': false, now 'php' (unchanged)

Warning: Invalid value "" for perf.cache_serializer: must be "php" or "igbinary" in %s on line %d
perf.cache_serializer='': false, now 'php' (unchanged)
-- startup only
perf.cache_memory='16M': false, now '8M' (unchanged)
perf.cache_enable_cli='0': false, now '1' (unchanged)
-- valid
perf.cache_ttl_short='0': '300', now '0'
perf.cache_ttl_short='5': '0', now '5'
perf.cache_default_ttl='3600': '0', now '3600'
perf.cache_driver=<DRIVER>: <driver>, now <DRIVER>
perf.cache_serializer='IGBINARY': 'php', now 'IGBINARY'
perf.cache_serializer='php': 'IGBINARY', now 'php'
-- a refused value did not reach the cache: 'short' is the 5 s set last

Warning: Invalid value "-1" for perf.cache_ttl_short: must be a whole number, 0 or more in %s on line %d
perf.cache_ttl_short='-1': false, now '5' (unchanged)
bool(false)
