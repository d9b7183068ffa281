--TEST--
perf.cache_preload under php-cgi: the first request is served the 10,000 preloaded entries
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment'); ?>
--CGI--
--INI--
perf.cache_memory=16M
perf.cache_preload={PWD}/preload_10000.inc
--FILE--
<?php
require __DIR__ . '/preload_expected.inc';
var_dump(PHP_SAPI);
echo "mismatches: ", preload_mismatches(), "\n";
echo "entries: ", perf_cache_stats()['entries'], "\n";
?>
--EXPECT--
string(8) "cgi-fcgi"
mismatches: 0
entries: 10000
