--TEST--
perf_log(): json_last_error() stays the application's, whether its own last encoding failed or perf_log()'s does
--INI--
perf.log_file={TMP}/perf_perf_log_json_last_error.log
--FILE--
<?php
// The application's last encoding failed: logging (successfully) keeps that error.
var_dump(json_encode(NAN));
var_dump(json_last_error() === JSON_ERROR_INF_OR_NAN);
var_dump(perf_log('after a failed encode', ['fine' => 1]));
var_dump(json_last_error() === JSON_ERROR_INF_OR_NAN, json_last_error_msg());

// The application's last encoding succeeded: a context perf_log() cannot fully encode leaves no error behind.
var_dump(json_encode(['ok' => true]));
var_dump(perf_log('unencodable', ['nan' => NAN, 'inf' => INF, 'bad' => "\xff"]));
var_dump(json_last_error() === JSON_ERROR_NONE);

// The record is still written, whole, as one valid line.
$lines = file(ini_get('perf.log_file'));
var_dump(count($lines));
$context = json_decode($lines[1], true, 512, JSON_THROW_ON_ERROR)['context'];
var_dump(array_keys($context), $context['bad']);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_log_json_last_error.log');
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
bool(true)
string(34) "Inf and NaN cannot be JSON encoded"
string(11) "{"ok":true}"
bool(true)
bool(true)
int(2)
array(3) {
  [0]=>
  string(3) "nan"
  [1]=>
  string(3) "inf"
  [2]=>
  string(3) "bad"
}
string(3) "�"
