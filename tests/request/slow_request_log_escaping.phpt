--TEST--
Slow-request log: a URL and annotations with line breaks, quotes, backslashes and invalid UTF-8 still make one valid JSON line
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_slow_request_log_escaping.log
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$log = ini_get('perf.log_file');
$nasty = "a\nb\r\"c\"\\d\te\xff\xfe/é€";
$script = perf_script('slow_request_log_escaping', '<?php
perf_annotate("note", ' . var_export($nasty, true) . ');
perf_annotate("key\n\"quoted\"\xff", 1);
echo "ok";
');
$response = perf_cgi($script, ['perf.log_all_requests' => '1'], [
    'REQUEST_URI' => "/search?q=$nasty",
    'QUERY_STRING' => "q=$nasty",
    'REMOTE_ADDR' => '"203.0.113.7"',
]);
var_dump($response['body']);

$content = file_get_contents($log);
var_dump(substr_count($content, "\n"), str_ends_with($content, "}\n"));
$record = json_decode($content, true, 512, JSON_THROW_ON_ERROR);
$context = $record['context'];
// Invalid UTF-8 becomes U+FFFD; everything else comes back as it was.
$expected = "a\nb\r\"c\"\\d\te\u{FFFD}\u{FFFD}/é€";
var_dump($context['url'] === "/search?q=$expected");
var_dump($context['note'] === $expected);
var_dump($context["key\n\"quoted\"\u{FFFD}"]);
var_dump($context['ip']);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_escaping.php');
@unlink(sys_get_temp_dir() . '/perf_slow_request_log_escaping.log');
?>
--EXPECT--
string(2) "ok"
int(1)
bool(true)
bool(true)
bool(true)
int(1)
string(13) ""203.0.113.7""
