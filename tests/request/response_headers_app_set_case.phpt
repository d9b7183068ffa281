--TEST--
Timing headers: application headers are matched case-insensitively, each timing header is left out only when the application sent its own
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_response_headers_app_set_case.log
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$cases = [
    'header("x-response-time: mine");',
    'header("SERVER-TIMING: cache;desc=hit");',
    'header("x-took: mine"); ini_set("perf.response_header", "X-Took");',
    // A header whose name only starts with the same letters is another header.
    'header("X-Response-Timer: 1"); header("Server-Timings: 2");',
];
foreach ($cases as $code) {
    $response = perf_cgi(perf_script('response_headers_app_set_case', "<?php $code echo 'ok';"));
    echo $code, "\n";
    // Header order carries no meaning (perf writes its lines before the application's under php-cgi).
    $lines = [];
    foreach ($response['headers'] as $line) {
        if (preg_match('/^(x-response-time|x-took|server-timing)/i', $line)) {
            $lines[] = preg_replace('/\d+\.\d{2}/', 'N', $line);
        }
    }
    sort($lines, SORT_STRING | SORT_FLAG_CASE);
    foreach ($lines as $line) {
        echo '  ', $line, "\n";
    }
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_response_headers_app_set_case.php');
@unlink(sys_get_temp_dir() . '/perf_response_headers_app_set_case.log');
?>
--EXPECT--
header("x-response-time: mine");
  Server-Timing: app;dur=N
  x-response-time: mine
header("SERVER-TIMING: cache;desc=hit");
  SERVER-TIMING: cache;desc=hit
  X-Response-Time: Nms
header("x-took: mine"); ini_set("perf.response_header", "X-Took");
  Server-Timing: app;dur=N
  x-took: mine
header("X-Response-Timer: 1"); header("Server-Timings: 2");
  Server-Timing: app;dur=N
  Server-Timings: 2
  X-Response-Time: Nms
  X-Response-Timer: 1
