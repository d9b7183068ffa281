--TEST--
perf.cache_preload naming a file that is not there: one warning naming it and why, once; the cache works
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_preload={PWD}/preload_no_such_file.inc
--FILE--
<?php
var_dump(perf_cache_get('a'), perf_cache_set('a', 1), perf_cache_get('a'));
?>
--EXPECTF--
Warning: perf.cache_preload: cannot read %spreload_no_such_file.inc: No such file or directory, nothing was preloaded in %s on line %d
NULL
bool(true)
int(1)
