--TEST--
Slow-request log: the record carries the final status, also for exit(), an uncaught exception and a redirect
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_slow_request_log_status.log
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$log = ini_get('perf.log_file');
$cases = [
    'plain' => 'echo "ok";',
    'exit()' => 'echo "partial"; exit(3); echo "never";',
    'uncaught exception' => 'throw new RuntimeException("boom");',
    'http_response_code(404)' => 'http_response_code(404);',
    'redirect' => 'header("Location: /login");',
    'POST' => 'echo $_SERVER["REQUEST_METHOD"];',
];
foreach ($cases as $name => $code) {
    $script = perf_script('slow_request_log_status', "<?php $code");
    $env = $name === 'POST' ? ['REQUEST_METHOD' => 'POST', 'CONTENT_LENGTH' => '0'] : [];
    $response = perf_cgi($script, ['perf.log_all_requests' => '1', 'display_errors' => '0'], $env);
    $records = perf_read_log($log);
    $context = end($records)['context'];
    printf("%s: %d record(s), %s %s status=%s body=%s\n", $name, count($records), $context['method'],
        $context['url'], var_export($context['status'], true), $response['body']);
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_status.php');
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_status.log');
?>
--EXPECT--
plain: 1 record(s), GET /perf_slow_request_log_status.php status=200 body=ok
exit(): 2 record(s), GET /perf_slow_request_log_status.php status=200 body=partial
uncaught exception: 3 record(s), GET /perf_slow_request_log_status.php status=500 body=
http_response_code(404): 4 record(s), GET /perf_slow_request_log_status.php status=404 body=
redirect: 5 record(s), GET /perf_slow_request_log_status.php status=302 body=
POST: 6 record(s), POST /perf_slow_request_log_status.php status=200 body=POST
