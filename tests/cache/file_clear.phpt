--TEST--
File driver: clear() removes only the cache's own entry files; other files in the cache directory and in shard directories survive
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-clear
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
$dir = file_fresh_dir();

for ($i = 0; $i < 20; $i++) {
    perf_cache_set("k$i", "v$i", 0, $i % 2 ? ['odd'] : []);
}
perf_cache_remember('remembered', 0, fn () => 'r');
perf_cache_increment('counter');
$shard = dirname(file_entry_path('k0'));
$level1 = dirname($shard);
$strangers = [
    "$dir/README.txt",
    "$dir/notes",
    "$dir/" . str_repeat('a', 40),           // an entry-like name outside any shard
    "$level1/README.txt",
    "$shard/README.txt",
    "$shard/not-hex-" . str_repeat('z', 32),
    "$shard/" . strtoupper(sha1('upper')),   // entries are lower-case hex
    "$shard/" . sha1('x') . '.bak',
    "$dir/zz/yy/" . sha1('y'),               // not hex shard names
];
mkdir("$dir/zz/yy", 0700, true);
foreach ($strangers as $path) {
    file_put_contents($path, 'keep');
}
$stats = perf_cache_stats();
var_dump($stats['entries']);

var_dump(perf_cache_clear());
$stats = perf_cache_stats();
var_dump($stats['entries'], perf_cache_get('k0'), perf_cache_get('k1'), perf_cache_get('counter'), perf_cache_get('remembered'));
$survivors = 0;
foreach ($strangers as $path) {
    $survivors += is_file($path) && file_get_contents($path) === 'keep' ? 1 : 0;
}
echo "survivors: $survivors of ", count($strangers), "\n";
$left = array_filter(file_tree($dir), fn (string $p) => preg_match('~(^|/)[0-9a-f]{40}$~', $p) && !str_starts_with($p, 'zz/') && str_contains($p, '/'));
echo "entry files left in shards: ", count($left), "\n";

echo "-- the cache works after clear()\n";
var_dump(perf_cache_set('k0', 'again'), perf_cache_get('k0'), perf_cache_increment('counter'));
// A tag invalidated before clear() still invalidates what is stored after it.
perf_cache_set('tagged', 't', 0, ['odd']);
var_dump(perf_cache_invalidate_tags('odd'), perf_cache_get('tagged', 'MISS'));
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
file_clean(sys_get_temp_dir() . '/perf-file-clear');
?>
--EXPECT--
int(22)
bool(true)
int(0)
NULL
NULL
NULL
NULL
survivors: 9 of 9
entry files left in shards: 0
-- the cache works after clear()
bool(true)
string(5) "again"
int(1)
int(1)
string(4) "MISS"
