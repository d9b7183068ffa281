--TEST--
Timing headers: php-cgi sends X-Response-Time and Server-Timing once each, measured when the headers go out
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_response_headers_basic.log
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$script = perf_script('response_headers_basic', '<?php
header("X-App: yes");
usleep(150000);
echo "body";
');
$response = perf_cgi($script);
var_dump($response['body']);
var_dump(perf_header($response['headers'], 'X-App'));

$took = perf_header($response['headers'], 'X-Response-Time');
$timing = perf_header($response['headers'], 'Server-Timing');
var_dump(preg_match('/^(\d+\.\d{2})ms$/', $took, $took_ms));
var_dump(preg_match('/^app;dur=(\d+\.\d{2})$/', $timing, $timing_ms));
// One measurement for both, taken after the 150 ms the script slept before its first output.
var_dump($took_ms[1] === $timing_ms[1]);
var_dump((float) $took_ms[1] >= 150.0);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_response_headers_basic.php');
@unlink(sys_get_temp_dir() . '/perf_response_headers_basic.log');
?>
--EXPECT--
string(4) "body"
string(3) "yes"
int(1)
int(1)
bool(true)
bool(true)
