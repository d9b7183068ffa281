--TEST--
perf_log(): writes one Monolog JSON line at once, with info/performance defaults and the time in date.timezone
--INI--
perf.log_file={TMP}/perf_perf_log_basic.log
date.timezone=Asia/Kolkata
pcre.jit=0
--FILE--
<?php
$log = ini_get('perf.log_file');

function microseconds(array $tv): int
{
    return $tv['sec'] * 1000000 + $tv['usec'];
}

$before = microseconds(gettimeofday());
var_dump(perf_log('Cache warmed', ['keys' => 120, 'source' => 'redis', 'took_ms' => 12.5, 'ok' => true, 'none' => null]));
$after = microseconds(gettimeofday());
var_dump(perf_log('Nothing to add'));

// Written when called, not at request end.
$lines = file($log);
var_dump(count($lines));
var_dump($lines[1]);

$record = json_decode($lines[0], true, 512, JSON_THROW_ON_ERROR);
var_dump($record);

// Asia/Kolkata has no daylight saving time: always +05:30.
var_dump(preg_match('/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}\+05:30$/', $record['datetime']));
$logged = DateTime::createFromFormat('Y-m-d\TH:i:s.uP', $record['datetime']);
$logged = (int) $logged->format('U') * 1000000 + (int) $logged->format('u');
// Taken during the call (a second of slack for clock adjustments).
var_dump($logged >= $before - 1000000 && $logged <= $after + 1000000);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_log_basic.log');
?>
--EXPECTF--
bool(true)
bool(true)
int(2)
string(%d) "{"message":"Nothing to add","context":{},"level":200,"level_name":"INFO","channel":"performance","datetime":"%s","extra":{}}
"
array(7) {
  ["message"]=>
  string(12) "Cache warmed"
  ["context"]=>
  array(5) {
    ["keys"]=>
    int(120)
    ["source"]=>
    string(5) "redis"
    ["took_ms"]=>
    float(12.5)
    ["ok"]=>
    bool(true)
    ["none"]=>
    NULL
  }
  ["level"]=>
  int(200)
  ["level_name"]=>
  string(4) "INFO"
  ["channel"]=>
  string(11) "performance"
  ["datetime"]=>
  string(32) "%s"
  ["extra"]=>
  array(0) {
  }
}
int(1)
bool(true)
