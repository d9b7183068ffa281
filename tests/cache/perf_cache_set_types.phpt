--TEST--
perf_cache_set(): scalars and strings come back identical (===), including binary strings, -0.0, INF and NAN
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
$values = [
    'string' => 'hello',
    'empty string' => '',
    'binary' => "a\0b\0\0c\xff\xfe",
    'only NULs' => "\0\0\0",
    'utf-8' => "h\u{e9}llo \u{1F600}",
    'numeric string' => '42',
    'int' => 42,
    'zero' => 0,
    'negative int' => -7,
    'PHP_INT_MAX' => PHP_INT_MAX,
    'PHP_INT_MIN' => PHP_INT_MIN,
    'float' => 3.14159,
    'float zero' => 0.0,
    'tiny float' => 5e-324,
    'PHP_FLOAT_MAX' => PHP_FLOAT_MAX,
    'INF' => INF,
    '-INF' => -INF,
    'null' => null,
    'true' => true,
    'false' => false,
    'empty array' => [],
];
foreach ($values as $name => $value) {
    if (!perf_cache_set("v:$name", $value)) {
        echo "$name: not stored\n";
        continue;
    }
    $back = perf_cache_get("v:$name", 'MISS');
    echo $name, ': ', $back === $value ? 'identical' : 'DIFFERENT: ' . var_export($back, true), "\n";
}

// === cannot tell -0.0 from 0.0, nor NAN from anything: look at the sign and use is_nan().
perf_cache_set('v:-0.0', -0.0);
$back = perf_cache_get('v:-0.0');
var_dump($back, is_float($back) && fdiv(1, $back) === -INF);
perf_cache_set('v:NAN', NAN);
$back = perf_cache_get('v:NAN');
var_dump(is_float($back) && is_nan($back));

// The string that came back is an ordinary string: it can be changed without changing the cache.
$s = perf_cache_get('v:string');
$s[0] = 'J';
$s .= '!';
var_dump($s, perf_cache_get('v:string'));
?>
--EXPECT--
string: identical
empty string: identical
binary: identical
only NULs: identical
utf-8: identical
numeric string: identical
int: identical
zero: identical
negative int: identical
PHP_INT_MAX: identical
PHP_INT_MIN: identical
float: identical
float zero: identical
tiny float: identical
PHP_FLOAT_MAX: identical
INF: identical
-INF: identical
null: identical
true: identical
false: identical
empty array: identical
float(-0)
bool(true)
bool(true)
string(6) "Jello!"
string(5) "hello"
