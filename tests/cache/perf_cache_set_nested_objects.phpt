--TEST--
perf_cache_set(): arrays nested too deeply inside objects are refused with the same ValueError as plain arrays (instead of being stored and missing on every get); strings and Serializable payloads full of braces do not count
--INI--
perf.cache_enable_cli=1
perf.cache_memory=16M
--FILE--
<?php
function nest(int $levels): array
{
	$a = [];
	for ($i = 1; $i < $levels; $i++) {
		$a = [$a];
	}
	return $a;
}
class Holder { public $data; function __construct($data) { $this->data = $data; } }
class Braces implements Serializable
{
	public int $len = 0;
	function serialize(): string { return str_repeat('{', 600); }
	function unserialize(string $data): void { $this->len = strlen($data); }
	function __serialize(): array { return ['p' => str_repeat('{', 600)]; }
	function __unserialize(array $data): void { $this->len = strlen($data['p']); }
}
$cases = [
	'plain array, 256 levels' => fn () => nest(256),
	'plain array, 257 levels' => fn () => nest(257),
	'ArrayObject holding 255 levels' => fn () => new ArrayObject(nest(255)),
	'ArrayObject holding 5000 levels' => fn () => new ArrayObject(nest(5000)),
	'property holding 255 levels' => fn () => new Holder(nest(255)),
	'property holding 300 levels' => fn () => new Holder(nest(300)),
	'objects nested 300 deep' => function () { $o = null; for ($i = 0; $i < 300; $i++) { $o = new Holder($o); } return $o; },
	'array of 256 levels holding an object' => function () { $a = [new Holder(1)]; for ($i = 1; $i < 256; $i++) { $a = [$a]; } return $a; },
	'braces in strings and a custom payload' => fn () => [new Braces, str_repeat('{', 1000), 's:3:"{{{"' => str_repeat('}', 9)],
];
foreach ($cases as $what => $make) {
	try {
		$stored = perf_cache_set('k', $make());
		$got = perf_cache_get('k', 'miss');
		echo "$what: ", var_export($stored, true), ', ', $got === 'miss' ? 'miss' : 'read back', "\n";
	} catch (ValueError $e) {
		echo "$what: ", $e->getMessage(), "\n";
	}
	perf_cache_delete('k');
}
try {
	perf_cache_set_multiple(['ok' => 1, 'deep' => new ArrayObject(nest(5000))]);
} catch (ValueError $e) {
	echo 'set_multiple: ', $e->getMessage(), "\n";
}
var_dump(perf_cache_has('ok'));
?>
--EXPECT--
plain array, 256 levels: true, read back
plain array, 257 levels: perf_cache_set(): Argument #2 ($value) must not be nested deeper than 256 levels (or contain a reference to itself)
ArrayObject holding 255 levels: true, read back
ArrayObject holding 5000 levels: perf_cache_set(): Argument #2 ($value) must not be nested deeper than 256 levels (or contain a reference to itself)
property holding 255 levels: true, read back
property holding 300 levels: perf_cache_set(): Argument #2 ($value) must not be nested deeper than 256 levels (or contain a reference to itself)
objects nested 300 deep: perf_cache_set(): Argument #2 ($value) must not be nested deeper than 256 levels (or contain a reference to itself)
array of 256 levels holding an object: perf_cache_set(): Argument #2 ($value) must not be nested deeper than 256 levels (or contain a reference to itself)
braces in strings and a custom payload: true, read back
set_multiple: perf_cache_set_multiple(): Argument #1 ($values) must not be nested deeper than 256 levels (or contain a reference to itself)
bool(false)
