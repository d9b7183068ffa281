--TEST--
perf.cache_preload throwing: one warning with the exception, file and line; the exception is not seen by the caller, and the request goes on
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_preload={PWD}/preload_exception.inc
--FILE--
<?php
set_exception_handler(function (Throwable $e) {
	echo "exception handler called: ", $e->getMessage(), "\n";
});
function caller(): void
{
	try {
		var_dump(perf_cache_get('a', 'default'));
	} catch (Throwable $e) {
		echo "caught: ", $e->getMessage(), "\n";
	}
}
caller();
echo "the request goes on\n";
var_dump(perf_cache_set('k', 'v'), perf_cache_get('k'), perf_cache_get('a'));
?>
--EXPECTF--
Warning: perf.cache_preload: RuntimeException: the database is down in %spreload_exception.inc on line 6, nothing was preloaded in %s on line %d
string(7) "default"
the request goes on
bool(true)
string(1) "v"
NULL
