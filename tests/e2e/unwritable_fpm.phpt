--TEST--
End to end (fpm): an unwritable log path gives at most one warning per worker and never fails a request
--SKIPIF--
<?php require __DIR__ . '/http.inc'; e2e_skip_unless_running('PERF_E2E_NGINX'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
$base = getenv('PERF_E2E_NGINX') . '/unwritable';
$errors = getenv('PERF_E2E_DIR') . '/logs/php-unwritable-errors.log';

$ok = 0;
for ($i = 0; $i < 20; $i++) {
	$r = e2e_get("$base/fast.php");
	$ok += ($r['status'] === 200 && $r['body'] === "fast\n") ? 1 : 0;
}
e2e_check('all 20 requests succeeded', $ok === 20, (string) $ok);
clearstatcache();
$warnings = substr_count(is_file($errors) ? file_get_contents($errors) : '', 'perf.log_file');
/* The pool has 2 workers: each warns once, whichever of them served the requests. */
e2e_check('between 1 and 2 warnings', $warnings >= 1 && $warnings <= 2, (string) $warnings);
e2e_check('no log file created', !file_exists(getenv('PERF_E2E_DIR') . '/missing'));
?>
--EXPECT--
all 20 requests succeeded: ok
between 1 and 2 warnings: ok
no log file created: ok
