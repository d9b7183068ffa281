--TEST--
Perf\Cache: an unknown driver is a ValueError; argument errors name the method; clone is not allowed
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

echo "-- constructor\n";
attempt(fn () => new Perf\Cache('memcached'));
attempt(fn () => new Perf\Cache('apcu'));
attempt(fn () => new Perf\Cache(''));
attempt(fn () => new Perf\Cache('memory '));
attempt(fn () => new Perf\Cache([]));

echo "-- methods\n";
$cache = new Perf\Cache();
attempt(fn () => $cache->get(''));
attempt(fn () => $cache->set('', 'v'));
attempt(fn () => $cache->set(str_repeat('k', 251), 'v'));
attempt(fn () => $cache->set('k', 'v', -1));
attempt(fn () => $cache->set('k', 'v', 'eternal'));
attempt(fn () => $cache->set('k', 'v', 0, [1]));
attempt(fn () => $cache->set('k', 'v', 0, ['']));
attempt(fn () => $cache->set('k', STDIN));
attempt(fn () => $cache->set('k', fn () => 1));
attempt(fn () => $cache->add('', 'v'));
attempt(fn () => $cache->has(''));
attempt(fn () => $cache->delete(''));
attempt(fn () => $cache->getMultiple([null]));
attempt(fn () => $cache->setMultiple(['a' => 1, 'b' => STDIN]));
attempt(fn () => $cache->deleteMultiple(['']));
attempt(fn () => $cache->increment(''));
attempt(fn () => $cache->decrement('k', PHP_INT_MIN));
attempt(fn () => $cache->remember('', 0, fn () => 1));
attempt(fn () => $cache->remember('k', 0, fn () => STDIN));
attempt(fn () => $cache->invalidateTags(['']));
attempt(fn () => $cache->clear(1));
attempt(fn () => $cache->stats(1));
attempt(fn () => $cache->driver(1));
var_dump(perf_cache_has('k'), perf_cache_has('a'));

echo "-- clone\n";
attempt(fn () => clone $cache);

echo "-- after all those errors the instance still works\n";
var_dump($cache->set('k', 'still works'), $cache->get('k'));
?>
--EXPECTF--
-- constructor
ValueError: Perf\Cache::__construct(): Argument #1 ($driver) must be "memory", "file"%s, "memcached" given
ValueError: Perf\Cache::__construct(): Argument #1 ($driver) must be "memory", "file"%s, "apcu" given
ValueError: Perf\Cache::__construct(): Argument #1 ($driver) must be "memory", "file"%s, "" given
ValueError: Perf\Cache::__construct(): Argument #1 ($driver) must be "memory", "file"%s, "memory " given
TypeError: Perf\Cache::__construct(): Argument #1 ($driver) must be of type ?string, array given
-- methods
ValueError: Perf\Cache::get(): Argument #1 ($key) must not be empty
ValueError: Perf\Cache::set(): Argument #1 ($key) must not be empty
ValueError: Perf\Cache::set(): Argument #1 ($key) must be at most 250 bytes long, 251 bytes given
ValueError: Perf\Cache::set(): Argument #3 ($ttl) must be 0 or more seconds (0 means no expiry), -1 given
ValueError: Perf\Cache::set(): Argument #3 ($ttl) must be a number of seconds or one of "short", "medium" or "long", "eternal" given
TypeError: Perf\Cache::set(): Argument #4 ($tags) must contain only strings, int given
ValueError: Perf\Cache::set(): Argument #4 ($tags) must not contain an empty tag
TypeError: Perf\Cache::set(): Argument #2 ($value) must not contain a resource, which cannot be cached
Exception: Serialization of 'Closure' is not allowed
ValueError: Perf\Cache::add(): Argument #1 ($key) must not be empty
ValueError: Perf\Cache::has(): Argument #1 ($key) must not be empty
ValueError: Perf\Cache::delete(): Argument #1 ($key) must not be empty
TypeError: Perf\Cache::getMultiple(): Argument #1 ($keys) must contain only string keys, null given
TypeError: Perf\Cache::setMultiple(): Argument #1 ($values) must not contain a resource, which cannot be cached
ValueError: Perf\Cache::deleteMultiple(): Argument #1 ($keys) must not contain an empty key
ValueError: Perf\Cache::increment(): Argument #1 ($key) must not be empty
ValueError: Perf\Cache::decrement(): Argument #2 ($step) must be greater than -9223372036854775808
ValueError: Perf\Cache::remember(): Argument #1 ($key) must not be empty
TypeError: Perf\Cache::remember(): Argument #3 ($compute) must not contain a resource, which cannot be cached
ValueError: Perf\Cache::invalidateTags(): Argument #1 ($tags) must not contain an empty tag
ArgumentCountError: Perf\Cache::clear() expects exactly 0 arguments, 1 given
ArgumentCountError: Perf\Cache::stats() expects exactly 0 arguments, 1 given
ArgumentCountError: Perf\Cache::driver() expects exactly 0 arguments, 1 given
bool(false)
bool(false)
-- clone
Error: Trying to clone an uncloneable object of class Perf\Cache
-- after all those errors the instance still works
bool(true)
string(11) "still works"
