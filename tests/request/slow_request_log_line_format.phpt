--TEST--
Slow-request log: perf.log_format=line writes Monolog's line format, one line even for a URL with line breaks
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_slow_request_log_line_format.log
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$log = ini_get('perf.log_file');
$script = perf_script('slow_request_log_line_format', '<?php perf_annotate("route", "/items/{id}"); echo "ok";');
perf_cgi($script, ['perf.log_all_requests' => '1', 'perf.log_format' => 'line'], ['REQUEST_URI' => "/items/1\n2"]);

$content = file_get_contents($log);
var_dump(substr_count($content, "\n"));
var_dump(preg_match('/^\[(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}[+-]\d{2}:\d{2})\] performance\.WARNING: Slow request detected (\{.*\}) \[\]\n$/', $content, $m));
$context = json_decode($m[2], true, 512, JSON_THROW_ON_ERROR);
var_dump(implode(',', array_keys($context)));
var_dump($context['url'], $context['route'], $context['status']);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_line_format.php');
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_line_format.log');
?>
--EXPECT--
int(1)
int(1)
string(85) "method,url,route,status,execution_time_ms,cpu_user_ms,cpu_sys_ms,memory_peak_mb,ip,db"
string(10) "/items/1
2"
string(11) "/items/{id}"
int(200)
