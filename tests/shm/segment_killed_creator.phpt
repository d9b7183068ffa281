--TEST--
Named segments: processes SIGKILLed while creating a segment (reserving, laying out, linking) leave at most a temp file of a dead pid; the next process creates or attaches normally, and the next creator removes those temp files
--SKIPIF--
<?php
if (!function_exists('proc_open')) die('skip proc_open needed');
/* Under valgrind a child takes longer to start than the kill waits: no kill would land during creation. */
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind: timing');
?>
--FILE--
<?php
require __DIR__ . '/segment.inc';
$name = seg_name('killed');
$path = seg_path($name, (int) trim((string) shell_exec('id -u')));
$so = dirname(__DIR__, 2) . '/modules/perf.so';
seg_cleanup($name);

/* A 256M segment: reserving and laying it out takes long enough to be killed in the middle. */
$cmd = [PHP_BINARY, '-n', '-d', "extension=$so", '-d', "perf.cache_name=$name", '-d', 'perf.cache_enable_cli=1',
	'-d', 'perf.cache_memory=256M', '-r', 'perf_cache_set("k", "v"); sleep(5);'];
$killed_mid_creation = 0;
for ($i = 0; $i < 12; $i++) {
	seg_cleanup($name);
	$p = proc_open($cmd, [], $pipes);
	usleep(random_int(0, 60000));
	$temps = glob("$path.*.tmp");
	proc_terminate($p, 9);
	proc_close($p);
	$killed_mid_creation += $temps ? 1 : 0;
	/* Whatever is left must not block the next process. */
	[$out] = seg_php($name, 'var_dump(perf_cache_set("after", $i = 1), perf_cache_get("after"));',
		['perf.cache_enable_cli' => 1, 'perf.cache_memory' => '256M']);
	if ($out !== "bool(true)\nint(1)") {
		echo "round $i: the next process failed: $out\n";
	}
	if (glob("$path.*.tmp")) {
		echo "round $i: a temp file of a dead creator is left after the next process\n";
	}
}
seg_check('some kills landed during creation', $killed_mid_creation > 0, "$killed_mid_creation of 12");

/* A temp file left by a dead pid is removed by the next creator. */
@unlink($path);
$dead = 4194304 - 7;
file_put_contents("$path.$dead.tmp", 'x');
chmod("$path.$dead.tmp", 0600);
[$out] = seg_php($name, 'var_dump(perf_cache_set("k", 1));', ['perf.cache_enable_cli' => 1, 'perf.cache_memory' => '4M']);
seg_check('a dead creator\'s temp file is removed by the next process that may create', $out === 'bool(true)' && !file_exists("$path.$dead.tmp"), $out);
seg_cleanup($name);
?>
--EXPECT--
some kills landed during creation: ok
a dead creator's temp file is removed by the next process that may create: ok
