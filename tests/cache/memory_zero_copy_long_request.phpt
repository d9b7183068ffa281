--TEST--
Memory driver, zero-copy (php-cgi): one long request holding zero-copy values does not hold the cache back: 30 MB go through a 4 MB cache without a failed store, and the held values stay intact after their entries are replaced and evicted
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: zero-copy reads point into the shared memory segment'); ?>
--CGI--
--INI--
perf.cache_memory=4M
perf.cache_zero_copy=1
--FILE--
<?php
$expected = [];
for ($k = 0; $k < 8; $k++) {
    $expected[$k] = ['k' => $k, 'list' => range($k, $k + 50), 'text' => str_repeat(chr(65 + $k), 3000)];
    perf_cache_set("held$k", $expected[$k]);
}

/* Each value read here points into its entry's block, which stays pinned until the request is over. */
$held = [];
for ($k = 0; $k < 8; $k++) {
    $held[$k] = perf_cache_get("held$k");
}
for ($k = 0; $k < 8; $k++) {
    perf_cache_set("held$k", "replaced $k");
}

mt_srand(5);
$failed = 0;
$written = 0;
for ($i = 0; $i < 4000; $i++) {
    $size = mt_rand(0, 9) < 8 ? mt_rand(100, 4000) : mt_rand(16000, 65536);
    $failed += perf_cache_set("fill$i", str_repeat(chr(97 + $i % 26), $size)) ? 0 : 1;
    $written += $size;
}
$stats = perf_cache_stats();
echo "bytes written beyond capacity: ", var_export($written > 6 * $stats['memory_size'], true), "\n";
echo "failed stores: $failed, errors: {$stats['errors']}\n";
echo "entries were evicted: ", var_export($stats['evictions'] > 0, true), "\n";
echo "held values intact: ", var_export($held === $expected, true), "\n";
echo "entries read anew: ", var_export(perf_cache_get('held3') === 'replaced 3' || perf_cache_get('held3') === null, true), "\n";

echo "-- only the held blocks stay pinned: the cache keeps taking stores\n";
$failed = 0;
for ($i = 0; $i < 2000; $i++) {
    $failed += perf_cache_set("again$i", str_repeat('x', 8000)) ? 0 : 1;
}
echo "failed stores: $failed\n";
?>
--EXPECT--
bytes written beyond capacity: true
failed stores: 0, errors: 0
entries were evicted: true
held values intact: true
entries read anew: true
-- only the held blocks stay pinned: the cache keeps taking stores
failed stores: 0
