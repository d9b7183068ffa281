--TEST--
redis driver: TTLs past what SET EX accepts (1e16 s, PHP_INT_MAX) and a huge perf.cache_stale_ttl are stored like on the memory and file drivers, never refused; the logical expiry still applies
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
perf.redis_prefix=huge:
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start();
ini_set('perf.redis_port', (string) $port);
$ttl = fn (string $key) => (int) redis_cli($port, 'TTL', "huge:k:$key");

foreach ([10 ** 16, 10 ** 18, PHP_INT_MAX - 10, PHP_INT_MAX] as $seconds) {
	echo "-- ttl $seconds\n";
	var_dump(perf_cache_set('t', 'v', $seconds), perf_cache_get('t'), perf_cache_add('a', 'v', $seconds), perf_cache_has('a'));
	var_dump(perf_cache_increment('c', 1, $seconds), perf_cache_increment('c', 1, $seconds));
	var_dump(perf_cache_remember('r', $seconds, fn () => 'computed'), perf_cache_has('r'));
	perf_cache_delete('t');
	perf_cache_delete('a');
	perf_cache_delete('c');
	perf_cache_delete('r');
}

echo "-- 10**16 s is still a logical expiry: 10**16 s later the entry is gone\n";
perf_cache_set('t', 'v', 10 ** 16);
ini_set('perf.cache_clock_offset', (string) (10 ** 16));
var_dump(perf_cache_get('t', 'expired'));
ini_set('perf.cache_clock_offset', '0');

echo "-- a huge stale window: ttl + stale must not overflow into a negative EX\n";
ini_set('perf.cache_stale_ttl', (string) PHP_INT_MAX);
var_dump(perf_cache_set('s', 'v', 60), perf_cache_get('s'), $ttl('s'));
var_dump(perf_cache_add('s2', 'v', 60), perf_cache_get('s2'));
ini_set('perf.cache_stale_ttl', '60');
var_dump(perf_cache_set('s3', 'v', 60), $ttl('s3') > 100 && $ttl('s3') <= 120);
?>
--EXPECT--
-- ttl 10000000000000000
bool(true)
string(1) "v"
bool(true)
bool(true)
int(1)
int(2)
string(8) "computed"
bool(true)
-- ttl 1000000000000000000
bool(true)
string(1) "v"
bool(true)
bool(true)
int(1)
int(2)
string(8) "computed"
bool(true)
-- ttl 9223372036854775797
bool(true)
string(1) "v"
bool(true)
bool(true)
int(1)
int(2)
string(8) "computed"
bool(true)
-- ttl 9223372036854775807
bool(true)
string(1) "v"
bool(true)
bool(true)
int(1)
int(2)
string(8) "computed"
bool(true)
-- 10**16 s is still a logical expiry: 10**16 s later the entry is gone
string(7) "expired"
-- a huge stale window: ttl + stale must not overflow into a negative EX
bool(true)
string(1) "v"
int(-1)
bool(true)
string(1) "v"
bool(true)
bool(true)
