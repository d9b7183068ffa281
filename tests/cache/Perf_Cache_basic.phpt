--TEST--
Perf\Cache: every method works, and an instance shares its entries with the perf_cache_*() functions and other instances
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
// The driver this pass runs on (perf.cache_driver), named explicitly, as the default, and in capitals.
$driver = ini_get('perf.cache_driver');
$cache = new Perf\Cache($driver);
$default = new Perf\Cache();
var_dump($cache->driver() === $driver, $default->driver() === $driver, (new Perf\Cache(null))->driver() === $driver,
    (new Perf\Cache(strtoupper($driver)))->driver() === $driver);

echo "-- set/get/has/delete, shared with the functions and the other instance\n";
var_dump($cache->set('k', ['v' => 1]));
var_dump($cache->get('k'), perf_cache_get('k') === ['v' => 1], $default->get('k') === ['v' => 1]);
var_dump($cache->has('k'), $cache->has('nope'), $cache->get('nope', 'dflt'));
perf_cache_set('from function', 'f');
var_dump($cache->get('from function'));
var_dump($cache->delete('from function'), perf_cache_has('from function'), $cache->delete('from function'));

echo "-- add\n";
var_dump($cache->add('k', 'other'), $cache->add('added', 'a'), perf_cache_get('added'));

echo "-- getMultiple/setMultiple/deleteMultiple\n";
var_dump($cache->setMultiple(['m1' => 1, 'm2' => 2, 3 => 'three']));
var_dump($cache->getMultiple(['m1', 'm2', 3, 'none'], 0));
var_dump(perf_cache_get('3'));
var_dump($cache->deleteMultiple(['m1', 3]));
var_dump(perf_cache_get_multiple(['m1', 'm2', '3'], 'gone'));

echo "-- increment/decrement\n";
var_dump($cache->increment('n'), $cache->increment('n', 5), $cache->decrement('n'), $cache->decrement('n', 10));
var_dump(perf_cache_increment('n'), $cache->get('n'));
$cache->set('s', 'text');
var_dump($cache->increment('s'));

echo "-- remember and invalidateTags\n";
$calls = 0;
$compute = function () use (&$calls) {
    return 'computed ' . ++$calls;
};
var_dump($cache->remember('r', 0, $compute, ['rt']), $cache->remember('r', 0, $compute, ['rt']));
var_dump(perf_cache_remember('r', 0, $compute));
var_dump($cache->invalidateTags('rt'), $cache->invalidateTags(['rt', 'unknown']), $cache->has('r'));
var_dump($cache->remember('r', 0, $compute, ['rt']), $calls);

echo "-- TTL and tags on set\n";
$cache->set('ttl', 'v', 10, ['t1']);
ini_set('perf.cache_clock_offset', '10');
var_dump($cache->has('ttl'));
ini_set('perf.cache_clock_offset', '0');
$cache->set('tagged', 'v', 'long', ['t1']);
var_dump(perf_cache_invalidate_tags('t1'), $cache->has('tagged'));

echo "-- stats and clear\n";
$stats = $cache->stats();
// On disk the free space is the filesystem's, and Redis' memory figures are the server's: other
// processes change them between two calls.
$comparable = fn (array $s) => $driver === 'memory' ? $s : array_diff_key($s, ['memory_size' => 0, 'memory_used' => 0, 'memory_free' => 0]);
var_dump($comparable($stats) === $comparable(perf_cache_stats()), $stats['driver'] === $driver, $stats['available'], $stats['entries'] > 0);
var_dump($cache->clear());
var_dump(perf_cache_stats()['entries'], $default->has('k'));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
-- set/get/has/delete, shared with the functions and the other instance
bool(true)
array(1) {
  ["v"]=>
  int(1)
}
bool(true)
bool(true)
bool(true)
bool(false)
string(4) "dflt"
string(1) "f"
bool(true)
bool(false)
bool(false)
-- add
bool(false)
bool(true)
string(1) "a"
-- getMultiple/setMultiple/deleteMultiple
bool(true)
array(4) {
  ["m1"]=>
  int(1)
  ["m2"]=>
  int(2)
  [3]=>
  string(5) "three"
  ["none"]=>
  int(0)
}
string(5) "three"
bool(true)
array(3) {
  ["m1"]=>
  string(4) "gone"
  ["m2"]=>
  int(2)
  [3]=>
  string(4) "gone"
}
-- increment/decrement
int(1)
int(6)
int(5)
int(-5)
int(-4)
int(-4)
bool(false)
-- remember and invalidateTags
string(10) "computed 1"
string(10) "computed 1"
string(10) "computed 1"
int(1)
int(1)
bool(false)
string(10) "computed 2"
int(2)
-- TTL and tags on set
bool(false)
int(1)
bool(false)
-- stats and clear
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(0)
bool(false)
