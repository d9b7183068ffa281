--TEST--
perf_cache_invalidate_tags(): a non-string or empty tag, or more than 64, throws and invalidates nothing
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

perf_cache_set('k', 'v', 0, ['a', 'b']);
attempt(fn () => perf_cache_invalidate_tags(''));
attempt(fn () => perf_cache_invalidate_tags(['a', '']));
attempt(fn () => perf_cache_invalidate_tags(['a', 1]));
attempt(fn () => perf_cache_invalidate_tags(['a', null]));
attempt(fn () => perf_cache_invalidate_tags(['a', ['b']]));
attempt(fn () => perf_cache_invalidate_tags(array_merge(['a'], array_map(fn ($i) => "t$i", range(1, 64)))));
attempt(fn () => perf_cache_invalidate_tags(new stdClass()));
// 'a' came first in each list, yet was not invalidated.
var_dump(perf_cache_get('k'));
?>
--EXPECT--
ValueError: perf_cache_invalidate_tags(): Argument #1 ($tags) must not contain an empty tag
ValueError: perf_cache_invalidate_tags(): Argument #1 ($tags) must not contain an empty tag
TypeError: perf_cache_invalidate_tags(): Argument #1 ($tags) must contain only strings, int given
TypeError: perf_cache_invalidate_tags(): Argument #1 ($tags) must contain only strings, null given
TypeError: perf_cache_invalidate_tags(): Argument #1 ($tags) must contain only strings, array given
ValueError: perf_cache_invalidate_tags(): Argument #1 ($tags) must not hold more than 64 tags
TypeError: perf_cache_invalidate_tags(): Argument #1 ($tags) must be of type array|string, stdClass given
string(1) "v"
