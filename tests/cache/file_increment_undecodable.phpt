--TEST--
file driver: increment() of an entry this process cannot decode (written with igbinary, read without it) is false and touches no uninitialised memory (valgrind)
--SKIPIF--
<?php
$ext = ini_get('extension_dir') . '/igbinary.so';
if (!is_file($ext)) die('skip igbinary.so not installed');
?>
--INI--
perf.cache_driver=file
--FILE--
<?php
$dir = sys_get_temp_dir() . '/perf-undecodable-' . getmypid();
ini_set('perf.cache_dir', $dir);
$writer = getenv('TEST_PHP_EXECUTABLE') . ' ' . getenv('TEST_PHP_EXTRA_ARGS') . ' -d extension=igbinary'
	. " -d perf.cache_driver=file -d perf.cache_dir=$dir -d perf.cache_serializer=igbinary";
echo shell_exec("$writer -r " . escapeshellarg('var_dump(extension_loaded("igbinary"), perf_cache_set("o", new ArrayObject([1])));') . ' 2>&1');
var_dump(extension_loaded('igbinary'));
var_dump(perf_cache_increment('o'), perf_cache_get('o', 'miss'), perf_cache_increment('o'));
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
bool(true)
bool(true)
bool(false)
bool(false)
string(4) "miss"
int(1)
