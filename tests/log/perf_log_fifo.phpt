--TEST--
perf_log(): a FIFO at perf.log_file (nobody reading) is refused without blocking the process
--SKIPIF--
<?php
if (!function_exists('posix_mkfifo')) {
    die('skip posix_mkfifo() is not available');
}
?>
--EXTENSIONS--
posix
--INI--
perf.log_file={TMP}/perf_perf_log_fifo.log
--FILE--
<?php
require __DIR__ . '/../request/helpers.inc';

$log = ini_get('perf.log_file');
var_dump(posix_mkfifo($log, 0600));

// In a child process, so that a hang here can be detected and ended.
$script = perf_script('perf_log_fifo', '<?php var_dump(perf_log("into the fifo")); echo "returned\n";');
$proc = proc_open('exec ' . perf_command(getenv('TEST_PHP_EXECUTABLE'), []) . ' -f ' . escapeshellarg($script),
    [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes, null, perf_env([]));
$deadline = microtime(true) + 10;
while (($status = proc_get_status($proc))['running'] && microtime(true) < $deadline) {
    usleep(50000);
}
if ($status['running']) {
    proc_terminate($proc, 9);
    echo "perf_log() blocked opening the FIFO\n";
} else {
    echo stream_get_contents($pipes[1]);
}
fclose($pipes[1]);
proc_close($proc);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_log_fifo.php');
@unlink(sys_get_temp_dir() . '/perf_perf_log_fifo.log');
?>
--EXPECTF--
bool(true)

Warning: perf_log(): perf.log_file "%s/perf_perf_log_fifo.log": %s (further failures in this process are only counted) in %s on line 1
bool(false)
returned
