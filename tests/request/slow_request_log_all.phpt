--TEST--
Slow-request log: perf.log_all_requests=1 records every request, appended in order, annotations reset for each request
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_slow_request_log_all.log
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$log = ini_get('perf.log_file');
$counter = sys_get_temp_dir() . '/perf_slow_request_log_all.count';
$script = perf_script('slow_request_log_all', '<?php
$n = (int) @file_get_contents(' . var_export($counter, true) . ') + 1;
file_put_contents(' . var_export($counter, true) . ', $n);
if ($n % 2 === 1) {
    perf_annotate("odd", true);
}
perf_annotate("n", $n);
if ($n === 2) {
    http_response_code(404);
}
echo "request $n\n";
');

// Two requests in two processes, then two more served by one php-cgi process (-T 2).
perf_cgi($script, ['perf.log_all_requests' => '1']);
perf_cgi($script, ['perf.log_all_requests' => '1', 'perf.slow_request_ms' => '0']);
perf_exec(perf_command(getenv('TEST_PHP_CGI_EXECUTABLE'), ['perf.log_all_requests' => '1']) . ' -T 2',
    perf_cgi_env($script), false);

foreach (perf_read_log($log) as $record) {
    $context = $record['context'];
    echo $record['message'], ': n=', $context['n'], ' status=', $context['status'],
        ' odd=', var_export($context['odd'] ?? null, true), "\n";
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_all.php');
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_all.count');
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_all.log');
?>
--EXPECT--
Slow request detected: n=1 status=200 odd=true
Slow request detected: n=2 status=404 odd=NULL
Slow request detected: n=3 status=200 odd=true
Slow request detected: n=4 status=200 odd=NULL
