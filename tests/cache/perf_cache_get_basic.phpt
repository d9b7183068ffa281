--TEST--
perf_cache_get()/set()/has()/delete(): a stored value comes back, a miss gives the default, delete removes
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
echo "-- miss\n";
var_dump(perf_cache_get('user:1'));
var_dump(perf_cache_get('user:1', 'fallback'));
var_dump(perf_cache_get('user:1', ['a' => 1]));
var_dump(perf_cache_has('user:1'));

echo "-- set, get, has\n";
var_dump(perf_cache_set('user:1', 'Ada'));
var_dump(perf_cache_get('user:1'));
var_dump(perf_cache_get('user:1', 'fallback'));
var_dump(perf_cache_has('user:1'));
// Keys are exact: no case folding, no trimming.
var_dump(perf_cache_has('USER:1'), perf_cache_has('user:1 '), perf_cache_has('user:'));

echo "-- a stored null or false is a hit, not the default\n";
var_dump(perf_cache_set('nothing', null), perf_cache_get('nothing', 'fallback'), perf_cache_has('nothing'));
var_dump(perf_cache_set('no', false), perf_cache_get('no', 'fallback'), perf_cache_has('no'));

echo "-- overwrite\n";
var_dump(perf_cache_set('user:1', 'Grace'));
var_dump(perf_cache_get('user:1'));

echo "-- binary and long keys\n";
$binary = "k\0\xff\n";
$long = str_repeat('k', 250);
var_dump(perf_cache_set($binary, 'binary'), perf_cache_set($long, 'long'));
var_dump(perf_cache_get($binary), perf_cache_get($long), perf_cache_has("k\0\xfe\n"), perf_cache_has('k'));

echo "-- delete\n";
var_dump(perf_cache_delete('user:1'));
var_dump(perf_cache_has('user:1'));
var_dump(perf_cache_get('user:1', 'gone'));
var_dump(perf_cache_delete('user:1'));
var_dump(perf_cache_delete('never-stored'));
// The others are untouched.
var_dump(perf_cache_get($binary), perf_cache_get('nothing', 'fallback'));
?>
--EXPECT--
-- miss
NULL
string(8) "fallback"
array(1) {
  ["a"]=>
  int(1)
}
bool(false)
-- set, get, has
bool(true)
string(3) "Ada"
string(3) "Ada"
bool(true)
bool(false)
bool(false)
bool(false)
-- a stored null or false is a hit, not the default
bool(true)
NULL
bool(true)
bool(true)
bool(false)
bool(true)
-- overwrite
bool(true)
string(5) "Grace"
-- binary and long keys
bool(true)
bool(true)
string(6) "binary"
string(4) "long"
bool(false)
bool(false)
-- delete
bool(true)
bool(false)
string(4) "gone"
bool(false)
bool(false)
string(6) "binary"
NULL
