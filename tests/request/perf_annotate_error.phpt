--TEST--
perf_annotate(): an empty key is a ValueError, an array, non-Stringable object or resource value a TypeError, and a rejected annotation is not recorded
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_perf_annotate_error.log
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$calls = [
    fn () => perf_annotate('', 'x'),
    fn () => perf_annotate('list', [1, 2]),
    fn () => perf_annotate('object', new stdClass()),
    fn () => perf_annotate('stringable', new class { public function __toString(): string { return 'x'; } }),
    fn () => perf_annotate('resource', STDOUT),
    fn () => perf_annotate('only one argument'),
];
foreach ($calls as $call) {
    try {
        $call();
        echo "no error\n";
    } catch (Error $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

// The same calls in a logged request: only the valid annotation reaches the record.
$log = ini_get('perf.log_file');
$script = perf_script('perf_annotate_error', '<?php
foreach ([["", "x"], ["list", [1]], ["object", new stdClass()]] as [$key, $value]) {
    try {
        perf_annotate($key, $value);
    } catch (Error $e) {
    }
}
perf_annotate("valid", "yes");
echo "ok";
');
echo perf_cgi($script, ['perf.log_all_requests' => '1'])['body'], "\n";
$context = perf_read_log($log)[0]['context'];
var_dump(array_slice($context, 10));
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_annotate_error.php');
@unlink(sys_get_temp_dir() . '/perf_perf_annotate_error.log');
?>
--EXPECTF--
ValueError: perf_annotate(): Argument #1 ($key) must not be empty
TypeError: perf_annotate(): Argument #2 ($value) must be of type string|int|float|bool|null, array given
TypeError: perf_annotate(): Argument #2 ($value) must be of type string|int|float|bool|null, stdClass given
no error
TypeError: perf_annotate(): Argument #2 ($value) must be of type string|int|float|bool|null, resource given
ArgumentCountError: perf_annotate() expects exactly 2 arguments, 1 given
ok
array(1) {
  ["valid"]=>
  string(3) "yes"
}
