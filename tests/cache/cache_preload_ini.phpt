--TEST--
INI perf.cache_preload: a relative path is one startup warning and leaves it unset (nothing is loaded, nothing warns later); the setting is php.ini-only
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_preload=preload_10000.inc
--FILE--
<?php
var_dump(ini_get('perf.cache_preload'));
var_dump(ini_set('perf.cache_preload', __DIR__ . '/preload_10000.inc'), ini_get('perf.cache_preload'));
var_dump(perf_cache_get('item:1'), perf_cache_set('k', 1), perf_cache_get('k'));
?>
--EXPECT--
Warning: Invalid value "preload_10000.inc" for perf.cache_preload: must be an absolute path to a PHP file, or empty in Unknown on line 0
string(0) ""
bool(false)
string(0) ""
NULL
bool(true)
int(1)
