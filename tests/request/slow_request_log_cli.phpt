--TEST--
Slow-request log: the CLI is timed only with perf.enable_cli=1, and perf.enabled=0 turns the log off
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_slow_request_log_cli.log
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$log = ini_get('perf.log_file');
$script = perf_script('slow_request_log_cli', '<?php usleep(150000); echo "done\n";');
$slow = ['perf.slow_request_ms' => '50'];

echo "-- CLI, perf.enable_cli=0 (default), even with perf.log_all_requests=1\n";
echo perf_cli($script, $slow + ['perf.log_all_requests' => '1']);
var_dump(perf_read_log($log));

echo "-- php-cgi, perf.enabled=0\n";
echo perf_cgi($script, $slow + ['perf.enabled' => '0'])['body'];
var_dump(perf_read_log($log));

echo "-- CLI, perf.enable_cli=1\n";
echo perf_cli($script, $slow + ['perf.enable_cli' => '1']);
$records = perf_read_log($log);
var_dump(count($records));
$context = $records[0]['context'];
var_dump($records[0]['message']);
var_dump($context['method'], $context['url'] === $script, $context['route'], $context['status'], $context['ip']);
var_dump($context['execution_time_ms'] >= 150);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_cli.php');
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_cli.log');
?>
--EXPECT--
-- CLI, perf.enable_cli=0 (default), even with perf.log_all_requests=1
done
array(0) {
}
-- php-cgi, perf.enabled=0
done
array(0) {
}
-- CLI, perf.enable_cli=1
done
int(1)
string(21) "Slow request detected"
string(3) "CLI"
bool(true)
NULL
NULL
NULL
bool(true)
