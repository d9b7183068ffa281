--TEST--
perf_cache_increment(): the TTL applies to the counter it creates, not to an existing one; expired or invalidated counters start again from 0
--SKIPIF--
<?php if (ini_get('perf.cache_driver') === 'redis') die('skip redis: counters made by increment() are plain Redis integers whose TTL is Redis\' own, which perf.cache_clock cannot move (redis_increment_ttl.phpt)'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
perf.cache_ttl_short=15
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

$t = time();
echo "-- a new counter gets the TTL\n";
var_dump(cache_at($t, function () {
    perf_cache_delete('rate');
    return perf_cache_increment('rate', 1, 60);
}));
var_dump(cache_at($t + 30, fn () => perf_cache_get('rate')));
echo "-- incrementing does not extend it (the TTL argument only counts on creation)\n";
var_dump(cache_at($t + 30, fn () => perf_cache_increment('rate', 1, 3600)) >= 2);
var_dump(cache_at($t + 59, fn () => perf_cache_get('rate')) >= 2);
var_dump(cache_at($t + 60, fn () => perf_cache_get('rate', 'expired')));
echo "-- an expired counter starts again from 0\n";
// Any time at or after $t + 60 is past the expiry: no need to pin the clock exactly.
ini_set('perf.cache_clock_offset', (string) ($t + 60 - time()));
var_dump(perf_cache_increment('rate', 5, 60));

echo "-- tier\n";
cache_at($t, function () {
    perf_cache_delete('tiered');
    perf_cache_decrement('tiered', 1, 'short');
});
var_dump(cache_at($t + 14, fn () => perf_cache_get('tiered', 'expired')));
var_dump(cache_at($t + 15, fn () => perf_cache_get('tiered', 'expired')));

echo "-- no TTL: never expires (perf.cache_default_ttl=0)\n";
cache_at($t, function () {
    perf_cache_delete('forever');
    perf_cache_increment('forever');
});
var_dump(cache_at($t + 10 * 365 * 86400, fn () => perf_cache_get('forever')));
ini_set('perf.cache_clock_offset', '0');

echo "-- a counter whose tag was invalidated starts again from 0\n";
perf_cache_set('tagged', 40, 0, ['t']);
var_dump(perf_cache_increment('tagged', 2));
perf_cache_invalidate_tags('t');
var_dump(perf_cache_increment('tagged', 2));
// The new counter has no tag: invalidating again does not touch it.
perf_cache_invalidate_tags('t');
var_dump(perf_cache_get('tagged'));
?>
--EXPECT--
-- a new counter gets the TTL
int(1)
int(1)
-- incrementing does not extend it (the TTL argument only counts on creation)
bool(true)
bool(true)
string(7) "expired"
-- an expired counter starts again from 0
int(5)
-- tier
int(-1)
string(7) "expired"
-- no TTL: never expires (perf.cache_default_ttl=0)
int(1)
-- a counter whose tag was invalidated starts again from 0
int(42)
int(2)
int(2)
