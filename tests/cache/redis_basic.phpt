--TEST--
redis driver: the cache API against a real redis-server; clear() removes only keys under the prefix
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
perf.redis_prefix=app1:
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start();
ini_set('perf.redis_port', (string) $port);

var_dump(perf_cache_set('s', "bin\0ary"), perf_cache_get('s') === "bin\0ary");
var_dump(perf_cache_set('a', ['x' => [1, 2.5, null, true]]), perf_cache_get('a') === ['x' => [1, 2.5, null, true]]);
var_dump(perf_cache_set('n', 41), perf_cache_increment('n'), perf_cache_decrement('n', 2), perf_cache_get('n'));
var_dump(perf_cache_add('s', 'other'), perf_cache_add('new', 'v'), perf_cache_get('new'));
var_dump(perf_cache_get_multiple(['s', 'missing', 'new'], 'def') === ['s' => "bin\0ary", 'missing' => 'def', 'new' => 'v']);
var_dump(perf_cache_remember('r', 60, fn() => 'computed'), perf_cache_remember('r', 60, fn() => 'again'));
perf_cache_set('t', 'tagged', 0, ['group']);
var_dump(perf_cache_invalidate_tags('group'), perf_cache_has('t'));
var_dump(perf_cache_delete('s'), perf_cache_has('s'));

echo "-- keys live under the prefix; a TTL is a Redis TTL (plus the stale window)\n";
perf_cache_set('ttl', 'x', 100);
echo redis_cli($port, 'GET', 'app1:k:n'), "\n";
$ttl = (int) redis_cli($port, 'TTL', 'app1:k:ttl');
var_dump($ttl > 100 && $ttl <= 100 + (int) ini_get('perf.cache_stale_ttl'));

echo "-- clear() leaves other applications' keys alone (and takes the tag versions under the prefix)\n";
redis_cli($port, 'SET', 'other:key', 'keep');
var_dump(perf_cache_clear(), perf_cache_get('new'), redis_cli($port, 'GET', 'other:key'));
echo redis_cli($port, 'DBSIZE'), "\n";
$stats = perf_cache_stats();
var_dump($stats['driver'], $stats['errors'], $stats['breaker_state']);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(42)
int(40)
int(40)
bool(false)
bool(true)
string(1) "v"
bool(true)
string(8) "computed"
string(8) "computed"
int(1)
bool(false)
bool(true)
bool(false)
-- keys live under the prefix; a TTL is a Redis TTL (plus the stale window)
40
bool(true)
-- clear() leaves other applications' keys alone (and takes the tag versions under the prefix)
bool(true)
NULL
string(4) "keep"
1
string(5) "redis"
int(0)
string(6) "closed"
