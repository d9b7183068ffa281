--TEST--
perf_log(): the eight Monolog levels, in any case, with Monolog's numbers, and a custom channel
--INI--
perf.log_file={TMP}/perf_perf_log_levels.log
--FILE--
<?php
$levels = ['debug', 'INFO', 'Notice', 'warning', 'eRRor', 'critical', 'ALERT', 'emergency'];
foreach ($levels as $level) {
    perf_log("at $level", [], $level, 'app.jobs');
}
foreach (file(ini_get('perf.log_file')) as $line) {
    $record = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    printf("%s => %d %s %s\n", $record['message'], $record['level'], $record['level_name'], $record['channel']);
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_log_levels.log');
?>
--EXPECT--
at debug => 100 DEBUG app.jobs
at INFO => 200 INFO app.jobs
at Notice => 250 NOTICE app.jobs
at warning => 300 WARNING app.jobs
at eRRor => 400 ERROR app.jobs
at critical => 500 CRITICAL app.jobs
at ALERT => 550 ALERT app.jobs
at emergency => 600 EMERGENCY app.jobs
