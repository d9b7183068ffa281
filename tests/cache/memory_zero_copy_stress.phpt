--TEST--
Memory driver, zero-copy (php-cgi, forked workers): while one process keeps replacing hot keys and others are SIGKILLed in the middle of writes, readers hold the values they read across the replacements and across perf_request_end() and find them intact; past their pin capacity reads copy, so no store fails
--EXTENSIONS--
pcntl
posix
--CGI--
--INI--
perf.cache_memory=16M
perf.cache_zero_copy=1
--FILE--
<?php
require __DIR__ . '/memory_concurrency.inc';

$requests = mc_iterations(300, 20);
for ($k = 0; $k < 8; $k++) {
	perf_cache_set("hot$k", mc_value($k));
}
$results = sys_get_temp_dir() . '/perf-zc-' . getmypid();
mkdir($results);
/* Headers go out before the fork, so the children's request ends do not send them again. */
echo "start\n";
flush();

$codes = mc_fork(4, function (int $child) use ($requests, $results): int {
	mt_srand($child + 11);
	$torn = 0;
	$failed_stores = 0;
	if ($child === 3) {
		/* The killer: writers SIGKILLed at random points of their stores, deletes and increments. */
		$kills = 0;
		for ($k = 0; $k < mc_iterations(40, 4); $k++) {
			$victim = pcntl_fork();
			if ($victim === 0) {
				for ($i = 0; ; $i++) {
					perf_cache_set('hot' . mt_rand(0, 7), mc_value(mt_rand()));
					perf_cache_set_multiple(['victim' . mt_rand(0, 3) => mc_value($i), 'n' => $i]);
					perf_cache_delete('victim' . mt_rand(0, 3));
					perf_cache_increment('counter');
				}
			}
			usleep(mt_rand(1000, 20000));
			posix_kill($victim, SIGKILL);
			pcntl_waitpid($victim, $status);
			$kills += pcntl_wifsignaled($status) ? 1 : 0;
		}
		file_put_contents("$results/$child", "0 0 $kills");
		return 0;
	}
	for ($r = 0; $r < $requests; $r++) {
		perf_request_begin();
		if ($child === 0) {
			/* The writer: every hot key replaced several times per request. */
			for ($i = 0; $i < 40; $i++) {
				$failed_stores += perf_cache_set('hot' . mt_rand(0, 7), mc_value(mt_rand())) ? 0 : 1;
			}
		} else {
			/* Readers hold what they read while the writer replaces it, and check it after the logical request ended. */
			$held = [];
			for ($i = 0; $i < 40; $i++) {
				$held[] = perf_cache_get('hot' . mt_rand(0, 7));
				usleep(50);
			}
		}
		perf_request_end();
		foreach ($held ?? [] as $value) {
			$torn += mc_intact($value) ? 0 : 1;
		}
	}
	file_put_contents("$results/$child", "$torn $failed_stores");
	return 0;
});

$torn = 0;
$failed = 0;
$kills = 0;
foreach (glob("$results/*") as $file) {
	[$t, $f, $k] = explode(' ', file_get_contents($file)) + [2 => 0];
	$torn += (int) $t;
	$failed += (int) $f;
	$kills += (int) $k;
	unlink($file);
}
rmdir($results);
echo "children exited cleanly: ", count(array_filter($codes, fn($c) => $c === 0)), "\n";
echo "writers killed mid-operation: ", var_export($kills === mc_iterations(40, 4), true), "\n";
echo "torn values held across replacements: $torn\n";
echo "stores that failed (memory not reclaimed): $failed\n";
?>
--EXPECT--
start
children exited cleanly: 4
writers killed mid-operation: true
torn values held across replacements: 0
stores that failed (memory not reclaimed): 0
