--TEST--
perf_cache_add(): stores only when the key is absent, expired or invalidated by a tag; never overwrites a live entry
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
require_once __DIR__ . '/perf_cache.inc';

echo "-- absent: stored\n";
var_dump(perf_cache_add('k', 'first'));
var_dump(perf_cache_get('k'));

echo "-- present: refused, value kept\n";
var_dump(perf_cache_add('k', 'second'));
var_dump(perf_cache_get('k'));
// A stored null or false is present too.
perf_cache_set('null', null);
var_dump(perf_cache_add('null', 'replacement'), perf_cache_get('null', 'default'));

echo "-- after delete: stored\n";
perf_cache_delete('k');
var_dump(perf_cache_add('k', 'third'));
var_dump(perf_cache_get('k'));

echo "-- over an expired entry: stored, with its own TTL\n";
$t = time();
cache_at($t, fn () => perf_cache_set('e', 'old', 10));
// Any time at or after $t + 10 is past the expiry: no need to pin the clock exactly.
ini_set('perf.cache_clock_offset', (string) ($t + 10 - time()));
var_dump(perf_cache_has('e'));
var_dump(perf_cache_add('e', 'new', 0));
var_dump(perf_cache_get('e'));
var_dump(perf_cache_add('e', 'newer'));
var_dump(perf_cache_get('e'));
ini_set('perf.cache_clock_offset', '0');

echo "-- before expiry: refused\n";
cache_at($t, fn () => perf_cache_set('e2', 'old', 10));
var_dump(cache_at($t + 9, fn () => [perf_cache_add('e2', 'new'), perf_cache_get('e2')]));

echo "-- over an entry whose tag was invalidated: stored\n";
perf_cache_set('tagged', 'old', 0, ['group']);
var_dump(perf_cache_add('tagged', 'refused'));
perf_cache_invalidate_tags('group');
var_dump(perf_cache_add('tagged', 'new'));
var_dump(perf_cache_get('tagged'));

echo "-- add with tags: the tags apply to the added entry\n";
var_dump(perf_cache_add('added with tag', 'v', 0, ['other']));
perf_cache_invalidate_tags('other');
var_dump(perf_cache_has('added with tag'));

echo "-- add validates like set\n";
attempt(fn () => perf_cache_add('', 'v'));
attempt(fn () => perf_cache_add('r', STDIN));
attempt(fn () => perf_cache_add('r', 'v', -1));
var_dump(perf_cache_has('r'));
?>
--EXPECT--
-- absent: stored
bool(true)
string(5) "first"
-- present: refused, value kept
bool(false)
string(5) "first"
bool(false)
NULL
-- after delete: stored
bool(true)
string(5) "third"
-- over an expired entry: stored, with its own TTL
bool(false)
bool(true)
string(3) "new"
bool(false)
string(3) "new"
-- before expiry: refused
array(2) {
  [0]=>
  bool(false)
  [1]=>
  string(3) "old"
}
-- over an entry whose tag was invalidated: stored
bool(false)
bool(true)
string(3) "new"
-- add with tags: the tags apply to the added entry
bool(true)
bool(false)
-- add validates like set
ValueError: perf_cache_add(): Argument #1 ($key) must not be empty
TypeError: perf_cache_add(): Argument #2 ($value) must not contain a resource, which cannot be cached
ValueError: perf_cache_add(): Argument #3 ($ttl) must be 0 or more seconds (0 means no expiry), -1 given
bool(false)
