--TEST--
perf_cache_stats(): exactly the documented keys and types; hits, misses, stores, deletes, entries and memory move as the cache is used
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require __DIR__ . '/perf_cache.inc';

$stats = perf_cache_stats();
// The redis driver adds the state of its circuit breaker.
$breaker = ['breaker_state' => 'string', 'breaker_failures' => 'int', 'breaker_opens' => 'int', 'breaker_fast_failures' => 'int'];
$redis = $stats['driver'] === 'redis';
var_dump(array_map('get_debug_type', array_intersect_key($stats, $breaker)) === ($redis ? $breaker : []));
$stats = array_diff_key($stats, $breaker);
var_dump(array_keys($stats));
echo implode(' ', array_map('get_debug_type', $stats)), "\n";
var_dump($stats['driver'] === ini_get('perf.cache_driver'), $stats['available']);
// The memory driver reports its segment; the file driver the disk (used + free space of the filesystem).
$memory = $stats['driver'] === 'memory';

echo "-- a new cache: everything 0, size = used + free\n";
$counters = array_diff_key($stats, array_flip(['driver', 'available', 'hit_ratio', 'memory_size', 'memory_used', 'memory_free']));
// Redis reports the memory of the whole server, which is never empty.
var_dump(array_sum($counters), $stats['hit_ratio'], $redis ? 0 : $stats['memory_used']);
var_dump($stats['memory_size'] > 0, !$memory || $stats['memory_size'] <= 8 * 1024 * 1024);
var_dump($stats['memory_size'] === $stats['memory_used'] + $stats['memory_free']);

echo "-- stores and entries\n";
perf_cache_set('a', 1);
perf_cache_set('b', 'two');
perf_cache_set('a', 'one again');          // a store, not a new entry
perf_cache_set_multiple(['c' => 3, 'd' => 4]);
$stats = perf_cache_stats();
var_dump($stats['stores'], $stats['entries']);

echo "-- hits and misses: get, get_multiple and remember count; has does not\n";
perf_cache_get('a');                        // hit
perf_cache_get('nope');                     // miss
perf_cache_get_multiple(['b', 'c', 'x']);   // 2 hits, 1 miss
perf_cache_remember('a', 0, fn () => 0);    // hit
perf_cache_remember('e', 0, fn () => 5);    // miss, then a store
perf_cache_has('a');
perf_cache_has('nope');
$stats = perf_cache_stats();
var_dump($stats['hits'], $stats['misses'], $stats['hit_ratio'], $stats['stores'], $stats['entries']);

echo "-- deletes\n";
perf_cache_delete('a');
perf_cache_delete('never');                 // nothing deleted: not counted
perf_cache_delete_multiple(['b', 'c']);
$stats = perf_cache_stats();
var_dump($stats['deletes'], $stats['entries']);
perf_cache_clear();
$stats = perf_cache_stats();
var_dump($stats['deletes'], $stats['entries']);

echo "-- memory_used grows with a big value, size stays used + free\n";
$before = perf_cache_stats();
var_dump(stored_bytes('big', fn () => perf_cache_set('big', str_repeat('x', 500000))) >= 500000);
$after = perf_cache_stats();
// On disk, free space is the filesystem's, which other processes change too, and it shrinks by whole blocks.
var_dump(!$memory || $after['memory_free'] < $before['memory_free']);
var_dump(!$memory || $after['memory_size'] === $before['memory_size'], $after['memory_size'] === $after['memory_used'] + $after['memory_free']);

echo "-- the lock, stale and error counters did not move\n";
var_dump($after['lock_waits'], $after['lock_recoveries'], $after['stale_serves'], $after['errors'], $after['evictions']);

echo "-- Perf\\Cache::stats() is the same\n";
// On disk the free space is the filesystem's, which other processes change between two calls.
$comparable = fn (array $s) => $memory ? $s : array_diff_key($s, ['memory_size' => 0, 'memory_used' => 0, 'memory_free' => 0]);
var_dump($comparable((new Perf\Cache())->stats()) === $comparable(perf_cache_stats()));
?>
--EXPECT--
bool(true)
array(17) {
  [0]=>
  string(6) "driver"
  [1]=>
  string(9) "available"
  [2]=>
  string(4) "hits"
  [3]=>
  string(6) "misses"
  [4]=>
  string(9) "hit_ratio"
  [5]=>
  string(6) "stores"
  [6]=>
  string(7) "deletes"
  [7]=>
  string(9) "evictions"
  [8]=>
  string(7) "expired"
  [9]=>
  string(7) "entries"
  [10]=>
  string(11) "memory_size"
  [11]=>
  string(11) "memory_used"
  [12]=>
  string(11) "memory_free"
  [13]=>
  string(10) "lock_waits"
  [14]=>
  string(15) "lock_recoveries"
  [15]=>
  string(12) "stale_serves"
  [16]=>
  string(6) "errors"
}
string bool int int float int int int int int int int int int int int int
bool(true)
bool(true)
-- a new cache: everything 0, size = used + free
int(0)
float(0)
int(0)
bool(true)
bool(true)
bool(true)
-- stores and entries
int(5)
int(4)
-- hits and misses: get, get_multiple and remember count; has does not
int(4)
int(3)
float(0.5714285714285714)
int(6)
int(5)
-- deletes
int(3)
int(2)
int(5)
int(0)
-- memory_used grows with a big value, size stays used + free
bool(true)
bool(true)
bool(true)
bool(true)
-- the lock, stale and error counters did not move
int(0)
int(0)
int(0)
int(0)
int(0)
-- Perf\Cache::stats() is the same
bool(true)
