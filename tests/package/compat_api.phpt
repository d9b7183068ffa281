--TEST--
ext/ builds on PHP 8.2 to 8.5 (and 8.6's removals): no Zend API that a supported version lacks, and version checks only in ext/perf_compat.h
--DESCRIPTION--
The PHP 8.2 and 8.4 legs compile perf; 8.3, 8.5 and 8.6 are not installed anywhere, so the APIs
those versions removed are looked for in the source instead. Each has a replacement that works on
every supported version (ext/perf_compat.h lists them).
--SKIPIF--
<?php
if (!is_dir(dirname(__DIR__, 2) . '/ext')) {
	die('skip not a source checkout (ext/ missing)');
}
?>
--FILE--
<?php
$ext = dirname(__DIR__, 2) . '/ext';
// pattern => what replaces it; perf_compat.h itself may use what it wraps.
$removed = [
	'/\bzend_exception_get_default\s*\(/' => 'zend_ce_exception (removed in 8.5)',
	'/\bXtOffsetOf\s*\(/' => 'offsetof() (removed in 8.6)',
	'/\bINI_(STR|INT|FLT|BOOL)\s*\(/' => 'zend_ini_*() (removed in 8.6)',
	'/\bzend_binary_zval_str(n)?cmp\s*\(/' => 'zend_binary_str(n)cmp() (removed in 8.6)',
	'/#\s*include\s*[<"]ext\/standard\/(php_smart_string|php_smart_string_public)\.h/' => 'zend_smart_string.h (removed in 8.5)',
	'/#\s*include\s*[<"]ext\/standard\/(php_rand|php_mt_rand|php_lcg|php_random)\.h/' => 'ext/random/php_random.h (removed in 8.4)',
	'/#\s*include\s*[<"]ext\/standard\/hrtime\.h|\bphp_hrtime_current\s*\(/' => 'perf_hrtime_ns() (removed in 8.3)',
	'/\bPHP_VERSION_ID\b|\bZEND_MODULE_API_NO\b/' => 'a wrapper in ext/perf_compat.h (no version checks in feature code)',
];
$files = new RegexIterator(new RecursiveIteratorIterator(new RecursiveDirectoryIterator($ext, FilesystemIterator::SKIP_DOTS)), '/\.[ch]$/');
$checked = 0;
$found = [];
foreach ($files as $file) {
	$path = substr($file->getPathname(), strlen($ext) + 1);
	if ($path === 'perf_compat.h') {
		continue;
	}
	$checked++;
	foreach (file($file->getPathname()) as $n => $line) {
		foreach ($removed as $pattern => $instead) {
			if (preg_match($pattern, $line)) {
				$found[] = sprintf("ext/%s:%d: use %s: %s", $path, $n + 1, $instead, trim($line));
			}
		}
	}
}
echo $checked > 10 ? "source files checked\n" : "only $checked source files found\n";
echo $found ? implode("\n", $found) . "\n" : "none found\n";

// The wrapper header picks by version and is used where the APIs moved (the CSPRNG's header: 8.4).
$compat = file_get_contents("$ext/perf_compat.h");
var_dump(str_contains($compat, 'PHP_VERSION_ID >= 80400') && str_contains($compat, 'php_random_csprng.h'));
var_dump(str_contains(file_get_contents("$ext/cache/driver_redis.c"), '#include "perf_compat.h"'));
?>
--EXPECT--
source files checked
none found
bool(true)
bool(true)
