<?php
/*
 * Worker of bench/cache_file.sh. Each contestant runs in its own `php -n` process, on its own fresh
 * directory:
 *   perf         perf's file driver (perf.cache_driver=file, perf.cache_dir set by the caller's -d):
 *                perf_cache_get() / perf_cache_set()
 *   userland     the same sharding (<dir>/ab/cd/<sha1 of the key>) in PHP:
 *                file_put_contents($path, serialize($v), LOCK_EX) / unserialize(file_get_contents($path))
 *   user-atomic  as userland, but written to a temporary file and renamed over the entry, as perf
 *                does (a reader never sees half an entry; LOCK_EX does not keep file_get_contents()
 *                from reading a file being rewritten)
 * Both perf and the userland code compute the path from the key at every call (sha1, as perf does).
 *
 *   php cache_file.php single <contestant> <workload> <reps> <target_ms> <dir>
 *       one line per op: "R contestant workload op n ns_per_op baseline_ns_per_op"
 *   php cache_file.php report <results file>
 *       the tables
 * Anything wrong (a value that does not round-trip, a failed store) ends the process with status 1
 * and a message on stderr.
 */

const KEY_COUNT = 100;

set_error_handler(static function (int $type, string $message, string $file, int $line): bool {
	if (!(error_reporting() & $type)) {
		return false; // silenced with @: the userland writes try first and make the directories on failure
	}
	fail("$message in $file:$line");
});

function fail(string $message): never
{
	fwrite(STDERR, "cache_file: $message\n");
	exit(1);
}

function workloads(): array
{
	return [
		// name => [value, expression that uses the fetched $v, label]
		'str100' => [str_repeat('a', 90) . '0123456789', 'strlen($v)', '100 B string'],
		'mixed10' => [[
			'id' => 123, 'count' => 7, 'rank' => -5,
			'name' => 'Alice', 'email' => 'alice@example.com', 'city' => 'Berlin',
			'score' => 98.6, 'active' => true,
			'tags' => ['php', 'cache', 'bench'],
			'note' => 'mixed',
		], 'count($v)', '10-elem mixed array'],
		'int1000' => [range(1, 1000), 'count($v)', '1000-int array'],
	];
}

const CONTESTANTS = ['perf', 'userland', 'user-atomic'];

/* The path of a key, as PHP code over $k and $dir: <dir>/ab/cd/<sha1>, like perf's driver. */
const USER_PATH = '$h = sha1($k); $p = $dir . "/" . $h[0] . $h[1] . "/" . $h[2] . $h[3] . "/" . $h;';

/* The operations of each contestant, as PHP code over $k (the key), $value and $dir; $v gets the value. */
function contestant_ops(string $who): array
{
	return match ($who) {
		'perf' => ['get' => '$v = perf_cache_get($k);', 'set' => '$ok = perf_cache_set($k, $value);'],
		'userland' => [
			'get' => USER_PATH . ' $v = unserialize(file_get_contents($p));',
			// The shard directories are made on the first failed write, as userland caches do.
			'set' => USER_PATH . ' $ok = @file_put_contents($p, serialize($value), LOCK_EX) !== false
				|| (is_dir(dirname($p)) || mkdir(dirname($p), 0700, true)) && file_put_contents($p, serialize($value), LOCK_EX) !== false;',
		],
		'user-atomic' => [
			'get' => USER_PATH . ' $v = unserialize(file_get_contents($p));',
			'set' => USER_PATH . ' $tmp = $p . ".tmp"; $ok = (@file_put_contents($tmp, serialize($value)) !== false
				|| (is_dir(dirname($p)) || mkdir(dirname($p), 0700, true)) && file_put_contents($tmp, serialize($value)) !== false)
				&& rename($tmp, $p);',
		],
		default => fail("unknown contestant $who"),
	};
}

