--TEST--
perf_cache_set(): a resource is refused wherever it is in the array, also after an object (not stored as int 0)
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

$object = new stdClass();
attempt(fn () => perf_cache_set('resource first', [STDIN, $object]));
attempt(fn () => perf_cache_set('resource after an object', [$object, STDIN]));
attempt(fn () => perf_cache_set_multiple(['m' => ['o' => $object, 'r' => STDIN]]));
attempt(fn () => perf_cache_remember('remembered', 0, fn () => [$object, STDIN]));
var_dump(perf_cache_has('resource first'), perf_cache_has('resource after an object'), perf_cache_has('m'),
    perf_cache_has('remembered'));
?>
--EXPECT--
TypeError: perf_cache_set(): Argument #2 ($value) must not contain a resource, which cannot be cached
TypeError: perf_cache_set(): Argument #2 ($value) must not contain a resource, which cannot be cached
TypeError: perf_cache_set_multiple(): Argument #1 ($values) must not contain a resource, which cannot be cached
TypeError: perf_cache_remember(): Argument #3 ($compute) must not contain a resource, which cannot be cached
bool(false)
bool(false)
bool(false)
bool(false)
