--TEST--
redis driver: perf_cache_get_multiple() of tagged entries costs two round trips (entries, then all their tags' versions), however many keys
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available(); ?>
--INI--
perf.cache_driver=redis
perf.redis_prefix=gm:
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start();
ini_set('perf.redis_port', (string) $port);

$keys = [];
for ($i = 0; $i < 50; $i++) {
    $keys[] = "k$i";
    perf_cache_set("k$i", "v$i", 0, ["group" . ($i % 5), 'all']);
}
perf_cache_set('untagged', 'u');
perf_cache_set('n', 7);
$keys[] = 'untagged';
$keys[] = 'n';
$keys[] = 'missing';
perf_cache_invalidate_tags('group3');

redis_cli($port, 'CONFIG', 'RESETSTAT');
$values = perf_cache_get_multiple($keys, 'MISS');
preg_match_all('/^cmdstat_(\w+):calls=(\d+)/m', redis_cli($port, 'INFO', 'commandstats'), $m);
$calls = array_combine($m[1], array_map('intval', $m[2]));
unset($calls['info'], $calls['config']);
var_dump($calls);

$expected = [];
for ($i = 0; $i < 50; $i++) {
    $expected["k$i"] = $i % 5 === 3 ? 'MISS' : "v$i";
}
$expected += ['untagged' => 'u', 'n' => 7, 'missing' => 'MISS'];
var_dump($values === $expected);
?>
--EXPECT--
array(1) {
  ["mget"]=>
  int(2)
}
bool(true)
