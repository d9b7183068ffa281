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

const KEY_COUNT = 100;
const PERF_PREFIX = 'bench:perf:';
const PHPREDIS_PREFIX = 'bench:phpredis:';

set_error_handler(static function (int $type, string $message, string $file, int $line): never {
	fail("$message in $file:$line");
});

function fail(string $message): never
{
	fwrite(STDERR, "cache_redis: $message\n");
	exit(1);
}

function str100(): string
{
	return str_repeat('a', 90) . '0123456789';
}

function workloads(): array
{
	return [
		// name => [value, expression that uses the fetched $v, label, phpredis serializer]
		'str100' => [str100(), 'strlen($v)', '100 B string', 'none'],
		'mixed10' => [[
			'id' => 123, 'count' => 7, 'rank' => -5,
			'name' => 'Alice', 'email' => 'alice@example.com', 'city' => 'Berlin',
			'score' => 98.6, 'active' => true,
			'tags' => ['php', 'cache', 'bench'],
			'note' => 'mixed',
		], 'count($v)', '10-elem mixed array', 'php'],
	];
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
				'100_gets' => ['foreach ($keys as $k) { $v = perf_cache_get($k); $acc += strlen($v); }',
					'foreach ($keys as $k) { $v = $value[$k]; $acc += strlen($v); }'],
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
		'get' => ["foreach (\$keys as \$k) { \$v = $get; \$acc += $use; }",
			"foreach (\$keys as \$k) { \$v = \$value; \$acc += $use; }"],
		'set' => ["foreach (\$keys as \$k) { \$acc += ($set) ? 1 : 0; }",
			'foreach ($keys as $k) { $acc += ($value) ? 1 : 0; }'],
	];
}

/*
 * A timed loop: $rounds passes of the body. Compiled with eval so every contestant runs the same
 * loop with its own code inlined, with no call in between.
 */
