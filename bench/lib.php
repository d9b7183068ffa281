<?php
/*
 * Shared by the cache benchmark workers (bench/cache_memory.php, cache_file.php, cache_redis.php):
 * the values they store, the timed loop with its calibration and repetitions, the round-trip checks
 * and the reading of the results file. Anything wrong ends the process with status 1 and a message
 * on stderr, prefixed with the worker's name.
 */

const KEY_COUNT = 100;

set_error_handler(static function (int $type, string $message, string $file, int $line): bool {
	if (!(error_reporting() & $type)) {
		return false; // silenced with @: cache_file.php's userland writes try first and make the directories on failure
	}
	fail("$message in $file:$line");
});

function fail(string $message): never
{
	fwrite(STDERR, basename(get_included_files()[0], '.php') . ": $message\n");
	exit(1);
}

/* Every contestant runs in php -n, without OPcache; perf's with perf loaded. */
function check_php(string $who): void
{
	if (extension_loaded('Zend OPcache')) {
		fail('OPcache is loaded; run with php -n');
	}
	if ($who === 'perf' && !function_exists('perf_cache_get')) {
		fail('perf: perf_cache_get() does not exist (extension not loaded)');
	}
}

/*
 * The workloads of the given names, in this order: name => [value, expression that uses the
 * fetched $v, label, kind (string, array or object)].
 */
function select_workloads(string ...$names): array
{
	$object = new stdClass();
	$object->id = 42;
	$object->name = 'Widget';
	$object->price = 19.99;
	$all = [
		'str100' => [str_repeat('a', 90) . '0123456789', 'strlen($v)', '100 B string', 'string'],
		'str10k' => [str_repeat('0123456789', 1024), 'strlen($v)', '10 KB string', 'string'],
		'mixed10' => [[
			'id' => 123, 'count' => 7, 'rank' => -5,
			'name' => 'Alice', 'email' => 'alice@example.com', 'city' => 'Berlin',
			'score' => 98.6, 'active' => true,
			'tags' => ['php', 'cache', 'bench'],
			'note' => 'mixed',
		], 'count($v)', '10-elem mixed array', 'array'],
		'int1000' => [range(1, 1000), 'count($v)', '1000-int array', 'array'],
		'object' => [$object, '$v->id', 'stdClass, 3 props', 'object'],
	];
	return array_intersect_key($all, array_flip($names));
}

/* What a workload's expression gives for the stored value: what each get adds to $acc. */
function use_of(string $use, mixed $v): int
{
	return eval("return $use;");
}

function same(mixed $a, mixed $b): bool
{
	return is_object($a) ? is_object($b) && get_class($a) === get_class($b) && $a == $b : $a === $b;
}

function median(array $values): float
{
	sort($values);
	$n = count($values);
	return $n % 2 ? $values[intdiv($n, 2)] : ($values[$n / 2 - 1] + $values[$n / 2]) / 2;
}

/* CPU time of this process (user + system): below the wall time when it waited (a lock, a socket, another process). */
function cpu_ns(): int
{
	$u = getrusage();
	return ($u['ru_utime.tv_sec'] + $u['ru_stime.tv_sec']) * 1_000_000_000
		+ ($u['ru_utime.tv_usec'] + $u['ru_stime.tv_usec']) * 1000;
}

/* KEY_COUNT keys: the prefix and a number. */
function make_keys(string $prefix): array
{
	$keys = [];
	for ($i = 0; $i < KEY_COUNT; $i++) {
		$keys[] = $prefix . $i;
	}
	return $keys;
}

/*
 * Stores $value under every key and reads it back, once, before anything is timed (the get loop then
 * reads these keys). $store(key): bool and $fetch(key): mixed go through the contestant.
 */
function check_round_trip(string $who, string $workload, array $keys, mixed $value, Closure $store,
	Closure $fetch): void
{
	foreach ($keys as $key) {
		if (!$store($key)) {
			fail("$who: storing the $workload value under $key failed");
		}
		$got = $fetch($key);
		if (!same($got, $value)) {
			fail("$who: the $workload value does not round-trip: stored " . var_export($value, true)
				. ', fetched ' . var_export($got, true));
		}
	}
}

/*
 * A timed loop: $rounds passes of $body. Compiled with eval so every contestant runs the same loop
 * with its own code inlined, with no call in between. $context declares the fourth parameter: the
 * contestant's own state that $body uses (its array, its directory, its client). Returns the wall
 * time, what $body accumulated in $acc, and the CPU time, in ns.
 */
