<?php
/*
 * Worker of bench/cache_zero_copy.sh: ns per get for one contestant, each workload on 8 keys
 * (4 workloads x 8 keys: within one request's 32 pins, so every zero-copy read is one).
 *   PERF_BENCH_WHO=<perf|perf-zero-copy|apcu> PERF_BENCH_REPS=<reps> php cache_zero_copy.php
 * (the zero-copy contestant runs under php-cgi, where reads are zero-copy; the CLI copies).
 * Prints "workload ns_per_get" lines (median of reps, an empty loop subtracted).
 */
$who = getenv('PERF_BENCH_WHO');
$reps = (int) getenv('PERF_BENCH_REPS');
$keys_per_workload = 8;
$workloads = [
	'100 B string' => str_repeat('x', 100),
	'10 KB string' => str_repeat('y', 10240),
	'10-elem mixed array' => ['id' => 42, 'name' => 'widget', 'price' => 9.99, 'tags' => ['a', 'b'], 'active' => true,
		'stock' => 17, 'sku' => 'W-42', 'weight' => 1.5, 'color' => 'red', 'size' => 'M'],
	'1000-int array' => range(1, 1000),
];
$set = $who === 'apcu' ? 'apcu_store' : 'perf_cache_set';
$get = $who === 'apcu' ? 'apcu_fetch' : 'perf_cache_get';
foreach ($workloads as $name => $value) {
	$keys = [];
	for ($i = 0; $i < $keys_per_workload; $i++) {
		$keys[] = "zc:$name:$i";
		$set("zc:$name:$i", $value);
		if ($get("zc:$name:$i") !== $value) {
			file_put_contents('php://stderr', "$who: $name does not round-trip\n");
			exit(1);
		}
	}
	$rounds = max(1, (int) (12e6 / (strlen(serialize($value)) + 200)));
	$times = [];
	for ($r = 0; $r < $reps; $r++) {
		$t0 = hrtime(true);
		for ($n = 0; $n < $rounds; $n++) {
			foreach ($keys as $k) {
				$v = $get($k);
			}
		}
		$t1 = hrtime(true);
		for ($n = 0; $n < $rounds; $n++) {
			foreach ($keys as $k) {
				$v = $value;
			}
		}
		$t2 = hrtime(true);
		$times[] = (($t1 - $t0) - ($t2 - $t1)) / ($rounds * $keys_per_workload);
	}
	sort($times);
	printf("%s\t%.1f\n", $name, $times[intdiv(count($times), 2)]);
}
