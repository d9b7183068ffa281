--TEST--
Timing headers: a Server-Timing or X-Response-Time header the application set is kept as is, not duplicated
--CGI--
--INI--
perf.log_file={TMP}/perf_response_headers_app_set.log
--FILE--
<?php
header('X-Response-Time: mine');
header('Server-Timing: db;dur=5');
echo "ok";
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_response_headers_app_set.log');
?>
--EXPECTHEADERS--
X-Response-Time: mine
Server-Timing: db;dur=5
--EXPECT--
ok
