--TEST--
Memory driver, CLI: a string read from the cache and used as an array key outlives its request and another process's churn unchanged (adversarial case 1)
--EXTENSIONS--
pcntl
--SKIPIF--
<?php
if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: zero-copy reads point into the shared memory segment');
?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=2M
perf.cache_zero_copy=1
--FILE--
<?php
$name = 'tenant-alice-' . str_repeat('a', 40);
perf_cache_set('name', $name);
$reg = [];
perf_request_begin();
$v = perf_cache_get('name');
$reg[$v] = 1;
$same = substr($v, 0);
$trimmed = trim($v);
perf_request_end();
$pid = pcntl_fork();
if ($pid === 0) {
	perf_cache_delete('name');
	for ($i = 0; $i < 60000; $i++) {
		perf_cache_set("o$i", 'tenant-bob-' . str_repeat('b', 40 + $i % 7));
	}
	exit(0);
}
pcntl_waitpid($pid, $status);
var_dump(array_key_first($reg) === $name, $same === $name, $trimmed === $name, $v === $name);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
