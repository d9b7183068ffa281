<?php
/*
 * Worker of bench/cache_redis.sh. Each contestant runs in its own `php -n` process with only its
 * extension loaded, against the redis-server the script started:
 *   perf      perf's redis driver (perf.cache_driver=redis, perf.redis_port, perf.redis_prefix set by
 *             the caller's -d): perf_cache_get() / perf_cache_set() / perf_cache_get_multiple()
 *   phpredis  the redis extension, one connect() before anything is timed, OPT_PREFIX "bench:phpredis:";
 *             serializer: SERIALIZER_NONE for strings (raw, as perf stores them), SERIALIZER_PHP for
 *             arrays (serialize(), as perf stores them)
 *
 *   php cache_redis.php single <contestant> <workload> <reps> <target_ms> <port>
 *       one line per op: "R contestant workload op n us_per_unit baseline_us_per_unit cpu_us_per_unit"
 *   php cache_redis.php breaker <reps> <calls>
 *       perf pointed at a closed port (perf.redis_breaker_failures=1, a long cooldown from the caller's
 *       -d): one failing call, then <calls> perf_cache_get() calls while the breaker is open
 *       one line: "B calls us_per_call baseline_us first_call_us fast_failures"
 *   php cache_redis.php inspect <port>
 *       reads what each contestant stored over a plain socket (no extension): sizes, perf's frame
 *   php cache_redis.php report <results file>
 *       the tables
 * Anything wrong (a value that does not round-trip, a failed store) ends the process with status 1
 * and a message on stderr.
 */

require __DIR__ . '/lib.php';

const PERF_PREFIX = 'bench:perf:';
const PHPREDIS_PREFIX = 'bench:phpredis:';

function workloads(): array
{
	return select_workloads('str100', 'mixed10');
}

/* phpredis's serializer for a value, to store it as perf does: strings raw, the rest with serialize(). */
function serializer_of(mixed $value): string
{
	return is_string($value) ? 'none' : 'php';
}

/* The timed operations, as PHP code over $k (a key), $keys, $value and $r (the phpredis client). */
function contestant_ops(string $who, string $workload): array
{
	if ($workload === 'multi100') {
		// One unit = 100 keys; every fetched value is a 100-byte string.
		$sum = 'foreach ($v as $x) { $acc += strlen($x); }';
		return match ($who) {
			'perf' => [
				'get_multiple' => ['$v = perf_cache_get_multiple($keys); ' . $sum, '$v = $value; ' . $sum],
				'100_gets' => [per_key('$v = perf_cache_get($k); $acc += strlen($v);'),
					per_key('$v = $value[$k]; $acc += strlen($v);')],
			],
			'phpredis' => [
				'mget' => ['$v = $r->mget($keys); ' . $sum, '$v = $value; ' . $sum],
			],
			default => fail("unknown contestant $who"),
		};
	}
	$use = workloads()[$workload][1] ?? fail("unknown workload $workload");
	[$get, $set] = match ($who) {
		'perf' => ['perf_cache_get($k)', 'perf_cache_set($k, $value)'],
		'phpredis' => ['$r->get($k)', '$r->set($k, $value)'],
		default => fail("unknown contestant $who"),
	};
	return [
		// Every value is truthy, so $acc counts the stores that succeeded.
		'get' => [per_key("\$v = $get; \$acc += $use;"), per_key("\$v = \$value; \$acc += $use;")],
		'set' => [per_key("\$acc += ($set) ? 1 : 0;"), per_key('$acc += ($value) ? 1 : 0;')],
	];
}

function check_extensions(string $who): void
{
	check_php($who);
	if ($who === 'perf') {
		if (extension_loaded('redis')) {
			fail('perf: the redis extension is loaded too; each contestant runs alone');
		}
	} elseif ($who === 'phpredis') {
		if (!class_exists('Redis')) {
			fail('phpredis: class Redis does not exist (extension not loaded)');
		}
		if (extension_loaded('perf')) {
			fail('phpredis: perf is loaded too; each contestant runs alone');
		}
	}
}

