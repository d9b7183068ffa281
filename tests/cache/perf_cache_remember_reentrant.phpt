--TEST--
perf_cache_remember(): the callback may set, add, increment, delete or remember the very key it computes, without deadlocking on its own lock
--EXTENSIONS--
pcntl
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
// A driver that waits for a lock this process holds itself would hang here for ever: die instead.
pcntl_alarm(20);

var_dump(perf_cache_remember('a', 0, fn () => perf_cache_add('a', 'inner') ? 'added inside' : 'not added'));
var_dump(perf_cache_get('a'));

var_dump(perf_cache_remember('n', 0, fn () => perf_cache_increment('n', 5)));
var_dump(perf_cache_get('n'), perf_cache_increment('n'));

var_dump(perf_cache_remember('s', 0, function () {
    perf_cache_set('s', 'set inside');
    return perf_cache_get('s') . ', then returned';
}));
var_dump(perf_cache_get('s'));

var_dump(perf_cache_remember('d', 0, function () {
    perf_cache_set('d', 'x');
    return perf_cache_delete('d') ? 'deleted inside' : 'not deleted';
}));
var_dump(perf_cache_get('d'));

var_dump(perf_cache_remember('r', 0, fn () => 'outer ' . perf_cache_remember('r', 0, fn () => 'inner')));
var_dump(perf_cache_get('r'));

$cache = new Perf\Cache();
var_dump($cache->remember('m', 0, fn () => $cache->increment('m', 2) + $cache->decrement('m')));
var_dump($cache->get('m'));
pcntl_alarm(0);
?>
--EXPECT--
string(12) "added inside"
string(12) "added inside"
int(5)
int(5)
int(6)
string(25) "set inside, then returned"
string(25) "set inside, then returned"
string(14) "deleted inside"
string(14) "deleted inside"
string(11) "outer inner"
string(11) "outer inner"
int(3)
int(3)
