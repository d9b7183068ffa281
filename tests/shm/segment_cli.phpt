--TEST--
Named segments from the CLI: perf.cache_enable_cli=1 creates /dev/shm/perf.<uid>.<name>.cache (0600), later CLI processes attach without it, perf_cache_clear() from one empties it for all, another user cannot open it, a new size from a web SAPI (not from the CLI) or another layout version replaces it (never read with the old layout)
--SKIPIF--
<?php
if (trim((string) shell_exec('id -u')) !== '0' || !is_executable('/usr/bin/setpriv')) die('skip needs root and setpriv (runs a CLI as nobody)');
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) die('skip php-cgi needed (a web SAPI applies a new perf.cache_memory)');
/* valgrind follows the children: the one running as nobody cannot write its log next to this file. */
if (getenv('USE_ZEND_ALLOC') === '0') die('skip not under valgrind: a child runs as nobody');
?>
--FILE--
<?php
require __DIR__ . '/segment.inc';
$name = seg_name('cli');
$path = seg_path($name);
seg_cleanup($name);

[$out] = seg_php($name, 'var_dump(perf_cache_set("k", ["v" => 1, "e" => []]));');
seg_check('without enable_cli and no segment: unavailable, nothing created', $out === 'bool(false)' && !file_exists($path), $out);

[$out] = seg_php($name, 'var_dump(perf_cache_set("k", ["v" => 1, "e" => [], "s" => "str"]));', ['perf.cache_enable_cli' => 1, 'perf.cache_memory' => '4M']);
clearstatcache();
$st = @stat($path);
seg_check('enable_cli=1 creates it', $out === 'bool(true)' && $st !== false, $out);
seg_check('mode 0600, owned by this user, the configured size', ($st['mode'] & 0777) === 0600 && $st['uid'] === 0 && $st['size'] === 4 << 20,
	json_encode([$st['mode'] ?? null, $st['uid'] ?? null, $st['size'] ?? null]));
$prefix = unpack('Vmagic/Vversion/Psize/Paddress', file_get_contents($path, false, null, 0, 24));
seg_check('mapped at an address of the segments range', $prefix['address'] >= 0x600000000000 && $prefix['address'] < 0x700000000000,
	dechex($prefix['address']));

/* A CLI without enable_cli, and with another perf.cache_memory: it uses the live segment as it is. */
[$out] = seg_php($name, 'echo json_encode([perf_cache_get("k"), perf_cache_stats()["memory_size"] < 4 << 20]);', ['perf.cache_memory' => '8M']);
seg_check('another CLI process reads it (array with an empty array inside)', $out === '[{"v":1,"e":[],"s":"str"},true]', $out);
clearstatcache();
seg_check('an attaching CLI does not resize it', filesize($path) === 4 << 20);

[$out] = seg_php($name, 'var_dump(perf_cache_set("other", 2), perf_cache_clear());');
[$out2] = seg_php($name, 'var_dump(perf_cache_get("k"), perf_cache_get("other"));');
seg_check('perf_cache_clear() from one CLI empties it for the next', $out === "bool(true)\nbool(true)" && $out2 === "NULL\nNULL", "$out / $out2");

/* Another user: its own segment name (uid), and no access to this one. */
seg_php($name, 'perf_cache_set("secret", "root-only");');
[$out] = seg_php($name, 'var_dump(perf_cache_get("secret"), @fopen(' . var_export($path, true) . ', "r"));', [], 'nobody');
seg_check("another user's CLI neither sees the entries nor opens the file", $out === "NULL\nbool(false)", $out);
seg_check("nothing created for it without enable_cli", !file_exists(seg_path($name, 65534)));

/* A new size: the CLI, even with enable_cli, uses the live segment; a web SAPI replaces it. */
[$out] = seg_php($name, 'var_dump(perf_cache_get("secret"));', ['perf.cache_enable_cli' => 1, 'perf.cache_memory' => '8M']);
clearstatcache();
seg_check('a CLI with enable_cli and another perf.cache_memory keeps it', $out === 'string(9) "root-only"' && filesize($path) === 4 << 20, $out);
$out = seg_cgi($name, 'var_dump(perf_cache_get("secret"), perf_cache_set("after", 1));', ['perf.cache_memory' => '8M']);
clearstatcache();
seg_check('php-cgi with a new perf.cache_memory replaces it (entries gone, new size)', $out === "NULL\nbool(true)" && filesize($path) === 8 << 20, $out);
[$out] = seg_php($name, 'var_dump(perf_cache_get("after"));');
seg_check('the CLI then reads the new one', $out === 'int(1)', $out);

/* Another layout version: an attaching process finds no usable segment; a creating one replaces it. */
$f = fopen($path, 'r+');
fseek($f, 4);
fwrite($f, pack('V', 999));
fclose($f);
[$out] = seg_php($name, 'var_dump(perf_cache_get("after"), perf_cache_set("x", 1));');
seg_check('another layout version is never read by an attaching process', $out === "NULL\nbool(false)", $out);
[$out] = seg_php($name, 'var_dump(perf_cache_get("after"), perf_cache_set("x", 1));', ['perf.cache_enable_cli' => 1, 'perf.cache_memory' => '8M']);
$version = unpack('V', file_get_contents($path, false, null, 4, 4))[1];
seg_check('a creating process replaces it with its own layout', $out === "NULL\nbool(true)" && $version !== 999, $out);

/* No temp file left behind by any of this. */
seg_check('only the segment itself in /dev/shm', glob("/dev/shm/perf.*.$name.cache*") === [$path], json_encode(glob("/dev/shm/perf.*.$name.cache*")));
seg_cleanup($name);
?>
--EXPECT--
without enable_cli and no segment: unavailable, nothing created: ok
enable_cli=1 creates it: ok
mode 0600, owned by this user, the configured size: ok
mapped at an address of the segments range: ok
another CLI process reads it (array with an empty array inside): ok
an attaching CLI does not resize it: ok
perf_cache_clear() from one CLI empties it for the next: ok
another user's CLI neither sees the entries nor opens the file: ok
nothing created for it without enable_cli: ok
a CLI with enable_cli and another perf.cache_memory keeps it: ok
php-cgi with a new perf.cache_memory replaces it (entries gone, new size): ok
the CLI then reads the new one: ok
another layout version is never read by an attaching process: ok
a creating process replaces it with its own layout: ok
only the segment itself in /dev/shm: ok
