--TEST--
perf_cache_set(): a value larger than a quarter of the cache is stored while memory is free; one larger than the cache is refused with a counted error
--INI--
perf.cache_enable_cli=1
perf.cache_memory=16M
--FILE--
<?php
require __DIR__ . '/perf_cache.inc';
$memory = ini_get('perf.cache_driver') === 'memory';

echo "-- an empty 16M cache stores 6 MB, then 12 MB\n";
$six = str_repeat('6', 6 << 20);
var_dump(perf_cache_set('six', $six), perf_cache_get('six') === $six);
var_dump(perf_cache_delete('six'));
$twelve = str_repeat('C', 12 << 20);
var_dump(perf_cache_set('twelve', $twelve), perf_cache_get('twelve') === $twelve);
var_dump(perf_cache_delete('twelve'));

echo "-- a cache filled with small entries makes room for 6 MB by evicting\n";
for ($i = 0; $i < 3000; $i++) {
	perf_cache_set("small$i", str_repeat('s', 3000));
}
var_dump(perf_cache_set('six', $six), perf_cache_get('six') === $six);

echo "-- more than the whole segment: false, one error counted, nothing else lost\n";
$errors = perf_cache_stats()['errors'];
$stored = perf_cache_set('huge', str_repeat('h', 17 << 20));
var_dump($memory ? $stored : false);
var_dump($memory ? perf_cache_stats()['errors'] - $errors : 1);
var_dump(perf_cache_get('six') === $six);
?>
--EXPECT--
-- an empty 16M cache stores 6 MB, then 12 MB
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
-- a cache filled with small entries makes room for 6 MB by evicting
bool(true)
bool(true)
-- more than the whole segment: false, one error counted, nothing else lost
bool(false)
int(1)
bool(true)
