--TEST--
Memory driver: 4 forked processes x 100k mixed operations on checksummed values: no torn read, exact counter
--EXTENSIONS--
pcntl
posix
--INI--
perf.cache_enable_cli=1
perf.cache_memory=32M
--FILE--
<?php
require __DIR__ . '/memory_concurrency.inc';

$children = 4;
$ops = mc_iterations(100000, 3000);
perf_cache_clear();
$results = sys_get_temp_dir() . '/perf-stress-' . getmypid();
mkdir($results);

$codes = mc_fork($children, function (int $child) use ($ops, $results): int {
	mt_srand($child + 1);
	$torn = 0;
	$increments = 0;
	for ($i = 0; $i < $ops; $i++) {
		$key = 'k' . mt_rand(0, 199);
		$dice = mt_rand(0, 99);
		if ($dice < 60) {
			$torn += mc_intact(perf_cache_get($key)) ? 0 : 1;
		} elseif ($dice < 85) {
			perf_cache_set($key, mc_value(mt_rand()));
		} elseif ($dice < 90) {
			perf_cache_delete($key);
		} else {
			if (perf_cache_increment('counter') !== false) {
				$increments++;
			}
		}
	}
	file_put_contents("$results/$child", "$torn $increments");
	return $torn === 0 ? 0 : 1;
});

$torn = 0;
$increments = 0;
foreach (glob("$results/*") as $file) {
	[$t, $n] = explode(' ', file_get_contents($file));
	$torn += (int) $t;
	$increments += (int) $n;
	unlink($file);
}
rmdir($results);
echo "children exited cleanly: ", count(array_filter($codes, fn($c) => $c === 0)), "\n";
echo "torn reads: $torn\n";
echo "counter equals the successful increments: ", var_export(perf_cache_get('counter') === $increments, true), "\n";
echo "every increment succeeded: ", var_export($increments > $children * $ops / 20, true), "\n";
$intact = true;
for ($k = 0; $k < 200; $k++) {
	$intact = $intact && mc_intact(perf_cache_get("k$k"));
}
echo "final values intact: ", var_export($intact, true), "\n";
$stats = perf_cache_stats();
echo "stats consistent: ", var_export($stats['memory_used'] + $stats['memory_free'] === $stats['memory_size']
	&& $stats['errors'] === 0, true), "\n";
?>
--EXPECT--
children exited cleanly: 4
torn reads: 0
counter equals the successful increments: true
every increment succeeded: true
final values intact: true
stats consistent: true
