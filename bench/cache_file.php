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

require __DIR__ . '/lib.php';

function workloads(): array
{
	return select_workloads('str100', 'mixed10', 'int1000');
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
	check_php($who);
	if ($who === 'perf') {
		$s = perf_cache_stats();
		if ($s['driver'] !== 'file' || !$s['available']) {
			fail('perf: the cache driver is ' . $s['driver'] . ($s['available'] ? '' : ' (unavailable)')
				. ', not an available file driver (perf.cache_driver=file, perf.cache_dir?)');
		}
	} elseif (extension_loaded('perf')) {
		fail("$who: perf is loaded; the userland contestants run without it");
	}
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
	$store = static fn (string $key): bool => (bool) once($ops['set'], $key, $value, $dir)['ok'];
	$fetch = static fn (string $key): mixed => once($ops['get'], $key, $value, $dir)['v'];

	foreach (['get', 'set'] as $op) {
		$keys = make_keys("bench:$op:$workload:");
		check_round_trip($who, $workload, $keys, $value, $store, $fetch);
		if ($op === 'get') {
			$loop = make_loop(per_key($ops['get'] . ' $acc += ' . $use . ';'), 'string $dir');
			$base = make_loop(per_key('$v = $value; $acc += ' . $use . ';'), 'string $dir');
		} else {
			$loop = make_loop(per_key($ops['set'] . ' $acc += $ok ? 1 : 0;'), 'string $dir');
			$base = make_loop(per_key('$ok = (bool) $value; $acc += $ok ? 1 : 0;'), 'string $dir');
		}
		$expect = expect_acc("$who $op $workload", KEY_COUNT * ($op === 'get' ? use_of($use, $value) : 1));
		$rounds = calibrate($loop, $expect, $keys, $value, $dir, $target_ms);
		[$n, $ns, $base_ns] = measure($loop, $base, $expect, $keys, $value, $dir, $rounds, $reps, KEY_COUNT);
		printf("R %s %s %s %d %.1f %.1f\n", $who, $workload, $op, $n, $ns, $base_ns);

		if ($op === 'set' && !same($fetch($keys[0]), $value)) {
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
	$cells = [];
	[$lines, $notes] = read_results($file);
	foreach ($lines as $f) {
		if ($f[0] === 'R') {
			$cells[$f[3]][$f[2]][$f[1]][] = ['n' => (int) $f[4], 'ns' => (float) $f[5], 'base' => (float) $f[6]];
		}
	}
	$med = static fn (?array $runs): ?float => $runs ? median(array_column($runs, 'ns')) : null;
	$fmt = static fn (?float $v): string => $v === null ? '-' : sprintf('%.0f', $v);
	// Ratios of runs of the same round, and their median (see per_round()).
	$ratio = static fn (?array $a, ?array $b): string => ($r = paired($a, $b, 'ns')) !== null ? sprintf('%.2f', $r) : '-';
	$rounds = max_rounds($cells);
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
			$each = array_map(static fn (float $x): string => sprintf('%.2f', $x), per_round($p, $u, 'ns'));
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
