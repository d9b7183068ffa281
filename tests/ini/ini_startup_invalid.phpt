--TEST--
INI: invalid perf.response_header, perf.slow_request_ms and perf.log_format at startup warn, naming the setting, and the default stays
--INI--
perf.log_file={TMP}/perf_ini_startup_invalid.log
perf.response_header=X Response Time
perf.slow_request_ms=-5
perf.log_format=xml
--FILE--
<?php
var_dump(ini_get('perf.response_header'), ini_get('perf.slow_request_ms'), ini_get('perf.log_format'));

// The defaults are in force, not just reported: JSON records.
var_dump(perf_log('still json'));
var_dump(json_decode(file_get_contents(ini_get('perf.log_file')), true, 512, JSON_THROW_ON_ERROR)['message']);

// More rejected values, each in its own php-cli process.
require __DIR__ . '/../request/helpers.inc';
$script = perf_script('ini_startup_invalid', '<?php echo ini_get($argv[1]), "\n";');
$cases = [
    ['perf.slow_request_ms', 'abc'],
    ['perf.slow_request_ms', ''],
    ['perf.slow_request_ms', '10ms'],
    ['perf.slow_request_ms', '1.5'],
    ['perf.response_header', 'X-Time:'],
    ['perf.response_header', 'X/Time'],
    ['perf.log_format', ''],
];
$defaults = ['perf.response_header' => 'X-Response-Time', 'perf.slow_request_ms' => '1000', 'perf.log_format' => 'json'];
foreach ($cases as [$name, $value]) {
    $cmd = perf_command(getenv('TEST_PHP_EXECUTABLE'), [$name => $value] + $defaults)
        . ' -f ' . escapeshellarg($script) . ' ' . escapeshellarg($name);
    echo var_export($value, true), ': ', trim(perf_exec($cmd, [])), "\n";
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_ini_startup_invalid.php');
@unlink(sys_get_temp_dir() . '/perf_ini_startup_invalid.log');
?>
--EXPECTF--
Warning: Invalid value "X Response Time" for perf.response_header: must be an HTTP header name of at most 128 bytes (letters, digits and !#$%&'*+-.^_`|~) or empty to disable the header in Unknown on line 0

Warning: Invalid value "-5" for perf.slow_request_ms: must be a whole number of milliseconds, 0 or more (0 turns the slow-request log off) in Unknown on line 0

Warning: Invalid value "xml" for perf.log_format: must be "json" or "line" in Unknown on line 0
string(15) "X-Response-Time"
string(4) "1000"
string(4) "json"
bool(true)
string(10) "still json"
'abc': Warning: Invalid value "abc" for perf.slow_request_ms: %s in Unknown on line 0
1000
'': Warning: Invalid value "" for perf.slow_request_ms: %s in Unknown on line 0
1000
'10ms': Warning: Invalid value "10ms" for perf.slow_request_ms: %s in Unknown on line 0
1000
'1.5': Warning: Invalid value "1.5" for perf.slow_request_ms: %s in Unknown on line 0
1000
'X-Time:': Warning: Invalid value "X-Time:" for perf.response_header: %s in Unknown on line 0
X-Response-Time
'X/Time': Warning: Invalid value "X/Time" for perf.response_header: %s in Unknown on line 0
X-Response-Time
'': Warning: Invalid value "" for perf.log_format: must be "json" or "line" in Unknown on line 0
json
