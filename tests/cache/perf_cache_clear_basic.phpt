--TEST--
perf_cache_clear(): removes every entry, returns true, and the cache works afterwards
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
for ($i = 0; $i < 100; $i++) {
    perf_cache_set("k$i", ['i' => $i]);
}
perf_cache_set('tagged', 'v', 0, ['t']);
perf_cache_increment('counter', 5);
var_dump(perf_cache_stats()['entries']);

var_dump(perf_cache_clear());
var_dump(perf_cache_stats()['entries']);
$left = 0;
for ($i = 0; $i < 100; $i++) {
    $left += perf_cache_has("k$i");
}
var_dump($left, perf_cache_get('k0'), perf_cache_has('tagged'), perf_cache_get('counter'));

// Clearing an empty cache is fine too.
var_dump(perf_cache_clear());

// The cache still works: stores, reads, counts from scratch.
var_dump(perf_cache_set('k0', 'again'), perf_cache_get('k0'), perf_cache_increment('counter'));
var_dump(perf_cache_stats()['entries']);
?>
--EXPECT--
int(102)
bool(true)
int(0)
int(0)
NULL
bool(false)
NULL
bool(true)
bool(true)
string(5) "again"
int(1)
int(2)