function phpredis_client(int $port, string $serializer): Redis
{
	$r = new Redis();
	if (!$r->connect('127.0.0.1', $port, 1.0)) {
		fail("phpredis: cannot connect to 127.0.0.1:$port");
	}
	$r->setOption(Redis::OPT_PREFIX, PHPREDIS_PREFIX);
	$r->setOption(Redis::OPT_SERIALIZER, $serializer === 'php' ? Redis::SERIALIZER_PHP : Redis::SERIALIZER_NONE);
	return $r;
}

function perf_check_driver(int $port): void
{
	$s = perf_cache_stats();
	if ($s['driver'] !== 'redis' || !$s['available']) {
		fail('perf: the cache driver is ' . $s['driver'] . ($s['available'] ? '' : ' (unavailable)')
			. ', not redis (perf.cache_driver=redis?)');
	}
	if ((int) ini_get('perf.redis_port') !== $port || ini_get('perf.redis_prefix') !== PERF_PREFIX) {
		fail('perf: perf.redis_port/perf.redis_prefix are not those of the benchmark');
	}
	if ($s['errors'] !== 0 || $s['breaker_state'] !== 'closed') {
		fail("perf: the redis driver reports {$s['errors']} errors, breaker {$s['breaker_state']}");
	}
}

function store(string $who, ?Redis $r, string $key, mixed $value): bool
{
	return $who === 'perf' ? perf_cache_set($key, $value) : $r->set($key, $value);
}

function fetch(string $who, ?Redis $r, string $key): mixed
{
	return $who === 'perf' ? perf_cache_get($key) : $r->get($key);
}

/* Times one cell, [$body, $base_body] on ($keys, $value, $r), and prints its R line in µs per unit. */
function time_cell(string $cell, array $bodies, Closure $expect, array $keys, mixed $value, ?Redis $r, int $target_ms,
	int $reps, int $units_per_round): void
{
	$loop = make_loop($bodies[0], '?object $r');
	$base = make_loop($bodies[1], '?object $r');
	$rounds = calibrate($loop, $expect, $keys, $value, $r, $target_ms);
	[$n, $ns, $base_ns, $cpu_ns] = measure($loop, $base, $expect, $keys, $value, $r, $rounds, $reps, $units_per_round);
	printf("R %s %d %.3f %.3f %.3f\n", $cell, $n, $ns / 1e3, $base_ns / 1e3, $cpu_ns / 1e3);
}

function run_single(string $who, string $workload, int $reps, int $target_ms, int $port): void
{
	check_extensions($who);
	if ($who === 'perf') {
		perf_check_driver($port);
	}
	$ops = contestant_ops($who, $workload);

	if ($workload === 'multi100') {
		$value = workloads()['str100'][0];
		$r = $who === 'phpredis' ? phpredis_client($port, 'none') : null;
		$keys = make_keys('multi:');
		foreach ($keys as $key) {
			if (!store($who, $r, $key, $value) || fetch($who, $r, $key) !== $value) {
				fail("$who: the 100-byte string does not round-trip under $key");
			}
		}
		// The batch reads must answer the same, key for key.
		$got = $who === 'perf' ? perf_cache_get_multiple($keys) : $r->mget($keys);
		$want = $who === 'perf' ? array_fill_keys($keys, $value) : array_fill(0, KEY_COUNT, $value);
		if ($got !== $want) {
			fail("$who: the batch read of 100 keys answered " . var_export($got, true));
		}
		$values = array_fill_keys($keys, $value);
		foreach ($ops as $op => $bodies) {
			time_cell("$who multi100 $op", $bodies, expect_acc("$who $op", KEY_COUNT * 100), $keys, $values, $r,
				$target_ms, $reps, 1);
		}
	} else {
		[$value, $use] = workloads()[$workload] ?? fail("unknown workload $workload");
		$r = $who === 'phpredis' ? phpredis_client($port, serializer_of($value)) : null;
		foreach ($ops as $op => $bodies) {
			$keys = make_keys("$op:$workload:");
			check_round_trip($who, $workload, $keys, $value, static fn (string $key): bool => store($who, $r, $key, $value),
				static fn (string $key): mixed => fetch($who, $r, $key));
			$expect = expect_acc("$who $op $workload", KEY_COUNT * ($op === 'get' ? use_of($use, $value) : 1));
			time_cell("$who $workload $op", $bodies, $expect, $keys, $value, $r, $target_ms, $reps, KEY_COUNT);
			if ($op === 'set' && fetch($who, $r, $keys[0]) !== $value) {
				fail("$who set $workload: the value read back after the timed stores differs");
			}
		}
	}
	if ($who === 'perf') {
		$s = perf_cache_stats();
		printf("S perf %s errors=%d hits=%d misses=%d stores=%d breaker=%s\n", $workload, $s['errors'], $s['hits'],
			$s['misses'], $s['stores'], $s['breaker_state']);
		if ($s['errors'] !== 0 || $s['misses'] !== 0) {
			fail("perf $workload: the redis driver counted {$s['errors']} errors and {$s['misses']} misses");
		}
	}
}

