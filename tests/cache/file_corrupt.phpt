--TEST--
File driver: a corrupt, truncated, foreign or empty entry file is a miss without a warning and is removed; the entries next to it still read
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-corrupt
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
file_fresh_dir();
set_error_handler(function (int $type, string $message): bool {
    echo "unexpected diagnostic: $message\n";
    return true;
});

$value = str_repeat('0123456789', 100);
$damages = [
    'a byte flipped in the middle' => fn (string $p) => file_flip_byte($p, intdiv(filesize($p), 2)),
    'a byte flipped in the header (expiry)' => fn (string $p) => file_flip_byte($p, 8),
    'the last byte flipped' => fn (string $p) => file_flip_byte($p, -1),
    'truncated to half' => fn (string $p) => file_put_contents($p, substr(file_get_contents($p), 0, intdiv(filesize($p), 2))),
    'truncated to the header' => fn (string $p) => file_put_contents($p, substr(file_get_contents($p), 0, 40)),
    'one byte too many' => fn (string $p) => file_put_contents($p, "\0", FILE_APPEND),
    'another magic' => fn (string $p) => file_put_contents($p, 'XXXX' . substr(file_get_contents($p), 4)),
    'a foreign file (PNG)' => fn (string $p) => file_put_contents($p, "\x89PNG\r\n\x1a\n" . str_repeat("\0", 200)),
    'an empty file' => fn (string $p) => file_put_contents($p, ''),
];

foreach ($damages as $what => $damage) {
    echo "-- $what\n";
    perf_cache_set('neighbour', ['n' => 1]);
    perf_cache_set('victim', $value);
    $path = file_entry_path('victim');
    $damage($path);
    $errors = file_counter_delta('errors', function () use (&$got) {
        $got = perf_cache_get('victim', 'MISS');
    });
    var_dump($got, file_exists($path), $errors, perf_cache_get('neighbour') === ['n' => 1]);
    // Stored again, it reads back.
    var_dump(perf_cache_set('victim', $value), perf_cache_get('victim') === $value);
}

echo "-- has(), remember() and increment() on a damaged entry\n";
perf_cache_set('h', 'v');
file_flip_byte(file_entry_path('h'), -1);
var_dump(perf_cache_has('h'), file_exists(file_entry_path('h')));
perf_cache_set('r', 'stored');
file_flip_byte(file_entry_path('r'), -1);
var_dump(perf_cache_remember('r', 0, fn () => 'recomputed'), perf_cache_get('r'));
perf_cache_set('n', 41);
file_put_contents(file_entry_path('n'), '');
var_dump(perf_cache_increment('n', 5), perf_cache_get('n'));

echo "-- an intact entry of another key at this key's path: a miss, never the other key's value\n";
perf_cache_set('mine', 'mine');
perf_cache_set('theirs', 'theirs');
copy(file_entry_path('theirs'), file_entry_path('mine'));
var_dump(perf_cache_get('mine', 'MISS'), perf_cache_has('mine'), perf_cache_get('theirs'));

echo "-- the neighbour was never disturbed\n";
var_dump(perf_cache_get('neighbour'));
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
file_clean(sys_get_temp_dir() . '/perf-file-corrupt');
?>
--EXPECT--
-- a byte flipped in the middle
string(4) "MISS"
bool(false)
int(1)
bool(true)
bool(true)
bool(true)
-- a byte flipped in the header (expiry)
string(4) "MISS"
bool(false)
int(1)
bool(true)
bool(true)
bool(true)
-- the last byte flipped
string(4) "MISS"
bool(false)
int(1)
bool(true)
bool(true)
bool(true)
-- truncated to half
string(4) "MISS"
bool(false)
int(1)
bool(true)
bool(true)
bool(true)
-- truncated to the header
string(4) "MISS"
bool(false)
int(1)
bool(true)
bool(true)
bool(true)
-- one byte too many
string(4) "MISS"
bool(false)
int(1)
bool(true)
bool(true)
bool(true)
-- another magic
string(4) "MISS"
bool(false)
int(1)
bool(true)
bool(true)
bool(true)
-- a foreign file (PNG)
string(4) "MISS"
bool(false)
int(1)
bool(true)
bool(true)
bool(true)
-- an empty file
string(4) "MISS"
bool(false)
int(1)
bool(true)
bool(true)
bool(true)
-- has(), remember() and increment() on a damaged entry
bool(false)
bool(false)
string(10) "recomputed"
string(10) "recomputed"
int(5)
int(5)
-- an intact entry of another key at this key's path: a miss, never the other key's value
string(4) "MISS"
bool(false)
string(6) "theirs"
-- the neighbour was never disturbed
array(1) {
  ["n"]=>
  int(1)
}
