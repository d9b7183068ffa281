--TEST--
redis driver: clear() and the entry count of stats() touch only keys under the literal prefix (glob characters in it match only themselves); an empty prefix makes clear() refuse (false, counted in errors) instead of emptying the database
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start();
ini_set('perf.redis_port', (string) $port);
$keys = function () use ($port) {
	$all = array_filter(explode("\n", redis_cli($port, 'KEYS', '*')));
	sort($all);
	return implode(' ', $all);
};

foreach (['adv?:', 'adv[p]:', 'adv*:', 'ad\\v:', 'adv^-:'] as $prefix) {
	echo "-- prefix ", $prefix, "\n";
	redis_cli($port, 'FLUSHALL');
	foreach (['advX:k:other', 'advp:k:other', 'adv:k:other', 'app1:session:42', 'adv?x', 'adv?', 'adv'] as $foreign) {
		redis_cli($port, 'SET', $foreign, 'foreign');
	}
	ini_set('perf.redis_prefix', $prefix);
	perf_cache_set('mine', 'v');
	perf_cache_set('tagged', 'v', 0, ['t']);
	echo 'entries: ', perf_cache_stats()['entries'], "\n";
	var_dump(perf_cache_clear());
	echo $keys(), "\n";
}

echo "-- empty prefix: clear() refuses, nothing is deleted\n";
ini_set('perf.redis_prefix', '');
perf_cache_set('mine', 'v');
$errors = perf_cache_stats()['errors'];
var_dump(perf_cache_clear(), perf_cache_stats()['errors'] - $errors);
echo $keys(), "\n";
var_dump(perf_cache_get('mine'));
?>
--EXPECT--
-- prefix adv?:
entries: 2
bool(true)
adv adv:k:other adv? adv?x advX:k:other advp:k:other app1:session:42
-- prefix adv[p]:
entries: 2
bool(true)
adv adv:k:other adv? adv?x advX:k:other advp:k:other app1:session:42
-- prefix adv*:
entries: 2
bool(true)
adv adv:k:other adv? adv?x advX:k:other advp:k:other app1:session:42
-- prefix ad\v:
entries: 2
bool(true)
adv adv:k:other adv? adv?x advX:k:other advp:k:other app1:session:42
-- prefix adv^-:
entries: 2
bool(true)
adv adv:k:other adv? adv?x advX:k:other advp:k:other app1:session:42
-- empty prefix: clear() refuses, nothing is deleted
bool(false)
int(1)
adv adv:k:other adv? adv?x advX:k:other advp:k:other app1:session:42 k:mine
string(1) "v"
