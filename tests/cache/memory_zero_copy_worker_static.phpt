--TEST--
Memory driver, CLI worker loop: configuration memoized in a static across perf_request_begin()/perf_request_end() jobs stays what was read, however the cache changes (code-review finding 3, adversarial case 8)
--SKIPIF--
<?php
if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: zero-copy reads point into the shared memory segment');
?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=2M
perf.cache_zero_copy=1
--FILE--
<?php
final class Config {
	public static ?array $cache = null;
}
perf_cache_set('config', ['name' => 'shop', 'hosts' => ['db1', 'db2'], 'blob' => str_repeat('c', 3000)]);
for ($job = 0; $job < 3; $job++) {
	perf_request_begin();
	Config::$cache ??= perf_cache_get('config');
	echo Config::$cache['name'], ' ', implode(',', Config::$cache['hosts']), ' ', strlen(Config::$cache['blob']), "\n";
	perf_request_end();
	perf_cache_set('config', ['name' => 'shop2', 'blob' => str_repeat('x', 3000)]);
	for ($i = 0; $i < 2000; $i++) {
		perf_cache_set("other$i", ['name' => str_repeat(chr(97 + $i % 26), 40), 'n' => $i, 'pad' => str_repeat('p', 1000 + $i % 50)]);
	}
}
?>
--EXPECT--
shop db1,db2 3000
shop db1,db2 3000
shop db1,db2 3000
