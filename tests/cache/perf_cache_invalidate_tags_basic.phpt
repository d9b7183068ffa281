--TEST--
perf_cache_invalidate_tags(): entries with any invalidated tag become misses, others survive; returns how many known tags were bumped
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
perf_cache_set('post:1', 'P1', 0, ['posts', 'user:1']);
perf_cache_set('post:2', 'P2', 0, ['posts', 'user:2']);
perf_cache_set('user:1', 'U1', 0, ['user:1']);
perf_cache_set('plain', 'no tags');
perf_cache_set_multiple(['list:a' => 'A', 'list:b' => 'B'], 0, ['lists']);
$all = ['post:1', 'post:2', 'user:1', 'plain', 'list:a', 'list:b'];

echo "-- a tag never used: 0, nothing changes\n";
var_dump(perf_cache_invalidate_tags('never-used'));
var_dump(perf_cache_invalidate_tags(['never-used', 'nor-this']));
var_dump(perf_cache_get_multiple($all, 'MISS'));

echo "-- one tag as a string\n";
var_dump(perf_cache_invalidate_tags('user:1'));
var_dump(perf_cache_get_multiple($all, 'MISS'));
var_dump(perf_cache_has('post:1'), perf_cache_has('user:1'));

echo "-- tags as an array: only the known ones are counted\n";
var_dump(perf_cache_invalidate_tags(['lists', 'unknown', 'posts']));
var_dump(perf_cache_get_multiple($all, 'MISS'));

echo "-- an empty array invalidates nothing\n";
var_dump(perf_cache_invalidate_tags([]));
var_dump(perf_cache_get('plain'));

echo "-- storing again after the invalidation works, with the same tag\n";
var_dump(perf_cache_set('post:1', 'P1 v2', 0, ['posts', 'user:1']));
var_dump(perf_cache_get('post:1'), perf_cache_has('post:1'));
echo "-- and the next invalidation removes it again\n";
var_dump(perf_cache_invalidate_tags('posts'));
var_dump(perf_cache_get('post:1', 'MISS'));

echo "-- invalidating a tag again and again keeps working\n";
for ($i = 0; $i < 3; $i++) {
    perf_cache_set('loop', $i, 0, ['loop']);
    var_dump(perf_cache_get('loop'));
    perf_cache_invalidate_tags('loop');
    var_dump(perf_cache_has('loop'));
}

echo "-- tags are exact strings: case and spaces matter\n";
perf_cache_set('case', 'v', 0, ['Tag']);
var_dump(perf_cache_invalidate_tags(['tag', 'TAG', 'Tag ']));
var_dump(perf_cache_has('case'));
var_dump(perf_cache_invalidate_tags('Tag'), perf_cache_has('case'));
?>
--EXPECT--
-- a tag never used: 0, nothing changes
int(0)
int(0)
array(6) {
  ["post:1"]=>
  string(2) "P1"
  ["post:2"]=>
  string(2) "P2"
  ["user:1"]=>
  string(2) "U1"
  ["plain"]=>
  string(7) "no tags"
  ["list:a"]=>
  string(1) "A"
  ["list:b"]=>
  string(1) "B"
}
-- one tag as a string
int(1)
array(6) {
  ["post:1"]=>
  string(4) "MISS"
  ["post:2"]=>
  string(2) "P2"
  ["user:1"]=>
  string(4) "MISS"
  ["plain"]=>
  string(7) "no tags"
  ["list:a"]=>
  string(1) "A"
  ["list:b"]=>
  string(1) "B"
}
bool(false)
bool(false)
-- tags as an array: only the known ones are counted
int(2)
array(6) {
  ["post:1"]=>
  string(4) "MISS"
  ["post:2"]=>
  string(4) "MISS"
  ["user:1"]=>
  string(4) "MISS"
  ["plain"]=>
  string(7) "no tags"
  ["list:a"]=>
  string(4) "MISS"
  ["list:b"]=>
  string(4) "MISS"
}
-- an empty array invalidates nothing
int(0)
string(7) "no tags"
-- storing again after the invalidation works, with the same tag
bool(true)
string(5) "P1 v2"
bool(true)
-- and the next invalidation removes it again
int(1)
string(4) "MISS"
-- invalidating a tag again and again keeps working
int(0)
bool(false)
int(1)
bool(false)
int(2)
bool(false)
-- tags are exact strings: case and spaces matter
int(0)
bool(true)
int(1)
bool(false)
