--TEST--
End to end (fpm, redis driver): Redis killed mid-run: requests keep answering within the timeout and the shared breaker opens; Redis back: the cache works again without restarting php-fpm
--SKIPIF--
<?php require __DIR__ . '/http.inc'; e2e_skip_unless_running('PERF_E2E_REDIS_PORT'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
$base = getenv('PERF_E2E_NGINX') . '/redis/cache.php';
$dir = getenv('PERF_E2E_DIR');
$port = getenv('PERF_E2E_REDIS_PORT');

$set = json_decode(e2e_get("$base?op=set&key=k&value=before")['body'], true);
$get = json_decode(e2e_get("$base?op=get&key=k")['body'], true);
e2e_check('stored and read through Redis', $set['stored'] === true && ($get['value']['value'] ?? null) === 'before');

exec('kill -9 ' . (int) file_get_contents("$dir/run/redis.pid"));
usleep(100000);

$slowest = 0;
$answered = 0;
for ($i = 0; $i < 20; $i++) {
	$start = hrtime(true);
	$r = e2e_get("$base?op=get&key=k");
	$slowest = max($slowest, (hrtime(true) - $start) / 1e6);
	$answered += $r['status'] === 200 && json_decode($r['body'], true)['value'] === null ? 1 : 0;
}
e2e_check('every request answered, with a miss', $answered === 20, (string) $answered);
/* Timeouts are 200 ms; the breaker makes most requests skip Redis altogether. */
e2e_check('no request waited past the timeouts', $slowest < 1000, "$slowest ms");
$stats = json_decode(e2e_get("$base?op=stats")['body'], true)['stats'];
e2e_check('the breaker is open for every worker', $stats['breaker_state'] === 'open' && $stats['breaker_opens'] >= 1,
	json_encode([$stats['breaker_state'], $stats['breaker_opens']]));
e2e_check('most calls failed fast', $stats['breaker_fast_failures'] >= 10, (string) $stats['breaker_fast_failures']);

exec("redis-server --port $port --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile $dir/run/redis.pid --logfile $dir/logs/redis.log");
usleep(700000);
$stored = false;
for ($i = 0; $i < 10 && !$stored; $i++) {
	$stored = json_decode(e2e_get("$base?op=set&key=k&value=after")['body'], true)['stored'];
	usleep(100000);
}
$get = json_decode(e2e_get("$base?op=get&key=k")['body'], true);
e2e_check('Redis back: the cache works again', $stored && ($get['value']['value'] ?? null) === 'after');
$stats = json_decode(e2e_get("$base?op=stats")['body'], true)['stats'];
e2e_check('the breaker closed', $stats['breaker_state'] === 'closed', $stats['breaker_state']);
?>
--EXPECT--
stored and read through Redis: ok
every request answered, with a miss: ok
no request waited past the timeouts: ok
the breaker is open for every worker: ok
most calls failed fast: ok
Redis back: the cache works again: ok
the breaker closed: ok
