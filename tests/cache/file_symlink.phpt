--TEST--
File driver: symlinks planted in the cache directory are never followed: not at an entry's path (set replaces the link itself), not at a lock file's path, not as a shard directory
--EXTENSIONS--
posix
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-symlink
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
$dir = file_fresh_dir();
$outside = "$dir-outside";
file_remove_tree($outside);
mkdir($outside, 0700);
set_error_handler(function (int $type, string $message): bool {
    echo "unexpected diagnostic: $message\n";
    return true;
});

echo "-- a symlink at an entry's path, to a file outside\n";
file_put_contents("$outside/secret", 'outside content');
perf_cache_set('k', 'cached');
$path = file_entry_path('k');
unlink($path);
symlink("$outside/secret", $path);
var_dump(perf_cache_get('k', 'MISS'), perf_cache_has('k'), file_get_contents("$outside/secret"));
var_dump(perf_cache_set('k', 'new value'), is_link($path), perf_cache_get('k'), file_get_contents("$outside/secret"));

echo "-- a symlink at an entry's path, to a valid entry of that key outside: not read\n";
perf_cache_set('planted', 'from outside');
rename(file_entry_path('planted'), "$outside/entry");
symlink("$outside/entry", file_entry_path('planted'));
var_dump(perf_cache_get('planted', 'MISS'), perf_cache_has('planted'), is_file("$outside/entry"));
perf_cache_delete('planted');
var_dump(is_file("$outside/entry"));

echo "-- a symlink at a lock file's path: add/increment fail, remember() computes without the lock; the target is untouched\n";
file_put_contents("$outside/lock-target", 'keep me');
perf_cache_set('locked', 1);
symlink("$outside/lock-target", file_entry_path('locked') . '.lock');
var_dump(perf_cache_increment('locked'));
perf_cache_delete('locked');
var_dump(perf_cache_add('locked', 2), perf_cache_remember('locked', 0, fn () => 'computed'));
var_dump(file_get_contents("$outside/lock-target"), is_link(file_entry_path('locked') . '.lock'));

echo "-- a FIFO at an entry's path: a miss at once, and set replaces it\n";
perf_cache_set('fifo', 'v');
unlink(file_entry_path('fifo'));
posix_mkfifo(file_entry_path('fifo'), 0600);
var_dump(perf_cache_get('fifo', 'MISS'), perf_cache_set('fifo', 'w'), perf_cache_get('fifo'));

/* $key's shard directory (level 1: <dir>/ab, level 2: <dir>/ab/cd) moved outside and replaced by a
   symlink to it: the moved copy holds a valid entry of $key, which must be neither read nor removed. */
function plant_shard(string $key, int $level, string $target): string
{
    global $dir;
    perf_cache_set($key, "planted $key");
    $hash = sha1($key);
    $shard = $level === 1 ? "$dir/" . substr($hash, 0, 2) : "$dir/" . substr($hash, 0, 2) . '/' . substr($hash, 2, 2);
    rename($shard, $target);
    symlink($target, $shard);
    return $shard;
}

foreach ([1, 2] as $level) {
    echo "-- a symlink as a level-$level shard directory, to a private directory outside\n";
    $key = "shard$level";
    $target = "$outside/shard$level";
    $shard = plant_shard($key, $level, $target);
    $before = file_tree($target);
    var_dump(perf_cache_set($key, 'new'), perf_cache_add($key, 'new'), perf_cache_increment($key));
    var_dump(perf_cache_get($key, 'MISS'), perf_cache_has($key));
    var_dump(perf_cache_delete($key));
    var_dump(perf_cache_clear(), perf_cache_prune());
    var_dump(file_tree($target) === $before, is_link($shard));
}
echo "-- nothing outside was written or removed\n";
var_dump(file_get_contents("$outside/secret"), file_get_contents("$outside/lock-target"));
var_dump(count(file_tree("$outside/shard1")), count(file_tree("$outside/shard2")));
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
file_clean(sys_get_temp_dir() . '/perf-file-symlink');
?>
--EXPECT--
-- a symlink at an entry's path, to a file outside
string(4) "MISS"
bool(false)
string(15) "outside content"
bool(true)
bool(false)
string(9) "new value"
string(15) "outside content"
-- a symlink at an entry's path, to a valid entry of that key outside: not read
string(4) "MISS"
bool(false)
bool(true)
bool(true)
-- a symlink at a lock file's path: add/increment fail, remember() computes without the lock; the target is untouched
bool(false)
bool(false)
string(8) "computed"
string(7) "keep me"
bool(true)
-- a FIFO at an entry's path: a miss at once, and set replaces it
string(4) "MISS"
bool(true)
string(1) "w"
-- a symlink as a level-1 shard directory, to a private directory outside
bool(false)
bool(false)
bool(false)
string(4) "MISS"
bool(false)
bool(false)
bool(true)
int(0)
bool(true)
bool(true)
-- a symlink as a level-2 shard directory, to a private directory outside
bool(false)
bool(false)
bool(false)
string(4) "MISS"
bool(false)
bool(false)
bool(true)
int(0)
bool(true)
bool(true)
-- nothing outside was written or removed
string(15) "outside content"
string(7) "keep me"
int(2)
int(1)
