--TEST--
perf_log(): after the file is renamed away (logrotate) or deleted the next record starts a new file at perf.log_file; a truncated file is written from its start
--INI--
perf.log_file={TMP}/perf_perf_log_rotation.log
--FILE--
<?php
$log = ini_get('perf.log_file');

function messages(string $path): string
{
    $messages = [];
    foreach (file($path) as $line) {
        $messages[] = json_decode($line, true, 512, JSON_THROW_ON_ERROR)['message'];
    }
    return implode(', ', $messages);
}

var_dump(perf_log('one'));
var_dump(perf_log('two'));
var_dump(rename($log, "$log.1"));
var_dump(perf_log('three'));
echo "rotated: ", messages("$log.1"), "\n";
echo "current: ", messages($log), "\n";

// Deleted: created again.
unlink($log);
var_dump(perf_log('four'));
echo "after delete: ", messages($log), "\n";

// copytruncate: the same file, emptied; appending starts again at offset 0.
var_dump(perf_log('five'));
file_put_contents($log, '');
var_dump(perf_log('six'));
echo "after truncate: ", messages($log), "\n";
var_dump(str_starts_with(file_get_contents($log), '{'));

echo "rotated still: ", messages("$log.1"), "\n";
?>
--CLEAN--
<?php
$log = sys_get_temp_dir() . '/perf_perf_log_rotation.log';
@unlink($log);
@unlink("$log.1");
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
rotated: one, two
current: three
bool(true)
after delete: four
bool(true)
bool(true)
after truncate: six
bool(true)
rotated still: one, two
