--TEST--
File driver: the remember() lock is an flock(): another process waits for the holder and takes its value; when the holder is SIGKILLed inside its callback the lock is free at once
--EXTENSIONS--
pcntl
posix
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-remember-flock
perf.cache_lock_wait_ms=5000
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
$dir = file_fresh_dir();
$started = "$dir-started";
@unlink($started);

/* Forks a child that runs remember($key) with a callback that signals, then sleeps $sleep_ms. */
function holder(string $key, int $sleep_ms): int
{
    global $started;
    $pid = pcntl_fork();
    if ($pid === 0) {
        perf_cache_remember($key, 0, function () use ($sleep_ms, $started) {
            file_put_contents($started, (string) getmypid());
            usleep($sleep_ms * 1000);
            return 'computed by the child';
        });
        exit(0);
    }
    while (!file_exists($started)) {
        usleep(1000);
    }
    unlink($started);
    return $pid;
}

echo "-- the parent waits for the child's computation and takes its value\n";
$child = holder('slow', 300);
$start = hrtime(true);
$calls = 0;
$value = perf_cache_remember('slow', 0, function () use (&$calls) {
    $calls++;
    return 'computed by the parent';
});
$waited = (hrtime(true) - $start) / 1e6;
pcntl_waitpid($child, $status);
var_dump($value, $calls, $waited >= 200, $waited < 4000, perf_cache_stats()['lock_waits']);

echo "-- the holder is killed inside its callback: the lock goes with it\n";
$child = holder('killed', 60000);
posix_kill($child, SIGKILL);
pcntl_waitpid($child, $status);
var_dump(pcntl_wifsignaled($status) && pcntl_wtermsig($status) === SIGKILL);
$start = hrtime(true);
$value = perf_cache_remember('killed', 0, fn () => 'computed by the parent');
$took = (hrtime(true) - $start) / 1e6;
var_dump($value, $took < 500, perf_cache_get('killed'));
echo "lock waits: ", perf_cache_stats()['lock_waits'], "\n";

echo "-- the lock files are plain 0600 files next to the entry, removed when the lock is released\n";
$modes = fn (string $key) => implode(' ', array_unique(array_map(fn (string $f) => is_link($f) ? 'link' : sprintf('%o', fileperms($f) & 07777),
	glob(file_entry_path($key) . '.*'))));
perf_cache_remember('held', 0, function () use ($modes) {
	echo $modes('held'), "\n";
	return 1;
});
var_dump($modes('held'), $modes('killed'));
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
file_clean(sys_get_temp_dir() . '/perf-file-remember-flock');
?>
--EXPECT--
-- the parent waits for the child's computation and takes its value
string(21) "computed by the child"
int(0)
bool(true)
bool(true)
int(1)
-- the holder is killed inside its callback: the lock goes with it
bool(true)
string(22) "computed by the parent"
bool(true)
string(22) "computed by the parent"
lock waits: 1
-- the lock files are plain 0600 files next to the entry, removed when the lock is released
600
string(0) ""
string(0) ""
