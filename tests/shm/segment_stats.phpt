--TEST--
The cache core's statistics segment /dev/shm/perf.<uid>.<name>.stats (0600) holds every driver's counters and the redis circuit breaker, shared by the processes of one user and name: a pool using only the file or redis driver never creates the memory driver's .cache segment; a symlink at the name is refused with one warning and the counts stay per process
--SKIPIF--
<?php
require __DIR__ . '/../cache/redis.inc';
redis_skip_unless_available();
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) die('skip php-cgi needed (a web SAPI creates the segments without perf.cache_enable_cli)');
?>
--FILE--
<?php
require __DIR__ . '/segment.inc';
require __DIR__ . '/../cache/redis.inc';
$uid = (int) trim((string) shell_exec('id -u'));
$name = seg_name('stats');
$stats = "/dev/shm/perf.$uid.$name.stats";
$cache = "/dev/shm/perf.$uid.$name.cache";
$dir = sys_get_temp_dir() . '/perf-seg-stats-' . getmypid();
@mkdir($dir, 0700);
$file = ['perf.cache_driver' => 'file', 'perf.cache_dir' => $dir];
seg_cleanup($name);

echo "-- file driver, from a web SAPI\n";
$out = seg_cgi($name, 'var_dump(perf_cache_set("k", "v"), perf_cache_get("k")); $s = perf_cache_stats(); echo $s["driver"], " ", $s["stores"], " ", $s["hits"], "\n";', $file);
echo $out, "\n";
clearstatcache();
$st = @stat($stats);
seg_check('the .stats segment is created, 0600, owned by this user', $st !== false && ($st['mode'] & 0777) === 0600 && $st['uid'] === $uid,
	json_encode($st ? [$st['mode'], $st['uid']] : null));
seg_check('no .cache segment for a file pool', !file_exists($cache));
[$out] = seg_php($name, 'var_dump(perf_cache_get("k")); $s = perf_cache_stats(); echo $s["stores"], " ", $s["hits"], "\n";', $file);
seg_check("a CLI process (without enable_cli) adds to the web process's counts", $out === "string(1) \"v\"\n1 2", $out);
seg_check('still no .cache segment', !file_exists($cache));

echo "-- redis driver, from the CLI with perf.cache_enable_cli=1\n";
seg_cleanup($name);
$port = redis_start();
$redis = ['perf.cache_driver' => 'redis', 'perf.redis_port' => $port, 'perf.redis_prefix' => "$name:", 'perf.cache_enable_cli' => 1];
[$out] = seg_php($name, 'var_dump(perf_cache_set("k", [1, 2])); $s = perf_cache_stats(); echo $s["driver"], " ", $s["stores"], "\n";', $redis);
echo $out, "\n";
seg_check('the .stats segment is created and no .cache segment', file_exists($stats) && !file_exists($cache));
[$out] = seg_php($name, 'var_dump(perf_cache_get("k") === [1, 2]); $s = perf_cache_stats(); echo $s["stores"], " ", $s["hits"], "\n";', $redis);
seg_check('the next process sees both counts', $out === "bool(true)\n1 1", $out);

/* The breaker is shared: one process opens it, the next one fails fast without trying. */
$down = ['perf.redis_port' => redis_free_port(), 'perf.redis_breaker_failures' => 2, 'perf.redis_breaker_cooldown_ms' => 60000] + $redis;
[$out] = seg_php($name, 'perf_cache_get("a"); perf_cache_get("b"); $s = perf_cache_stats(); echo $s["breaker_state"], " ", $s["breaker_opens"], " ", $s["breaker_fast_failures"];', $down);
seg_check('two failures open the breaker', preg_match('/^open 1 (\d+)$/', $out, $m) === 1, $out);
$fast = (int) ($m[1] ?? -1);
[$out] = seg_php($name, 'var_dump(perf_cache_get("a", "d")); $s = perf_cache_stats(); echo $s["breaker_state"], " ", $s["breaker_opens"], " ", $s["breaker_fast_failures"];', $down);
seg_check('another process finds it open and fails fast without opening it again', preg_match('/^string\(1\) "d"\nopen 1 (\d+)$/', $out, $m) === 1 && (int) $m[1] > $fast, $out);
seg_check('still no .cache segment', !file_exists($cache));

echo "-- memory driver: its own .cache segment, the counts in .stats\n";
seg_cleanup($name);
[$out] = seg_php($name, 'perf_cache_set("m", 1); perf_cache_get("m"); perf_cache_get("none");', ['perf.cache_enable_cli' => 1]);
[$out] = seg_php($name, '$s = perf_cache_stats(); echo $s["stores"], " ", $s["hits"], " ", $s["misses"], "\n";');
seg_check('both segments, and the counts of the first process', file_exists($stats) && file_exists($cache) && $out === '1 1 1', $out);

echo "-- hostile: a symlink at the .stats name\n";
seg_cleanup($name);
$target = sys_get_temp_dir() . '/perf-seg-stats-target-' . getmypid();
touch($target);
symlink($target, $stats);
[$out] = seg_php($name, 'var_dump(perf_cache_set("k", "v"), perf_cache_get("k")); echo perf_cache_stats()["stores"], "\n";', $file + ['perf.cache_enable_cli' => 1]);
echo preg_replace('/perf-seg-stats-\d+|test-stats-\d+/', 'X', $out), "\n";
clearstatcache();
seg_check('the link is left alone, its target untouched', is_link($stats) && filesize($target) === 0);

seg_cleanup($name);
@unlink($target);
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECTF--
-- file driver, from a web SAPI
bool(true)
string(1) "v"
file 1 1
the .stats segment is created, 0600, owned by this user: ok
no .cache segment for a file pool: ok
a CLI process (without enable_cli) adds to the web process's counts: ok
still no .cache segment: ok
-- redis driver, from the CLI with perf.cache_enable_cli=1
bool(true)
redis 1
the .stats segment is created and no .cache segment: ok
the next process sees both counts: ok
two failures open the breaker: ok
another process finds it open and fails fast without opening it again: ok
still no .cache segment: ok
-- memory driver: its own .cache segment, the counts in .stats
both segments, and the counts of the first process: ok
-- hostile: a symlink at the .stats name
%A
Warning: perf: %s/dev/shm/perf.%d.X.stats%s; the stats segment is unavailable in %s on line %d
bool(true)
string(1) "v"
1
the link is left alone, its target untouched: ok
