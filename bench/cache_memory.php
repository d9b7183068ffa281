<?php
/*
 * Worker of bench/cache_memory.sh. Each contestant runs in its own `php -n` process with only its
 * extension loaded; this file knows the contestants by name:
 *   perf          perf's memory driver   perf_cache_get() / perf_cache_set()
 *   apcu-default  APCu, apc.serializer=default (set by the caller's -d)   apcu_fetch() / apcu_store()
 *   apcu-php      APCu, apc.serializer=php
 *   array         a PHP array in the process: $cache[$k] = $v; $v = $cache[$k]
 *
 *   php cache_memory.php single <contestant> <workload> <reps> <target_ms>
 *       one line per op: "R contestant workload op n ns_per_op baseline_ns_per_op"
 *   php cache_memory.php throughput <contestant> <seconds> <procs>
 *       one line: "T contestant procs ops_per_s misses errors cpu_share"
 *   php cache_memory.php report <results file>
 *       the tables
 * Anything wrong (a value that does not round-trip, a failed store) ends the process with status 1
 * and a message on stderr.
 */

require __DIR__ . '/lib.php';

const TP_KEYS = 10000;
/* The random key sequence a throughput process walks, in batches of 100 operations. */
const TP_SEQ = 65600;

function workloads(): array
{
	return select_workloads('str100', 'str10k', 'mixed10', 'int1000', 'object');
}

/* The operations of each contestant, as PHP expressions over $k (the key), $value and $cache. */
function contestant_ops(string $who): array
{
	return match ($who) {
		'perf' => ['get' => 'perf_cache_get($k)', 'set' => 'perf_cache_set($k, $value)'],
		'apcu-default', 'apcu-php' => ['get' => 'apcu_fetch($k)', 'set' => 'apcu_store($k, $value)'],
		'array' => ['get' => '$cache[$k]', 'set' => '$cache[$k] = $value'],
		default => fail("unknown contestant $who"),
	};
}

function check_contestant(string $who): void
{
	check_php($who);
	if (str_starts_with($who, 'apcu') && !function_exists('apcu_fetch')) {
		fail("$who: apcu_fetch() does not exist (extension not loaded)");
	}
	if ($who === 'perf' && !perf_cache_stats()['available']) {
		fail('perf: the memory cache is not available (perf.cache_enable_cli=1?)');
	}
	if (str_starts_with($who, 'apcu') && !apcu_enabled()) {
		fail("$who: APCu is not enabled (apc.enable_cli=1?)");
	}
	$serializer = ini_get('apc.serializer');
	if ($who === 'apcu-default' && $serializer !== 'default' || $who === 'apcu-php' && $serializer !== 'php') {
		fail("$who: apc.serializer is \"$serializer\"");
	}
}

function store(string $who, string $key, mixed $value, array &$cache): bool
{
	return match ($who) {
		'perf' => perf_cache_set($key, $value),
		'apcu-default', 'apcu-php' => apcu_store($key, $value),
		'array' => (bool) ($cache[$key] = $value),
	};
}

function fetch(string $who, string $key, array $cache): mixed
{
	return match ($who) {
		'perf' => perf_cache_get($key),
		'apcu-default', 'apcu-php' => apcu_fetch($key),
		'array' => $cache[$key] ?? null,
	};
}

function run_single(string $who, string $workload, int $reps, int $target_ms): void
{
	check_contestant($who);
	[$value, $use] = workloads()[$workload] ?? fail("unknown workload $workload");
	$ops = contestant_ops($who);
	$cache = [];

	foreach (['get', 'set'] as $op) {
		$keys = make_keys("bench:$op:$workload:");
		check_round_trip($who, $workload, $keys, $value,
			static function (string $key) use ($who, $value, &$cache): bool {
				return store($who, $key, $value, $cache);
			},
			static function (string $key) use ($who, &$cache): mixed {
				return fetch($who, $key, $cache);
			});
		if ($op === 'get') {
			$loop = make_loop(per_key('$v = ' . $ops['get'] . '; $acc += ' . $use . ';'), 'array $cache');
			$base = make_loop(per_key('$v = $value; $acc += ' . $use . ';'), 'array $cache');
		} else {
			// Every value is truthy, so $acc counts the stores that succeeded.
			$loop = make_loop(per_key('$acc += (' . $ops['set'] . ') ? 1 : 0;'), 'array $cache');
			$base = make_loop(per_key('$acc += ($value) ? 1 : 0;'), 'array $cache');
		}
		$expect = expect_acc("$who $op $workload", KEY_COUNT * ($op === 'get' ? use_of($use, $value) : 1));

		// From 10 rounds, at least 10 (the first loops also pay for first touches of the shared segment).
		$rounds = calibrate($loop, $expect, $keys, $value, $cache, $target_ms, 10, 10);
		[$n, $ns, $base_ns] = measure($loop, $base, $expect, $keys, $value, $cache, $rounds, $reps, KEY_COUNT);
		printf("R %s %s %s %d %.2f %.2f\n", $who, $workload, $op, $n, $ns, $base_ns);

		// The last stored value must still be there after the timed stores.
		if ($op === 'set' && !same(fetch($who, $keys[0], $cache), $value)) {
			fail("$who set $workload: the value read back after the timed stores differs");
		}
	}
	if ($who === 'perf') {
		$s = perf_cache_stats();
		printf("S perf %s errors=%d evictions=%d memory_used=%d\n", $workload, $s['errors'], $s['evictions'], $s['memory_used']);
	}
}

