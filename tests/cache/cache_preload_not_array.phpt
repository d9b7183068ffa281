--TEST--
perf.cache_preload returning something other than an array: one warning naming the file and what it returned, once
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_preload={PWD}/preload_not_array.inc
--FILE--
<?php
$cache = new Perf\Cache('memory');
var_dump($cache->get('a'), $cache->set('a', 1), perf_cache_get('a'));
echo "entries: ", perf_cache_stats()['entries'], "\n";
?>
--EXPECTF--
Warning: perf.cache_preload: %spreload_not_array.inc must return an array of key => value, string returned, nothing was preloaded in %s on line %d
NULL
bool(true)
int(1)
entries: 1
