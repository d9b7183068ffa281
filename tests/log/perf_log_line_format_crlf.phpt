--TEST--
perf_log(): in the line format a CRLF line break becomes one space, as Monolog's LineFormatter does
--INI--
perf.log_file={TMP}/perf_perf_log_line_format_crlf.log
perf.log_format=line
pcre.jit=0
--FILE--
<?php
perf_log("first\r\nsecond");
var_dump(preg_match('/\] performance\.INFO: first second \[\] \[\]$/', file_get_contents(ini_get('perf.log_file'))));
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_log_line_format_crlf.log');
?>
--EXPECT--
int(1)
