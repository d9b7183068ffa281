--TEST--
perf_cache_increment()/decrement(): false on a value that is not an int and on overflow, leaving the value as it was; invalid arguments throw
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

echo "-- not an int: false, unchanged\n";
$values = ['string' => 'abc', 'numeric string' => '5', 'float' => 5.0, 'null' => null, 'true' => true,
    'array' => [1], 'object' => new ArrayObject([1])];
foreach ($values as $key => $value) {
    perf_cache_set($key, $value);
    $errors = perf_cache_stats()['errors'];
    $inc = perf_cache_increment($key);
    $dec = perf_cache_decrement($key, 2);
    $got = perf_cache_get($key);
    printf("%s: %s %s, %s, errors +%d\n", $key, var_export($inc, true), var_export($dec, true),
        $got == $value && gettype($got) === gettype($value) ? 'unchanged' : 'CHANGED to ' . var_export($got, true),
        perf_cache_stats()['errors'] - $errors);
}

echo "-- overflow: false, unchanged\n";
perf_cache_set('max', PHP_INT_MAX);
var_dump(perf_cache_increment('max'), perf_cache_get('max') === PHP_INT_MAX);
perf_cache_set('min', PHP_INT_MIN);
var_dump(perf_cache_decrement('min'), perf_cache_get('min') === PHP_INT_MIN);
var_dump(perf_cache_increment('min', -1), perf_cache_get('min') === PHP_INT_MIN);
perf_cache_set('big', PHP_INT_MAX - 5);
var_dump(perf_cache_increment('big', 6), perf_cache_get('big') === PHP_INT_MAX - 5);
var_dump(perf_cache_decrement('big', -6), perf_cache_get('big') === PHP_INT_MAX - 5);
// It still works with a step that fits.
var_dump(perf_cache_increment('big', 5) === PHP_INT_MAX);

echo "-- invalid arguments\n";
attempt(fn () => perf_cache_increment(''));
attempt(fn () => perf_cache_increment(str_repeat('k', 251)));
attempt(fn () => perf_cache_increment('c', 1, -1));
attempt(fn () => perf_cache_increment('c', 1, 'yearly'));
attempt(fn () => perf_cache_increment('c', 'one'));
attempt(fn () => perf_cache_decrement('c', PHP_INT_MIN));
attempt(fn () => perf_cache_decrement(''));
var_dump(perf_cache_has('c'));
?>
--EXPECT--
-- not an int: false, unchanged
string: false false, unchanged, errors +2
numeric string: false false, unchanged, errors +2
float: false false, unchanged, errors +2
null: false false, unchanged, errors +2
true: false false, unchanged, errors +2
array: false false, unchanged, errors +2
object: false false, unchanged, errors +2
-- overflow: false, unchanged
bool(false)
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
bool(true)
-- invalid arguments
ValueError: perf_cache_increment(): Argument #1 ($key) must not be empty
ValueError: perf_cache_increment(): Argument #1 ($key) must be at most 250 bytes long, 251 bytes given
ValueError: perf_cache_increment(): Argument #3 ($ttl) must be 0 or more seconds (0 means no expiry), -1 given
ValueError: perf_cache_increment(): Argument #3 ($ttl) must be a number of seconds or one of "short", "medium" or "long", "yearly" given
TypeError: perf_cache_increment(): Argument #2 ($step) must be of type int, string given
ValueError: perf_cache_decrement(): Argument #2 ($step) must be greater than -9223372036854775808
ValueError: perf_cache_decrement(): Argument #1 ($key) must not be empty
bool(false)
