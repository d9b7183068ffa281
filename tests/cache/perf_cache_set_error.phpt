--TEST--
perf_cache_set(): invalid key, TTL, tags or value throw with an exact message and store nothing
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

$deep = [];
for ($i = 1; $i < 256; $i++) {
    $deep = [$deep];
}
// $deep has 256 levels of arrays: the most allowed. One more is too deep.
$tooDeep = [$deep];
$self = ['x'];
$self[] = &$self;

$cases = [
    'empty key' => fn () => perf_cache_set('', 'v'),
    '251-byte key' => fn () => perf_cache_set(str_repeat('k', 251), 'v'),
    'negative TTL' => fn () => perf_cache_set('k1', 'v', -1),
    'PHP_INT_MIN TTL' => fn () => perf_cache_set('k2', 'v', PHP_INT_MIN),
    'unknown tier' => fn () => perf_cache_set('k3', 'v', 'forever'),
    'tier in capitals' => fn () => perf_cache_set('k4', 'v', 'SHORT'),
    'empty tier' => fn () => perf_cache_set('k5', 'v', ''),
    'non-string tag' => fn () => perf_cache_set('k7', 'v', 60, ['ok', 42]),
    'null tag' => fn () => perf_cache_set('k8', 'v', 60, [null]),
    'empty tag' => fn () => perf_cache_set('k9', 'v', 60, ['ok', '']),
    '65 tags' => fn () => perf_cache_set('k10', 'v', 60, array_map(fn ($i) => "t$i", range(1, 65))),
    'resource' => fn () => perf_cache_set('k11', STDIN),
    'resource in an array' => fn () => perf_cache_set('k12', ['a' => ['b' => STDIN]]),
    'Closure' => fn () => perf_cache_set('k13', fn () => 1),
    'Closure in an array' => fn () => perf_cache_set('k14', ['f' => function () {}]),
    'anonymous class' => fn () => perf_cache_set('k15', new class {}),
    '257 levels' => fn () => perf_cache_set('k16', $tooDeep),
    'array holding a reference to itself' => fn () => perf_cache_set('k17', $self),
];
foreach ($cases as $name => $call) {
    echo "$name: ";
    attempt($call);
}

echo "-- nothing was stored\n";
$keys = array_merge(['', str_repeat('k', 251)], array_map(fn ($i) => "k$i", range(1, 17)));
$stored = array_filter($keys, fn ($key) => strlen($key) > 0 && strlen($key) <= 250 && perf_cache_has($key));
var_dump($stored);
var_dump(perf_cache_stats()['entries']);

echo "-- the limits themselves are fine\n";
var_dump(perf_cache_set(str_repeat('k', 250), 'v'));
var_dump(perf_cache_set('k', 'v', 0, array_map(fn ($i) => "t$i", range(1, 64))));
var_dump(perf_cache_set('deep', $deep));
var_dump(perf_cache_get('deep') === $deep);
?>
--EXPECT--
empty key: ValueError: perf_cache_set(): Argument #1 ($key) must not be empty
251-byte key: ValueError: perf_cache_set(): Argument #1 ($key) must be at most 250 bytes long, 251 bytes given
negative TTL: ValueError: perf_cache_set(): Argument #3 ($ttl) must be 0 or more seconds (0 means no expiry), -1 given
PHP_INT_MIN TTL: ValueError: perf_cache_set(): Argument #3 ($ttl) must be 0 or more seconds (0 means no expiry), -9223372036854775808 given
unknown tier: ValueError: perf_cache_set(): Argument #3 ($ttl) must be a number of seconds or one of "short", "medium" or "long", "forever" given
tier in capitals: ValueError: perf_cache_set(): Argument #3 ($ttl) must be a number of seconds or one of "short", "medium" or "long", "SHORT" given
empty tier: ValueError: perf_cache_set(): Argument #3 ($ttl) must be a number of seconds or one of "short", "medium" or "long", "" given
non-string tag: TypeError: perf_cache_set(): Argument #4 ($tags) must contain only strings, int given
null tag: TypeError: perf_cache_set(): Argument #4 ($tags) must contain only strings, null given
empty tag: ValueError: perf_cache_set(): Argument #4 ($tags) must not contain an empty tag
65 tags: ValueError: perf_cache_set(): Argument #4 ($tags) must not hold more than 64 tags
resource: TypeError: perf_cache_set(): Argument #2 ($value) must not contain a resource, which cannot be cached
resource in an array: TypeError: perf_cache_set(): Argument #2 ($value) must not contain a resource, which cannot be cached
Closure: Exception: Serialization of 'Closure' is not allowed
Closure in an array: Exception: Serialization of 'Closure' is not allowed
anonymous class: Exception: Serialization of 'class@anonymous' is not allowed
257 levels: ValueError: perf_cache_set(): Argument #2 ($value) must not be nested deeper than 256 levels (or contain a reference to itself)
array holding a reference to itself: ValueError: perf_cache_set(): Argument #2 ($value) must not be nested deeper than 256 levels (or contain a reference to itself)
-- nothing was stored
array(0) {
}
int(0)
-- the limits themselves are fine
bool(true)
bool(true)
bool(true)
bool(true)
