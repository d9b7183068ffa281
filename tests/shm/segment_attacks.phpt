--TEST--
Named segments: a symlink, a file pre-created by another user, a wrong mode, a truncated file or foreign content at the segment's name is refused with one warning naming the path, never followed or written, never crashes; the cache is then unavailable
--SKIPIF--
<?php
if (trim((string) shell_exec('id -u')) !== '0') die('skip needs root (chowns a file to nobody)');
?>
--FILE--
<?php
require __DIR__ . '/segment.inc';
$name = seg_name('attacks');
$path = seg_path($name);
$target = sys_get_temp_dir() . "/perf-segment-target-" . getmypid();
/* Two processes' worth of operations in one: the warning must come once. */
$code = 'var_dump(perf_cache_set("a", "x"), perf_cache_get("a"), perf_cache_set("b", "y"), perf_cache_clear());';

$attacks = [
	'symlink' => function () use ($path, $target) {
		file_put_contents($target, str_repeat("T", 4096));
		chmod($target, 0600);
		symlink($target, $path);
	},
	'pre-created by another user' => function () use ($path) {
		file_put_contents($path, '');
		chmod($path, 0666);
		chown($path, 'nobody');
	},
	'wrong owner (a real segment given to nobody)' => function () use ($path, $name) {
		seg_php($name, 'perf_cache_set("k", 1);', ['perf.cache_enable_cli' => 1, 'perf.cache_memory' => '4M']);
		chown($path, 'nobody');
	},
	'wrong mode' => function () use ($path, $name) {
		seg_php($name, 'perf_cache_set("k", 1);', ['perf.cache_enable_cli' => 1, 'perf.cache_memory' => '4M']);
		chmod($path, 0644);
	},
	'truncated' => function () use ($path, $name) {
		seg_php($name, 'perf_cache_set("k", 1);', ['perf.cache_enable_cli' => 1, 'perf.cache_memory' => '4M']);
		$f = fopen($path, 'r+');
		ftruncate($f, 1 << 20);
		fclose($f);
	},
	'foreign content' => function () use ($path) {
		file_put_contents($path, random_bytes(4 << 20));
		chmod($path, 0600);
	},
	'foreign content with the magic and an address outside the range' => function () use ($path) {
		file_put_contents($path, pack('VVPPVV', 0x53465250, 2, 4 << 20, 0x7fff00000000, 1, 0) . str_repeat("\0", (4 << 20) - 32));
		chmod($path, 0600);
	},
];

foreach ($attacks as $what => $prepare) {
	seg_cleanup($name);
	@unlink($target);
	$prepare();
	clearstatcache();
	$before = is_link($path) ? hash_file('sha256', $target) : hash_file('sha256', $path);
	[$out, $status] = seg_php($name, $code, ['perf.cache_enable_cli' => 1, 'perf.cache_memory' => '4M']);
	clearstatcache();
	$after = is_link($path) ? hash_file('sha256', $target) : hash_file('sha256', $path);
	$warnings = substr_count($out, 'Warning:');
	$named = str_contains($out, "perf: refusing $path: ");
	echo "$what:\n";
	seg_check('  one warning naming the path', $warnings === 1 && $named, $out);
	seg_check('  unavailable: stores false, reads miss, clear false', str_ends_with($out, "bool(false)\nNULL\nbool(false)\nbool(false)"), $out);
	seg_check('  no crash', $status === 0, "exit $status");
	seg_check('  nothing written to it (or through it)', $before === $after);
}
seg_cleanup($name);
@unlink($target);
?>
--EXPECT--
symlink:
  one warning naming the path: ok
  unavailable: stores false, reads miss, clear false: ok
  no crash: ok
  nothing written to it (or through it): ok
pre-created by another user:
  one warning naming the path: ok
  unavailable: stores false, reads miss, clear false: ok
  no crash: ok
  nothing written to it (or through it): ok
wrong owner (a real segment given to nobody):
  one warning naming the path: ok
  unavailable: stores false, reads miss, clear false: ok
  no crash: ok
  nothing written to it (or through it): ok
wrong mode:
  one warning naming the path: ok
  unavailable: stores false, reads miss, clear false: ok
  no crash: ok
  nothing written to it (or through it): ok
truncated:
  one warning naming the path: ok
  unavailable: stores false, reads miss, clear false: ok
  no crash: ok
  nothing written to it (or through it): ok
foreign content:
  one warning naming the path: ok
  unavailable: stores false, reads miss, clear false: ok
  no crash: ok
  nothing written to it (or through it): ok
foreign content with the magic and an address outside the range:
  one warning naming the path: ok
  unavailable: stores false, reads miss, clear false: ok
  no crash: ok
  nothing written to it (or through it): ok
