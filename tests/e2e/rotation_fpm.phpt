--TEST--
End to end (fpm): after logrotate renames the log away, every worker writes to a new file at the path
--SKIPIF--
<?php require __DIR__ . '/http.inc'; e2e_skip_unless_running('PERF_E2E_NGINX'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
$base = getenv('PERF_E2E_NGINX') . '/all';
$log = getenv('PERF_E2E_DIR') . '/logs/all.log';

/* Enough requests that both workers of the pool have the file open. */
for ($i = 0; $i < 10; $i++) {
	e2e_get("$base/fast.php?before=$i");
}
rename($log, "$log.1");
for ($i = 0; $i < 10; $i++) {
	e2e_get("$base/fast.php?after=$i");
}
$old = e2e_records_since("$log.1", 0);
$new = e2e_records_since($log, 0);
$urls = fn(array $records) => array_map(fn($r) => $r['context']['url'], $records);
e2e_check('rotated file ends with the requests before the rename',
	array_slice($urls($old), -10) === array_map(fn($i) => "/all/fast.php?before=$i", range(0, 9)));
e2e_check('new file holds exactly the requests after the rename',
	$urls($new) === array_map(fn($i) => "/all/fast.php?after=$i", range(0, 9)), json_encode($urls($new)));
?>
--EXPECT--
rotated file ends with the requests before the rename: ok
new file holds exactly the requests after the rename: ok
