--TEST--
perf_annotate(): values keep their type in the request's record, the last write wins, "route" fills the route field, measured fields are never overwritten
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_perf_annotate_basic.log
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$log = ini_get('perf.log_file');
$script = perf_script('perf_annotate_basic', '<?php
var_dump(perf_annotate("route", "/users/{id}"));
perf_annotate("user_id", 42);
perf_annotate("tag", "first");
perf_annotate("ratio", 2.0);
perf_annotate("cached", false);
perf_annotate("tenant", null);
perf_annotate("tag", "second");
perf_annotate("7", "numeric key");
// These name measured fields: the measurement stays.
perf_annotate("method", "FAKE");
perf_annotate("status", 999);
perf_annotate("execution_time_ms", -1);
perf_annotate("ip", "10.6.6.6");
');
$response = perf_cgi($script, ['perf.log_all_requests' => '1']);
echo $response['body'];

$records = perf_read_log($log);
var_dump(count($records));
$context = $records[0]['context'];
var_dump(implode(',', array_keys($context)));
var_dump($context['route'], $context['user_id'], $context['tag'], $context['ratio'], $context['cached'],
    $context['tenant'], $context['7']);
var_dump($context['method'], $context['status'], $context['execution_time_ms'] >= 0, $context['ip']);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_annotate_basic.php');
@unlink(sys_get_temp_dir() . '/perf_perf_annotate_basic.log');
?>
--EXPECT--
NULL
int(1)
string(119) "method,url,route,status,execution_time_ms,cpu_user_ms,cpu_sys_ms,memory_peak_mb,ip,db,user_id,tag,ratio,cached,tenant,7"
string(11) "/users/{id}"
int(42)
string(6) "second"
float(2)
bool(false)
NULL
string(11) "numeric key"
string(3) "GET"
int(200)
bool(true)
string(10) "192.0.2.10"
