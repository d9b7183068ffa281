--TEST--
perf_cache_get(): appending to a fetched array uses the same next index as appending to the array that was stored
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: serialize(), which the file and redis drivers use, does not keep an array\'s next free index'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
$trailing = [1, 2, 3];
unset($trailing[2]);           // next index stays 3
$middle = [1, 2, 3];
unset($middle[1]);
$negative = [-5 => 'a'];
$strings = ['s' => 'a'];
$big = [100 => 'a', 7 => 'b'];
$emptied = ['x'];
unset($emptied[0]);            // next index stays 1

foreach (compact('trailing', 'middle', 'negative', 'strings', 'big', 'emptied') as $name => $array) {
    perf_cache_set($name, $array);
    $got = perf_cache_get($name);
    $array[] = 'appended';
    $got[] = 'appended';
    echo $name, ': ', $got === $array ? 'same' : 'DIFFERENT: ' . json_encode($got) . ' instead of ' . json_encode($array), "\n";
}
?>
--EXPECT--
trailing: same
middle: same
negative: same
strings: same
big: same
emptied: same
