--TEST--
perf_log(): an unwritable perf.log_file warns once per process, every write returns false and counts as a failure, the request still succeeds
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_perf_log_unwritable.missing/dir/perf.log
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/../request/helpers.inc';

var_dump(perf_log('one'));
var_dump(perf_log('two', ['x' => 1], 'error'));
var_dump(perf_log('three'));

function perf_info(): string
{
    ob_start();
    phpinfo(INFO_MODULES);
    preg_match_all('/^Log (?:records written by|write failures in) this process => \d+$/m', ob_get_clean(), $m);
    return implode("\n", $m[0]);
}
echo perf_info(), "\n";

// A logged php-cgi request: its perf_log() calls and its slow-request record all fail, with one warning.
$script = perf_script('perf_log_unwritable', '<?php
var_dump(perf_log("in the request"));
var_dump(perf_log("again"));
usleep(100000);
echo "response body\n";
');
$response = perf_cgi($script, ['perf.slow_request_ms' => '50', 'perf.log_all_requests' => '1']);
var_dump(perf_header_lines($response['headers'], 'Status'));
echo $response['body'];

// Two logged requests served by one php-cgi process: the first record's failure warns, the second's does not.
$script = perf_script('perf_log_unwritable', '<?php echo "served\n";');
$output = perf_exec(perf_command(getenv('TEST_PHP_CGI_EXECUTABLE'), ['perf.log_all_requests' => '1']) . ' -T 2',
    perf_cgi_env($script), false);
var_dump(substr_count($output, "served\n"));
preg_match_all('/^.*Warning.*$/m', $output, $warnings);
var_dump($warnings[0]);

var_dump(file_exists(dirname(ini_get('perf.log_file'))));
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_log_unwritable.php');
@rmdir(sys_get_temp_dir() . '/perf_perf_log_unwritable.missing');
?>
--EXPECTF--
Warning: perf_log(): perf.log_file "%s/perf_perf_log_unwritable.missing/dir/perf.log": cannot open: No such file or directory (further failures in this process are only counted) in %s on line %d
bool(false)
bool(false)
bool(false)
Log records written by this process => 0
Log write failures in this process => 3
array(0) {
}

Warning: perf_log(): perf.log_file "%s/perf_perf_log_unwritable.missing/dir/perf.log": cannot open: No such file or directory (further failures in this process are only counted) in %s on line 2
bool(false)
bool(false)
response body
int(2)
array(1) {
  [0]=>
  string(%d) "Warning: PHP Request Shutdown: perf.log_file "%s/perf_perf_log_unwritable.missing/dir/perf.log": cannot open: No such file or directory (further failures in this process are only counted) in Unknown on line 0"
}
bool(false)
