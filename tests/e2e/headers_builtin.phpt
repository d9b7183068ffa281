--TEST--
End to end (builtin): X-Response-Time and Server-Timing on every kind of response
--SKIPIF--
<?php require __DIR__ . '/http.inc'; e2e_skip_unless_running('PERF_E2E_BUILTIN'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
e2e_check_timing_headers(getenv('PERF_E2E_BUILTIN') . '');
?>
--EXPECT--
plain status: ok
plain X-Response-Time: ok
plain Server-Timing: ok
plain X-Response-Time equals Server-Timing: ok
app header status: ok
app header X-Response-Time: ok
app header Server-Timing: ok
app header X-Response-Time equals Server-Timing: ok
404 status: ok
404 X-Response-Time: ok
404 Server-Timing: ok
404 X-Response-Time equals Server-Timing: ok
500 status: ok
500 X-Response-Time: ok
500 Server-Timing: ok
500 X-Response-Time equals Server-Timing: ok
redirect status: ok
redirect X-Response-Time: ok
redirect Server-Timing: ok
redirect X-Response-Time equals Server-Timing: ok
early flush status: ok
early flush X-Response-Time: ok
early flush Server-Timing: ok
early flush X-Response-Time equals Server-Timing: ok
app header kept: ok
redirect Location kept: ok
own X-Response-Time not duplicated: ok
own Server-Timing not duplicated: ok
