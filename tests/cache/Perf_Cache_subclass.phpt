--TEST--
Perf\Cache: a subclass works and can add methods; one that skips the parent constructor gets an Error, not a crash
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

final class PrefixedCache extends Perf\Cache
{
    public function __construct(private string $prefix)
    {
        parent::__construct(ini_get('perf.cache_driver'));
    }

    public function get(string $key, mixed $default = null): mixed
    {
        return parent::get($this->prefix . $key, $default);
    }

    public function set(string $key, mixed $value, int|string|null $ttl = null, array $tags = []): bool
    {
        return parent::set($this->prefix . $key, $value, $ttl, $tags);
    }

    public function prefix(): string
    {
        return $this->prefix;
    }
}

$cache = new PrefixedCache('app:');
var_dump($cache instanceof Perf\Cache, $cache->driver() === ini_get('perf.cache_driver'), $cache->prefix());
var_dump($cache->set('k', 'v'), $cache->get('k'), perf_cache_get('app:k'), perf_cache_has('k'));
// Inherited methods work on the raw key.
var_dump($cache->has('app:k'), $cache->increment('counter', 3), $cache->stats()['entries']);
// A subclass's argument errors name the method the engine runs: the parent's.
attempt(fn () => $cache->has(''));

echo "-- a subclass with dynamic properties\n";
#[AllowDynamicProperties]
class Bag extends Perf\Cache {}
$bag = new Bag();
$bag->note = 'n';
var_dump($bag->note, $bag->set('bag', 1), $bag->get('bag'));

echo "-- not initialized\n";
class Lazy extends Perf\Cache
{
    public function __construct() {}
}
$lazy = new Lazy();
attempt(fn () => $lazy->get('k'));
attempt(fn () => $lazy->set('k', 'v'));
attempt(fn () => $lazy->driver());
attempt(fn () => $lazy->stats());
$raw = (new ReflectionClass(Perf\Cache::class))->newInstanceWithoutConstructor();
attempt(fn () => $raw->has('k'));
?>
--EXPECT--
bool(true)
bool(true)
string(4) "app:"
bool(true)
string(1) "v"
string(1) "v"
bool(false)
bool(true)
int(3)
int(2)
ValueError: Perf\Cache::has(): Argument #1 ($key) must not be empty
-- a subclass with dynamic properties
string(1) "n"
bool(true)
int(1)
-- not initialized
Error: Perf\Cache object is not initialized: call its constructor
Error: Perf\Cache object is not initialized: call its constructor
Error: Perf\Cache object is not initialized: call its constructor
Error: Perf\Cache object is not initialized: call its constructor
Error: Perf\Cache object is not initialized: call its constructor
