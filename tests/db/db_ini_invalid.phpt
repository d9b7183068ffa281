--TEST--
INI: invalid perf.slow_query_ms, perf.log_query_text and perf.n_plus_one_threshold warn at startup and from ini_set(), naming the setting; the previous value stays
--INI--
perf.log_file={TMP}/perf_db_ini_invalid.log
perf.slow_query_ms=-1
perf.log_query_text=redacted
perf.n_plus_one_threshold=1
--FILE--
<?php
var_dump(ini_get('perf.slow_query_ms'), ini_get('perf.log_query_text'), ini_get('perf.n_plus_one_threshold'), ini_get('perf.db_hooks'));

echo "-- ini_set()\n";
var_dump(ini_set('perf.slow_query_ms', '0.5'));
var_dump(ini_set('perf.log_query_text', 'Full'));
var_dump(ini_get('perf.log_query_text'));
var_dump(ini_set('perf.n_plus_one_threshold', 'ten'));
var_dump(ini_set('perf.n_plus_one_threshold', '0'));
var_dump(ini_set('perf.db_hooks', '0'));

echo "-- more values at startup, each in its own php-cli process\n";
require __DIR__ . '/../request/helpers.inc';
$script = perf_script('db_ini_invalid', '<?php echo ini_get($argv[1]), "\n";');
$cases = [
    ['perf.slow_query_ms', ''],
    ['perf.slow_query_ms', '100ms'],
    ['perf.slow_query_ms', '0'],
    // The INI parser reads an unquoted none as the empty string, which means none too.
    ['perf.log_query_text', 'NONE'],
    ['perf.log_query_text', 'FULL'],
    ['perf.log_query_text', 'normalised'],
    ['perf.n_plus_one_threshold', '-3'],
    ['perf.n_plus_one_threshold', '2'],
];
$defaults = ['perf.slow_query_ms' => '500', 'perf.log_query_text' => 'normalized', 'perf.n_plus_one_threshold' => '10'];
foreach ($cases as [$name, $value]) {
    $cmd = perf_command(getenv('TEST_PHP_EXECUTABLE'), [$name => $value] + $defaults)
        . ' -f ' . escapeshellarg($script) . ' ' . escapeshellarg($name);
    echo "$name=", var_export($value, true), ': ', trim(perf_exec($cmd, [])), "\n";
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_db_ini_invalid.php');
@unlink(sys_get_temp_dir() . '/perf_db_ini_invalid.log');
?>
--EXPECTF--
Warning: Invalid value "-1" for perf.slow_query_ms: must be a whole number of milliseconds, 0 or more (0 turns the slow-query log off) in Unknown on line 0

Warning: Invalid value "redacted" for perf.log_query_text: must be "normalized", "full" or "none" in Unknown on line 0

Warning: Invalid value "1" for perf.n_plus_one_threshold: must be 2 or more (runs of the same statement in one request), or 0 to turn N+1 detection off in Unknown on line 0
string(3) "500"
string(10) "normalized"
string(2) "10"
string(1) "1"
-- ini_set()

Warning: Invalid value "0.5" for perf.slow_query_ms: must be a whole number of milliseconds, 0 or more (0 turns the slow-query log off) in %s on line %d
bool(false)
string(10) "normalized"
string(4) "Full"

Warning: Invalid value "ten" for perf.n_plus_one_threshold: must be 2 or more (runs of the same statement in one request), or 0 to turn N+1 detection off in %s on line %d
bool(false)
string(2) "10"
bool(false)
-- more values at startup, each in its own php-cli process
perf.slow_query_ms='': Warning: Invalid value "" for perf.slow_query_ms: must be a whole number of milliseconds, 0 or more (0 turns the slow-query log off) in Unknown on line 0
500
perf.slow_query_ms='100ms': Warning: Invalid value "100ms" for perf.slow_query_ms: must be a whole number of milliseconds, 0 or more (0 turns the slow-query log off) in Unknown on line 0
500
perf.slow_query_ms='0': 0
perf.log_query_text='NONE': 
perf.log_query_text='FULL': FULL
perf.log_query_text='normalised': Warning: Invalid value "normalised" for perf.log_query_text: must be "normalized", "full" or "none" in Unknown on line 0
normalized
perf.n_plus_one_threshold='-3': Warning: Invalid value "-3" for perf.n_plus_one_threshold: must be 2 or more (runs of the same statement in one request), or 0 to turn N+1 detection off in Unknown on line 0
10
perf.n_plus_one_threshold='2': 2
