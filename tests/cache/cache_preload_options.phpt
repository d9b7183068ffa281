--TEST--
perf.cache_preload: [value, ttl, tags] entries honour their TTL (seconds, tier names, default) and tags; entries that cannot be stored are one warning and counted errors, the rest still load
--SKIPIF--
<?php if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: perf.cache_preload fills the memory segment'); ?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=4M
perf.cache_clock=1000000
perf.cache_default_ttl=100
perf.cache_ttl_short=20
perf.cache_preload={PWD}/preload_options.inc
--FILE--
<?php
$keys = ['plain', 'null_ttl', 'ttl', 'tier', 'numeric', 'users', 'posts', 'pair', 'float_ttl', 'named', 'wrapped', '42', 'negative', 'huge'];
function present(array $keys): string
{
	return implode(' ', array_keys(array_filter(perf_cache_get_multiple($keys), fn ($v) => $v !== null)));
}
echo present($keys), "\n";
echo "errors: ", perf_cache_stats()['errors'], ", entries: ", perf_cache_stats()['entries'], "\n";
var_dump(perf_cache_get('pair'), perf_cache_get('wrapped'), perf_cache_get('named'), perf_cache_get(42));
foreach ([11, 21, 31, 101] as $seconds) {
	ini_set('perf.cache_clock_offset', (string) $seconds);
	echo "+{$seconds}s: ", present($keys), "\n";
}
perf_cache_invalidate_tags('users');
echo "users invalidated: ", present($keys), "\n";
perf_cache_invalidate_tags('posts');
echo "posts invalidated: ", present($keys), "\n";
?>
--EXPECTF--
Warning: perf.cache_preload: 8 of 20 entries of %spreload_options.inc were not stored, the first with key "": its key must be 1 to 250 bytes long in %s on line %d
plain null_ttl ttl tier numeric users posts pair float_ttl named wrapped 42
errors: 8, entries: 12
array(2) {
  [0]=>
  int(1)
  [1]=>
  int(2)
}
array(3) {
  [0]=>
  string(1) "a"
  [1]=>
  int(5)
  [2]=>
  array(1) {
    [0]=>
    string(1) "t"
  }
}
array(3) {
  ["value"]=>
  string(1) "v"
  ["ttl"]=>
  int(5)
  ["tags"]=>
  array(0) {
  }
}
string(7) "int key"
+11s: plain null_ttl tier numeric users posts pair float_ttl named wrapped 42
+21s: plain null_ttl numeric users posts pair float_ttl named wrapped 42
+31s: plain null_ttl users posts pair float_ttl named wrapped 42
+101s: users posts
users invalidated: posts
posts invalidated:
