--TEST--
File driver: set() never draws from the application's mt_rand() sequence (its occasional prune is drawn from the CSPRNG)
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-mt-rand
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
file_fresh_dir();
mt_srand(42);
$expected = [mt_rand(), mt_rand(), mt_rand(), mt_rand()];
mt_srand(42);
$got = [mt_rand()];
for ($i = 0; $i < 3000; $i++) {
	perf_cache_set("k$i", $i);
}
$got[] = mt_rand();
perf_cache_add('added', 1);
perf_cache_increment('counter');
$got[] = mt_rand();
perf_cache_remember('remembered', 0, fn () => 1);
$got[] = mt_rand();
var_dump($got === $expected);
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
file_clean(sys_get_temp_dir() . '/perf-file-mt-rand');
?>
--EXPECT--
bool(true)
