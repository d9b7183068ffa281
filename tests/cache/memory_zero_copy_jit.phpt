--TEST--
Memory driver, zero-copy with OPcache and the tracing JIT: hot loops over arrays and strings served from shared memory, written to and passed around, give the same results as copies
--EXTENSIONS--
opcache
--CGI--
--INI--
opcache.enable=1
opcache.jit=tracing
opcache.jit_buffer_size=16M
perf.cache_memory=16M
perf.cache_zero_copy=1
--FILE--
<?php
function total(array $rows): int
{
	$sum = 0;
	foreach ($rows as $row) {
		$sum += $row['qty'] * $row['price'] + strlen($row['name']);
	}
	return $sum;
}

$rows = [];
for ($i = 0; $i < 200; $i++) {
	$rows[] = ['name' => "item$i", 'qty' => $i % 7, 'price' => $i, 'tags' => ['a', 'b']];
}
perf_cache_set('rows', $rows);
perf_cache_set('text', str_repeat('abc', 1000));
$expected = total($rows);

$ok = 0;
for ($request = 0; $request < 300; $request++) {
	perf_request_begin();
	$cached = perf_cache_get('rows');
	$text = perf_cache_get('text');
	$copy = $cached;
	$copy[1]['qty'] = 1000;          /* a write separates the copy only */
	$ok += (total($cached) === $expected && total($copy) !== $expected && $cached === $rows
		&& str_contains($text, 'cab') && $text . 'x' !== $text) ? 1 : 0;
	if ($request % 50 === 0) {
		perf_cache_set('rows', $rows);    /* replaced while earlier requests' values were in use */
	}
	perf_request_end();
}
var_dump($ok, opcache_get_status(false)['jit']['on'] ?? null);
?>
--EXPECT--
int(300)
bool(true)