function make_loop(string $body): Closure
{
	return eval('return static function (array $keys, int $rounds, mixed $value, ?object $r): array {
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

/* CPU time of this process (user + system): what the client itself spends, without the wait for Redis. */
function cpu_ns(): int
{
	$u = getrusage();
	return ($u['ru_utime.tv_sec'] + $u['ru_stime.tv_sec']) * 1_000_000_000
		+ ($u['ru_utime.tv_usec'] + $u['ru_stime.tv_usec']) * 1000;
}

function median(array $values): float
{
	sort($values);
	$n = count($values);
	return $n % 2 ? $values[intdiv($n, 2)] : ($values[$n / 2 - 1] + $values[$n / 2]) / 2;
}

function check_extensions(string $who): void
{
	if (extension_loaded('Zend OPcache')) {
		fail('OPcache is loaded; run with php -n');
	}
	if ($who === 'perf') {
		if (!function_exists('perf_cache_get')) {
			fail('perf: perf_cache_get() does not exist (extension not loaded)');
		}
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

/* Grows the loop until it takes 20 ms, scales it to the target, and runs it once more at that size. */
function calibrate(Closure $loop, Closure $expect, array $keys, mixed $value, ?Redis $r, int $target_ms): int
{
	$rounds = 1;
	for (;;) {
		[$t, $acc] = $loop($keys, $rounds, $value, $r);
		$expect($rounds, $acc);
		if ($t >= 20e6 || $rounds >= 1 << 20) {
			break;
		}
		$rounds *= 2;
	}
	$rounds = max(3, (int) round($rounds * $target_ms * 1e6 / $t));
	[$t, $acc] = $loop($keys, $rounds, $value, $r);
	$expect($rounds, $acc);
	return max(3, (int) round($rounds * $target_ms * 1e6 / $t));
}

/* Median of the repetitions, each the loop minus an empty loop of the same size, in µs per unit. */
function measure(Closure $loop, Closure $base, Closure $expect, array $keys, mixed $value, ?Redis $r, int $rounds,
	int $reps, int $units_per_round): array
{
	$diffs = $bases = $cpus = [];
	for ($i = 0; $i < $reps; $i++) {
		[$tb, , $cb] = $base($keys, $rounds, $value, $r);
		[$t, $acc, $c] = $loop($keys, $rounds, $value, $r);
		$expect($rounds, $acc);
		$diffs[] = $t - $tb;
		$bases[] = $tb;
		$cpus[] = $c - $cb;
	}
	$n = $rounds * $units_per_round;
	return [$n, median($diffs) / $n / 1e3, median($bases) / $n / 1e3, median($cpus) / $n / 1e3];
}

function run_single(string $who, string $workload, int $reps, int $target_ms, int $port): void
{
	check_extensions($who);
	if ($who === 'perf') {
		perf_check_driver($port);
	}
	$ops = contestant_ops($who, $workload);

	if ($workload === 'multi100') {
		$value = str100();
		$r = $who === 'phpredis' ? phpredis_client($port, 'none') : null;
		$keys = [];
		for ($i = 0; $i < KEY_COUNT; $i++) {
			$keys[] = "multi:$i";
		}
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
		foreach ($ops as $op => [$body, $base_body]) {
			$loop = make_loop($body);
			$base = make_loop($base_body);
			$expect = static function (int $rounds, int $acc) use ($who, $op): void {
				if ($acc !== $rounds * KEY_COUNT * 100) {
					fail("$who $op: the loop saw other values than stored (accumulated $acc, expected "
						. $rounds * KEY_COUNT * 100 . ')');
				}
			};
			$rounds = calibrate($loop, $expect, $keys, $values, $r, $target_ms);
			[$n, $us, $base_us, $cpu_us] = measure($loop, $base, $expect, $keys, $values, $r, $rounds, $reps, 1);
			printf("R %s multi100 %s %d %.3f %.3f %.3f\n", $who, $op, $n, $us, $base_us, $cpu_us);
		}
	} else {
		[$value, $use, , $serializer] = workloads()[$workload] ?? fail("unknown workload $workload");
		$r = $who === 'phpredis' ? phpredis_client($port, $serializer) : null;
		foreach ($ops as $op => [$body, $base_body]) {
			$keys = [];
			for ($i = 0; $i < KEY_COUNT; $i++) {
				$keys[] = "$op:$workload:$i";
			}
			// Round trip, once, before anything is timed; the get loop then reads these keys.
			foreach ($keys as $key) {
				if (!store($who, $r, $key, $value)) {
					fail("$who: storing the $workload value under $key failed");
				}
				$got = fetch($who, $r, $key);
				if ($got !== $value) {
					fail("$who: the $workload value does not round-trip: stored " . var_export($value, true)
						. ', fetched ' . var_export($got, true));
				}
			}
			$loop = make_loop($body);
			$base = make_loop($base_body);
			$per = $op === 'get' ? (static fn ($v) => eval("return $use;"))($value) : 1;
			$expect = static function (int $rounds, int $acc) use ($who, $op, $workload, $per): void {
				if ($acc !== $rounds * KEY_COUNT * $per) {
					fail("$who $op $workload: the loop saw other values than stored (accumulated $acc, expected "
						. $rounds * KEY_COUNT * $per . ')');
				}
			};
			$rounds = calibrate($loop, $expect, $keys, $value, $r, $target_ms);
			[$n, $us, $base_us, $cpu_us] = measure($loop, $base, $expect, $keys, $value, $r, $rounds, $reps, KEY_COUNT);
			printf("R %s %s %s %d %.3f %.3f %.3f\n", $who, $workload, $op, $n, $us, $base_us, $cpu_us);
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

	$keys = [];
	for ($i = 0; $i < KEY_COUNT; $i++) {
		$keys[] = "breaker:$i";
	}
	$loop = make_loop('foreach ($keys as $k) { $v = perf_cache_get($k); $acc += $v === null ? 1 : 0; }');
	$base = make_loop('foreach ($keys as $k) { $v = $value; $acc += $v === null ? 1 : 0; }');
	$rounds = max(1, intdiv($calls, KEY_COUNT));
	$expect = static function (int $rounds, int $acc): void {
		if ($acc !== $rounds * KEY_COUNT) {
			fail("perf breaker: some calls did not answer null (accumulated $acc, expected " . $rounds * KEY_COUNT . ')');
		}
	};
	// Warm-up, then the repetitions.
	[, $acc] = $loop($keys, $rounds, null, null);
	$expect($rounds, $acc);
	[$n, $us, $base_us] = measure($loop, $base, $expect, $keys, null, null, $rounds, $reps, KEY_COUNT);

	$s = perf_cache_stats();
	if ($s['breaker_state'] !== 'open' || $s['breaker_opens'] !== 1) {
		fail("perf breaker: the breaker is {$s['breaker_state']} after the run (opens {$s['breaker_opens']})");
	}
	printf("B %d %.4f %.4f %.1f %d\n", $n, $us, $base_us, $first_us, $s['breaker_fast_failures'] - $fast0);
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
	foreach (workloads() as $name => [$value, , , $serializer]) {
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
	$cells = $notes = [];
	$breaker = null;
	foreach (file($file, FILE_IGNORE_NEW_LINES) as $line) {
		$f = explode(' ', $line);
		if ($f[0] === 'R') {
			// One line per round: [workload][op][contestant][] = ...
			$cells[$f[2]][$f[3]][$f[1]][] = ['n' => (int) $f[4], 'us' => (float) $f[5], 'base' => (float) $f[6],
				'cpu' => (float) $f[7]];
		} elseif ($f[0] === 'B') {
			$breaker = ['n' => (int) $f[1], 'us' => (float) $f[2], 'base' => (float) $f[3], 'first' => (float) $f[4],
				'fast' => (int) $f[5]];
		} elseif ($f[0] === 'S' || $f[0] === 'I') {
			$notes[] = implode(' ', array_slice($f, 1));
		}
	}
	// The median over the rounds of one cell's medians; null when the cell did not run.
	$med = static fn (?array $runs, string $field): ?float => $runs ? median(array_column($runs, $field)) : null;
	$fmt = static fn (?float $v, int $d = 2): string => $v === null ? '-' : sprintf("%.{$d}f", $v);
	$div = static fn (?float $a, ?float $b): ?float => $a !== null && $b ? $a / $b : null;
	// Ratios of runs of the same round (the contestants took turns within it), and their median: a
	// round that a burst of other work slowed weighs on neither side.
	$per_round = static function (?array $a, ?array $b, string $field): array {
		$each = [];
		for ($i = 0; $a && $b && $i < min(count($a), count($b)); $i++) {
			if ($b[$i][$field] > 0) {
				$each[] = $a[$i][$field] / $b[$i][$field];
			}
		}
		return $each;
	};
	$paired = static fn (?array $a, ?array $b, string $field): ?float
		=> ($each = $per_round($a, $b, $field)) ? median($each) : null;
	$rounds = 0;
	foreach ($cells as $ops) {
		foreach ($ops as $whos) {
			foreach ($whos as $runs) {
				$rounds = max($rounds, count($runs));
			}
		}
	}

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
				$ratio = $paired($p, $h, 'us');
				$each = array_map(static fn (float $x): string => sprintf('%.2f', $x), $per_round($p, $h, 'us'));
				printf("%-20s %-4s %8s %9s %8s  %-13s %8s %9s %8s  %s\n", $label, $op, $fmt($med($p, 'us')), $fmt($med($h, 'us')),
					$fmt($ratio), $ratio === null ? '' : ($ratio <= 1.0 ? '<= 1.0 ok' : '<= 1.0 MISSED'),
					$fmt($med($p, 'cpu')), $fmt($med($h, 'cpu')), $fmt($paired($p, $h, 'cpu')), implode(' ', $each));
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
		printf("%-40s %10s %10s  per round: %s\n", 'perf get_multiple / phpredis mget', $fmt($paired($gm, $mget, 'us')),
			$fmt($paired($gm, $mget, 'cpu')), $each($per_round($gm, $mget, 'us')));
		$r = $paired($gm, $gets, 'us');
		printf("%-40s %10s %10s  per round: %s  goal <= 0.10 (wall) %s\n", 'perf get_multiple / 100 perf gets', $fmt($r, 3),
			$fmt($paired($gm, $gets, 'cpu'), 3), $each($per_round($gm, $gets, 'us')), $r === null ? '' : ($r <= 0.1 ? 'ok' : 'MISSED'));
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
