--TEST--
perf_cache_get_multiple(): one entry per requested key, in the order asked, with the default for misses; int and numeric keys
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
perf_cache_set('a', 'A');
perf_cache_set('b', ['B']);
perf_cache_set('42', 'forty-two');
perf_cache_set('7', 'seven');
perf_cache_set('null', null);

var_dump(perf_cache_get_multiple(['b', 'missing', 'a', 'null']));
echo "-- default for misses only\n";
var_dump(perf_cache_get_multiple(['missing', 'a', 'other'], 'D'));
echo "-- int keys are the same keys as their strings; numeric strings come back as int keys, like in any PHP array\n";
var_dump(perf_cache_get_multiple([42, '7', 8], false));
echo "-- the keys of the list do not matter, only its values\n";
var_dump(perf_cache_get_multiple(['x' => 'a', 5 => 'b']));
echo "-- a key asked twice appears once\n";
var_dump(perf_cache_get_multiple(['a', 'a']));
echo "-- an empty list\n";
var_dump(perf_cache_get_multiple([]));
echo "-- expired and invalidated entries are misses\n";
perf_cache_set('short-lived', 'v', 10);
perf_cache_set('tagged', 'v', 0, ['t']);
perf_cache_invalidate_tags('t');
ini_set('perf.cache_clock_offset', '10');
var_dump(perf_cache_get_multiple(['short-lived', 'tagged', 'a'], 'miss'));
?>
--EXPECT--
array(4) {
  ["b"]=>
  array(1) {
    [0]=>
    string(1) "B"
  }
  ["missing"]=>
  NULL
  ["a"]=>
  string(1) "A"
  ["null"]=>
  NULL
}
-- default for misses only
array(3) {
  ["missing"]=>
  string(1) "D"
  ["a"]=>
  string(1) "A"
  ["other"]=>
  string(1) "D"
}
-- int keys are the same keys as their strings; numeric strings come back as int keys, like in any PHP array
array(3) {
  [42]=>
  string(9) "forty-two"
  [7]=>
  string(5) "seven"
  [8]=>
  bool(false)
}
-- the keys of the list do not matter, only its values
array(2) {
  ["a"]=>
  string(1) "A"
  ["b"]=>
  array(1) {
    [0]=>
    string(1) "B"
  }
}
-- a key asked twice appears once
array(1) {
  ["a"]=>
  string(1) "A"
}
-- an empty list
array(0) {
}
-- expired and invalidated entries are misses
array(3) {
  ["short-lived"]=>
  string(4) "miss"
  ["tagged"]=>
  string(4) "miss"
  ["a"]=>
  string(1) "A"
}