function check_contestant(string $who): void
{
	if (extension_loaded('Zend OPcache')) {
		fail('OPcache is loaded; run with php -n');
	}
	if ($who === 'perf') {
		if (!function_exists('perf_cache_get')) {
			fail('perf: perf_cache_get() does not exist (extension not loaded)');
		}
		$s = perf_cache_stats();
		if ($s['driver'] !== 'file' || !$s['available']) {
			fail('perf: the cache driver is ' . $s['driver'] . ($s['available'] ? '' : ' (unavailable)')
				. ', not an available file driver (perf.cache_driver=file, perf.cache_dir?)');
		}
	} elseif (extension_loaded('perf')) {
		fail("$who: perf is loaded; the userland contestants run without it");
	}
}

/*
 * A timed loop: $rounds passes over the keys, the code once per key. Compiled with eval so every
 * contestant runs the same loop with its own code inlined, with no call in between.
 */
function make_loop(string $body): Closure
{
	return eval('return static function (array $keys, int $rounds, mixed $value, string $dir): array {
		$acc = 0;
		$t = hrtime(true);
		for ($r = 0; $r < $rounds; $r++) {
			foreach ($keys as $k) {
				' . $body . '
			}
		}
		$t = hrtime(true) - $t;
		return [$t, $acc];
	};');
}

function median(array $values): float
{
	sort($values);
	$n = count($values);
	return $n % 2 ? $values[intdiv($n, 2)] : ($values[$n / 2 - 1] + $values[$n / 2]) / 2;
}

/* One operation, outside the timed loops, through the same code. */
function once(string $code, string $k, mixed $value, string $dir): array
{
	$v = $ok = null;
	eval($code);
	return ['v' => $v, 'ok' => $ok];
}

function run_single(string $who, string $workload, int $reps, int $target_ms, string $dir): void
{
	check_contestant($who);
	[$value, $use] = workloads()[$workload] ?? fail("unknown workload $workload");
	$ops = contestant_ops($who);
	if ($who !== 'perf' && !is_dir($dir) && !mkdir($dir, 0700, true)) {
		fail("$who: cannot make $dir");
	}

	foreach (['get', 'set'] as $op) {
		$keys = [];
		for ($i = 0; $i < KEY_COUNT; $i++) {
			$keys[] = "bench:$op:$workload:$i";
		}
		// Round trip, once, before anything is timed; the get loop then reads these keys.
		foreach ($keys as $key) {
			if (!once($ops['set'], $key, $value, $dir)['ok']) {
				fail("$who: storing the $workload value under $key failed");
			}
			$got = once($ops['get'], $key, $value, $dir)['v'];
			if ($got !== $value) {
				fail("$who: the $workload value does not round-trip: stored " . var_export($value, true)
					. ', fetched ' . var_export($got, true));
			}
		}
		if ($op === 'get') {
			$loop = make_loop($ops['get'] . ' $acc += ' . $use . ';');
			$base = make_loop('$v = $value; $acc += ' . $use . ';');
		} else {
			$loop = make_loop($ops['set'] . ' $acc += $ok ? 1 : 0;');
			$base = make_loop('$ok = (bool) $value; $acc += $ok ? 1 : 0;');
		}
		$per = $op === 'get' ? (static fn ($v) => eval("return $use;"))($value) : 1;
		$expect = static function (int $rounds, int $acc) use ($op, $per, $who, $workload): void {
			if ($acc !== $rounds * KEY_COUNT * $per) {
				fail("$who $op $workload: the loop saw other values than stored (accumulated $acc, expected "
					. $rounds * KEY_COUNT * $per . ')');
			}
		};

		// Calibrate: grow until one loop takes 20 ms, scale to the target, then once more at that size.
		$rounds = 1;
		for (;;) {
			[$t, $acc] = $loop($keys, $rounds, $value, $dir);
			$expect($rounds, $acc);
			if ($t >= 20e6 || $rounds >= 1 << 20) {
				break;
			}
			$rounds *= 2;
		}
		$rounds = max(3, (int) round($rounds * $target_ms * 1e6 / $t));
		[$t, $acc] = $loop($keys, $rounds, $value, $dir);
		$expect($rounds, $acc);
		$rounds = max(3, (int) round($rounds * $target_ms * 1e6 / $t));

		$diffs = $bases = [];
		for ($i = 0; $i < $reps; $i++) {
			[$tb] = $base($keys, $rounds, $value, $dir);
			[$t, $acc] = $loop($keys, $rounds, $value, $dir);
			$expect($rounds, $acc);
			$diffs[] = $t - $tb;
			$bases[] = $tb;
		}
		$n = $rounds * KEY_COUNT;
		printf("R %s %s %s %d %.1f %.1f\n", $who, $workload, $op, $n, median($diffs) / $n, median($bases) / $n);

		if ($op === 'set' && once($ops['get'], $keys[0], $value, $dir)['v'] !== $value) {
			fail("$who set $workload: the value read back after the timed stores differs");
		}
	}
	if ($who === 'perf') {
		$s = perf_cache_stats();
		printf("S perf %s errors=%d misses=%d entries=%d\n", $workload, $s['errors'], $s['misses'], $s['entries']);
		if ($s['errors'] !== 0 || $s['misses'] !== 0) {
			fail("perf $workload: the file driver counted {$s['errors']} errors and {$s['misses']} misses");
		}
	}
}