function make_loop(string $body, string $context): Closure
{
	return eval('return static function (array $keys, int $rounds, mixed $value, ' . $context . '): array {
		$acc = 0;
		$cpu = cpu_ns();
		$t = hrtime(true);
		for ($i = 0; $i < $rounds; $i++) {
			' . $body . '
		}
		$t = hrtime(true) - $t;
		return [$t, $acc, cpu_ns() - $cpu];
	};');
}

/* $code once per key: the body of a loop over the keys. */
function per_key(string $code): string
{
	return 'foreach ($keys as $k) { ' . $code . ' }';
}

/* A check of what a loop accumulated: $per_round per round, or the cell named $cell fails. */
function expect_acc(string $cell, int $per_round): Closure
{
	return static function (int $rounds, int $acc) use ($cell, $per_round): void {
		if ($acc !== $rounds * $per_round) {
			fail("$cell: the loop saw other values than stored (accumulated $acc, expected " . $rounds * $per_round . ')');
		}
	};
}

/*
 * The rounds of a loop of about $target_ms: grows it from $first rounds until it takes 20 ms, scales it
 * to the target, runs it once more at that size (the first loops also pay for first touches) and
 * scales again; $min rounds at the least.
 */
function calibrate(Closure $loop, Closure $expect, array $keys, mixed $value, mixed $context, int $target_ms,
	int $first = 1, int $min = 3): int
{
	$rounds = $first;
	for (;;) {
		[$t, $acc] = $loop($keys, $rounds, $value, $context);
		$expect($rounds, $acc);
		if ($t >= 20e6 || $rounds >= 1 << 20) {
			break;
		}
		$rounds *= 2;
	}
	$rounds = max($min, (int) round($rounds * $target_ms * 1e6 / $t));
	[$t, $acc] = $loop($keys, $rounds, $value, $context);
	$expect($rounds, $acc);
	return max($min, (int) round($rounds * $target_ms * 1e6 / $t));
}

/*
 * $reps repetitions of the loop and of an empty loop of the same size, in turn. Returns the units
 * timed and, per unit in ns, the medians of: the loop minus the empty loop, the empty loop, and the
 * loop's CPU time minus the empty loop's.
 */
function measure(Closure $loop, Closure $base, Closure $expect, array $keys, mixed $value, mixed $context, int $rounds,
	int $reps, int $units_per_round): array
{
	$diffs = $bases = $cpus = [];
	for ($i = 0; $i < $reps; $i++) {
		[$tb, , $cb] = $base($keys, $rounds, $value, $context);
		[$t, $acc, $c] = $loop($keys, $rounds, $value, $context);
		$expect($rounds, $acc);
		$diffs[] = $t - $tb;
		$bases[] = $tb;
		$cpus[] = $c - $cb;
	}
	$n = $rounds * $units_per_round;
	return [$n, median($diffs) / $n, median($bases) / $n, median($cpus) / $n];
}

/*
 * The lines of a results file, split into fields; the notes (S and I lines, without their letter)
 * apart: [lines, notes].
 */
function read_results(string $file): array
{
	$lines = $notes = [];
	foreach (file($file, FILE_IGNORE_NEW_LINES) as $line) {
		$f = explode(' ', $line);
		if ($f[0] === 'S' || $f[0] === 'I') {
			$notes[] = implode(' ', array_slice($f, 1));
		} else {
			$lines[] = $f;
		}
	}
	return [$lines, $notes];
}

/* The most rounds any cell ran: $cells[a][b][contestant] is the list of one cell's runs. */
function max_rounds(array $cells): int
{
	$rounds = 0;
	foreach ($cells as $level) {
		foreach ($level as $whos) {
			foreach ($whos as $runs) {
				$rounds = max($rounds, count($runs));
			}
		}
	}
	return $rounds;
}

/*
 * Ratios of $field between runs of the same round (the contestants took turns within it): a round
 * that a burst of other work slowed weighs on neither side once their median is taken.
 */
function per_round(?array $a, ?array $b, string $field): array
{
	$each = [];
	for ($i = 0; $a && $b && $i < min(count($a), count($b)); $i++) {
		if ($b[$i][$field] > 0) {
			$each[] = $a[$i][$field] / $b[$i][$field];
		}
	}
	return $each;
}

/* The median of the per-round ratios, null when there is none. */
function paired(?array $a, ?array $b, string $field): ?float
{
	return ($each = per_round($a, $b, $field)) ? median($each) : null;
}
