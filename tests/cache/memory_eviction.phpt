--TEST--
Memory driver: filling far beyond capacity keeps every store succeeding, evicts only part of the cache, and a hot key survives
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: eviction from a full segment (perf.cache_memory)'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
--FILE--
<?php
mt_srand(3);
$written = 0;
$failed = 0;
$hot = str_repeat('hot', 1000);
perf_cache_set('hot', $hot);
for ($i = 0; $i < 4000; $i++) {
	/* Mixed sizes, 100 B to 64 KB: about 30 MB through a 4 MB cache. */
	$size = mt_rand(0, 9) < 8 ? mt_rand(100, 4000) : mt_rand(16000, 65536);
	$value = str_repeat(chr(97 + $i % 26), $size);
	$failed += perf_cache_set("fill$i", $value) ? 0 : 1;
	$written += $size;
	if ($i % 10 === 0 && perf_cache_get('hot') !== $hot) {
		echo "hot key lost at $i\n";
		break;
	}
}
$stats = perf_cache_stats();
echo "bytes written beyond capacity: ", var_export($written > 6 * $stats['memory_size'], true), "\n";
echo "failed stores: $failed\n";
echo "hot key survived: ", var_export(perf_cache_get('hot') === $hot, true), "\n";
echo "entries were evicted: ", var_export($stats['evictions'] > 0, true), "\n";
$recent = 0;
for ($i = 3950; $i < 4000; $i++) {
	$recent += perf_cache_has("fill$i") ? 1 : 0;
}
/* No whole wipe: most of the newest entries are still there. */
echo "most recent entries present: ", var_export($recent >= 40, true), "\n";
echo "no errors counted: ", var_export($stats['errors'] === 0, true), "\n";
?>
--EXPECT--
bytes written beyond capacity: true
failed stores: 0
hot key survived: true
entries were evicted: true
most recent entries present: true
no errors counted: true
