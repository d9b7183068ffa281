--TEST--
Memory driver, zero-copy (php-cgi, the default there): reads point into shared memory (no copy), values stay intact when the entry is replaced, and writing to a held value copies it first
--CGI--
--SKIPIF--
<?php
if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: zero-copy reads point into the shared memory segment');
if (getenv('USE_ZEND_ALLOC') === '0') die('skip memory_get_usage() counts nothing without the Zend allocator');
?>
--INI--
perf.cache_memory=16M
--FILE--
<?php
$big = str_repeat('z', 1 << 20);
$list = range(1, 100000);
perf_cache_set('big', $big);
perf_cache_set('list', $list);

echo "-- no copy\n";
$before = memory_get_usage();
$s = perf_cache_get('big');
$l = perf_cache_get('list');
var_dump($s === $big, $l === $list, memory_get_usage() - $before < 10000);

echo "-- replaced and deleted while held: still intact\n";
perf_cache_set('big', 'replaced');
perf_cache_delete('list');
for ($i = 0; $i < 200; $i++) {
	perf_cache_set("filler$i", str_repeat('f', 50000));
}
var_dump($s === $big, $l === $list, perf_cache_get('big'));

echo "-- writing to a held value copies it first\n";
$l[] = 'more';
$s[0] = 'A';
var_dump(count($l), $s[0], substr($big, 0, 1));
var_dump(perf_cache_stats()['errors']);
?>
--EXPECT--
-- no copy
bool(true)
bool(true)
bool(true)
-- replaced and deleted while held: still intact
bool(true)
bool(true)
string(8) "replaced"
-- writing to a held value copies it first
int(100001)
string(1) "A"
string(1) "z"
int(0)