/* Two (or more) processes forked from this one, sharing the cache: 90% get, 10% set, 100-byte strings. */
function run_throughput(string $who, float $seconds, int $procs): void
{
	check_contestant($who);
	if (!function_exists('pcntl_fork')) {
		fail('pcntl_fork() is not available in this CLI');
	}
	$ops = contestant_ops($who);
	$cache = [];
	$keys = [];
	$values = [];
	for ($i = 0; $i < 16; $i++) {
		$values[] = str_pad("value $i ", 100, chr(ord('a') + $i));
	}
	for ($i = 0; $i < TP_KEYS; $i++) {
		$keys[] = "tp:key:$i";
		if (!store($who, $keys[$i], $values[$i % 16], $cache)) {
			fail("$who: pre-populating $keys[$i] failed");
		}
	}
	foreach ([0, 4321, TP_KEYS - 1] as $i) {
		if (fetch($who, $keys[$i], $cache) !== $values[$i % 16]) {
			fail("$who: pre-populated $keys[$i] does not round-trip");
		}
	}

	// A batch: 10 sets and 90 gets, keys from a random sequence the process walks through.
	$batch = make_loop_tp($ops);
	$start = hrtime(true) + 200_000_000;
	$end = $start + (int) ($seconds * 1e9);
	$dir = sys_get_temp_dir();
	$children = [];
	for ($p = 0; $p < $procs; $p++) {
		$file = tempnam($dir, 'cache_memory_tp');
		$pid = pcntl_fork();
		if ($pid < 0) {
			fail('pcntl_fork() failed');
		}
		if ($pid === 0) {
			mt_srand(getmypid());
			$seq = [];
			for ($i = 0; $i < TP_SEQ; $i++) {
				$seq[] = mt_rand(0, TP_KEYS - 1);
			}
			while (hrtime(true) < $start) {
				usleep(1000);
			}
			$n = $misses = $errors = 0;
			$pos = 0;
			$t0 = hrtime(true);
			$cpu0 = cpu_ns();
			do {
				[$bad, $err] = $batch($keys, $seq, $pos, $values);
				$misses += $bad;
				$errors += $err;
				$n += 100;
				$pos += 100;
				if ($pos === TP_SEQ) {
					$pos = 0;
				}
			} while (($now = hrtime(true)) < $end);
			file_put_contents($file, sprintf("%d %d %d %d %d", $n, $now - $t0, $misses, $errors, cpu_ns() - $cpu0));
			exit(0);
		}
		$children[$pid] = $file;
	}
	$total = $cpu = 0.0;
	$misses = $errors = 0;
	foreach ($children as $pid => $file) {
		pcntl_waitpid($pid, $status);
		if (!pcntl_wifexited($status) || pcntl_wexitstatus($status) !== 0) {
			fail("$who: throughput child $pid did not exit cleanly (status $status)");
		}
		$line = trim((string) file_get_contents($file));
		unlink($file);
		if (!preg_match('/^(\d+) (\d+) (\d+) (\d+) (\d+)$/', $line, $m)) {
			fail("$who: throughput child $pid reported \"$line\"");
		}
		$total += $m[1] / ($m[2] / 1e9);
		$misses += (int) $m[3];
		$errors += (int) $m[4];
		$cpu += $m[5] / $m[2] / $procs;
	}
	printf("T %s %d %.0f %d %d %.2f\n", $who, $procs, $total, $misses, $errors, $cpu);
	if ($who === 'perf') {
		$s = perf_cache_stats();
		printf("S perf throughput errors=%d evictions=%d lock_waits=%d\n", $s['errors'], $s['evictions'], $s['lock_waits']);
	}
}

function make_loop_tp(array $ops): Closure
{
	$set = $ops['set'];
	$get = $ops['get'];
	return eval('return static function (array $keys, array $seq, int $pos, array $values): array {
		$bad = $err = 0;
		for ($b = 0; $b < 10; $b++) {
			$k = $keys[$seq[$pos++]];
			$value = $values[$pos & 15];
			if (!(' . $set . ')) { $err++; }
			for ($g = 0; $g < 9; $g++) {
				$k = $keys[$seq[$pos++]];
				$v = ' . $get . ';
				if (!is_string($v) || strlen($v) !== 100) { $bad++; }
			}
		}
		return [$bad, $err];
	};');
}

