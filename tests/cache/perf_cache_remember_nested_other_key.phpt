--TEST--
perf_cache_remember(): a nested remember() for another key that shares the outer key's lease slot does not give up the outer lease
--EXTENSIONS--
pcntl
--INI--
perf.cache_enable_cli=1
perf.cache_lock_wait_ms=400
--FILE--
<?php
require __DIR__ . '/perf_cache.inc';

/* The memory driver has 4096 lease slots, chosen by the low bits of the key's DJB hash. */
function lease_slot(string $key): int
{
	$h = 5381;
	for ($i = 0; $i < strlen($key); $i++) {
		$h = ($h * 33 + ord($key[$i])) & 0xfff;
	}
	return $h;
}
$outer = 'lease-outer';
for ($n = 0; lease_slot($inner = "lease-inner-$n") !== lease_slot($outer); $n++);

$value = perf_cache_remember($outer, 60, function () use ($outer, $inner) {
	echo "inner computed: ", perf_cache_remember($inner, 60, fn() => 'inner'), "\n";
	/* Still computing the outer key: another process asking for it must wait for this one. */
	echo in_child(function () use ($outer) {
		$waits = perf_cache_stats()['lock_waits'];
		$computed = false;
		perf_cache_remember($outer, 60, function () use (&$computed) {
			$computed = true;
			return 'child';
		});
		echo "another process waited for the outer lease: ", var_export(perf_cache_stats()['lock_waits'] > $waits, true), "\n";
	});
	return 'outer';
});
var_dump($value, perf_cache_get($inner));
?>
--EXPECT--
inner computed: inner
another process waited for the outer lease: true
string(5) "outer"
string(5) "inner"
