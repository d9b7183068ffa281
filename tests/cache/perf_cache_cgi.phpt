--TEST--
Outside the CLI (php-cgi) the memory cache is on without perf.cache_enable_cli
--CGI--
--INI--
perf.cache_enable_cli=0
perf.cache_memory=8M
--FILE--
<?php
var_dump(PHP_SAPI);
var_dump(perf_cache_stats()['available']);
var_dump(perf_cache_set('k', ['v']), perf_cache_get('k'));
?>
--EXPECT--
string(8) "cgi-fcgi"
bool(true)
bool(true)
array(1) {
  [0]=>
  string(1) "v"
}
