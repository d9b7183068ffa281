--TEST--
redis driver: increment() is exact over the whole 64-bit range and false on overflow, for plain counters and for integers stored with a TTL or tags; the TTL argument applies only to a counter increment() creates, even when an existing one equals the step
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
perf.redis_prefix=exact:
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start();
ini_set('perf.redis_port', (string) $port);
$ttl = fn (string $key) => (int) redis_cli($port, 'TTL', "exact:k:$key");

foreach (['plain' => [0, []], 'with a TTL' => [600, []], 'with a tag' => [0, ['t']], 'with TTL and tag' => [600, ['t']]] as $how => [$seconds, $tags]) {
	echo "-- stored $how\n";
	perf_cache_set('n', PHP_INT_MAX - 1, $seconds, $tags);
	var_dump(perf_cache_increment('n'), perf_cache_increment('n'), perf_cache_increment('n', 5), perf_cache_get('n'));
	perf_cache_set('n', PHP_INT_MIN + 1, $seconds, $tags);
	var_dump(perf_cache_decrement('n'), perf_cache_decrement('n'), perf_cache_increment('n', PHP_INT_MAX), perf_cache_get('n'));
	perf_cache_set('n', 2 ** 53 + 1, $seconds, $tags);
	var_dump(perf_cache_increment('n', 2), perf_cache_decrement('n', 2 ** 53 + 10), perf_cache_increment('n', -1_000_000_007));
	var_dump(perf_cache_get('n'));
	perf_cache_set('n', -999_999_999, $seconds, $tags);
	var_dump(perf_cache_decrement('n'), perf_cache_increment('n', 2_000_000_000), perf_cache_increment('n', -1_000_000_001));
	perf_cache_set('n', 'text', $seconds, $tags);
	var_dump(perf_cache_increment('n'));
}

echo "-- the TTL argument applies only to a counter increment() creates\n";
perf_cache_set('stock', 1);
var_dump(perf_cache_decrement('stock'), perf_cache_increment('stock', 1, 60), $ttl('stock'));
var_dump(perf_cache_increment('fresh', 1, 60), $ttl('fresh') > 55);
var_dump(perf_cache_increment('fresh', 1, 3600), $ttl('fresh') <= 60);
echo "-- the script is sent by its SHA; a server that forgot it (SCRIPT FLUSH, restart) gets it again\n";
redis_cli($port, 'SCRIPT', 'FLUSH');
var_dump(perf_cache_increment('fresh', 1, 60), perf_cache_increment('fresh', 1, 60));
echo "-- an existing counter at the top of the range, with a TTL argument\n";
perf_cache_set('top', PHP_INT_MAX);
var_dump(perf_cache_increment('top', 1, 60), perf_cache_get('top'), $ttl('top'));
?>
--EXPECT--
-- stored plain
int(9223372036854775807)
bool(false)
bool(false)
int(9223372036854775807)
int(-9223372036854775808)
bool(false)
int(-1)
int(-1)
int(9007199254740995)
int(-7)
int(-1000000014)
int(-1000000014)
int(-1000000000)
int(1000000000)
int(-1)
bool(false)
-- stored with a TTL
int(9223372036854775807)
bool(false)
bool(false)
int(9223372036854775807)
int(-9223372036854775808)
bool(false)
int(-1)
int(-1)
int(9007199254740995)
int(-7)
int(-1000000014)
int(-1000000014)
int(-1000000000)
int(1000000000)
int(-1)
bool(false)
-- stored with a tag
int(9223372036854775807)
bool(false)
bool(false)
int(9223372036854775807)
int(-9223372036854775808)
bool(false)
int(-1)
int(-1)
int(9007199254740995)
int(-7)
int(-1000000014)
int(-1000000014)
int(-1000000000)
int(1000000000)
int(-1)
bool(false)
-- stored with TTL and tag
int(9223372036854775807)
bool(false)
bool(false)
int(9223372036854775807)
int(-9223372036854775808)
bool(false)
int(-1)
int(-1)
int(9007199254740995)
int(-7)
int(-1000000014)
int(-1000000014)
int(-1000000000)
int(1000000000)
int(-1)
bool(false)
-- the TTL argument applies only to a counter increment() creates
int(0)
int(1)
int(-1)
int(1)
bool(true)
int(2)
bool(true)
-- the script is sent by its SHA; a server that forgot it (SCRIPT FLUSH, restart) gets it again
int(3)
int(4)
-- an existing counter at the top of the range, with a TTL argument
bool(false)
int(9223372036854775807)
int(-1)
