<?php
/*
 * Worker of bench/cache_zero_copy.sh: ns per get for one contestant, each workload on 100 keys.
 *   php cache_zero_copy.php <perf|perf-zero-copy|apcu> <reps>
 * Prints "workload ns_per_get" lines (median of reps, an empty loop subtracted).
 */
$who = $argv[1];
$reps = (int) $argv[2];
$workloads = [
	'100 B string' => str_repeat('x', 100),
	'10 KB string' => str_repeat('y', 10240),
	'10-elem mixed array' => ['id' => 42, 'name' => 'widget', 'price' => 9.99, 'tags' => ['a', 'b'], 'active' => true,
		'stock' => 17, 'sku' => 'W-42', 'weight' => 1.5, 'color' => 'red', 'size' => 'M'],
	'1000-int array' => range(1, 1000),
];
$set = $who === 'apcu' ? 'apcu_store' : 'perf_cache_set';
$get = $who === 'apcu' ? 'apcu_fetch' : 'perf_cache_get';
if ($who === 'perf-zero-copy') {
	/* A CLI script is one long request: zero-copy reads need it marked, as a worker loop would. */
	perf_request_begin();
}
foreach ($workloads as $name => $value) {
	$keys = [];
	for ($i = 0; $i < 100; $i++) {
		$keys[] = "zc:$name:$i";
		$set("zc:$name:$i", $value);
		if ($get("zc:$name:$i") !== $value) {
			fwrite(STDERR, "$who: $name does not round-trip\n");
			exit(1);
		}
	}
	$rounds = max(1, (int) (2e6 / (strlen(serialize($value)) + 200)));
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
		$times[] = (($t1 - $t0) - ($t2 - $t1)) / ($rounds * 100);
	}
	sort($times);
	printf("%s\t%.1f\n", $name, $times[intdiv(count($times), 2)]);
}
