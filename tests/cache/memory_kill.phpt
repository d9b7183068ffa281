--TEST--
Memory driver: 200+ processes SIGKILLed while reading, writing, incrementing or inside remember(): survivors never stall, values stay intact
--EXTENSIONS--
pcntl
posix
--INI--
perf.cache_enable_cli=1
perf.cache_memory=16M
perf.cache_lock_wait_ms=5000
--FILE--
<?php
require __DIR__ . '/memory_concurrency.inc';

$kills = mc_iterations(240, 24);
$results = sys_get_temp_dir() . '/perf-kill-' . getmypid();
mkdir($results);
perf_cache_clear();

/* One role per victim, so each kind of operation is interrupted at random instructions. */
function victim(int $role): void
{
	mt_srand(getmypid());
	for (;;) {
		$key = 'k' . mt_rand(0, 99);
		switch ($role) {
			case 0:
				mc_intact(perf_cache_get($key));
				break;
			case 1:
				perf_cache_set($key, mc_value(mt_rand()));
				break;
			case 2:
				perf_cache_increment('counter');
				perf_cache_delete('k' . mt_rand(0, 99));
				break;
			case 3:
				perf_cache_remember('hot' . mt_rand(0, 3), 1, function () {
					usleep(mt_rand(0, 2000));
					return mc_value(mt_rand());
				});
				perf_cache_delete('hot' . mt_rand(0, 3));
				break;
		}
	}
}

/* The survivor works through all the killing and records its slowest operation. */
$survivor = pcntl_fork();
if ($survivor === 0) {
	mt_srand(7);
	$torn = 0;
	$slowest = 0.0;
	while (!file_exists("$results/stop")) {
		$key = 'k' . mt_rand(0, 99);
		$start = hrtime(true);
		switch (mt_rand(0, 3)) {
			case 0:
				$torn += mc_intact(perf_cache_get($key)) ? 0 : 1;
				break;
			case 1:
				perf_cache_set($key, mc_value(mt_rand()));
				break;
			case 2:
				perf_cache_increment('counter');
				break;
			case 3:
				$torn += mc_intact(perf_cache_remember('hot' . mt_rand(0, 3), 1, fn() => mc_value(mt_rand()))) ? 0 : 1;
				break;
		}
		$slowest = max($slowest, (hrtime(true) - $start) / 1e6);
	}
	file_put_contents("$results/survivor", json_encode(['torn' => $torn, 'slowest_ms' => $slowest]));
	exit(0);
}

mt_srand(42);
$killed = 0;
for ($i = 0; $i < $kills; $i++) {
	$pid = pcntl_fork();
	if ($pid === 0) {
		victim($i % 4);
	}
	usleep(mt_rand(300, 5000));
	posix_kill($pid, SIGKILL);
	pcntl_waitpid($pid, $status);
	$killed += pcntl_wifsignaled($status) && pcntl_wtermsig($status) === SIGKILL ? 1 : 0;
}
touch("$results/stop");
pcntl_waitpid($survivor, $status);
$survivor = json_decode(file_get_contents("$results/survivor"), true);
unlink("$results/survivor");
unlink("$results/stop");
rmdir($results);

echo "victims killed: ", $killed === $kills ? 'all' : $killed, "\n";
echo "survivor saw no torn value: ", var_export($survivor['torn'] === 0, true), "\n";
echo "survivor never stalled for 1 s: ", var_export($survivor['slowest_ms'] < 1000, true), "\n";

/* A remember() lease held by a killed process is taken over at once, not after its 30 s hold. */
$start = hrtime(true);
for ($h = 0; $h < 4; $h++) {
	perf_cache_delete("hot$h");
	perf_cache_remember("hot$h", 60, fn() => mc_value($h));
}
echo "remember after the kills is immediate: ", var_export((hrtime(true) - $start) / 1e6 < 1000, true), "\n";

$intact = true;
for ($k = 0; $k < 100; $k++) {
	$intact = $intact && mc_intact(perf_cache_get("k$k"));
}
echo "every value intact: ", var_export($intact, true), "\n";

/* Blocks of killed writers come back: the whole cache can still be filled and read. */
$stored = 0;
for ($n = 0; $n < 3000; $n++) {
	$stored += perf_cache_set("fill$n", mc_value($n)) ? 1 : 0;
}
echo "stores after the kills: ", $stored === 3000 ? 'all' : $stored, "\n";
echo "newest value readable: ", var_export(perf_cache_get('fill2999') === mc_value(2999), true), "\n";
?>
--EXPECT--
victims killed: all
survivor saw no torn value: true
survivor never stalled for 1 s: true
remember after the kills is immediate: true
every value intact: true
stores after the kills: all
newest value readable: true
