--TEST--
perf_cache_set() with tags: many distinct tags over time (one per user, say) never make stores fail, also after clear()
--INI--
perf.cache_enable_cli=1
perf.cache_memory=1M
--FILE--
<?php
// Small entries, each with its own tag, far fewer bytes than the cache holds.
$failed = 0;
for ($i = 0; $i < 3000; $i++) {
    $failed += perf_cache_set("user:$i", $i, 0, ["user:$i"]) ? 0 : 1;
}
var_dump($failed, perf_cache_stats()['errors']);

// The tags work: invalidating one hits only its entry.
var_dump(perf_cache_invalidate_tags('user:2999'), perf_cache_has('user:2999'), perf_cache_get('user:2998'));

// A cleared cache takes new tags too.
perf_cache_clear();
$failed = 0;
for ($i = 3000; $i < 3100; $i++) {
    $failed += perf_cache_set("user:$i", $i, 0, ["user:$i"]) ? 0 : 1;
}
var_dump($failed);
?>
--EXPECT--
int(0)
int(0)
int(1)
bool(false)
int(2998)
int(0)
