--TEST--
perf_cache_set()/get(): the cache holds a snapshot; the fetched array is a private copy; references are stored as values
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
echo "-- changing the fetched array does not change the cache\n";
$orig = ['user' => ['name' => 'Ada', 'langs' => ['en']], 'list' => [1, 2, 3], 'flat' => [10 => 1, 20 => 2]];
perf_cache_set('c', $orig);
$got = perf_cache_get('c');
$got['user']['name'] = 'Grace';
$got['user']['langs'][] = 'fr';
$got['list'][] = 4;
$got['flat'][10] = 'changed';
$got['new'] = true;
unset($got['list'][0]);
var_dump(perf_cache_get('c') === $orig);

echo "-- two fetches are independent\n";
$a = perf_cache_get('c');
$b = perf_cache_get('c');
$a['user']['name'] = 'A';
var_dump($b['user']['name']);

echo "-- changing the original after the store does not change the cache\n";
$orig['user']['name'] = 'Changed';
$orig['list'][] = 99;
var_dump(perf_cache_get('c')['user']['name'], perf_cache_get('c')['list']);

echo "-- references are stored as the values they pointed to\n";
$x = 1;
$inner = ['i'];
$refs = ['a' => &$x, 'b' => &$x, 'list' => [&$x], 'inner' => &$inner];
perf_cache_set('refs', $refs);
$x = 2;
$inner[] = 'j';
$got = perf_cache_get('refs');
var_dump($got === ['a' => 1, 'b' => 1, 'list' => [1], 'inner' => ['i']]);
// Neither a reference to each other nor to $x.
var_dump(ReflectionReference::fromArrayElement($got, 'a'), ReflectionReference::fromArrayElement($got, 'inner'));
$got['a'] = 99;
var_dump($got['b'], $x);

echo "-- a reference passed as the value itself\n";
$value = 'before';
$ref = &$value;
perf_cache_set('ref', $ref);
$value = 'after';
var_dump(perf_cache_get('ref'));
?>
--EXPECT--
-- changing the fetched array does not change the cache
bool(true)
-- two fetches are independent
string(3) "Ada"
-- changing the original after the store does not change the cache
string(3) "Ada"
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
-- references are stored as the values they pointed to
bool(true)
NULL
NULL
int(1)
int(2)
-- a reference passed as the value itself
string(6) "before"