function report(string $file): void
{
	$cells = $notes = [];
	foreach (file($file, FILE_IGNORE_NEW_LINES) as $line) {
		$f = explode(' ', $line);
		if ($f[0] === 'R') {
			$cells[$f[3]][$f[2]][$f[1]][] = ['n' => (int) $f[4], 'ns' => (float) $f[5], 'base' => (float) $f[6]];
		} elseif ($f[0] === 'S' || $f[0] === 'I') {
			$notes[] = implode(' ', array_slice($f, 1));
		}
	}
	$med = static fn (?array $runs): ?float => $runs ? median(array_column($runs, 'ns')) : null;
	$fmt = static fn (?float $v): string => $v === null ? '-' : sprintf('%.0f', $v);
	// Ratios of runs of the same round (the contestants took turns within it), and their median: a
	// round that a burst of other work (or of writeback) slowed weighs on neither side.
	$per_round = static function (?array $a, ?array $b): array {
		$each = [];
		for ($i = 0; $a && $b && $i < min(count($a), count($b)); $i++) {
			if ($b[$i]['ns'] > 0) {
				$each[] = $a[$i]['ns'] / $b[$i]['ns'];
			}
		}
		return $each;
	};
	$ratio = static fn (?array $a, ?array $b): string => ($each = $per_round($a, $b)) ? sprintf('%.2f', median($each)) : '-';
	$rounds = 0;
	foreach ($cells as $workloads) {
		foreach ($workloads as $whos) {
			foreach ($whos as $runs) {
				$rounds = max($rounds, count($runs));
			}
		}
	}
	foreach (['get', 'set'] as $op) {
		if (empty($cells[$op])) {
			continue;
		}
		echo "\n== $op: ns per operation (median of the repetitions, empty loop subtracted; median of $rounds round(s));"
			. " ratio < 1 = perf faster,\n   the median of the per-round ratios\n";
		printf("%-20s %9s %9s %9s %11s %13s %12s  %s\n", 'workload', 'N', 'perf', 'userland', 'user-atomic',
			'perf/userland', 'perf/atomic', 'perf/userland per round');
		foreach (workloads() as $name => [, , $label]) {
			$row = $cells[$op][$name] ?? null;
			if (!$row) {
				continue;
			}
			$p = $row['perf'] ?? null;
			$u = $row['userland'] ?? null;
			$a = $row['user-atomic'] ?? null;
			$each = array_map(static fn (float $x): string => sprintf('%.2f', $x), $per_round($p, $u));
			printf("%-20s %9s %9s %9s %11s %13s %12s  %s\n", $label, $p[0]['n'] ?? '-', $fmt($med($p)), $fmt($med($u)),
				$fmt($med($a)), $ratio($p, $u), $ratio($p, $a), implode(' ', $each));
		}
	}
	if ($notes) {
		echo "\n", implode("\n", array_unique($notes)), "\n";
	}
}

$mode = $argv[1] ?? '';
match ($mode) {
	'single' => run_single($argv[2], $argv[3], (int) $argv[4], (int) $argv[5], $argv[6]),
	'report' => report($argv[2]),
	default => fail('usage: cache_file.php single|report ...'),
};
