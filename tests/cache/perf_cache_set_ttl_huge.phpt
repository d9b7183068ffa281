--TEST--
perf_cache_set(): a huge TTL (PHP_INT_MAX) means "practically never expires", not "already expired"
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
var_dump(perf_cache_set('max', 'v', PHP_INT_MAX));
var_dump(perf_cache_has('max'), perf_cache_get('max'));
var_dump(perf_cache_set('large', 'v', PHP_INT_MAX - 10));
var_dump(perf_cache_has('large'));
var_dump(perf_cache_increment('counter', 1, PHP_INT_MAX), perf_cache_increment('counter'));
var_dump(perf_cache_remember('remembered', PHP_INT_MAX, fn () => 'computed'), perf_cache_has('remembered'));
?>
--EXPECT--
bool(true)
bool(true)
string(1) "v"
bool(true)
bool(true)
int(1)
int(2)
string(8) "computed"
bool(true)
