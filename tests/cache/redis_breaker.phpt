--TEST--
redis driver: with Redis down the breaker opens after N failures and calls fail at once; when Redis is back one probe closes it
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
perf.redis_breaker_failures=3
perf.redis_breaker_cooldown_ms=300
perf.redis_connect_timeout_ms=200
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_free_port();
ini_set('perf.redis_port', (string) $port);

echo "-- nothing listens: misses and false, never an error\n";
for ($i = 0; $i < 3; $i++) {
	var_dump(perf_cache_get('k', 'default'));
}
$stats = perf_cache_stats();
var_dump($stats['breaker_state'], $stats['breaker_opens']);

echo "-- open: calls do not even try\n";
$before = $stats['breaker_fast_failures'];
var_dump(perf_cache_set('k', 'v'), perf_cache_get('k', 'default'));
var_dump(perf_cache_stats()['breaker_fast_failures'] - $before >= 2);

echo "-- Redis comes back: after the cooldown one probe closes the breaker\n";
redis_start([], $port);
usleep(400000);
var_dump(perf_cache_set('k', 'v'), perf_cache_get('k'));
$stats = perf_cache_stats();
var_dump($stats['breaker_state'], $stats['breaker_failures']);
?>
--EXPECT--
-- nothing listens: misses and false, never an error
string(7) "default"
string(7) "default"
string(7) "default"
string(4) "open"
int(1)
-- open: calls do not even try
bool(false)
string(7) "default"
bool(true)
-- Redis comes back: after the cooldown one probe closes the breaker
bool(true)
string(1) "v"
string(6) "closed"
int(0)
