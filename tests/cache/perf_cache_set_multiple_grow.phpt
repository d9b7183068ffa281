--TEST--
perf_cache_set_multiple(): a value changed through a reference by a later value's __serialize() is stored as it is when written, never past the memory measured for it (code-review finding 1)
--INI--
perf.cache_enable_cli=1
perf.cache_memory=16M
--FILE--
<?php
class Grow {
	function __serialize(): array { $GLOBALS['x'] = str_repeat('B', 100000); return []; }
	function __unserialize(array $a): void {}
}
class ToArray {
	function __serialize(): array { $GLOBALS['y'] = ['nested' => [str_repeat('C', 5000), 'k' => 'v']]; return []; }
	function __unserialize(array $a): void {}
}
class ToObject {
	function __serialize(): array { $GLOBALS['w'] = new ArrayObject([1, 2]); return []; }
	function __unserialize(array $a): void {}
}
class ToResource {
	function __serialize(): array { $GLOBALS['z'] = fopen('php://memory', 'r'); return []; }
	function __unserialize(array $a): void {}
}

perf_cache_set('neighbour', str_repeat('N', 64));

echo "-- a 1-byte string grows to 100 KB\n";
$x = 'a';
var_dump(perf_cache_set_multiple(['k1' => &$x, 'k2' => new Grow]));
var_dump(perf_cache_get('k1') === str_repeat('B', 100000));

echo "-- an integer becomes a nested array\n";
$y = 1;
var_dump(perf_cache_set_multiple(['k3' => &$y, 'k4' => new ToArray]));
var_dump(perf_cache_get('k3') === ['nested' => [str_repeat('C', 5000), 'k' => 'v']]);

echo "-- a string becomes an object\n";
$w = 'w';
var_dump(perf_cache_set_multiple(['k5' => &$w, 'k6' => new ToObject]));
var_dump(perf_cache_get('k5') == new ArrayObject([1, 2]));

echo "-- a string becomes a resource\n";
$z = 'z';
try {
	perf_cache_set_multiple(['k7' => &$z, 'k8' => new ToResource]);
} catch (TypeError $e) {
	echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(perf_cache_get('k7'));

echo "-- the cache is sound afterwards\n";
for ($i = 0; $i < 2000; $i++) {
	perf_cache_set("f$i", str_repeat(chr(97 + $i % 26), 200 + $i % 300));
}
$ok = true;
for ($i = 0; $i < 2000; $i++) {
	$v = perf_cache_get("f$i");
	$ok = $ok && ($v === null || $v === str_repeat(chr(97 + $i % 26), 200 + $i % 300));
}
var_dump($ok, perf_cache_get('neighbour') === str_repeat('N', 64));
?>
--EXPECT--
-- a 1-byte string grows to 100 KB
bool(true)
bool(true)
-- an integer becomes a nested array
bool(true)
bool(true)
-- a string becomes an object
bool(true)
bool(true)
-- a string becomes a resource
TypeError: perf_cache_set_multiple(): Argument #1 ($values) must not contain a resource, which cannot be cached
NULL
-- the cache is sound afterwards
bool(true)
bool(true)
