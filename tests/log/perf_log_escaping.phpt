--TEST--
perf_log(): line breaks, quotes, invalid UTF-8, nesting and objects in message, channel and context still make one valid JSON line each
--INI--
perf.log_file={TMP}/perf_perf_log_escaping.log
--FILE--
<?php
class Money implements JsonSerializable
{
    public function jsonSerialize(): mixed
    {
        return ['amount' => 10, 'currency' => 'EUR'];
    }
}

$nasty = "a\nb\r\"c\"\\d\te\xff/é€\u{2028}";
$fixed = "a\nb\r\"c\"\\d\te\u{FFFD}/é€\u{2028}";
$context = [
    $nasty => $nasty,
    'nested' => ['list' => [1, 2.0, null], 'deep' => ['deeper' => ['deepest' => $nasty]]],
    'object' => (object) ['x' => 1],
    'money' => new Money(),
    'float' => 1.0,
];
var_dump(perf_log($nasty, $context, 'error', "chan\nnel\xff"));

$content = file_get_contents(ini_get('perf.log_file'));
var_dump(substr_count($content, "\n"));
$record = json_decode($content, true, 512, JSON_THROW_ON_ERROR);
var_dump($record['message'] === $fixed, $record['channel'] === "chan\nnel\u{FFFD}");
var_dump($record['context'][$fixed] === $fixed);
var_dump($record['context']['nested']['deep']['deeper']['deepest'] === $fixed);
var_dump($record['context']['nested']['list'], $record['context']['object'], $record['context']['money']);
// Monolog's JSON: slashes and Unicode unescaped, whole floats keep their fraction.
var_dump(str_contains($content, '/é€'), str_contains($content, '\\/'), str_contains($content, '"float":1.0'));
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_log_escaping.log');
?>
--EXPECT--
bool(true)
int(1)
bool(true)
bool(true)
bool(true)
bool(true)
array(3) {
  [0]=>
  int(1)
  [1]=>
  float(2)
  [2]=>
  NULL
}
array(1) {
  ["x"]=>
  int(1)
}
array(2) {
  ["amount"]=>
  int(10)
  ["currency"]=>
  string(3) "EUR"
}
bool(true)
bool(false)
bool(true)
