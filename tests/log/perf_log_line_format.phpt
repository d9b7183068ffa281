--TEST--
perf_log(): perf.log_format=line writes Monolog's LineFormatter layout, "[]" for an empty context, line breaks as spaces
--INI--
perf.log_file={TMP}/perf_perf_log_line_format.log
perf.log_format=line
pcre.jit=0
--FILE--
<?php
var_dump(perf_log('Queue drained', ['jobs' => 3, 'path' => '/var/q', 'note' => "a\nb"], 'notice', 'worker'));
var_dump(perf_log("two\nlines\rhere"));
// Switchable at runtime, in any case.
var_dump(ini_set('perf.log_format', 'JSON'));
var_dump(perf_log('as json'));

$lines = file(ini_get('perf.log_file'));
var_dump(count($lines));
$time = '\[\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}[+-]\d{2}:\d{2}\]';
var_dump(preg_match("/^$time worker\.NOTICE: Queue drained (\{.*\}) \[\]\n\$/", $lines[0], $m));
var_dump(json_decode($m[1], true, 512, JSON_THROW_ON_ERROR));
var_dump(preg_match("/^$time performance\.INFO: two lines here \[\] \[\]\n\$/", $lines[1]));
var_dump(json_decode($lines[2], true, 512, JSON_THROW_ON_ERROR)['message']);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_log_line_format.log');
?>
--EXPECT--
bool(true)
bool(true)
string(4) "line"
bool(true)
int(3)
int(1)
array(3) {
  ["jobs"]=>
  int(3)
  ["path"]=>
  string(6) "/var/q"
  ["note"]=>
  string(3) "a
b"
}
int(1)
string(7) "as json"
