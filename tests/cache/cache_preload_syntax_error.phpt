--TEST--
perf.cache_preload with a syntax error: one warning naming the file and the line, the call that ran it and the cache work as without it, and no later call tries again
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_preload={PWD}/preload_syntax_error.inc
--FILE--
<?php
set_exception_handler(function (Throwable $e) {
	echo "exception handler called: ", $e->getMessage(), "\n";
});
try {
	var_dump(perf_cache_set('k', 'v'));
} catch (Throwable $e) {
	echo "caught: ", $e->getMessage(), "\n";
}
var_dump(perf_cache_get('k'), perf_cache_get('a'));
var_dump(perf_cache_set_multiple(['x' => 1, 'y' => 2]), perf_cache_get_multiple(['x', 'y']));
echo "entries: ", perf_cache_stats()['entries'], "\n";
?>
--EXPECTF--
Warning: perf.cache_preload: ParseError: syntax error, unexpected single-quoted string "c", expecting "]" in %spreload_syntax_error.inc on line 6, nothing was preloaded in %s on line %d
bool(true)
string(1) "v"
NULL
bool(true)
array(2) {
  ["x"]=>
  int(1)
  ["y"]=>
  int(2)
}
entries: 3
