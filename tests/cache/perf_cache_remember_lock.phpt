--TEST--
perf_cache_remember(): while one process computes a key, another waits for it (up to perf.cache_lock_wait_ms) or takes the stale value; other keys do not wait
--EXTENSIONS--
pcntl
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
perf.cache_lock_wait_ms=100
perf.cache_stale_ttl=60
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

echo "-- the same key, no stale value: the child waits, then computes itself\n";
$result = perf_cache_remember('slow', 0, function () {
    echo in_child(function () {
        $start = hrtime(true);
        $value = perf_cache_remember('slow', 0, fn () => 'child');
        $waited = (hrtime(true) - $start) / 1e6;
        var_dump($value, $waited >= 100);
        // Another key is not locked.
        var_dump(perf_cache_remember('other', 0, fn () => 'other'));
    });
    return 'parent';
});
var_dump($result, perf_cache_get('slow'));
$stats = perf_cache_stats();
var_dump($stats['lock_waits'], $stats['stale_serves']);

echo "-- the same key with a stale value: the child takes it at once\n";
$t = time();
cache_at($t, fn () => perf_cache_set('page', 'old page', 10));
// Expired since $t + 10, and served stale until $t + 70.
ini_set('perf.cache_clock_offset', (string) ($t + 10 - time()));
var_dump(perf_cache_get('page', 'miss'), perf_cache_has('page'));
$result = perf_cache_remember('page', 10, function () {
    echo in_child(function () {
        var_dump(perf_cache_remember('page', 10, fn () => 'computed by the child'));
    });
    return 'new page';
});
var_dump($result, perf_cache_get('page'));
$stats = perf_cache_stats();
var_dump($stats['lock_waits'], $stats['stale_serves']);

echo "-- without a competing process a stale value is never served: remember() recomputes\n";
cache_at($t, fn () => perf_cache_set('alone', 'old', 10));
ini_set('perf.cache_clock_offset', (string) ($t + 10 - time()));
var_dump(perf_cache_remember('alone', 10, fn () => 'fresh'));
?>
--EXPECT--
-- the same key, no stale value: the child waits, then computes itself
string(5) "child"
bool(true)
string(5) "other"
string(6) "parent"
string(6) "parent"
int(1)
int(0)
-- the same key with a stale value: the child takes it at once
string(4) "miss"
bool(false)
string(8) "old page"
string(8) "new page"
string(8) "new page"
int(1)
int(1)
-- without a competing process a stale value is never served: remember() recomputes
string(5) "fresh"
