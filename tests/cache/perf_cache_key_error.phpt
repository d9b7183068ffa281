--TEST--
perf_cache_key(): an empty or over-long namespace is a ValueError; a part that cannot be serialized throws
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

attempt(fn () => perf_cache_key(''));
attempt(fn () => perf_cache_key('', 'x'));
attempt(fn () => perf_cache_key(str_repeat('n', 201), 'x'));
attempt(fn () => strlen(perf_cache_key(str_repeat('n', 200), 'x')));
attempt(fn () => perf_cache_key('ns', 'ok', fn () => 1));
attempt(fn () => perf_cache_key('ns', new class {}));
attempt(fn () => perf_cache_key());
?>
--EXPECT--
ValueError: perf_cache_key(): Argument #1 ($namespace) must not be empty
ValueError: perf_cache_key(): Argument #1 ($namespace) must not be empty
ValueError: perf_cache_key(): Argument #1 ($namespace) must be at most 200 bytes long
241
Exception: Serialization of 'Closure' is not allowed
Exception: Serialization of 'class@anonymous' is not allowed
ArgumentCountError: perf_cache_key() expects at least 1 argument, 0 given
