--TEST--
perf_cache_set(): TTL in seconds, 0 = no expiry, null = perf.cache_default_ttl, tiers = perf.cache_ttl_short/medium/long; alive at TTL-1, gone at TTL
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
perf.cache_default_ttl=40
perf.cache_ttl_short=7
perf.cache_ttl_medium=20
perf.cache_ttl_long=3600
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

$t = time();
$ttls = [
    'ttl 1' => 1,
    'ttl 60' => 60,
    'default (null)' => null,
    'short' => 'short',
    'medium' => 'medium',
    'long' => 'long',
];
$expected = ['ttl 1' => 1, 'ttl 60' => 60, 'default (null)' => 40, 'short' => 7, 'medium' => 20, 'long' => 3600];

foreach ($ttls as $key => $ttl) {
    var_dump(cache_at($t, fn () => perf_cache_set($key, "value of $key", $ttl)));
}
// Two-argument form: the default TTL too.
cache_at($t, fn () => perf_cache_set('no ttl argument', 'x'));
$expected['no ttl argument'] = 40;

foreach ($expected as $key => $seconds) {
    $before = cache_at($t + $seconds - 1, fn () => [perf_cache_has($key), perf_cache_get($key, 'MISS')]);
    $at = cache_at($t + $seconds, fn () => [perf_cache_has($key), perf_cache_get($key, 'MISS')]);
    printf("%s: at %d s %s (%s), at %d s %s (%s)\n", $key,
        $seconds - 1, $before[0] ? 'alive' : 'GONE', $before[1],
        $seconds, $at[0] ? 'ALIVE' : 'gone', $at[1]);
}

echo "-- 0 never expires\n";
cache_at($t, fn () => perf_cache_set('forever', 'still here', 0));
var_dump(cache_at($t + 10 * 365 * 86400, fn () => perf_cache_get('forever')));

echo "-- the tier is read when storing: changing the setting afterwards does not move the expiry\n";
cache_at($t, fn () => perf_cache_set('short, then changed', 'v', 'short'));
ini_set('perf.cache_ttl_short', '1000');
var_dump(cache_at($t + 7, fn () => perf_cache_has('short, then changed')));
// ... and a store after the change uses the new value.
cache_at($t, fn () => perf_cache_set('short after change', 'v', 'short'));
var_dump(cache_at($t + 999, fn () => perf_cache_has('short after change')), cache_at($t + 1000, fn () => perf_cache_has('short after change')));

echo "-- perf.cache_default_ttl=0 (the default) means null is no expiry\n";
ini_set('perf.cache_default_ttl', '0');
cache_at($t, fn () => perf_cache_set('default 0', 'v'));
var_dump(cache_at($t + 10 * 365 * 86400, fn () => perf_cache_has('default 0')));

echo "-- storing again restarts the TTL\n";
cache_at($t, fn () => perf_cache_set('renewed', 'first', 10));
cache_at($t + 8, fn () => perf_cache_set('renewed', 'second', 10));
var_dump(cache_at($t + 17, fn () => perf_cache_get('renewed')), cache_at($t + 18, fn () => perf_cache_get('renewed')));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
ttl 1: at 0 s alive (value of ttl 1), at 1 s gone (MISS)
ttl 60: at 59 s alive (value of ttl 60), at 60 s gone (MISS)
default (null): at 39 s alive (value of default (null)), at 40 s gone (MISS)
short: at 6 s alive (value of short), at 7 s gone (MISS)
medium: at 19 s alive (value of medium), at 20 s gone (MISS)
long: at 3599 s alive (value of long), at 3600 s gone (MISS)
no ttl argument: at 39 s alive (x), at 40 s gone (MISS)
-- 0 never expires
string(10) "still here"
-- the tier is read when storing: changing the setting afterwards does not move the expiry
bool(false)
bool(true)
bool(false)
-- perf.cache_default_ttl=0 (the default) means null is no expiry
bool(true)
-- storing again restarts the TTL
string(6) "second"
NULL
