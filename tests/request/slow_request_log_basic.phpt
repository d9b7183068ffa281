--TEST--
Slow-request log: one Monolog JSON record for a request at or over perf.slow_request_ms, none under it or with 0
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_slow_request_log_basic.log
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$log = ini_get('perf.log_file');
$slow = perf_script('slow_request_log_basic_slow', '<?php
$big = str_repeat("x", 3 << 20);
unset($big);
usleep(150000);
printf("%.3F %.3F", perf_request_time(), memory_get_peak_usage() / 1048576);
');
$fast = perf_script('slow_request_log_basic_fast', '<?php echo "fast";');

echo "-- fast request, threshold 60000 ms\n";
perf_cgi($fast, ['perf.slow_request_ms' => '60000']);
var_dump(perf_read_log($log));

echo "-- slow request, threshold 0 (off)\n";
perf_cgi($slow, ['perf.slow_request_ms' => '0']);
var_dump(perf_read_log($log));

echo "-- slow request, threshold 50 ms\n";
$response = perf_cgi($slow, ['perf.slow_request_ms' => '50'], [
    'REQUEST_URI' => '/shop/cart?id=7',
    'QUERY_STRING' => 'id=7',
    'REMOTE_ADDR' => '203.0.113.7',
]);
[$end_ms, $peak_mb] = explode(' ', $response['body']);
$lines = file($log);
var_dump(count($lines));
$record = perf_read_log($log)[0];

var_dump(array_keys($record));
var_dump($record['message'], $record['level'], $record['level_name'], $record['channel']);
var_dump(preg_match('/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}[+-]\d{2}:\d{2}$/', $record['datetime']));
// Monolog writes an empty extra as an object.
var_dump(str_ends_with($lines[0], ',"extra":{}}' . "\n"));

$context = $record['context'];
var_dump(array_keys($context));
var_dump($context['method'], $context['url'], $context['route'], $context['status'], $context['ip']);
foreach (['execution_time_ms', 'cpu_user_ms', 'cpu_sys_ms', 'memory_peak_mb'] as $key) {
    echo $key, ': ', get_debug_type($context[$key]), $context[$key] >= 0 ? '' : ' NEGATIVE', "\n";
}
// Measured at request end: after the 150 ms sleep and the last perf_request_time() of the script.
var_dump($context['execution_time_ms'] >= 150);
var_dump($context['execution_time_ms'] >= (float) $end_ms - 0.01);
// The request's peak: at least what the script saw at its end, which covers the 3 MB string
// (unless USE_ZEND_ALLOC=0, as under valgrind, leaves the engine without memory counters).
var_dump($context['memory_peak_mb'] >= (float) $peak_mb - 0.01);
var_dump(getenv('USE_ZEND_ALLOC') === '0' || (float) $peak_mb >= 3);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_basic_slow.php');
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_basic_fast.php');
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_basic.log');
?>
--EXPECT--
-- fast request, threshold 60000 ms
array(0) {
}
-- slow request, threshold 0 (off)
array(0) {
}
-- slow request, threshold 50 ms
int(1)
array(7) {
  [0]=>
  string(7) "message"
  [1]=>
  string(7) "context"
  [2]=>
  string(5) "level"
  [3]=>
  string(10) "level_name"
  [4]=>
  string(7) "channel"
  [5]=>
  string(8) "datetime"
  [6]=>
  string(5) "extra"
}
string(21) "Slow request detected"
int(300)
string(7) "WARNING"
string(11) "performance"
int(1)
bool(true)
array(10) {
  [0]=>
  string(6) "method"
  [1]=>
  string(3) "url"
  [2]=>
  string(5) "route"
  [3]=>
  string(6) "status"
  [4]=>
  string(17) "execution_time_ms"
  [5]=>
  string(11) "cpu_user_ms"
  [6]=>
  string(10) "cpu_sys_ms"
  [7]=>
  string(14) "memory_peak_mb"
  [8]=>
  string(2) "ip"
  [9]=>
  string(2) "db"
}
string(3) "GET"
string(15) "/shop/cart?id=7"
NULL
int(200)
string(11) "203.0.113.7"
execution_time_ms: float
cpu_user_ms: float
cpu_sys_ms: float
memory_peak_mb: float
bool(true)
bool(true)
bool(true)
bool(true)
