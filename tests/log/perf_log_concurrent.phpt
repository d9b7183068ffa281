--TEST--
perf_log(): large records from concurrent processes never interleave, each lands whole on its own line
--INI--
perf.log_file={TMP}/perf_perf_log_concurrent.log
--FILE--
<?php
require __DIR__ . '/../request/helpers.inc';

$log = ini_get('perf.log_file');
$script = perf_script('perf_log_concurrent', '<?php
$writer = $argv[1];
$payload = str_repeat($writer, 100000);
for ($i = 0; $i < 25; $i++) {
    if (!perf_log($payload, ["writer" => $writer, "seq" => $i, "tail" => $payload])) {
        echo "write failed\n";
    }
}
');
$procs = [];
foreach (['a', 'b', 'c', 'd'] as $writer) {
    $cmd = perf_command(getenv('TEST_PHP_EXECUTABLE'), []) . ' -f ' . escapeshellarg($script) . " $writer";
    $procs[$writer] = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes, null, perf_env([]));
    $outputs[$writer] = $pipes[1];
}
foreach ($procs as $writer => $proc) {
    echo stream_get_contents($outputs[$writer]);
    fclose($outputs[$writer]);
    proc_close($proc);
}

$seen = ['a' => [], 'b' => [], 'c' => [], 'd' => []];
$intact = true;
$lines = 0;
foreach (new SplFileObject($log) as $line) {
    if ($line === '') {
        continue;
    }
    $lines++;
    $record = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
    $writer = $record['context']['writer'];
    $seen[$writer][] = $record['context']['seq'];
    $payload = str_repeat($writer, 100000);
    $intact = $intact && $record['message'] === $payload && $record['context']['tail'] === $payload;
}
var_dump($lines, $intact);
foreach ($seen as $writer => $seqs) {
    echo $writer, ': ', $seqs === range(0, 24) ? 'all 25 in order' : implode(',', $seqs), "\n";
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_log_concurrent.php');
@unlink(sys_get_temp_dir() . '/perf_perf_log_concurrent.log');
?>
--EXPECT--
int(100)
bool(true)
a: all 25 in order
b: all 25 in order
c: all 25 in order
d: all 25 in order
