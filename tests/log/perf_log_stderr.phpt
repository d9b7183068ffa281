--TEST--
perf_log(): perf.log_file=/dev/stderr writes the records to the process's stderr, as containers expect
--FILE--
<?php
$php = getenv('TEST_PHP_EXECUTABLE');
$args = getenv('TEST_PHP_EXTRA_ARGS');
$cmd = "$php $args -d perf.log_file=/dev/stderr -r " . escapeshellarg('var_dump(perf_log("one", ["n" => 1]), perf_log("two", [], "error"));');
$proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
$out = stream_get_contents($pipes[1]);
$err = stream_get_contents($pipes[2]);
proc_close($proc);
echo $out;
foreach (explode("\n", trim($err)) as $line) {
	$record = json_decode($line, true, 512, JSON_THROW_ON_ERROR);
	echo $record['message'], ' ', $record['level_name'], ' ', json_encode($record['context']), "\n";
}
?>
--EXPECT--
bool(true)
bool(true)
one INFO {"n":1}
two ERROR []
