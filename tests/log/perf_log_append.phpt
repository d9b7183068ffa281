--TEST--
perf_log(): records are appended to what the file holds, across calls and across processes
--INI--
perf.log_file={TMP}/perf_perf_log_append.log
--FILE--
<?php
require __DIR__ . '/../request/helpers.inc';

$log = ini_get('perf.log_file');
file_put_contents($log, "existing line\n");
var_dump(perf_log('first'));

// Another process appends to the same file while this one keeps its descriptor.
$script = perf_script('perf_log_append', '<?php var_dump(perf_log("from another process"));');
echo perf_cli($script);
echo perf_cli($script);
var_dump(perf_log('last'));

$lines = file($log, FILE_IGNORE_NEW_LINES);
echo array_shift($lines), "\n";
foreach ($lines as $line) {
    echo json_decode($line, true, 512, JSON_THROW_ON_ERROR)['message'], "\n";
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_log_append.php');
@unlink(sys_get_temp_dir() . '/perf_perf_log_append.log');
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
existing line
first
from another process
from another process
last