function run_breaker(int $reps, int $calls): void
{
	check_extensions('perf');
	// Not perf_cache_stats(): it would talk to Redis, and be the failing call itself.
	if (ini_get('perf.cache_driver') !== 'redis') {
		fail('perf: the cache driver is not redis');
	}
	if ((int) ini_get('perf.redis_breaker_failures') !== 1) {
		fail('perf: perf.redis_breaker_failures must be 1 for this run');
	}
	// The one failing call (connection refused) opens the breaker.
	$t = hrtime(true);
	$v = perf_cache_get('breaker:first', 'default');
	$first_us = (hrtime(true) - $t) / 1e3;
	if ($v !== 'default') {
		fail('perf breaker: the failing call answered ' . var_export($v, true) . ', not the default');
	}
	$s = perf_cache_stats();
	if ($s['breaker_state'] !== 'open' || $s['breaker_opens'] !== 1 || $s['errors'] !== 1) {
		fail("perf breaker: after one failure the breaker is {$s['breaker_state']} (opens {$s['breaker_opens']},"
			. " errors {$s['errors']})");
	}
	$fast0 = $s['breaker_fast_failures'];

	$keys = make_keys('breaker:');
	$loop = make_loop(per_key('$v = perf_cache_get($k); $acc += $v === null ? 1 : 0;'), '?object $r');
	$base = make_loop(per_key('$v = $value; $acc += $v === null ? 1 : 0;'), '?object $r');
	$rounds = max(1, intdiv($calls, KEY_COUNT));
	$expect = static function (int $rounds, int $acc): void {
		if ($acc !== $rounds * KEY_COUNT) {
			fail("perf breaker: some calls did not answer null (accumulated $acc, expected " . $rounds * KEY_COUNT . ')');
		}
	};
	// Warm-up, then the repetitions.
	[, $acc] = $loop($keys, $rounds, null, null);
	$expect($rounds, $acc);
	[$n, $ns, $base_ns] = measure($loop, $base, $expect, $keys, null, null, $rounds, $reps, KEY_COUNT);

	$s = perf_cache_stats();
	if ($s['breaker_state'] !== 'open' || $s['breaker_opens'] !== 1) {
		fail("perf breaker: the breaker is {$s['breaker_state']} after the run (opens {$s['breaker_opens']})");
	}
	printf("B %d %.4f %.4f %.1f %d\n", $n, $ns / 1e3, $base_ns / 1e3, $first_us, $s['breaker_fast_failures'] - $fast0);
}

/* A minimal RESP client over a plain socket, so the stored bytes are seen as they are. */
function raw_command($sock, string ...$args): mixed
{
	$out = '*' . count($args) . "\r\n";
	foreach ($args as $arg) {
		$out .= '$' . strlen($arg) . "\r\n$arg\r\n";
	}
	fwrite($sock, $out);
	return raw_reply($sock);
}

function raw_reply($sock): mixed
{
	$line = fgets($sock);
	if ($line === false || $line === '') {
		fail('inspect: the connection to Redis closed');
	}
	$rest = substr($line, 1, -2);
	switch ($line[0]) {
		case '+':
		case ':':
			return $rest;
		case '-':
			fail("inspect: Redis answered $rest");
		case '$':
			if ((int) $rest < 0) {
				return null;
			}
			$data = '';
			while (strlen($data) < (int) $rest + 2) {
				$data .= fread($sock, (int) $rest + 2 - strlen($data));
			}
			return substr($data, 0, (int) $rest);
		case '*':
			$items = [];
			for ($i = 0; $i < (int) $rest; $i++) {
				$items[] = raw_reply($sock);
			}
			return $items;
	}
	fail('inspect: unexpected reply ' . var_export($line, true));
}

