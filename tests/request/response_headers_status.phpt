--TEST--
Timing headers: sent once with an empty body, redirects, 404, 500 and 503 responses and replaced headers
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_response_headers_status.log
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$cases = [
    // Without output the headers go out only after the request has shut down.
    'no output' => '',
    'redirect' => 'header("Location: /elsewhere");',
    'not found' => 'http_response_code(404); echo "missing";',
    'error' => 'http_response_code(500); echo "failed";',
    'status header' => 'header("HTTP/1.1 503 Service Unavailable"); echo "down";',
    'replaced header' => 'header("X-App: one"); header("X-App: two"); echo "ok";',
];
foreach ($cases as $name => $code) {
    $script = perf_script('response_headers_status', "<?php $code");
    $response = perf_cgi($script);
    $headers = $response['headers'];
    echo "$name: ", implode(' | ', array_merge(
        perf_header_lines($headers, 'Status'),
        perf_header_lines($headers, 'Location'),
        perf_header_lines($headers, 'X-App'),
    )), " | body=", $response['body'], "\n";
    var_dump(preg_match('/^\d+\.\d{2}ms$/', perf_header($headers, 'X-Response-Time')));
    var_dump(preg_match('/^app;dur=\d+\.\d{2}$/', perf_header($headers, 'Server-Timing')));
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_response_headers_status.php');
@unlink(sys_get_temp_dir() . '/perf_response_headers_status.log');
?>
--EXPECT--
no output:  | body=
int(1)
int(1)
redirect: Status: 302 Found | Location: /elsewhere | body=
int(1)
int(1)
not found: Status: 404 Not Found | body=missing
int(1)
int(1)
error: Status: 500 Internal Server Error | body=failed
int(1)
int(1)
status header: Status: 503 Service Unavailable | body=down
int(1)
int(1)
replaced header: X-App: two | body=ok
int(1)
int(1)
