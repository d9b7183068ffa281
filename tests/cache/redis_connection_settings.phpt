--TEST--
redis driver: the kept connection is reused only for the same host, port, socket, database, user and password; a change in any of them connects again (no cross-tenant reads)
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
perf.redis_prefix=conn:
perf.redis_breaker_failures=100
perf.redis_connect_timeout_ms=200
perf.redis_password=pw-b
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start(['--requirepass', 'pw-b']);
$other = redis_start(['--requirepass', 'pw-b']);
$cli = fn (string ...$args) => redis_cli($port, '-a', 'pw-b', '--no-auth-warning', ...$args);
ini_set('perf.redis_port', (string) $port);

echo "-- database\n";
ini_set('perf.redis_database', '1');
var_dump(perf_cache_set('invoice:1', 'tenant A (db 1)'));
ini_set('perf.redis_database', '2');
var_dump(perf_cache_get('invoice:1', 'miss in db 2'));
var_dump($cli('-n', '1', 'EXISTS', 'conn:k:invoice:1'), $cli('-n', '2', 'EXISTS', 'conn:k:invoice:1'));
ini_set('perf.redis_database', '1');
var_dump(perf_cache_get('invoice:1', 'miss'));

echo "-- port: another server, then one where nothing listens\n";
ini_set('perf.redis_port', (string) $other);
var_dump(perf_cache_get('invoice:1', 'miss on the other server'));
ini_set('perf.redis_port', (string) redis_free_port());
var_dump(perf_cache_get('invoice:1', 'miss: nothing listens'));
ini_set('perf.redis_port', (string) $port);
var_dump(perf_cache_get('invoice:1', 'miss'));

echo "-- host\n";
ini_set('perf.redis_host', '127.0.0.2');
var_dump(perf_cache_get('invoice:1', 'miss: redis listens on 127.0.0.1 only'));
ini_set('perf.redis_host', '127.0.0.1');
var_dump(perf_cache_get('invoice:1', 'miss'));

echo "-- socket\n";
ini_set('perf.redis_socket', sys_get_temp_dir() . '/perf-no-such-redis.sock');
var_dump(perf_cache_get('invoice:1', 'miss: no such socket'));
ini_set('perf.redis_socket', '');
var_dump(perf_cache_get('invoice:1', 'miss'));

echo "-- user (ACL): same password, but tenant_b may only touch other:* keys\n";
$cli('ACL', 'SETUSER', 'tenant_b', 'on', '>pw-b', '~other:*', '+@all');
ini_set('perf.redis_username', 'tenant_b');
var_dump(perf_cache_get('invoice:1', 'miss: tenant_b may not read conn:*'));
ini_set('perf.redis_username', '');
var_dump(perf_cache_get('invoice:1', 'miss'));
?>
--EXPECTF--
-- database
bool(true)
string(12) "miss in db 2"
string(1) "1"
string(1) "0"
string(15) "tenant A (db 1)"
-- port: another server, then one where nothing listens
string(24) "miss on the other server"
string(21) "miss: nothing listens"
string(15) "tenant A (db 1)"
-- host
string(37) "miss: redis listens on 127.0.0.1 only"
string(15) "tenant A (db 1)"
-- socket
string(20) "miss: no such socket"
string(15) "tenant A (db 1)"
-- user (ACL): same password, but tenant_b may only touch other:* keys
string(34) "miss: tenant_b may not read conn:*"
string(15) "tenant A (db 1)"
