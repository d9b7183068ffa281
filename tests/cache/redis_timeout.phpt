--TEST--
redis driver: a read that times out drops the connection, so its late reply never answers a later command
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
perf.redis_read_timeout_ms=100
perf.redis_breaker_failures=100
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start();
ini_set('perf.redis_port', (string) $port);

perf_cache_set('a', 'value of a');
perf_cache_set('b', 'value of b');

/* Every client is paused for 400 ms: perf's GET of "a" times out after 100 ms. */
redis_cli($port, 'CLIENT', 'PAUSE', '400', 'ALL');
$start = hrtime(true);
var_dump(perf_cache_get('a', 'timed out'));
$took = (hrtime(true) - $start) / 1e6;
echo "gave up before the pause ended: ", var_export($took < 350, true), "\n";
usleep(500000);

/* Redis has answered the GET of "a" by now; on a reused connection that answer would come next. */
var_dump(perf_cache_get('b'), perf_cache_get('a'));
$stats = perf_cache_stats();
var_dump($stats['errors'], $stats['breaker_state']);
?>
--EXPECT--
string(9) "timed out"
gave up before the pause ended: true
string(10) "value of b"
string(10) "value of a"
int(1)
string(6) "closed"