/* The one key under the prefix that ends in $suffix (perf may put entries in a namespace of its own). */
function find_key($sock, string $prefix, string $suffix): ?string
{
	$keys = raw_command($sock, 'KEYS', $prefix . '*' . $suffix);
	if (count($keys) > 1) {
		fail("inspect: several keys end in $suffix under $prefix: " . implode(', ', $keys));
	}
	return $keys[0] ?? null;
}

function inspect(int $port): void
{
	$sock = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 1.0);
	if (!$sock) {
		fail("inspect: cannot connect to 127.0.0.1:$port: $errstr");
	}
	foreach (workloads() as $name => [$value]) {
		$serializer = serializer_of($value);
		$perf_key = find_key($sock, PERF_PREFIX, "get:$name:0");
		$phpredis_key = find_key($sock, PHPREDIS_PREFIX, "get:$name:0");
		if ($perf_key === null || $phpredis_key === null) {
			fail("inspect: the $name keys are missing (perf " . var_export($perf_key, true)
				. ', phpredis ' . var_export($phpredis_key, true) . ')');
		}
		$perf = raw_command($sock, 'GET', $perf_key);
		$phpredis = raw_command($sock, 'GET', $phpredis_key);
		$expected = $serializer === 'php' ? serialize($value) : $value;
		if ($phpredis !== $expected) {
			fail("inspect: phpredis stored $name as " . bin2hex($phpredis));
		}
		// perf: kind (3 raw string, 1 PHP serialize), 8 bytes of expiry, tag count, then the payload.
		$kind = ord($perf[0]);
		$payload = substr($perf, 10);
		$same = $payload === $expected;
		printf("I stored %s: perf %d B under %s (frame kind %d, tags %d, payload %s phpredis'), phpredis %d B under %s (%s)\n",
			$name, strlen($perf), $perf_key, $kind, ord($perf[9]), $same ? 'identical to' : 'DIFFERENT from',
			strlen($phpredis), $phpredis_key, $serializer === 'php' ? 'SERIALIZER_PHP' : 'SERIALIZER_NONE, raw');
		if (!$same) {
			fail("inspect: perf's payload for $name differs from serialize(): " . bin2hex($payload));
		}
	}
	fclose($sock);
}

