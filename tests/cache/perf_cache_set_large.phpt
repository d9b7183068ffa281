--TEST--
perf_cache_set(): a 1 MB string and a 100000-element array round-trip, and memory_used grows by at least their size
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require __DIR__ . '/perf_cache.inc';

$mb = random_bytes(1024 * 1024);
$bytes = stored_bytes('mb', function () use ($mb) {
	var_dump(perf_cache_set('mb', $mb));
});
var_dump(perf_cache_get('mb') === $mb);
var_dump($bytes >= strlen($mb));
// Not wildly more than the string either (block and entry headers only).
var_dump($bytes < strlen($mb) + 4096);

$list = range(0, 99999);
var_dump(perf_cache_set('list', $list));
var_dump(perf_cache_get('list') === $list);
// Both are still there.
var_dump(perf_cache_get('mb') === $mb);

var_dump(perf_cache_delete('mb'));
var_dump(perf_cache_get('mb'));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
NULL
