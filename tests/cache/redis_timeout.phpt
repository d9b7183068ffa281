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

/* Every client is paused for 1 s: perf's GET of "a" times out after 100 ms. */
redis_cli($port, 'CLIENT', 'PAUSE', '1000', 'ALL');
$start = hrtime(true);
var_dump(perf_cache_get('a', 'timed out'));
$took = (hrtime(true) - $start) / 1e6;
echo "gave up before the pause ended: ", var_export($took < 900, true), "\n";
usleep(1100000);

/* Redis has answered the GET of "a" by now; on a reused connection that answer would come next. */
var_dump(perf_cache_get('b'), perf_cache_get('a'));
$stats = perf_cache_stats();
/* At least the timeout; a loaded machine may add more, and the values above stay right regardless. */
var_dump($stats['errors'] >= 1, $stats['breaker_state']);
?>
--EXPECT--
string(9) "timed out"
gave up before the pause ended: true
string(10) "value of b"
string(10) "value of a"
bool(true)
string(6) "closed"
