--TEST--
redis driver: remember()'s lock is a Redis key with an owner token; a lock whose owner on this machine was killed is taken over at once, one held from another machine is waited for until it expires
--EXTENSIONS--
pcntl
posix
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
perf.redis_prefix=lk:
perf.cache_lock_wait_ms=5000
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start();
ini_set('perf.redis_port', (string) $port);

echo "-- while the callback runs, the lock key holds an owner token\n";
var_dump(perf_cache_remember('report', 0, function () use ($port) {
    return redis_cli($port, 'GET', 'lk:l:report');
}) !== '');
var_dump(redis_cli($port, 'EXISTS', 'lk:l:report'));

echo "-- the owner is SIGKILLed inside its callback: the next caller computes at once\n";
$ready = tempnam(sys_get_temp_dir(), 'perf_lock');
$pid = pcntl_fork();
if ($pid === 0) {
    perf_cache_remember('killed', 0, function () use ($ready) {
        file_put_contents($ready, 'locked');
        sleep(60);
        return 'never';
    });
    exit(0);
}
while (file_get_contents($ready) !== 'locked') {
    usleep(1000);
}
posix_kill($pid, SIGKILL);
pcntl_waitpid($pid, $status);
unlink($ready);
$start = hrtime(true);
var_dump(perf_cache_remember('killed', 0, fn () => 'recomputed'));
var_dump((hrtime(true) - $start) / 1e6 < 1000, perf_cache_stats()['lock_recoveries']);

echo "-- a lock held by a process of another machine is not broken: waited for until it expires\n";
$start = hrtime(true);
redis_cli($port, 'SET', 'lk:l:remote', '0123456789abcdef:1:feedfeedfeedfeed', 'PX', '1500');
var_dump(perf_cache_remember('remote', 0, fn () => 'after expiry'));
$waited = (hrtime(true) - $start) / 1e6;
var_dump($waited >= 1500, perf_cache_stats()['lock_waits'], perf_cache_stats()['lock_recoveries']);
?>
--EXPECT--
-- while the callback runs, the lock key holds an owner token
bool(true)
string(1) "0"
-- the owner is SIGKILLed inside its callback: the next caller computes at once
string(10) "recomputed"
bool(true)
int(1)
-- a lock held by a process of another machine is not broken: waited for until it expires
string(12) "after expiry"
bool(true)
int(1)
int(1)
