--TEST--
Metrics: processes SIGKILLed while creating series and updating never wedge the others; no half-made series is ever rendered
--EXTENSIONS--
pcntl
posix
--INI--
perf.log_file={TMP}/perf_perf_metrics_kill.log
perf.metrics_max_series=5000
--FILE--
<?php
require __DIR__ . '/metrics.inc';

$valgrind = getenv('USE_ZEND_ALLOC') === '0';
$victims = $valgrind ? 10 : 60;
for ($v = 0; $v < $victims; $v++) {
	$pid = pcntl_fork();
	if ($pid === 0) {
		for ($i = 0; ; $i++) {
			perf_counter_inc('app_victim_total', 1, ['n' => "$v-" . ($i % 20)]);
			fake_request();
		}
	}
	usleep($valgrind ? random_int(50000, 150000) : random_int(100, 3000));
	posix_kill($pid, SIGKILL);
	pcntl_waitpid($pid, $status);
}
/* A stuck lock would hang here: the alarm turns that into a failure. */
pcntl_async_signals(true);
pcntl_signal(SIGALRM, function () { echo "hung\n"; exit(1); });
pcntl_alarm(20);
var_dump(perf_counter_inc('app_survivor_total', 1, ['after' => 'kills']));
$text = perf_metrics();
pcntl_alarm(0);
var_dump(metric('app_survivor_total{after="kills"}', $text));
/* Every rendered series of the victims is complete: name, labels and value. */
$bad = 0;
foreach (explode("\n", $text) as $line) {
	if (str_starts_with($line, 'app_victim_total') && !preg_match('/^app_victim_total\{n="\d+-\d+"\} [1-9]\d*$/', $line)) {
		$bad++;
	}
}
var_dump($bad, metric('perf_metrics_series', $text) > $victims);
?>
--EXPECT--
bool(true)
float(1)
int(0)
bool(true)
