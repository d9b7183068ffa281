--TEST--
File driver: lock and lease files go with the lock; clear() and prune() remove leftovers of killed processes (unheld .lock/.lease files, temporary files of dead writers or older than an hour) and keep those still in use
--EXTENSIONS--
pcntl
posix
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-leftovers
perf.cache_lock_wait_ms=200
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
$dir = file_fresh_dir();
$count = function () use ($dir): string {
	$n = ['entry' => 0, 'lock' => 0, 'lease' => 0, 'tmp' => 0];
	foreach (new RecursiveIteratorIterator(new RecursiveDirectoryIterator($dir, FilesystemIterator::SKIP_DOTS)) as $f) {
		$name = $f->getFilename();
		if (preg_match('/^[0-9a-f]{40}$/', $name)) $n['entry']++;
		elseif (str_ends_with($name, '.lock')) $n['lock']++;
		elseif (str_ends_with($name, '.lease')) $n['lease']++;
		elseif (str_ends_with($name, '.tmp')) $n['tmp']++;
	}
	return json_encode($n);
};

echo "-- 600 keys through remember(), add() and increment(): no lock or lease file stays\n";
for ($i = 0; $i < 200; $i++) {
	perf_cache_remember("r$i", 0, fn () => perf_cache_add("a$i", 1) && perf_cache_increment("i$i"));
}
echo $count(), "\n";
var_dump(perf_cache_clear(), perf_cache_prune());
echo $count(), "\n";

echo "-- leftovers of killed processes, and files still in use\n";
$pid = pcntl_fork();
if ($pid === 0) {
	exit(0);
}
pcntl_waitpid($pid, $status);   // $pid is now a writer that no longer runs
$shard = dirname(file_entry_path('victim'));
@mkdir(dirname($shard), 0700);
@mkdir($shard, 0700);
$name = basename(file_entry_path('victim'));
touch("$shard/.$name.$pid.1.tmp");                     // killed writer
touch("$shard/.$name.1.2.tmp", time() - 7200);         // "pid 1" (alive), but two hours old
touch("$shard/.$name." . getmypid() . ".3.tmp");       // a writer that runs (this process): stays
touch("$shard/$name.lock");                            // holder killed: nobody holds it
touch("$shard/$name.lease");
$busy = basename(file_entry_path('busy'));
$busyShard = dirname(file_entry_path('busy'));
@mkdir(dirname($busyShard), 0700);
@mkdir($busyShard, 0700);
$holder = pcntl_fork();
if ($holder === 0) {
	$fd = fopen("$busyShard/$busy.lease", 'c');
	flock($fd, LOCK_EX);
	sleep(30);
	exit(0);
}
for ($i = 0; $i < 200 && !file_exists("$busyShard/$busy.lease"); $i++) {
	usleep(10000);
}
usleep(100000);
echo $count(), "\n";
var_dump(perf_cache_prune());
echo $count(), "\n";
var_dump(perf_cache_remember('busy', 0, fn () => 'computed without the lease'));
posix_kill($holder, SIGKILL);
pcntl_waitpid($holder, $status);
var_dump(perf_cache_clear());
echo $count(), "\n";
unlink("$shard/.$name." . getmypid() . ".3.tmp");
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
file_clean(sys_get_temp_dir() . '/perf-file-leftovers');
?>
--EXPECT--
-- 600 keys through remember(), add() and increment(): no lock or lease file stays
{"entry":600,"lock":0,"lease":0,"tmp":0}
bool(true)
int(0)
{"entry":0,"lock":0,"lease":0,"tmp":0}
-- leftovers of killed processes, and files still in use
{"entry":0,"lock":1,"lease":2,"tmp":3}
int(0)
{"entry":0,"lock":0,"lease":1,"tmp":1}
string(26) "computed without the lease"
bool(true)
{"entry":0,"lock":0,"lease":0,"tmp":1}
