--TEST--
Timing headers: perf.response_header naming Server-Timing (any case) gives one header, not two; the application's own headers of both names, in one list, are each kept once
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_response_headers_one_pass.log
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$cases = [
    ['perf.response_header' => 'server-timing', 'code' => ''],
    ['perf.response_header' => 'Server-Timing', 'code' => 'header("Server-Timing: mine");'],
    ['perf.response_header' => 'X-Response-Time', 'code' => 'header("X-A: 1"); header("server-timing: mine"); header("X-B: 2"); header("x-response-time: mine");'],
];
foreach ($cases as $case) {
    $response = perf_cgi(perf_script('response_headers_one_pass', "<?php {$case['code']} echo 'ok';"),
        ['perf.response_header' => $case['perf.response_header']]);
    echo $case['perf.response_header'], ' ', $case['code'], "\n";
    foreach ($response['headers'] as $line) {
        if (preg_match('/^(x-response-time|server-timing)/i', $line)) {
            echo '  ', preg_replace('/\d+\.\d{2}/', 'N', $line), "\n";
        }
    }
}
?>
--EXPECT--
server-timing 
  server-timing: Nms
Server-Timing header("Server-Timing: mine");
  Server-Timing: mine
X-Response-Time header("X-A: 1"); header("server-timing: mine"); header("X-B: 2"); header("x-response-time: mine");
  server-timing: mine
  x-response-time: mine
