--TEST--
perf_log(): an unknown level or an empty channel is a ValueError, a non-array context a TypeError, and nothing is written
--INI--
perf.log_file={TMP}/perf_perf_log_error.log
--FILE--
<?php
$calls = [
    fn () => perf_log('m', [], 'verbose'),
    fn () => perf_log('m', [], ''),
    fn () => perf_log('m', [], 'info '),
    fn () => perf_log('m', [], 'info', ''),
    fn () => perf_log('m', 'not an array'),
    fn () => perf_log(),
];
foreach ($calls as $call) {
    try {
        var_dump($call());
    } catch (Error $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
var_dump(file_exists(ini_get('perf.log_file')));
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_log_error.log');
?>
--EXPECT--
ValueError: perf_log(): Argument #3 ($level) must be one of "debug", "info", "notice", "warning", "error", "critical", "alert" or "emergency"
ValueError: perf_log(): Argument #3 ($level) must be one of "debug", "info", "notice", "warning", "error", "critical", "alert" or "emergency"
ValueError: perf_log(): Argument #3 ($level) must be one of "debug", "info", "notice", "warning", "error", "critical", "alert" or "emergency"
ValueError: perf_log(): Argument #4 ($channel) must not be empty
TypeError: perf_log(): Argument #2 ($context) must be of type array, string given
ArgumentCountError: perf_log() expects at least 1 argument, 0 given
bool(false)
