--TEST--
perf_cache_remember(): the tags apply to the stored value: invalidating one of them makes the next remember() compute again
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
$calls = 0;
$compute = function () use (&$calls) {
    return 'version ' . ++$calls;
};

var_dump(perf_cache_remember('page', 0, $compute, ['pages', 'user:1']));
var_dump(perf_cache_remember('page', 0, $compute, ['pages', 'user:1']));
echo "-- an unrelated tag: still cached\n";
perf_cache_set('other', 'x', 0, ['user:2']);
var_dump(perf_cache_invalidate_tags('user:2'));
var_dump(perf_cache_remember('page', 0, $compute, ['pages', 'user:1']));
echo "-- one of its tags: computed again\n";
var_dump(perf_cache_invalidate_tags('user:1'));
var_dump(perf_cache_remember('page', 0, $compute, ['pages', 'user:1']));
var_dump(perf_cache_remember('page', 0, $compute, ['pages', 'user:1']));
echo "-- the other tag, given as an array\n";
var_dump(perf_cache_invalidate_tags(['pages']));
var_dump(perf_cache_remember('page', 0, $compute, ['pages', 'user:1']));
var_dump($calls);
?>
--EXPECT--
string(9) "version 1"
string(9) "version 1"
-- an unrelated tag: still cached
int(1)
string(9) "version 1"
-- one of its tags: computed again
int(1)
string(9) "version 2"
string(9) "version 2"
-- the other tag, given as an array
int(1)
string(9) "version 3"
int(3)
