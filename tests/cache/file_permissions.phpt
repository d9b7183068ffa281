--TEST--
File driver: directories 0700 and files 0600 whatever the umask; a cache directory that is group/world accessible, another user's, a symlink or not a directory makes the driver unavailable, without warnings
--EXTENSIONS--
posix
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-permissions
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
$dir = file_fresh_dir();
$base = $dir;
set_error_handler(function (int $type, string $message): bool {
    if (!(error_reporting() & $type)) {
        return true; // silenced with @ by the test itself
    }
    echo "unexpected diagnostic: $message\n";
    return true;
});

echo "-- every kind of file, written with umask 0\n";
umask(0);
perf_cache_set('plain', 'v');
perf_cache_set('tagged', ['a' => 1], 60, ['t1', 't2']);
perf_cache_add('added', 1);
perf_cache_increment('counter');
perf_cache_remember('remembered', 0, fn () => 'r');
perf_cache_invalidate_tags('t1');
$modes = [];
foreach (file_tree($dir) as $path) {
    $st = lstat("$dir/$path");
    $kind = is_link("$dir/$path") ? 'link' : (is_dir("$dir/$path") ? 'dir' : 'file');
    $owner = $st['uid'] === posix_geteuid() ? 'mine' : 'uid ' . $st['uid'];
    $modes[sprintf('%s %o %s', $kind, $st['mode'] & 07777, $owner)][] = $path;
}
$root = lstat($dir);
$modes[sprintf('cache dir %o %s', $root['mode'] & 07777, $root['uid'] === posix_geteuid() ? 'mine' : 'uid ' . $root['uid'])] = [$dir];
ksort($modes);
foreach ($modes as $what => $paths) {
    echo $what, ': ', count($paths) > 3 ? 'several' : count($paths), "\n";
}
umask(022);

/* Checks the driver with perf.cache_dir at $path: whether it is usable and what it did to $path. */
function try_dir(string $label, string $path, bool $unusable = true): void
{
    ini_set('perf.cache_dir', $path);
    $before = @lstat($path);
    $calls = 0;
    $stats = perf_cache_stats();
    $results = [
        'available' => $stats['available'],
        'set' => perf_cache_set('k', 'v'),
        'add' => perf_cache_add('a', 'v'),
        'get' => perf_cache_get('k', 'MISS'),
        'has' => perf_cache_has('k'),
        'increment' => perf_cache_increment('n'),
        'remember' => perf_cache_remember('r', 0, function () use (&$calls) { return ++$calls; })
            + perf_cache_remember('r', 0, function () use (&$calls) { return ++$calls; }),
    ];
    $after = @lstat($path);
    $unchanged = $before === $after && (!is_dir($path) || is_link($path) || count(scandir($path)) === 2);
    echo str_pad($label, 32), json_encode($results), $unusable ? ($unchanged ? ', left as it was' : ', CHANGED') : '', "\n";
}

echo "-- unusable cache directories (remember() computes every time)\n";
mkdir("$base-0777");
chmod("$base-0777", 0777);
try_dir('mode 0777', "$base-0777");
mkdir("$base-0750");
chmod("$base-0750", 0750);
try_dir('mode 0750 (group)', "$base-0750");
mkdir("$base-0701");
chmod("$base-0701", 0701);
try_dir('mode 0701 (world search)', "$base-0701");
if (posix_geteuid() === 0) {
    mkdir("$base-other", 0700);
    chown("$base-other", 65534);
    $other = "$base-other";
} else {
    // Without root no directory can be given away: root's home is another user's 0700 directory.
    $other = '/root';
}
try_dir("another user's 0700", $other);
mkdir("$base-target", 0700);
symlink("$base-target", "$base-link");
try_dir('a symlink to a 0700 directory', "$base-link");
file_put_contents("$base-file", 'not a directory');
try_dir('a regular file', "$base-file");
try_dir('below a regular file', "$base-file/cache");
var_dump(file_get_contents("$base-file"), scandir("$base-target") === ['.', '..']);

echo "-- back to the private directory: available, entries still there\n";
try_dir('mode 0700', $dir, false);
var_dump(perf_cache_get('plain'), perf_cache_get('tagged', 'MISS'));

echo "-- the default directory (perf.cache_dir empty) is per user, under the temporary directory\n";
$sys = "$base-sys";
mkdir($sys, 0755);
$code = 'var_dump(perf_cache_set("k", "v"), perf_cache_get("k"));';
echo shell_exec(getenv('TEST_PHP_EXECUTABLE') . ' ' . getenv('TEST_PHP_EXTRA_ARGS')
    . ' -d auto_prepend_file= -d perf.cache_driver=file -d perf.cache_dir= -d sys_temp_dir=' . escapeshellarg($sys)
    . ' -r ' . escapeshellarg($code));
$default = "$sys/perf-cache-" . posix_geteuid();
printf("%s %o\n", basename($default) === 'perf-cache-' . posix_geteuid() && is_dir($default) ? 'created' : 'missing',
    fileperms($default) & 07777);
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
file_clean(sys_get_temp_dir() . '/perf-file-permissions');
?>
--EXPECT--
-- every kind of file, written with umask 0
cache dir 700 mine: 1
dir 700 mine: several
file 600 mine: several
-- unusable cache directories (remember() computes every time)
mode 0777                       {"available":false,"set":false,"add":false,"get":"MISS","has":false,"increment":false,"remember":3}, left as it was
mode 0750 (group)               {"available":false,"set":false,"add":false,"get":"MISS","has":false,"increment":false,"remember":3}, left as it was
mode 0701 (world search)        {"available":false,"set":false,"add":false,"get":"MISS","has":false,"increment":false,"remember":3}, left as it was
another user's 0700             {"available":false,"set":false,"add":false,"get":"MISS","has":false,"increment":false,"remember":3}, left as it was
a symlink to a 0700 directory   {"available":false,"set":false,"add":false,"get":"MISS","has":false,"increment":false,"remember":3}, left as it was
a regular file                  {"available":false,"set":false,"add":false,"get":"MISS","has":false,"increment":false,"remember":3}, left as it was
below a regular file            {"available":false,"set":false,"add":false,"get":"MISS","has":false,"increment":false,"remember":3}, left as it was
string(15) "not a directory"
bool(true)
-- back to the private directory: available, entries still there
mode 0700                       {"available":true,"set":true,"add":true,"get":"v","has":true,"increment":1,"remember":2}
string(1) "v"
string(4) "MISS"
-- the default directory (perf.cache_dir empty) is per user, under the temporary directory
bool(true)
string(1) "v"
created 700
