--TEST--
File driver: an entry is replaced atomically: while a forked writer keeps replacing a 200 KB value, every read is one of the complete values, never a torn or a missing one
--EXTENSIONS--
pcntl
--INI--
perf.cache_driver=file
perf.cache_dir={TMP}/perf-file-atomic
--FILE--
<?php
require __DIR__ . '/file_driver.inc';
$dir = file_fresh_dir();
$reads = getenv('USE_ZEND_ALLOC') === '0' ? 200 : 2000;

// One raw string and one serialized array, each carrying the checksum of its payload.
$payloadA = str_repeat('A', 200000);
$payloadB = str_repeat('B', 199999);
$a = crc32($payloadA) . ':' . $payloadA;
$b = ['crc' => crc32($payloadB), 'payload' => $payloadB];
$stop = "$dir-stop";
$done = "$dir-writes";
@unlink($stop);

perf_cache_set('hot', $a);
$writer = pcntl_fork();
if ($writer === 0) {
    $writes = 0;
    while (!file_exists($stop)) {
        $ok = perf_cache_set('hot', $writes % 2 ? $a : $b);
        $writes += $ok ? 1 : 0;
    }
    file_put_contents($done, (string) $writes);
    exit(0);
}

$intact = $missing = $torn = $seen_a = $seen_b = 0;
/* Read on until the writer's alternation has been seen, however late the scheduler starts it. */
for ($i = 0; $i < $reads || (($seen_a < 3 || $seen_b < 3) && $i < $reads * 50); $i++) {
    $value = perf_cache_get('hot');
    if ($value === null) {
        $missing++;
    } elseif ($value === $a || $value === $b) {
        $intact++;
        $value === $a ? $seen_a++ : $seen_b++;
    } else {
        $torn++;
    }
}
touch($stop);
pcntl_waitpid($writer, $status);
$writes = (int) file_get_contents($done);
unlink($stop);
unlink($done);

echo "intact reads: ", $intact === $i ? 'all' : $intact, "\n";
echo "torn reads: $torn\n";
echo "missing reads: $missing\n";
echo "the writer replaced the value many times while it was read: ", var_export($writes > 10 && $seen_a >= 3 && $seen_b >= 3, true), "\n";
echo "writer exited cleanly: ", var_export(pcntl_wifexited($status) && pcntl_wexitstatus($status) === 0, true), "\n";
$value = perf_cache_get('hot');
echo "final value complete: ", var_export($value === $a || $value === $b, true), "\n";
echo "files in the shard: ", implode(' ', array_map(fn (string $f) => $f === basename(file_entry_path('hot')) ? 'entry' : $f,
    array_values(array_diff(scandir(dirname(file_entry_path('hot'))), ['.', '..'])))), "\n";
var_dump(perf_cache_stats()['errors']);
?>
--CLEAN--
<?php
require __DIR__ . '/file_driver.inc';
file_clean(sys_get_temp_dir() . '/perf-file-atomic');
?>
--EXPECT--
intact reads: all
torn reads: 0
missing reads: 0
the writer replaced the value many times while it was read: true
writer exited cleanly: true
final value complete: true
files in the shard: entry
int(0)
