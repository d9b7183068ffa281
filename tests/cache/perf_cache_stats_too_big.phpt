--TEST--
perf_cache_set(): a value larger than the whole cache is refused (false, counted in errors), and the entries already stored stay readable
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: a value larger than perf.cache_memory'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=2M
--FILE--
<?php
var_dump(perf_cache_set('small', 'kept'), perf_cache_set('list', [1, 2, 3]));
$before = perf_cache_stats();
$huge = str_repeat('x', 4 * 1024 * 1024);
var_dump(perf_cache_set('huge', $huge));
var_dump(perf_cache_add('huge', $huge));
var_dump(perf_cache_set_multiple(['huge' => $huge, 'small2' => 'fits']));
var_dump(perf_cache_remember('huge', 0, fn () => $huge) === $huge);
$after = perf_cache_stats();
var_dump($after['errors'] - $before['errors']);
var_dump(perf_cache_has('huge'), perf_cache_get('small'), perf_cache_get('list'), perf_cache_get('small2'));
var_dump($after['entries'], $after['evictions']);
?>
--EXPECT--
bool(true)
bool(true)
bool(false)
bool(false)
bool(false)
bool(true)
int(4)
bool(false)
string(4) "kept"
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
string(4) "fits"
int(3)
int(0)
