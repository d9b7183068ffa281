--TEST--
perf_cache_increment()/decrement(): a missing key starts at 0, default step 1, negative steps, on a value stored with perf_cache_set()
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
echo "-- missing key: 0 + step\n";
var_dump(perf_cache_increment('hits'));
var_dump(perf_cache_get('hits'));
var_dump(perf_cache_increment('by ten', 10));
var_dump(perf_cache_decrement('down'));
var_dump(perf_cache_decrement('down by five', 5));

echo "-- default step 1, then other steps\n";
var_dump(perf_cache_increment('hits'));
var_dump(perf_cache_increment('hits', 3));
var_dump(perf_cache_increment('hits', 0));
var_dump(perf_cache_increment('hits', -10));
var_dump(perf_cache_decrement('hits'));
var_dump(perf_cache_decrement('hits', -4));
var_dump(perf_cache_decrement('hits', 2));
var_dump(perf_cache_get('hits'));

echo "-- on a value stored with perf_cache_set()\n";
var_dump(perf_cache_set('stock', 5));
var_dump(perf_cache_increment('stock'));
var_dump(perf_cache_decrement('stock', 10));
var_dump(perf_cache_get('stock'));
// Storing again replaces the counter, and incrementing goes on from the new value.
perf_cache_set('stock', 100);
var_dump(perf_cache_increment('stock', 1));
var_dump(perf_cache_set('zero', 0), perf_cache_decrement('zero'));

echo "-- up to the limits exactly\n";
perf_cache_set('near max', PHP_INT_MAX - 2);
var_dump(perf_cache_increment('near max', 2) === PHP_INT_MAX);
perf_cache_set('near min', PHP_INT_MIN + 2);
var_dump(perf_cache_decrement('near min', 2) === PHP_INT_MIN);
var_dump(perf_cache_increment('from zero to min', PHP_INT_MIN) === PHP_INT_MIN);

echo "-- after delete, starts again from 0\n";
perf_cache_delete('hits');
var_dump(perf_cache_increment('hits', 7));

echo "-- each increment is a store\n";
$before = perf_cache_stats()['stores'];
perf_cache_increment('hits');
perf_cache_increment('fresh');
var_dump(perf_cache_stats()['stores'] - $before);
?>
--EXPECT--
-- missing key: 0 + step
int(1)
int(1)
int(10)
int(-1)
int(-5)
-- default step 1, then other steps
int(2)
int(5)
int(5)
int(-5)
int(-6)
int(-2)
int(-4)
int(-4)
-- on a value stored with perf_cache_set()
bool(true)
int(6)
int(-4)
int(-4)
int(101)
bool(true)
int(-1)
-- up to the limits exactly
bool(true)
bool(true)
bool(true)
-- after delete, starts again from 0
int(7)
-- each increment is a store
int(2)
