--TEST--
Memory driver, zero-copy (php-cgi): perf_request_begin()/perf_request_end() inside a web request end the logical request, not the protection of values read before (code-review finding 3)
--CGI--
--SKIPIF--
<?php
if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: zero-copy reads point into the shared memory segment');
?>
--INI--
perf.cache_memory=2M
--FILE--
<?php
perf_cache_set('menu', str_repeat('M', 5000));
$menu = perf_cache_get('menu');
perf_request_begin();
$inner = perf_cache_get('menu');
perf_request_end();
perf_cache_delete('menu');
for ($i = 0; $i < 600; $i++) {
	perf_cache_set("k$i", str_repeat(chr(97 + $i % 26), 5000));
}
var_dump($menu === str_repeat('M', 5000), $inner === str_repeat('M', 5000), substr($menu, 0, 12));
?>
--EXPECT--
bool(true)
bool(true)
string(12) "MMMMMMMMMMMM"
