--TEST--
File driver: perf_cache_prune() removes and counts entries expired past the stale window, entries with an invalidated tag and corrupt files; fresh and stale-servable entries and foreign files stay
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-prune
perf.cache_stale_ttl=60
perf.cache_clock=1700000000
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
$dir = file_fresh_dir();

// The cache clock stands still (perf.cache_clock); perf.cache_clock_offset moves it on.
perf_cache_set('fresh', 'f');
perf_cache_set('short', 's', 10);
perf_cache_set('long', 'l', 1000);
perf_cache_set('tagged', 't', 0, ['gone']);
perf_cache_set('kept tag', 'k', 0, ['stays']);
perf_cache_set('broken', str_repeat('b', 100));
perf_cache_set('emptied', 'e');
perf_cache_set('truncated', str_repeat('t', 100));
perf_cache_remember('with lock file', 0, fn () => 'w');
perf_cache_invalidate_tags('gone');
file_flip_byte(file_entry_path('broken'), 60);
file_put_contents(file_entry_path('emptied'), '');
$data = file_get_contents(file_entry_path('truncated'));
file_put_contents(file_entry_path('truncated'), substr($data, 0, 50));
file_put_contents("$dir/README.txt", 'keep');
file_put_contents(dirname(file_entry_path('fresh')) . '/README.txt', 'keep');

function present(): string
{
    $keys = ['fresh', 'short', 'long', 'tagged', 'kept tag', 'broken', 'emptied', 'truncated', 'with lock file'];
    return implode(', ', array_filter($keys, fn (string $k) => is_file(file_entry_path($k))));
}

echo "-- 30 s later: the invalidated and the corrupt go; 'short' is expired but still in its stale window\n";
ini_set('perf.cache_clock_offset', '30');
var_dump(perf_cache_prune());
echo present(), "\n";
var_dump(perf_cache_prune());

echo "-- at ttl + perf.cache_stale_ttl: 'short' goes\n";
ini_set('perf.cache_clock_offset', '69');
var_dump(perf_cache_prune());
ini_set('perf.cache_clock_offset', '70');
var_dump((new Perf\Cache('file'))->prune());
echo present(), "\n";

echo "-- much later: 'long' goes too; entries without a TTL never do\n";
ini_set('perf.cache_clock_offset', '1059');
var_dump(perf_cache_prune());
ini_set('perf.cache_clock_offset', '1060');
var_dump(perf_cache_prune());
echo present(), "\n";
var_dump(perf_cache_stats()['entries'], perf_cache_get('fresh'), perf_cache_get('kept tag'), perf_cache_get('with lock file'));
var_dump(file_get_contents("$dir/README.txt"), file_get_contents(dirname(file_entry_path('fresh')) . '/README.txt'));
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
file_clean(sys_get_temp_dir() . '/perf-file-prune');
?>
--EXPECT--
-- 30 s later: the invalidated and the corrupt go; 'short' is expired but still in its stale window
int(4)
fresh, short, long, kept tag, with lock file
int(0)
-- at ttl + perf.cache_stale_ttl: 'short' goes
int(0)
int(1)
fresh, long, kept tag, with lock file
-- much later: 'long' goes too; entries without a TTL never do
int(0)
int(1)
fresh, kept tag, with lock file
int(3)
string(1) "f"
string(1) "k"
string(1) "w"
string(4) "keep"
string(4) "keep"
