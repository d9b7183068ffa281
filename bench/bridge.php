<?php
/*
 * Worker of bench/bridge.sh: the cost of the PHP bridge (bridge/) over a direct call, and Laravel's
 * Cache::get() through the perf store against Laravel's own apc store, both through the same
 * Illuminate\Cache\Repository (no event dispatcher on either), in one process.
 *
 *   php bridge.php <reps> <target_ms>
 * Each case: a loop calibrated to about target_ms, an empty loop subtracted, the median of reps.
 * A value that does not round-trip ends the process with status 1.
 */

declare(strict_types=1);

require '/usr/share/php/Illuminate/autoload.php';
require '/usr/share/php/Psr/SimpleCache/autoload.php';
require '/usr/share/php/Psr/Cache/autoload.php';
require '/usr/share/php/Symfony/Component/Cache/autoload.php';
spl_autoload_register(static function (string $class): void {
	if (str_starts_with($class, 'Perf\\Bridge\\')) {
		require __DIR__ . '/../bridge/src/' . str_replace('\\', '/', substr($class, strlen('Perf\\Bridge\\'))) . '.php';
	}
});

[, $reps, $targetMs] = $argv + [1 => 5, 2 => 200];
$value = str_repeat('a', 90) . '0123456789';
perf_cache_set('k', $value, 0);
apcu_store('laravel:k', $value);

$native = new Perf\Cache();
$psr16 = new Perf\Bridge\Psr16\SimpleCache($native);
$psr6 = new Perf\Bridge\Psr6\CachePool($native);
$symfony = new Perf\Bridge\Symfony\PerfAdapter('', 0, $native);
$laravelPerf = new Illuminate\Cache\Repository(new Perf\Bridge\Laravel\PerfStore($native));
$perfStore = new Perf\Bridge\Laravel\PerfStore($native, 'laravel');
$perfStore->forever('k', $value);
$laravelPerf = new Illuminate\Cache\Repository($perfStore);
$laravelApc = new Illuminate\Cache\Repository(new Illuminate\Cache\ApcStore(new Illuminate\Cache\ApcWrapper(), 'laravel:'));

$cases = [
	'perf_cache_get()' => static fn () => perf_cache_get('k'),
	'apcu_fetch()' => static fn () => apcu_fetch('laravel:k'),
	'Perf\Cache::get()' => static fn () => $native->get('k'),
	'PSR-16 SimpleCache::get()' => static fn () => $psr16->get('k'),
	'PSR-6 getItem()->get()' => static fn () => $psr6->getItem('k')->get(),
	'Symfony PerfAdapter::getItem()->get()' => static fn () => $symfony->getItem('k')->get(),
	'Laravel Repository(PerfStore)::get()' => static fn () => $laravelPerf->get('k'),
	'Laravel Repository(ApcStore)::get()' => static fn () => $laravelApc->get('k'),
];
foreach ($cases as $name => $case) {
	if ($case() !== $value) {
		fwrite(STDERR, "bridge bench: $name did not return the stored value\n");
		exit(1);
	}
}

/** ns per call of $case, the empty loop subtracted. */
function measure(Closure $case, int $n): float
{
	$empty = static fn () => null;
	$t = hrtime(true);
	for ($i = 0; $i < $n; $i++) {
		$empty();
	}
	$base = hrtime(true) - $t;
	$t = hrtime(true);
	for ($i = 0; $i < $n; $i++) {
		$case();
	}
	return (hrtime(true) - $t - $base) / $n;
}

$results = [];
for ($r = 0; $r < (int) $reps; $r++) {
	/* Case by case within a repetition, so a drift of the machine hits them alike. */
	foreach ($cases as $name => $case) {
		$n = 1000;
		while (($t = hrtime(true)) && measure($case, $n) * $n < (int) $targetMs * 1e6 / 4) {
			$n *= 2;
		}
		$results[$name][] = measure($case, $n * 4);
	}
}
$median = static function (array $v): float {
	sort($v);
	return $v[intdiv(count($v), 2)];
};
$direct = $median($results['perf_cache_get()']);
printf("%-40s %10s %14s\n", 'case', 'ns/get', 'over direct');
foreach ($results as $name => $ns) {
	$m = $median($ns);
	printf("%-40s %10.1f %14.1f\n", $name, $m, $m - $direct);
}
$perf = $median($results['Laravel Repository(PerfStore)::get()']);
$apc = $median($results['Laravel Repository(ApcStore)::get()']);
printf("\nLaravel get(): perf store / apc store = %.2f (goal <= 0.80)\n", $perf / $apc);
printf("PSR-16 get() over perf_cache_get(): %.1f ns (goal <= 150)\n", $median($results['PSR-16 SimpleCache::get()']) - $direct);
