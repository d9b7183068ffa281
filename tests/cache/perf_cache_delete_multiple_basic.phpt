--TEST--
perf_cache_delete_multiple(): deletes each listed key (int keys too), leaves the others, returns true even for keys that were absent
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
perf_cache_set_multiple(['a' => 1, 'b' => 2, 'c' => 3, '10' => 'ten', 'keep' => 'kept']);
var_dump(perf_cache_stats()['entries']);
var_dump(perf_cache_delete_multiple(['a', 'c', 10, 'never-stored']));
var_dump(perf_cache_get_multiple(['a', 'b', 'c', '10', 'keep'], 'deleted'));
var_dump(perf_cache_stats()['entries'], perf_cache_stats()['deletes']);
var_dump(perf_cache_delete_multiple([]));
var_dump(perf_cache_delete_multiple(['nothing', 'here']));
var_dump(perf_cache_get('b'), perf_cache_get('keep'));
?>
--EXPECT--
int(5)
bool(true)
array(5) {
  ["a"]=>
  string(7) "deleted"
  ["b"]=>
  int(2)
  ["c"]=>
  string(7) "deleted"
  [10]=>
  string(7) "deleted"
  ["keep"]=>
  string(4) "kept"
}
int(2)
int(3)
bool(true)
bool(true)
int(2)
string(4) "kept"