function report(string $file): void
{
	$single = $tp = [];
	[$lines, $notes] = read_results($file);
	foreach ($lines as $f) {
		if ($f[0] === 'R') {
			$single[$f[3]][$f[2]][$f[1]] = ['n' => (int) $f[4], 'ns' => (float) $f[5], 'base' => (float) $f[6]];
		} elseif ($f[0] === 'T') {
			$tp[$f[1]][] = ['procs' => (int) $f[2], 'ops' => (float) $f[3], 'misses' => (int) $f[4],
				'errors' => (int) $f[5], 'cpu' => (float) $f[6]];
		}
	}
	$goal = static fn (string $op, string $kind): ?float => $op === 'set' ? 1.0
		: ($kind === 'string' ? 0.7 : ($kind === 'array' ? 0.5 : null));
	$ratio = static fn (float $a, float $b): string => $b > 0 ? sprintf('%.2f', $a / $b) : '-';
	$misses = 0;

	foreach (['get', 'set'] as $op) {
		if (empty($single[$op])) {
			continue;
		}
		echo "\n== $op: ns per operation (median, empty loop subtracted); ratio < 1 = perf faster\n";
		printf("%-20s %9s %9s %9s %9s %9s %9s %9s %9s  %-13s\n", 'workload', 'N', 'perf', 'apcu-def', 'apcu-php',
			'array', 'perf/def', 'perf/php', 'perf/best', 'goal (best)');
		foreach (workloads() as $name => [, , $label, $kind]) {
			$row = $single[$op][$name] ?? null;
			if (!$row) {
				continue;
			}
			$ns = static fn (string $who): ?float => isset($row[$who]) ? $row[$who]['ns'] : null;
			$fmt = static fn (?float $v): string => $v === null ? '-' : sprintf('%.1f', $v);
			$p = $ns('perf');
			$d = $ns('apcu-default');
			$h = $ns('apcu-php');
			$best = $d !== null && $h !== null ? min($d, $h) : ($d ?? $h);
			$g = $goal($op, $kind);
			$verdict = '';
			if ($g !== null && $p !== null && $best) {
				$verdict = sprintf('<= %.1f %s', $g, $p / $best <= $g ? 'ok' : 'MISSED');
			} elseif ($g === null) {
				$verdict = '(none)';
			}
			printf("%-20s %9s %9s %9s %9s %9s %9s %9s %9s  %-13s\n", $label, $row['perf']['n'] ?? '-', $fmt($p),
				$fmt($d), $fmt($h), $fmt($ns('array')), $p !== null && $d ? $ratio($p, $d) : '-',
				$p !== null && $h ? $ratio($p, $h) : '-', $p !== null && $best ? $ratio($p, $best) : '-', $verdict);
		}
	}
	if ($tp) {
		$first = reset($tp)[0];
		$rounds = count(reset($tp));
		echo "\n== throughput: {$first['procs']} forked processes, 90% get / 10% set, " . TP_KEYS . " keys of 100 B;"
			. " median of $rounds round(s)\n";
		echo "   (cpu = CPU time / wall time of the processes: well below 1.00 = preempted by other work, or asleep on a lock)\n";
		printf("%-14s %14s   %-44s %8s %8s\n", 'contestant', 'ops/s median', 'rounds: ops/s (cpu)', 'misses', 'errors');
		$median = [];
		foreach ($tp as $who => $runs) {
			$median[$who] = median(array_column($runs, 'ops'));
			$each = implode(', ', array_map(static fn (array $t): string => sprintf('%s (%.2f)',
				number_format($t['ops']), $t['cpu']), $runs));
			$bad = array_sum(array_column($runs, 'misses')) + array_sum(array_column($runs, 'errors'));
			printf("%-14s %14s   %-44s %8d %8d\n", $who, number_format($median[$who]), $each,
				array_sum(array_column($runs, 'misses')), array_sum(array_column($runs, 'errors')));
			$misses += $bad;
		}
		$best = max($median['apcu-default'] ?? 0, $median['apcu-php'] ?? 0);
		if (isset($median['perf']) && $best > 0) {
			$r = $median['perf'] / $best;
			printf("%-14s %14.2f   goal >= 1.5 %s\n", 'perf/apcu-best', $r, $r >= 1.5 ? 'ok' : 'MISSED');
		}
	}
	if ($notes) {
		echo "\n", implode("\n", $notes), "\n";
	}
	if ($misses) {
		echo "\nWARNING: the throughput run saw $misses misses/failed stores\n";
	}
}

$mode = $argv[1] ?? '';
match ($mode) {
	'single' => run_single($argv[2], $argv[3], (int) $argv[4], (int) $argv[5]),
	'throughput' => run_throughput($argv[2], (float) $argv[3], (int) $argv[4]),
	'report' => report($argv[2]),
	default => fail('usage: cache_memory.php single|throughput|report ...'),
};
