--TEST--
perf_cache_set(): arrays come back identical (===) and every key can be looked up: lists, hashes, holes, nested, 1000 elements
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
$holes = range(0, 9);
unset($holes[3], $holes[7]);

$hash1000 = [];
for ($i = 0; $i < 1000; $i++) {
    $hash1000["key$i"] = $i % 3 ? "value $i" : $i;
}

$arrays = [
    'list of ints' => [1, 2, 3],
    'list of mixed' => ['a', 1, 2.5, null, true, false, '', ['x']],
    'one element' => ['only'],
    'hash' => ['name' => 'Ada', 'born' => 1815, 'tags' => ['math', 'engines']],
    'eight keys' => ['a' => 1, 'b' => 2, 'c' => 3, 'd' => 4, 'e' => 5, 'f' => 6, 'g' => 7, 'h' => 8],
    'nine keys' => ['a' => 1, 'b' => 2, 'c' => 3, 'd' => 4, 'e' => 5, 'f' => 6, 'g' => 7, 'h' => 8, 'i' => 9],
    'int keys' => [10 => 'ten', 20 => 'twenty', -5 => 'minus five', PHP_INT_MAX => 'max', PHP_INT_MIN => 'min'],
    'int keys, scalar values' => [10 => 1, 20 => 2.5, 30 => true, 40 => null],
    'mixed keys' => [5 => 'five', 'name' => 'x', '42' => 'numeric string key', '042' => 'not numeric', '-1' => 'negative',
        '' => 'empty key', "k\0ey" => 'NUL in key', '1.5' => 'float-like string'],
    'holes' => $holes,
    'list with a hole at the start' => [1 => 'b', 2 => 'c'],
    'nested' => ['level1' => ['level2' => ['level3' => ['level4' => 'deep', 'list' => [1, [2, [3]]]]]], 'empty' => []],
    'array of empty arrays' => [[], [], ['k' => []]],
    '1000 ints' => range(1, 1000),
    '1000 string keys' => $hash1000,
];

/* Looks up every key through the hash index: === walks the buckets in order and would not notice a broken index. */
function lookups_ok(array $got, array $expected): bool
{
    foreach ($expected as $key => $value) {
        if (!array_key_exists($key, $got) || $got[$key] !== $value) {
            return false;
        }
        if (is_array($value) && !lookups_ok($got[$key], $value)) {
            return false;
        }
    }
    return count($got) === count($expected);
}

foreach ($arrays as $name => $array) {
    var_dump(perf_cache_set("a:$name", $array));
    $got = perf_cache_get("a:$name");
    echo $name, ': ', $got === $array ? 'identical' : 'DIFFERENT', ', ', lookups_ok($got, $array) ? 'lookups ok' : 'LOOKUPS FAIL', "\n";
}

echo "-- key types survive: '42' and '-1' are int keys in PHP, '042' and '1.5' stay strings\n";
$got = perf_cache_get('a:mixed keys');
echo implode(' ', array_map(fn ($k) => get_debug_type($k), array_keys($got))), "\n";
var_dump($got[42], $got[-1], $got['042'], isset($got['43']));

echo "-- holes stay holes\n";
$got = perf_cache_get('a:holes');
var_dump(array_keys($got), isset($got[3]), isset($got[7]), $got[8]);

echo "-- a missing key in a stored hash is still missing\n";
$got = perf_cache_get('a:1000 string keys');
var_dump(isset($got['key1000']), isset($got['key']), $got['key999'], $got['key0']);
?>
--EXPECT--
bool(true)
list of ints: identical, lookups ok
bool(true)
list of mixed: identical, lookups ok
bool(true)
one element: identical, lookups ok
bool(true)
hash: identical, lookups ok
bool(true)
eight keys: identical, lookups ok
bool(true)
nine keys: identical, lookups ok
bool(true)
int keys: identical, lookups ok
bool(true)
int keys, scalar values: identical, lookups ok
bool(true)
mixed keys: identical, lookups ok
bool(true)
holes: identical, lookups ok
bool(true)
list with a hole at the start: identical, lookups ok
bool(true)
nested: identical, lookups ok
bool(true)
array of empty arrays: identical, lookups ok
bool(true)
1000 ints: identical, lookups ok
bool(true)
1000 string keys: identical, lookups ok
-- key types survive: '42' and '-1' are int keys in PHP, '042' and '1.5' stay strings
int string int string int string string string
string(18) "numeric string key"
string(8) "negative"
string(11) "not numeric"
bool(false)
-- holes stay holes
array(8) {
  [0]=>
  int(0)
  [1]=>
  int(1)
  [2]=>
  int(2)
  [3]=>
  int(4)
  [4]=>
  int(5)
  [5]=>
  int(6)
  [6]=>
  int(8)
  [7]=>
  int(9)
}
bool(false)
bool(false)
int(8)
-- a missing key in a stored hash is still missing
bool(false)
bool(false)
int(999)
int(0)
