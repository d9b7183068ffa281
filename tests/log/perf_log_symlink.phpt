--TEST--
perf_log(): a symlink at perf.log_file is not followed, also one planted after the file was opened
--INI--
perf.log_file={TMP}/perf_perf_log_symlink.log
--FILE--
<?php
$log = ini_get('perf.log_file');
$target = sys_get_temp_dir() . '/perf_perf_log_symlink.target';

// A symlink to a file that exists.
file_put_contents($target, "precious\n");
var_dump(symlink($target, $log));
var_dump(perf_log('through the link'));
var_dump(file_get_contents($target));

// A dangling symlink: its target must not be created.
unlink($target);
var_dump(perf_log('through the dangling link'));
var_dump(file_exists($target));

// The log was open, then swapped for a symlink: the next record does not go through it.
unlink($log);
var_dump(perf_log('real file'));
file_put_contents($target, "precious\n");
rename($log, "$log.old");
symlink($target, $log);
var_dump(perf_log('after the swap'));
var_dump(file_get_contents($target));
var_dump(count(file("$log.old")));
?>
--CLEAN--
<?php
$log = sys_get_temp_dir() . '/perf_perf_log_symlink.log';
@unlink($log);
@unlink("$log.old");
@unlink(sys_get_temp_dir() . '/perf_perf_log_symlink.target');
?>
--EXPECTF--
bool(true)

Warning: perf_log(): perf.log_file "%s/perf_perf_log_symlink.log": cannot open: %s (further failures in this process are only counted) in %s on line %d
bool(false)
string(9) "precious
"
bool(false)
bool(false)
bool(true)
bool(false)
string(9) "precious
"
int(1)
