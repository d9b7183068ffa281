--TEST--
redis driver: a counter made by increment() is a plain Redis integer; the TTL applies to the counter it creates (a Redis TTL), not to an existing one; expired or invalidated counters start again from 0
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
perf.redis_prefix=incr:
perf.cache_ttl_short=15
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start();
ini_set('perf.redis_port', (string) $port);
$pttl = fn (string $key) => (int) redis_cli($port, 'PTTL', "incr:k:$key");

echo "-- a new counter gets the TTL, as a Redis TTL on a plain integer\n";
var_dump(perf_cache_increment('rate', 1, 60));
echo redis_cli($port, 'GET', 'incr:k:rate'), "\n";
var_dump($pttl('rate') > 55000 && $pttl('rate') <= 60000);

echo "-- incrementing does not extend it (the TTL argument only counts on creation)\n";
redis_cli($port, 'PEXPIRE', 'incr:k:rate', '20000');
var_dump(perf_cache_increment('rate', 1, 3600), $pttl('rate') <= 20000);

echo "-- an expired counter starts again from 0\n";
redis_cli($port, 'PEXPIRE', 'incr:k:rate', '1');
usleep(20000);
var_dump(perf_cache_get('rate', 'expired'), perf_cache_increment('rate', 5, 60));

echo "-- tier\n";
var_dump(perf_cache_decrement('tiered', 1, 'short'), $pttl('tiered') > 10000 && $pttl('tiered') <= 15000);

echo "-- no TTL: never expires (perf.cache_default_ttl=0)\n";
var_dump(perf_cache_increment('forever'), $pttl('forever'));

echo "-- a counter whose tag was invalidated starts again from 0\n";
perf_cache_set('tagged', 40, 0, ['t']);
var_dump(perf_cache_increment('tagged', 2));
perf_cache_invalidate_tags('t');
var_dump(perf_cache_increment('tagged', 2));
perf_cache_invalidate_tags('t');
var_dump(perf_cache_get('tagged'));

echo "-- an integer stored with a TTL is framed: increments keep its TTL and its logical expiry\n";
perf_cache_set('framed', 10, 30);
var_dump(perf_cache_increment('framed', 5), perf_cache_get('framed'));
$ttl = (int) redis_cli($port, 'TTL', 'incr:k:framed');
var_dump($ttl > 25 && $ttl <= 30 + (int) ini_get('perf.cache_stale_ttl'));
ini_set('perf.cache_clock_offset', '30');
var_dump(perf_cache_get('framed', 'expired'), perf_cache_increment('framed', 3));
?>
--EXPECT--
-- a new counter gets the TTL, as a Redis TTL on a plain integer
int(1)
1
bool(true)
-- incrementing does not extend it (the TTL argument only counts on creation)
int(2)
bool(true)
-- an expired counter starts again from 0
string(7) "expired"
int(5)
-- tier
int(-1)
bool(true)
-- no TTL: never expires (perf.cache_default_ttl=0)
int(1)
int(-1)
-- a counter whose tag was invalidated starts again from 0
int(42)
int(2)
int(2)
-- an integer stored with a TTL is framed: increments keep its TTL and its logical expiry
int(15)
int(15)
bool(true)
string(7) "expired"
int(3)
