--TEST--
perf_cache_remember(): computes on a miss, stores, and serves the stored value without calling the callback again until the TTL
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
perf.cache_ttl_medium=100
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

$calls = 0;
$compute = function () use (&$calls) {
    $calls++;
    return ['computed' => $calls];
};

echo "-- miss: computed and stored\n";
var_dump(perf_cache_remember('k', 0, $compute));
var_dump($calls, perf_cache_get('k'));
echo "-- hit: not computed\n";
var_dump(perf_cache_remember('k', 0, $compute));
var_dump(perf_cache_remember('k', 0, $compute));
var_dump($calls);

echo "-- a value stored by perf_cache_set() is served too\n";
perf_cache_set('preset', 'from set');
var_dump(perf_cache_remember('preset', 0, $compute), $calls);

echo "-- null and false are values like any other: stored, not recomputed\n";
$nulls = 0;
var_dump(perf_cache_remember('null', 0, function () use (&$nulls) { $nulls++; return null; }));
var_dump(perf_cache_remember('null', 0, function () use (&$nulls) { $nulls++; return null; }));
var_dump(perf_cache_remember('false', 0, function () use (&$nulls) { $nulls++; return false; }));
var_dump(perf_cache_remember('false', 0, function () use (&$nulls) { $nulls++; return false; }));
var_dump($nulls);

echo "-- any callable\n";
class Source
{
    public static function load(): string { return 'static method'; }
    public function __invoke(): string { return 'invokable'; }
}
var_dump(perf_cache_remember('static', 0, [Source::class, 'load']));
var_dump(perf_cache_remember('invokable', 0, new Source()));
var_dump(perf_cache_remember('function', 0, 'phpversion') === PHP_VERSION);
var_dump(perf_cache_get('static'), perf_cache_get('invokable'));

echo "-- TTL: served until TTL-1, recomputed at TTL\n";
$t = time();
$ttlCalls = 0;
$count = function () use (&$ttlCalls) {
    return ++$ttlCalls;
};
cache_at($t, function () use (&$ttlCalls, $count) {
    perf_cache_delete('ttl');
    $ttlCalls = 0;
    return perf_cache_remember('ttl', 30, $count);
});
var_dump(cache_at($t + 29, fn () => perf_cache_remember('ttl', 30, $count)), $ttlCalls);
var_dump(cache_at($t + 30, fn () => perf_cache_remember('ttl', 30, $count)), $ttlCalls);

echo "-- tier and null (perf.cache_default_ttl=0: no expiry)\n";
$tierCalls = 0;
$tier = function () use (&$tierCalls) {
    return ++$tierCalls;
};
cache_at($t, function () use (&$tierCalls, $tier) {
    perf_cache_delete('tier');
    $tierCalls = 0;
    return perf_cache_remember('tier', 'medium', $tier);
});
var_dump(cache_at($t + 99, fn () => perf_cache_remember('tier', 'medium', $tier)));
var_dump(cache_at($t + 100, fn () => perf_cache_remember('tier', 'medium', $tier)));
cache_at($t, fn () => perf_cache_remember('null ttl', null, fn () => 'kept'));
var_dump(cache_at($t + 10 * 365 * 86400, fn () => perf_cache_has('null ttl')));

echo "-- invalid arguments throw before the callback runs\n";
$never = function () {
    echo "CALLED\n";
    return 1;
};
attempt(fn () => perf_cache_remember('', 0, $never));
attempt(fn () => perf_cache_remember(str_repeat('k', 251), 0, $never));
attempt(fn () => perf_cache_remember('x', -1, $never));
attempt(fn () => perf_cache_remember('x', 'hourly', $never));
attempt(fn () => perf_cache_remember('x', 0, $never, [1]));
attempt(fn () => perf_cache_remember('x', 0, 'no_such_function'));
attempt(fn () => perf_cache_remember('x', 0));
var_dump(perf_cache_has('x'));
?>
--EXPECT--
-- miss: computed and stored
array(1) {
  ["computed"]=>
  int(1)
}
int(1)
array(1) {
  ["computed"]=>
  int(1)
}
-- hit: not computed
array(1) {
  ["computed"]=>
  int(1)
}
array(1) {
  ["computed"]=>
  int(1)
}
int(1)
-- a value stored by perf_cache_set() is served too
string(8) "from set"
int(1)
-- null and false are values like any other: stored, not recomputed
NULL
NULL
bool(false)
bool(false)
int(2)
-- any callable
string(13) "static method"
string(9) "invokable"
bool(true)
string(13) "static method"
string(9) "invokable"
-- TTL: served until TTL-1, recomputed at TTL
int(1)
int(1)
int(2)
int(2)
-- tier and null (perf.cache_default_ttl=0: no expiry)
int(1)
int(2)
bool(true)
-- invalid arguments throw before the callback runs
ValueError: perf_cache_remember(): Argument #1 ($key) must not be empty
ValueError: perf_cache_remember(): Argument #1 ($key) must be at most 250 bytes long, 251 bytes given
ValueError: perf_cache_remember(): Argument #2 ($ttl) must be 0 or more seconds (0 means no expiry), -1 given
ValueError: perf_cache_remember(): Argument #2 ($ttl) must be a number of seconds or one of "short", "medium" or "long", "hourly" given
TypeError: perf_cache_remember(): Argument #4 ($tags) must contain only strings, int given
TypeError: perf_cache_remember(): Argument #3 ($compute) must be a valid callback, function "no_such_function" not found or invalid function name
ArgumentCountError: perf_cache_remember() expects at least 3 arguments, 2 given
bool(false)
