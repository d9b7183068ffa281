--TEST--
File driver: on a full filesystem (a 64 KB tmpfs) writes return false and count an error, without a warning or a leftover temporary file; entries already stored still read, and writes work again once there is room
--EXTENSIONS--
posix
--SKIPIF--
<?php
if (posix_geteuid() !== 0) die('skip needs root to mount a tmpfs');
// scripts/test.sh runs valgrind with USE_ZEND_ALLOC=0; valgrind follows children and cannot run the setuid mount(8).
if (getenv('USE_ZEND_ALLOC') === '0') die('skip mount(8) is setuid: it cannot run under valgrind');
$probe = sys_get_temp_dir() . '/perf-file-disk-full-probe-' . getmypid();
@mkdir($probe);
exec('mount -t tmpfs -o size=64k tmpfs ' . escapeshellarg($probe) . ' 2>&1', $out, $rc);
if ($rc === 0) exec('umount ' . escapeshellarg($probe));
@rmdir($probe);
if ($rc !== 0) die('skip cannot mount a tmpfs here: ' . implode(' ', $out));
?>
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-disk-full
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
// The cache directory lives on a tmpfs of 64 KB mounted at the test's scratch directory.
$mount = file_scratch(ini_get('perf.cache_dir'));
exec('umount ' . escapeshellarg($mount) . ' 2>/dev/null');
$mount = file_fresh_dir();
mkdir($mount, 0700);
exec('mount -t tmpfs -o size=64k,mode=0700 tmpfs ' . escapeshellarg($mount), $out, $rc);
var_dump($rc);
ini_set('perf.cache_dir', "$mount/cache");
set_error_handler(function (int $type, string $message): bool {
    if (!(error_reporting() & $type)) {
        return true;
    }
    echo "unexpected diagnostic: $message\n";
    return true;
});

var_dump(perf_cache_set('old', 'stored before the disk filled'), perf_cache_set('counter', 5));
$stats = perf_cache_stats();
echo "memory_* are the filesystem's figures: ", var_export($stats['memory_size'] <= 64 * 1024
    && $stats['memory_size'] === $stats['memory_used'] + $stats['memory_free'], true), "\n";

echo "-- a value larger than the free space\n";
$big = str_repeat('x', 100 * 1024);
$errors = file_counter_delta('errors', function () use ($big) {
    var_dump(perf_cache_set('big', $big), perf_cache_add('big', $big), perf_cache_set_multiple(['big' => $big, 'fits' => 'f']));
});
var_dump($errors, perf_cache_has('big'), perf_cache_get('fits'), perf_cache_get('old'));

echo "-- no space left at all\n";
$filler = fopen("$mount/filler", 'w');
while (@fwrite($filler, str_repeat("\0", 4096)) === 4096) {
}
fclose($filler);
$calls = 0;
$errors = file_counter_delta('errors', function () use (&$calls) {
    var_dump(perf_cache_set('small', 's'), perf_cache_set('old', 'replaced'), perf_cache_increment('counter'));
    var_dump(perf_cache_remember('computed', 0, function () use (&$calls) { return 'value ' . ++$calls; }));
    var_dump(perf_cache_remember('computed', 0, function () use (&$calls) { return 'value ' . ++$calls; }));
});
var_dump($errors);
echo "-- what was stored is still there, unchanged\n";
var_dump(perf_cache_get('old'), perf_cache_get('counter'), perf_cache_get('fits'), perf_cache_has('small'));
$temporary = array_filter(file_tree(ini_get('perf.cache_dir')), fn (string $p) => str_ends_with($p, '.tmp'));
echo "temporary files left: ", count($temporary), "\n";

echo "-- room again\n";
unlink("$mount/filler");
var_dump(perf_cache_set('small', 's'), perf_cache_get('small'), perf_cache_increment('counter'), perf_cache_set('big', $big));
restore_error_handler();
exec('umount ' . escapeshellarg($mount), $out, $rc);
var_dump($rc);
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
exec('umount ' . escapeshellarg(file_scratch(sys_get_temp_dir() . '/perf-file-disk-full')) . ' 2>/dev/null');
file_clean(sys_get_temp_dir() . '/perf-file-disk-full');
?>
--EXPECT--
int(0)
bool(true)
bool(true)
memory_* are the filesystem's figures: true
-- a value larger than the free space
bool(false)
bool(false)
bool(false)
int(3)
bool(false)
string(1) "f"
string(29) "stored before the disk filled"
-- no space left at all
bool(false)
bool(false)
bool(false)
string(7) "value 1"
string(7) "value 2"
int(5)
-- what was stored is still there, unchanged
string(29) "stored before the disk filled"
int(5)
string(1) "f"
bool(false)
temporary files left: 0
-- room again
bool(true)
string(1) "s"
int(6)
bool(false)
int(0)
