--TEST--
Memory driver: a cache fragmented by small entries still stores a value larger than any free hole
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: fragmentation of the shared memory segment'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
--FILE--
<?php
/* Small entries, then every other one deleted: free space is plentiful but in small holes. */
$n = 0;
while (perf_cache_stats()['memory_free'] > 200000 && $n < 100000) {
	perf_cache_set("small$n", str_repeat('s', 600));
	$n++;
}
for ($i = 0; $i < $n; $i += 2) {
	perf_cache_delete("small$i");
}
$stats = perf_cache_stats();
$big = str_repeat('B', 256 * 1024);
echo "filled with small entries: ", var_export($n > 1000, true), "\n";
echo "big value stored: ", var_export(perf_cache_set('big', $big), true), "\n";
echo "big value intact: ", var_export(perf_cache_get('big') === $big, true), "\n";
$kept = 0;
for ($i = 1; $i < $n; $i += 2) {
	$kept += perf_cache_get("small$i") === str_repeat('s', 600) ? 1 : 0;
}
echo "most small entries kept: ", var_export($kept > $n / 4, true), "\n";
?>
--EXPECT--
filled with small entries: true
big value stored: true
big value intact: true
most small entries kept: true
