--TEST--
perf_cache_set_multiple(): stores every pair and returns true; int keys; the TTL and tags apply to each entry
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

$values = ['a' => 'A', 'b' => [1, 2], 'c' => null, 42 => 'int key', '' . PHP_INT_MAX => 'max', -1 => 'negative', 'o' => new ArrayObject([1])];
var_dump(perf_cache_set_multiple($values));
var_dump(perf_cache_get('a'), perf_cache_get('b'), perf_cache_has('c'), perf_cache_get('42'), perf_cache_get((string) PHP_INT_MAX),
    perf_cache_get('-1'), perf_cache_get('o') == new ArrayObject([1]));
var_dump(perf_cache_get_multiple(array_keys($values)) == $values);

echo "-- overwrites\n";
var_dump(perf_cache_set_multiple(['a' => 'A2', 'new' => 'N']));
var_dump(perf_cache_get('a'), perf_cache_get('new'));

echo "-- an empty array stores nothing and succeeds\n";
$entries = perf_cache_stats()['entries'];
var_dump(perf_cache_set_multiple([]), perf_cache_stats()['entries'] === $entries);

echo "-- TTL\n";
$t = time();
cache_at($t, fn () => perf_cache_set_multiple(['t1' => 1, 't2' => 2], 30));
var_dump(cache_at($t + 29, fn () => perf_cache_get_multiple(['t1', 't2'], 'miss')));
var_dump(cache_at($t + 30, fn () => perf_cache_get_multiple(['t1', 't2'], 'miss')));
ini_set('perf.cache_clock_offset', '0');

echo "-- tier and tags\n";
var_dump(perf_cache_set_multiple(['g1' => 1, 'g2' => 2], 'long', ['group', 'other']));
perf_cache_set('outside', 3, 0, ['other2']);
var_dump(perf_cache_invalidate_tags('group'));
var_dump(perf_cache_get_multiple(['g1', 'g2', 'outside'], 'miss'));
?>
--EXPECT--
bool(true)
string(1) "A"
array(2) {
  [0]=>
  int(1)
  [1]=>
  int(2)
}
bool(true)
string(7) "int key"
string(3) "max"
string(8) "negative"
bool(true)
bool(true)
-- overwrites
bool(true)
string(2) "A2"
string(1) "N"
-- an empty array stores nothing and succeeds
bool(true)
bool(true)
-- TTL
array(2) {
  ["t1"]=>
  int(1)
  ["t2"]=>
  int(2)
}
array(2) {
  ["t1"]=>
  string(4) "miss"
  ["t2"]=>
  string(4) "miss"
}
-- tier and tags
bool(true)
int(1)
array(3) {
  ["g1"]=>
  string(4) "miss"
  ["g2"]=>
  string(4) "miss"
  ["outside"]=>
  int(3)
}
