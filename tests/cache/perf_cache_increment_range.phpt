--TEST--
perf_cache_increment(): exact over the whole 64-bit range and false on overflow, for integers stored plain, with a TTL, with tags or both (every driver gives the same answers)
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
foreach (['plain' => [0, []], 'with a TTL' => [600, []], 'with a tag' => [0, ['t']], 'with TTL and tag' => [600, ['t']]] as $how => [$seconds, $tags]) {
	echo "-- stored $how\n";
	perf_cache_set('n', PHP_INT_MAX - 1, $seconds, $tags);
	echo json_encode([perf_cache_increment('n'), perf_cache_increment('n'), perf_cache_increment('n', 5), perf_cache_get('n')]), "\n";
	perf_cache_set('n', PHP_INT_MIN + 1, $seconds, $tags);
	echo json_encode([perf_cache_decrement('n'), perf_cache_decrement('n'), perf_cache_increment('n', PHP_INT_MAX), perf_cache_get('n')]), "\n";
	perf_cache_set('n', 2 ** 53 + 1, $seconds, $tags);
	echo json_encode([perf_cache_increment('n', 2), perf_cache_decrement('n', 2 ** 53 + 10), perf_cache_increment('n', -1_000_000_007), perf_cache_get('n')]), "\n";
	perf_cache_set('n', -999_999_999, $seconds, $tags);
	echo json_encode([perf_cache_decrement('n'), perf_cache_increment('n', 2_000_000_000), perf_cache_increment('n', -1_000_000_001)]), "\n";
	perf_cache_set('n', 'text', $seconds, $tags);
	echo json_encode([perf_cache_increment('n'), perf_cache_get('n')]), "\n";
}
echo "-- a counter increment() makes\n";
echo json_encode([perf_cache_increment('c', PHP_INT_MAX, 60), perf_cache_increment('c', 1, 60), perf_cache_decrement('c', PHP_INT_MAX, 60), perf_cache_get('c')]), "\n";
?>
--EXPECT--
-- stored plain
[9223372036854775807,false,false,9223372036854775807]
[-9223372036854775808,false,-1,-1]
[9007199254740995,-7,-1000000014,-1000000014]
[-1000000000,1000000000,-1]
[false,"text"]
-- stored with a TTL
[9223372036854775807,false,false,9223372036854775807]
[-9223372036854775808,false,-1,-1]
[9007199254740995,-7,-1000000014,-1000000014]
[-1000000000,1000000000,-1]
[false,"text"]
-- stored with a tag
[9223372036854775807,false,false,9223372036854775807]
[-9223372036854775808,false,-1,-1]
[9007199254740995,-7,-1000000014,-1000000014]
[-1000000000,1000000000,-1]
[false,"text"]
-- stored with TTL and tag
[9223372036854775807,false,false,9223372036854775807]
[-9223372036854775808,false,-1,-1]
[9007199254740995,-7,-1000000014,-1000000014]
[-1000000000,1000000000,-1]
[false,"text"]
-- a counter increment() makes
[9223372036854775807,false,0,0]
