--TEST--
Cache stress: 4 processes mix set, set_multiple (references, objects), get, delete, increment and invalidate_tags while being SIGKILLed; every value keeps its checksum and the accounting stays consistent
--EXTENSIONS--
pcntl
posix
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
perf.cache_lock_wait_ms=2000
--FILE--
<?php
require __DIR__ . '/memory_concurrency.inc';

final class StressValue
{
	public function __construct(public int $crc, public string $payload, public array $list) {}
}

/* Every value carries the checksum of its payload; a miss (null) is fine, anything else must match. */
function stress_value(int $seed): mixed
{
	$payload = str_repeat(chr(97 + $seed % 26), 1 + ($seed * 7919) % 4000) . $seed;
	return match ($seed % 3) {
		0 => ['crc' => crc32($payload), 'payload' => $payload, 'list' => range(0, $seed % 9)],
		1 => new StressValue(crc32($payload), $payload, range(0, $seed % 9)),
		2 => [new StressValue(crc32($payload), $payload, []), 'crc' => crc32($payload)],
	};
}

function stress_intact(mixed $value): bool
{
	if ($value === null) {
		return true;
	}
	if ($value instanceof StressValue) {
		return crc32($value->payload) === $value->crc && $value->list === ($value->list ? range(0, count($value->list) - 1) : []);
	}
	if (is_array($value) && isset($value['payload'], $value['crc'], $value['list'])) {
		return crc32($value['payload']) === $value['crc'] && $value['list'] === range(0, count($value['list']) - 1);
	}
	return is_array($value) && isset($value[0], $value['crc']) && $value[0] instanceof StressValue
		&& stress_intact($value[0]) && $value[0]->crc === $value['crc'];
}

const KEYS = 120;
$seconds = getenv('USE_ZEND_ALLOC') === '0' ? 2 : 4;
$results = sys_get_temp_dir() . '/perf-kill-stress-' . getmypid();
mkdir($results);
perf_cache_clear();

function worker(string $results, int $parent): never
{
	mt_srand(getmypid());
	for ($i = 0; ; $i++) {
		/* Never outlive a parent that died (a failed test must not leave workers behind). */
		if ($i % 64 === 0 && posix_getppid() !== $parent) {
			exit(1);
		}
		$key = 'k' . mt_rand(0, KEYS - 1);
		$dice = mt_rand(0, 99);
		if ($dice < 40) {
			$value = perf_cache_get($key);
			if (!stress_intact($value)) {
				file_put_contents("$results/torn-" . getmypid(), var_export($value, true));
			}
		} elseif ($dice < 60) {
			perf_cache_set($key, stress_value(mt_rand()), 0, ['t' . mt_rand(0, 4)]);
		} elseif ($dice < 70) {
			/* The same value twice through a reference, and a value holding a reference to its own payload. */
			$shared = stress_value(mt_rand());
			$payload = str_repeat('r', mt_rand(1, 3000));
			$own = ['crc' => crc32($payload), 'payload' => &$payload, 'list' => [0]];
			perf_cache_set_multiple(['k' . mt_rand(0, KEYS - 1) => &$shared, 'k' . mt_rand(0, KEYS - 1) => $shared,
				'k' . mt_rand(0, KEYS - 1) => $own], 0);
			$payload .= 'changed after the call';
		} elseif ($dice < 80) {
			perf_cache_delete($key);
		} elseif ($dice < 95) {
			perf_cache_increment('n' . mt_rand(0, 3));
		} else {
			perf_cache_invalidate_tags(['t' . mt_rand(0, 4)]);
		}
	}
}

$workers = [];
$spawn = function () use (&$workers, $results): void {
	$parent = getmypid();
	$pid = pcntl_fork();
	if ($pid === 0) {
		worker($results, $parent);
	}
	$workers[$pid] = true;
};
for ($w = 0; $w < 4; $w++) {
	$spawn();
}
mt_srand(1);
$kills = 0;
$deadline = microtime(true) + $seconds;
while (microtime(true) < $deadline) {
	usleep(mt_rand(20000, 150000));
	$victim = array_rand($workers);
	posix_kill($victim, SIGKILL);
	pcntl_waitpid($victim, $status);
	unset($workers[$victim]);
	$kills += pcntl_wifsignaled($status) ? 1 : 0;
	$spawn();
}
foreach (array_keys($workers) as $pid) {
	posix_kill($pid, SIGKILL);
	pcntl_waitpid($pid, $status);
	$kills += pcntl_wifsignaled($status) ? 1 : 0;
}
$torn = glob("$results/torn-*");
foreach ($torn as $file) {
	echo "torn value seen by a worker: ", file_get_contents($file), "\n";
	unlink($file);
}
rmdir($results);
echo "workers killed: ", var_export($kills > 4, true), "\n";
echo "no worker saw a torn value: ", var_export($torn === [], true), "\n";

$intact = true;
$present = 0;
for ($k = 0; $k < KEYS; $k++) {
	$value = perf_cache_get("k$k");
	$intact = $intact && stress_intact($value);
	$present += perf_cache_has("k$k") ? 1 : 0;
}
$counters = true;
for ($n = 0; $n < 4; $n++) {
	$counter = perf_cache_get("n$n");
	$counters = $counters && ($counter === null || is_int($counter));
}
echo "every value intact: ", var_export($intact, true), "\n";
echo "every counter an integer: ", var_export($counters, true), "\n";

$memory = ini_get('perf.cache_driver') === 'memory';
$stats = perf_cache_stats();
$bounded = fn(array $s) => !$memory || ($s['memory_used'] >= 0 && $s['memory_used'] <= $s['memory_size']
	&& $s['memory_used'] + $s['memory_free'] === $s['memory_size']);
echo "memory accounting within bounds: ", var_export($bounded($stats), true), "\n";
/* Entries whose tag was invalidated are still linked until evicted: at least the live keys, at most every key. */
echo "entries between the live keys and all keys: ", var_export(!$memory || ($stats['entries'] >= $present
	&& $stats['entries'] <= KEYS + 4), true), "\n";

for ($k = 0; $k < KEYS; $k++) {
	perf_cache_delete("k$k");
}
for ($n = 0; $n < 4; $n++) {
	perf_cache_delete("n$n");
}
$stats = perf_cache_stats();
echo "no entry left after deleting every key: ", var_export(!$memory || $stats['entries'] === 0, true), "\n";
echo "memory accounting within bounds after the deletes: ", var_export($bounded($stats), true), "\n";
/* Blocks of killed writers and readers come back: a value of most of the segment fits. */
$big = str_repeat('B', $memory ? (int) ($stats['memory_size'] * 0.9) : 1 << 20);
echo "a value of 90% of the segment fits: ", var_export(perf_cache_set('big', $big) && perf_cache_get('big') === $big, true), "\n";
?>
--EXPECT--
workers killed: true
no worker saw a torn value: true
every value intact: true
every counter an integer: true
memory accounting within bounds: true
entries between the live keys and all keys: true
no entry left after deleting every key: true
memory accounting within bounds after the deletes: true
a value of 90% of the segment fits: true
