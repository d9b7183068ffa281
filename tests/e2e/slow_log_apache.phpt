--TEST--
End to end (apache): a slow request writes one Monolog record with every field
--SKIPIF--
<?php require __DIR__ . '/http.inc'; e2e_skip_unless_running('PERF_E2E_APACHE'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
e2e_check_slow_log(getenv('PERF_E2E_APACHE') . '', getenv('PERF_E2E_DIR') . '/logs/apache/performance.log');
?>
--EXPECT--
slow page answered: ok
one record, for the slow page only: ok
record keys: ok
record message: ok
record level: ok
record channel: ok
record datetime: ok
context keys: ok
db figures: ok
method: ok
url: ok
route: ok
status: ok
execution_time_ms: ok
cpu and memory figures: ok
ip: ok
annotations: ok
