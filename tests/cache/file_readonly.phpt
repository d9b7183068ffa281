--TEST--
File driver: a shard directory or cache directory that cannot be written (immutable for root, mode 0500 otherwise) makes writes there return false and count an error, without a warning; older entries still read
--EXTENSIONS--
posix
--SKIPIF--
<?php
if (posix_geteuid() === 0) {
    // Root ignores file modes: the directory is made immutable instead.
    $probe = sys_get_temp_dir() . '/perf-file-readonly-probe-' . getmypid();
    @mkdir($probe);
    exec('chattr +i ' . escapeshellarg($probe) . ' 2>&1', $out, $rc);
    $blocked = $rc === 0 && !@touch("$probe/x");
    exec('chattr -i ' . escapeshellarg($probe) . ' 2>/dev/null');
    @unlink("$probe/x");
    @rmdir($probe);
    if (!$blocked) die('skip chattr +i does not work here: ' . implode(' ', $out));
}
?>
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-readonly
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
$dir = file_fresh_dir();

function lock_dir(string $path, bool $locked): void
{
    if (posix_geteuid() === 0) {
        exec(($locked ? 'chattr +i ' : 'chattr -i ') . escapeshellarg($path));
    } else {
        chmod($path, $locked ? 0500 : 0700);
    }
}
set_error_handler(function (int $type, string $message): bool {
    echo "unexpected diagnostic: $message\n";
    return true;
});

var_dump(perf_cache_set('old', 'old value'), perf_cache_set('counter', 1), perf_cache_set('elsewhere', 'e'));
$shard = dirname(file_entry_path('old'));
echo "-- the shard directory of 'old' is read-only\n";
lock_dir($shard, true);
$errors = file_counter_delta('errors', function () {
    var_dump(perf_cache_set('old', 'new value'), perf_cache_set_multiple(['old' => 'new value']));
});
var_dump($errors, perf_cache_get('old'), perf_cache_has('old'));
var_dump(perf_cache_delete('old'), perf_cache_get('old'));
var_dump(perf_cache_remember('old', 0, fn () => 'not used'));
// Other shards are not affected.
var_dump(perf_cache_set('elsewhere', 'e2'), perf_cache_get('elsewhere'));
lock_dir($shard, false);
var_dump(perf_cache_set('old', 'new value'), perf_cache_get('old'));

echo "-- the cache directory is read-only: keys in new shards fail, existing shards still work\n";
lock_dir($dir, true);
$errors = file_counter_delta('errors', function () {
    var_dump(perf_cache_set('brand new key', 'v'), perf_cache_increment('brand new counter'));
});
var_dump($errors, perf_cache_get('brand new key', 'MISS'));
var_dump(perf_cache_set('old', 'newer value'), perf_cache_get('old'), perf_cache_increment('counter'));
var_dump(perf_cache_stats()['available']);
lock_dir($dir, false);
var_dump(perf_cache_set('brand new key', 'v'), perf_cache_get('brand new key'));
$temporary = array_filter(file_tree($dir), fn (string $p) => str_ends_with($p, '.tmp'));
echo "temporary files left: ", count($temporary), "\n";
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
$dir = file_scratch(sys_get_temp_dir() . '/perf-file-readonly');
exec('chattr -R -i ' . escapeshellarg($dir) . ' 2>/dev/null; chmod -R u+rwx ' . escapeshellarg($dir) . ' 2>/dev/null');
file_clean(sys_get_temp_dir() . '/perf-file-readonly');
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
-- the shard directory of 'old' is read-only
bool(false)
bool(false)
int(2)
string(9) "old value"
bool(true)
bool(false)
string(9) "old value"
string(9) "old value"
bool(true)
string(2) "e2"
bool(true)
string(9) "new value"
-- the cache directory is read-only: keys in new shards fail, existing shards still work
bool(false)
bool(false)
int(2)
string(4) "MISS"
bool(true)
string(11) "newer value"
int(2)
bool(true)
bool(true)
string(1) "v"
temporary files left: 0
