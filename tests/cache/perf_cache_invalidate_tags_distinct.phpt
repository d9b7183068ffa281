--TEST--
perf_cache_invalidate_tags(): a tag listed twice counts once; tags whose string hashes collide ("Ez"/"FY") stay distinct
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
perf_cache_set('a', 'A', 0, ['Ez']);
perf_cache_set('b', 'B', 0, ['FY']);
perf_cache_set('c', 'C', 0, ['user:Ez']);
perf_cache_set('d', 'D', 0, ['user:FY']);

echo "-- the same tag twice is one tag\n";
var_dump(perf_cache_invalidate_tags(['Ez', 'Ez']));
var_dump(perf_cache_has('a'));

echo "-- 'FY' and 'user:FY' were not invalidated\n";
var_dump(perf_cache_has('b'));
var_dump(perf_cache_invalidate_tags('user:Ez'));
var_dump(perf_cache_has('c'), perf_cache_has('d'));

echo "-- a tag never used is not known, whatever its hash\n";
perf_cache_set('e', 'E', 0, ['Ez2']);
var_dump(perf_cache_invalidate_tags('FY2'), perf_cache_has('e'));
?>
--EXPECT--
-- the same tag twice is one tag
int(1)
bool(false)
-- 'FY' and 'user:FY' were not invalidated
bool(true)
int(1)
bool(false)
bool(true)
-- a tag never used is not known, whatever its hash
int(0)
bool(true)
