--TEST--
Memory driver, zero-copy (php-cgi): reads of integers take no pin, and past its pin capacity a request copies instead of holding back memory: stores by the same or other requests never fail (code-review finding 10)
--CGI--
--SKIPIF--
<?php
if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: zero-copy reads point into the shared memory segment');
?>
--INI--
perf.cache_memory=4M
--FILE--
<?php
for ($i = 0; $i < 40; $i++) {
	perf_cache_set("flag$i", $i);
	perf_cache_set("str$i", str_repeat(chr(65 + $i % 26), 3000));
	perf_cache_set("arr$i", range($i, $i + 50));
}
$held = [];
$sum = 0;
for ($i = 0; $i < 40; $i++) {
	$sum += perf_cache_get("flag$i");
}
for ($i = 0; $i < 40; $i++) {
	$held[] = perf_cache_get("str$i");
	$held[] = perf_cache_get("arr$i");
}
$before = perf_cache_stats()['errors'];
$failed = 0;
for ($i = 0; $i < 3000; $i++) {
	$failed += perf_cache_set('hot', str_repeat(chr(97 + $i % 26), 4096)) ? 0 : 1;
}
$intact = 0;
for ($i = 0; $i < 40; $i++) {
	$intact += $held[2 * $i] === str_repeat(chr(65 + $i % 26), 3000) ? 1 : 0;
	$intact += $held[2 * $i + 1] === range($i, $i + 50) ? 1 : 0;
}
echo "sum $sum, failed stores $failed, errors ", perf_cache_stats()['errors'] - $before, ", intact $intact of 80\n";
?>
--EXPECT--
sum 780, failed stores 0, errors 0, intact 80 of 80
