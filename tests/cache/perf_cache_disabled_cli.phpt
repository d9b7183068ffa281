--TEST--
perf.cache_enable_cli=0 (the default) in CLI: no cache, without warnings: misses, false from writes, the callback of remember() runs every time
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_enable_cli only switches the shared memory segment'); ?>
--INI--
perf.cache_enable_cli=0
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

var_dump(ini_get('perf.cache_enable_cli'));
var_dump(perf_cache_stats());
var_dump(perf_cache_set('k', 'v'), perf_cache_add('k', 'v'), perf_cache_set_multiple(['k' => 'v']));
var_dump(perf_cache_get('k'), perf_cache_get('k', 'default'), perf_cache_has('k'));
var_dump(perf_cache_get_multiple(['k', 'l'], 'd'));
var_dump(perf_cache_delete('k'), perf_cache_delete_multiple(['k']), perf_cache_clear());
var_dump(perf_cache_increment('n'), perf_cache_decrement('n'));
var_dump(perf_cache_invalidate_tags(['t']));
$calls = 0;
var_dump(perf_cache_remember('r', 0, function () use (&$calls) { return ++$calls; }));
var_dump(perf_cache_remember('r', 0, function () use (&$calls) { return ++$calls; }));
$cache = new Perf\Cache();
var_dump($cache->driver(), $cache->set('k', 'v'), $cache->get('k', 'default'), $cache->stats()['available']);
// perf_cache_key() needs no cache.
var_dump(strlen(perf_cache_key('ns', 1)));

echo "-- arguments are still checked\n";
attempt(fn () => perf_cache_set('', 'v'));
attempt(fn () => perf_cache_set('k', STDIN));
attempt(fn () => perf_cache_get(str_repeat('k', 251)));
attempt(fn () => perf_cache_set('k', 'v', 'weekly'));

echo "-- it cannot be turned on at runtime\n";
var_dump(ini_set('perf.cache_enable_cli', '1'), ini_get('perf.cache_enable_cli'), perf_cache_set('k', 'v'));
var_dump(error_get_last());
?>
--EXPECT--
string(1) "0"
array(2) {
  ["driver"]=>
  string(6) "memory"
  ["available"]=>
  bool(false)
}
bool(false)
bool(false)
bool(false)
NULL
string(7) "default"
bool(false)
array(2) {
  ["k"]=>
  string(1) "d"
  ["l"]=>
  string(1) "d"
}
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
int(0)
int(1)
int(2)
string(6) "memory"
bool(false)
string(7) "default"
bool(false)
int(43)
-- arguments are still checked
ValueError: perf_cache_set(): Argument #1 ($key) must not be empty
TypeError: perf_cache_set(): Argument #2 ($value) must not contain a resource, which cannot be cached
ValueError: perf_cache_get(): Argument #1 ($key) must be at most 250 bytes long, 251 bytes given
ValueError: perf_cache_set(): Argument #3 ($ttl) must be a number of seconds or one of "short", "medium" or "long", "weekly" given
-- it cannot be turned on at runtime
bool(false)
string(1) "0"
bool(false)
NULL
