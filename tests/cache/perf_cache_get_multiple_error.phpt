--TEST--
perf_cache_get_multiple()/delete_multiple(): a key that is not a string or int, empty or too long throws before anything is read or deleted
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

perf_cache_set('a', 'A');
$before = perf_cache_stats();

foreach (['get_multiple' => 'perf_cache_get_multiple', 'delete_multiple' => 'perf_cache_delete_multiple'] as $name => $function) {
    echo "-- $name\n";
    attempt(fn () => $function(['a', null]));
    attempt(fn () => $function(['a', 1.5]));
    attempt(fn () => $function(['a', ['nested']]));
    attempt(fn () => $function(['a', true]));
    attempt(fn () => $function(['a', new stdClass()]));
    attempt(fn () => $function(['a', '']));
    attempt(fn () => $function(['a', str_repeat('x', 251)]));
    attempt(fn () => $function('a'));
}

echo "-- 'a' was neither read nor deleted\n";
$after = perf_cache_stats();
var_dump($after['hits'] - $before['hits'], $after['misses'] - $before['misses'], $after['deletes'] - $before['deletes']);
var_dump(perf_cache_get('a'));
?>
--EXPECT--
-- get_multiple
TypeError: perf_cache_get_multiple(): Argument #1 ($keys) must contain only string keys, null given
TypeError: perf_cache_get_multiple(): Argument #1 ($keys) must contain only string keys, float given
TypeError: perf_cache_get_multiple(): Argument #1 ($keys) must contain only string keys, array given
TypeError: perf_cache_get_multiple(): Argument #1 ($keys) must contain only string keys, bool given
TypeError: perf_cache_get_multiple(): Argument #1 ($keys) must contain only string keys, stdClass given
ValueError: perf_cache_get_multiple(): Argument #1 ($keys) must not contain an empty key
ValueError: perf_cache_get_multiple(): Argument #1 ($keys) must contain only keys of at most 250 bytes, a key of 251 bytes given
TypeError: perf_cache_get_multiple(): Argument #1 ($keys) must be of type array, string given
-- delete_multiple
TypeError: perf_cache_delete_multiple(): Argument #1 ($keys) must contain only string keys, null given
TypeError: perf_cache_delete_multiple(): Argument #1 ($keys) must contain only string keys, float given
TypeError: perf_cache_delete_multiple(): Argument #1 ($keys) must contain only string keys, array given
TypeError: perf_cache_delete_multiple(): Argument #1 ($keys) must contain only string keys, bool given
TypeError: perf_cache_delete_multiple(): Argument #1 ($keys) must contain only string keys, stdClass given
ValueError: perf_cache_delete_multiple(): Argument #1 ($keys) must not contain an empty key
ValueError: perf_cache_delete_multiple(): Argument #1 ($keys) must contain only keys of at most 250 bytes, a key of 251 bytes given
TypeError: perf_cache_delete_multiple(): Argument #1 ($keys) must be of type array, string given
-- 'a' was neither read nor deleted
int(0)
int(0)
int(0)
string(1) "A"
