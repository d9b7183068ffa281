--TEST--
perf.cache_preload: the first cache call of the first request loads a file of 10,000 entries (in a scope of its own), and serves them at once
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=16M
perf.cache_preload={PWD}/preload_10000.inc
--FILE--
<?php
require __DIR__ . '/preload_expected.inc';

function first_request(): void
{
	$entries = 'the caller keeps its own variables';
	var_dump(perf_cache_get('item:9999'));
	var_dump($entries, isset($secret));
}
first_request();
var_dump(isset($secret));
$stats = perf_cache_stats();
echo "entries: {$stats['entries']}, stores: {$stats['stores']}, errors: {$stats['errors']}\n";
echo "mismatches: ", preload_mismatches(), "\n";
/* Once per segment: a cleared cache stays empty. */
perf_cache_clear();
var_dump(perf_cache_get('item:0'), perf_cache_stats()['stores']);
?>
--EXPECTF--
object(stdClass)#%d (1) {
  ["id"]=>
  int(9999)
}
string(34) "the caller keeps its own variables"
bool(false)
bool(false)
entries: 10000, stores: 10000, errors: 0
mismatches: 0
NULL
int(10000)
