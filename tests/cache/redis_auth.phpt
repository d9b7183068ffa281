--TEST--
redis driver: AUTH with the right password works; a wrong one gives one clear warning and misses, never a fatal error
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
perf.redis_breaker_failures=100
perf.redis_password=s3cret
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start(['--requirepass', 's3cret']);
ini_set('perf.redis_port', (string) $port);

echo "-- right password\n";
var_dump(perf_cache_set('k', 'v'), perf_cache_get('k'));

echo "-- wrong password, in a process of its own\n";
$code = 'var_dump(perf_cache_get("k", "miss")); var_dump(perf_cache_set("k2", "v"), perf_cache_get("k", "miss")); echo "still running\n";';
echo shell_exec(getenv('TEST_PHP_EXECUTABLE') . ' ' . getenv('TEST_PHP_EXTRA_ARGS')
	. " -d perf.cache_driver=redis -d perf.redis_port=$port -d perf.redis_password=wrong -d perf.redis_breaker_failures=100"
	. ' -d display_errors=1 -r ' . escapeshellarg($code) . ' 2>&1');
?>
--EXPECTF--
-- right password
bool(true)
string(1) "v"
-- wrong password, in a process of its own

Warning: perf_cache_get(): perf redis driver: authentication failed: WRONGPASS invalid username-password pair or user is disabled. in Command line code on line 1
string(4) "miss"
bool(false)
string(4) "miss"
still running
