--TEST--
Memory driver, CLI: reads copy, also inside perf_request_begin()/perf_request_end() (values there can live on in statics of a worker loop)
--SKIPIF--
<?php
if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: zero-copy reads point into the shared memory segment');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip memory_get_usage() counts nothing without the Zend allocator');
?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=16M
perf.cache_zero_copy=1
--FILE--
<?php
$big = str_repeat('z', 1 << 20);
perf_cache_set('big', $big);
$before = memory_get_usage();
$copy = perf_cache_get('big');
var_dump($copy === $big, memory_get_usage() - $before >= strlen($big));
perf_request_begin();
$before = memory_get_usage();
$inner = perf_cache_get('big');
var_dump($inner === $big, memory_get_usage() - $before >= strlen($big));
perf_request_end();
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
