--TEST--
perf_cache_remember(): an exception from the callback reaches the caller unchanged, nothing is stored, and the lock is released at once
--EXTENSIONS--
pcntl
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
perf.cache_lock_wait_ms=5000
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

$thrown = new RuntimeException('backend down', 42, new LogicException('cause'));
$storesBefore = perf_cache_stats()['stores'];
try {
    perf_cache_remember('report', 60, function () use ($thrown) {
        throw $thrown;
    }, ['reports']);
    echo "NOT THROWN\n";
} catch (RuntimeException $e) {
    var_dump($e === $thrown, $e->getMessage(), $e->getCode(), $e->getPrevious()->getMessage());
}

echo "-- nothing stored\n";
var_dump(perf_cache_has('report'), perf_cache_get('report', 'miss'), perf_cache_stats()['stores'] - $storesBefore);

echo "-- another process computes at once: the lease was released (no lock wait counted)\n";
echo in_child(function () {
    var_dump(perf_cache_remember('report', 60, fn () => 'computed by the child'));
});
var_dump(perf_cache_stats()['lock_waits']);
var_dump(perf_cache_get('report'));

echo "-- the same process too, with a short wait allowed\n";
ini_set('perf.cache_lock_wait_ms', '1');
perf_cache_delete('report');
try {
    perf_cache_remember('report', 60, fn () => throw new DomainException('again'));
} catch (DomainException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(perf_cache_remember('report', 60, fn () => 'recomputed'));
var_dump(perf_cache_get('report'));

echo "-- an Error (not an Exception) from the callback: the same\n";
try {
    perf_cache_remember('typed', 0, fn (): int => 'not an int');
} catch (TypeError $e) {
    echo get_class($e), "\n";
}
var_dump(perf_cache_has('typed'));
var_dump(perf_cache_remember('typed', 0, fn (): int => 7));

echo "-- an exception caught inside the callback does not stop the store\n";
var_dump(perf_cache_remember('recovered', 0, function () {
    try {
        throw new Exception('inner');
    } catch (Exception) {
        return 'fallback';
    }
}));
var_dump(perf_cache_get('recovered'));
?>
--EXPECT--
bool(true)
string(12) "backend down"
int(42)
string(5) "cause"
-- nothing stored
bool(false)
string(4) "miss"
int(0)
-- another process computes at once: the lease was released (no lock wait counted)
string(21) "computed by the child"
int(0)
string(21) "computed by the child"
-- the same process too, with a short wait allowed
DomainException: again
string(10) "recomputed"
string(10) "recomputed"
-- an Error (not an Exception) from the callback: the same
TypeError
bool(false)
int(7)
-- an exception caught inside the callback does not stop the store
string(8) "fallback"
string(8) "fallback"
