--TEST--
File driver: a huge perf.cache_stale_ttl keeps expired entries servable as stale instead of overflowing expires_at + stale_ttl into "long dead" (prune() used to remove them)
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-stale-overflow
perf.cache_stale_ttl=9223372036854775807
perf.cache_lock_wait_ms=100
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
file_fresh_dir();
var_dump(perf_cache_set('k', 'old', 60));
ini_set('perf.cache_clock_offset', '120');
var_dump(perf_cache_get('k', 'expired'), perf_cache_prune(), file_exists(file_entry_path('k')));
// Another process recomputes it: remember() here gets the stale copy at once.
$lease = fopen(file_entry_path('k') . '.lease', 'c');
flock($lease, LOCK_EX);
var_dump(perf_cache_remember('k', 60, fn () => 'recomputed'));
flock($lease, LOCK_UN);
fclose($lease);
var_dump(perf_cache_remember('k', 60, fn () => 'recomputed'));
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
file_clean(sys_get_temp_dir() . '/perf-file-stale-overflow');
?>
--EXPECT--
bool(true)
string(7) "expired"
int(0)
bool(true)
string(3) "old"
string(10) "recomputed"
