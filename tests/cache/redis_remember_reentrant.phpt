--TEST--
redis driver: a remember() inside the callback of a remember() on the same key returns at once, as on the memory and file drivers (the request holds that lock itself); another process still waits for it
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
perf.redis_prefix=reent:
perf.cache_lock_wait_ms=3000
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start();
ini_set('perf.redis_port', (string) $port);

$start = microtime(true);
var_dump(perf_cache_remember('r', 0, fn () => 'outer ' . perf_cache_remember('r', 0, fn () => 'inner')));
var_dump(perf_cache_get('r'));
$elapsed = microtime(true) - $start;
echo $elapsed < 2.0 ? "returned at once\n" : "stalled for $elapsed s\n";

echo "-- the lock is really held: another process waits for it\n";
// (Whether the waiter then reads the holder's value or wins the lock just after the release and computes is remember()'s business.)
$out = sys_get_temp_dir() . '/perf-reent-' . getmypid();
$code = 'touch(' . var_export("$out.started", true) . '); $t = microtime(true); perf_cache_remember("w", 0, fn () => "computed by the waiter"); '
	. 'echo microtime(true) - $t > 0.3 ? "the waiter waited\n" : "the waiter did not wait\n";';
var_dump(perf_cache_remember('w', 0, function () use ($port, $code, $out) {
	$cmd = getenv('TEST_PHP_EXECUTABLE') . ' ' . getenv('TEST_PHP_EXTRA_ARGS')
		. " -d perf.cache_driver=redis -d perf.redis_prefix=reent: -d perf.redis_port=$port -d perf.cache_lock_wait_ms=20000 -r "
		. escapeshellarg($code) . ' > ' . escapeshellarg("$out.out") . ' 2>&1 &';
	exec($cmd);
	// Hold the lock until the waiter runs, then a little longer.
	for ($i = 0; $i < 1000 && !file_exists("$out.started"); $i++) {
		usleep(10000);
	}
	usleep(500000);
	return 'computed by the holder';
}));
for ($i = 0; $i < 1000 && !str_contains((string) @file_get_contents("$out.out"), "\n"); $i++) {
	usleep(20000);
}
echo file_get_contents("$out.out");
@unlink("$out.out");
@unlink("$out.started");
?>
--EXPECT--
string(11) "outer inner"
string(11) "outer inner"
returned at once
-- the lock is really held: another process waits for it
string(22) "computed by the holder"
the waiter waited
