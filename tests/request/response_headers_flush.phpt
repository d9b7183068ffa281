--TEST--
Timing headers: with output buffering off, an early flush() sends them with the time up to that flush
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_response_headers_flush.log
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$script = perf_script('response_headers_flush', '<?php
echo "first\n";
flush();
usleep(150000);
header("X-Too-Late: yes");
printf("%.2F\n", perf_request_time());
');
$response = perf_cgi($script, ['output_buffering' => '0', 'display_errors' => '0']);
[$first, $end_ms] = explode("\n", $response['body']);
var_dump($first);
var_dump(perf_header_lines($response['headers'], 'X-Too-Late'));

preg_match('/^(\d+\.\d{2})ms$/', perf_header($response['headers'], 'X-Response-Time'), $took);
preg_match('/^app;dur=(\d+\.\d{2})$/', perf_header($response['headers'], 'Server-Timing'), $dur);
var_dump($took[1] === $dur[1]);
// The headers left with "first", before the 150 ms sleep that the end of the request still saw.
var_dump((float) $end_ms - (float) $took[1] >= 149.98);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_response_headers_flush.php');
@unlink(sys_get_temp_dir() . '/perf_response_headers_flush.log');
?>
--EXPECT--
string(5) "first"
array(0) {
}
bool(true)
bool(true)
