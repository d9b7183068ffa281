--TEST--
INI: perf.cache_memory=1M, the documented minimum, gives a working cache without a warning
--INI--
perf.cache_enable_cli=1
perf.cache_memory=1M
--FILE--
<?php
$stats = perf_cache_stats();
var_dump($stats['available'], $stats['memory_size'] > 0);
var_dump(perf_cache_set('k', 'v'), perf_cache_get('k'));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
string(1) "v"