function report(string $file): void
{
	$cells = [];
	$breaker = null;
	[$lines, $notes] = read_results($file);
	foreach ($lines as $f) {
		if ($f[0] === 'R') {
			// One line per round: [workload][op][contestant][] = ...
			$cells[$f[2]][$f[3]][$f[1]][] = ['n' => (int) $f[4], 'us' => (float) $f[5], 'base' => (float) $f[6],
				'cpu' => (float) $f[7]];
		} elseif ($f[0] === 'B') {
			$breaker = ['n' => (int) $f[1], 'us' => (float) $f[2], 'base' => (float) $f[3], 'first' => (float) $f[4],
				'fast' => (int) $f[5]];
		}
	}
	// The median over the rounds of one cell's medians; null when the cell did not run.
	$med = static fn (?array $runs, string $field): ?float => $runs ? median(array_column($runs, $field)) : null;
	$fmt = static fn (?float $v, int $d = 2): string => $v === null ? '-' : sprintf("%.{$d}f", $v);
	$rounds = max_rounds($cells);

	if (array_intersect_key($cells, workloads())) {
		echo "\n== get / set: µs per operation, wall time (median of the repetitions, empty loop subtracted;"
			. " median of $rounds round(s)); ratio < 1 = perf faster\n";
		echo "   perf/php = median of the per-round ratios; cpu = CPU time of the PHP process itself per operation\n"
			. "   (user + system), without the wait for Redis\n";
		printf("%-20s %-4s %8s %9s %8s  %-13s %8s %9s %8s  %s\n", 'workload', 'op', 'perf', 'phpredis', 'perf/php', 'goal',
			'perf cpu', 'php cpu', 'cpu p/p', 'perf/php per round');
		foreach (workloads() as $name => [, , $label]) {
			foreach (['get', 'set'] as $op) {
				$p = $cells[$name][$op]['perf'] ?? null;
				$h = $cells[$name][$op]['phpredis'] ?? null;
				if (!$p && !$h) {
					continue;
				}
				$ratio = paired($p, $h, 'us');
				$each = array_map(static fn (float $x): string => sprintf('%.2f', $x), per_round($p, $h, 'us'));
				printf("%-20s %-4s %8s %9s %8s  %-13s %8s %9s %8s  %s\n", $label, $op, $fmt($med($p, 'us')), $fmt($med($h, 'us')),
					$fmt($ratio), $ratio === null ? '' : ($ratio <= 1.0 ? '<= 1.0 ok' : '<= 1.0 MISSED'),
					$fmt($med($p, 'cpu')), $fmt($med($h, 'cpu')), $fmt(paired($p, $h, 'cpu')), implode(' ', $each));
			}
		}
	}
	if (isset($cells['multi100'])) {
		$m = $cells['multi100'];
		$rows = [
			'perf_cache_get_multiple(100 keys)' => $m['get_multiple']['perf'] ?? null,
			'phpredis mget(100 keys)' => $m['mget']['phpredis'] ?? null,
			'100 x perf_cache_get()' => $m['100_gets']['perf'] ?? null,
		];
		echo "\n== 100 keys of 100 B at once: µs per batch of 100 keys (median of the repetitions, empty loop subtracted;"
			. " median of $rounds round(s))\n";
		printf("%-40s %10s %10s\n", '', 'wall µs', 'cpu µs');
		foreach ($rows as $label => $runs) {
			printf("%-40s %10s %10s\n", $label, $fmt($med($runs, 'us')), $fmt($med($runs, 'cpu')));
		}
		[$gm, $mget, $gets] = array_values($rows);
		$each = static fn (array $x): string => implode(' ', array_map(static fn (float $v): string => sprintf('%.3f', $v), $x));
		echo "   (ratios: median of the per-round ratios)\n";
		printf("%-40s %10s %10s  per round: %s\n", 'perf get_multiple / phpredis mget', $fmt(paired($gm, $mget, 'us')),
			$fmt(paired($gm, $mget, 'cpu')), $each(per_round($gm, $mget, 'us')));
		$r = paired($gm, $gets, 'us');
		printf("%-40s %10s %10s  per round: %s  goal <= 0.10 (wall) %s\n", 'perf get_multiple / 100 perf gets', $fmt($r, 3),
			$fmt(paired($gm, $gets, 'cpu'), 3), $each(per_round($gm, $gets, 'us')), $r === null ? '' : ($r <= 0.1 ? 'ok' : 'MISSED'));
	}
	if ($breaker) {
		echo "\n== breaker open: perf_cache_get() with Redis unreachable (closed port), breaker_failures=1, cooldown 1 h\n";
		printf("%-40s %10.1f µs\n", 'the one failing call (opens the breaker)', $breaker['first']);
		printf("%-40s %10.3f µs  goal <= 10 µs %s  (%d calls, median of the repetitions; empty loop %.3f µs)\n",
			'per call while open', $breaker['us'], $breaker['us'] <= 10 ? 'ok' : 'MISSED', $breaker['n'], $breaker['base']);
		printf("%-40s %10d\n", 'breaker_fast_failures counted', $breaker['fast']);
	}
	if ($notes) {
		echo "\n", implode("\n", array_unique($notes)), "\n";
	}
}

$mode = $argv[1] ?? '';
match ($mode) {
	'single' => run_single($argv[2], $argv[3], (int) $argv[4], (int) $argv[5], (int) $argv[6]),
	'breaker' => run_breaker((int) $argv[2], (int) $argv[3]),
	'inspect' => inspect((int) $argv[2]),
	'report' => report($argv[2]),
	default => fail('usage: cache_redis.php single|breaker|inspect|report ...'),
};
