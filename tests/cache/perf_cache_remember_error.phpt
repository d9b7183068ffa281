--TEST--
perf_cache_remember(): a callback result that cannot be cached throws, is not returned, and nothing is stored
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
perf.cache_lock_wait_ms=1
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

$deep = [];
for ($i = 0; $i < 300; $i++) {
    $deep = [$deep];
}
$results = [
    'resource' => fn () => STDIN,
    'resource in an array' => fn () => ['fh' => STDIN],
    'Closure' => fn () => fn () => 1,
    'anonymous class' => fn () => new class {},
    'too deep' => fn () => $deep,
];
foreach ($results as $key => $compute) {
    echo "$key: ";
    try {
        $value = perf_cache_remember($key, 0, $compute);
        echo "RETURNED ", get_debug_type($value), "\n";
    } catch (Throwable $e) {
        // The argument named is the callback's: the value came from it.
        echo get_class($e), ': ', str_replace('perf_cache_remember(): Argument #3 ($compute) ', '', $e->getMessage()), "\n";
    }
    var_dump(perf_cache_has($key));
}
var_dump(perf_cache_stats()['stores']);

echo "-- the key can be remembered right after\n";
var_dump(perf_cache_remember('resource', 0, fn () => 'fine now'));
?>
--EXPECT--
resource: TypeError: must not contain a resource, which cannot be cached
bool(false)
resource in an array: TypeError: must not contain a resource, which cannot be cached
bool(false)
Closure: Exception: Serialization of 'Closure' is not allowed
bool(false)
anonymous class: Exception: Serialization of 'class@anonymous' is not allowed
bool(false)
too deep: ValueError: must not be nested deeper than 256 levels (or contain a reference to itself)
bool(false)
int(0)
-- the key can be remembered right after
string(8) "fine now"
