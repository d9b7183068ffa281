--TEST--
perf_cache_set(): one process can use all the free memory that perf_cache_stats() reports before anything is evicted
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: fills half of perf.cache_memory and expects no eviction'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
$size = perf_cache_stats()['memory_size'];
$value = str_repeat('v', 20000);
// Half of the cache: far from full.
$count = intdiv($size / 2, strlen($value));
$failed = 0;
for ($i = 0; $i < $count; $i++) {
    $failed += perf_cache_set("k$i", $value) ? 0 : 1;
}
$stats = perf_cache_stats();
$present = 0;
for ($i = 0; $i < $count; $i++) {
    $present += perf_cache_has("k$i") ? 1 : 0;
}
var_dump($count > 100, $failed, $stats['evictions'], $present === $count, $stats['memory_free'] > $size / 3);
?>
--EXPECT--
bool(true)
int(0)
int(0)
bool(true)
bool(true)
