--TEST--
perf_cache_set(): a numeric string TTL ('60') is a number of seconds, like the int 60
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

$t = time();
attempt(fn () => cache_at($t, fn () => perf_cache_set('k', 'v', '60')));
var_dump(cache_at($t + 59, fn () => perf_cache_has('k')));
var_dump(cache_at($t + 60, fn () => perf_cache_has('k')));
attempt(fn () => cache_at($t, fn () => perf_cache_set('zero', 'v', '0')));
var_dump(cache_at($t + 86400, fn () => perf_cache_has('zero')));
// Still not negative, and not a fraction.
attempt(fn () => perf_cache_set('neg', 'v', '-5'));
var_dump(perf_cache_has('neg'));
?>
--EXPECTF--
true
bool(true)
bool(false)
true
bool(true)
ValueError: perf_cache_set(): Argument #3 ($ttl) must be %s
bool(false)
