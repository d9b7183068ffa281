--TEST--
perf_cache_set_multiple(): one bad key, value, TTL or tag throws and stores none of the pairs, not even those before it
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

$deep = [];
for ($i = 0; $i < 300; $i++) {
    $deep = [$deep];
}
$cases = [
    'resource as the 3rd value' => fn () => perf_cache_set_multiple(['first' => 1, 'second' => 2, 'third' => STDIN, 'fourth' => 4]),
    'resource nested in the 3rd value' => fn () => perf_cache_set_multiple(['first' => 1, 'second' => 2, 'third' => ['x' => [STDIN]]]),
    'Closure as the 3rd value' => fn () => perf_cache_set_multiple(['first' => 1, 'second' => 2, 'third' => fn () => 3]),
    'too deep 3rd value' => fn () => perf_cache_set_multiple(['first' => 1, 'second' => 2, 'third' => $deep]),
    'empty 3rd key' => fn () => perf_cache_set_multiple(['first' => 1, 'second' => 2, '' => 3]),
    'too long 3rd key' => fn () => perf_cache_set_multiple(['first' => 1, 'second' => 2, str_repeat('k', 251) => 3]),
    'negative TTL' => fn () => perf_cache_set_multiple(['first' => 1, 'second' => 2], -1),
    'unknown tier' => fn () => perf_cache_set_multiple(['first' => 1, 'second' => 2], 'week'),
    'non-string tag' => fn () => perf_cache_set_multiple(['first' => 1, 'second' => 2], 60, ['ok', 7]),
    'empty tag' => fn () => perf_cache_set_multiple(['first' => 1, 'second' => 2], 60, ['']),
];
foreach ($cases as $name => $call) {
    echo "$name: ";
    attempt($call);
    foreach (['first', 'second', 'third', 'fourth'] as $key) {
        if (perf_cache_has($key)) {
            echo "  $key WAS STORED\n";
            perf_cache_delete($key);
        }
    }
}
var_dump(perf_cache_stats()['stores'], perf_cache_stats()['entries']);
?>
--EXPECT--
resource as the 3rd value: TypeError: perf_cache_set_multiple(): Argument #1 ($values) must not contain a resource, which cannot be cached
resource nested in the 3rd value: TypeError: perf_cache_set_multiple(): Argument #1 ($values) must not contain a resource, which cannot be cached
Closure as the 3rd value: Exception: Serialization of 'Closure' is not allowed
too deep 3rd value: ValueError: perf_cache_set_multiple(): Argument #1 ($values) must not be nested deeper than 256 levels (or contain a reference to itself)
empty 3rd key: ValueError: perf_cache_set_multiple(): Argument #1 ($values) must not contain an empty key
too long 3rd key: ValueError: perf_cache_set_multiple(): Argument #1 ($values) must contain only keys of at most 250 bytes, a key of 251 bytes given
negative TTL: ValueError: perf_cache_set_multiple(): Argument #2 ($ttl) must be 0 or more seconds (0 means no expiry), -1 given
unknown tier: ValueError: perf_cache_set_multiple(): Argument #2 ($ttl) must be a number of seconds or one of "short", "medium" or "long", "week" given
non-string tag: TypeError: perf_cache_set_multiple(): Argument #3 ($tags) must contain only strings, int given
empty tag: ValueError: perf_cache_set_multiple(): Argument #3 ($tags) must not contain an empty tag
int(0)
int(0)
