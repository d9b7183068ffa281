--TEST--
perf.cache_serializer=igbinary: values with objects are stored with igbinary and come back equal; the setting can change between store and fetch
--EXTENSIONS--
igbinary
--SKIPIF--
<?php
if (!function_exists('igbinary_serialize')) {
    die('skip igbinary cannot be loaded');
}
?>
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
perf.cache_serializer=igbinary
--FILE--
<?php
require __DIR__ . '/perf_cache.inc';

class Account
{
    public function __construct(public int $id, public array $roles, public ?Account $parent = null) {}
}

$account = new Account(7, ['admin', 'dev'], new Account(1, ['root']));
var_dump(perf_cache_set('account', $account));
$got = perf_cache_get('account');
var_dump($got == $account, $got !== $account, get_class($got->parent), $got->roles);

echo "-- stored with igbinary, not serialize(): a repeated string is kept once\n";
// 100 properties holding the same 1000-byte string: serialize() writes it 100 times, igbinary once.
$repeated = new stdClass();
$text = str_repeat('0123456789', 100);
for ($i = 0; $i < 100; $i++) {
    $repeated->{"p$i"} = $text;
}
var_dump(strlen(serialize($repeated)) > 100000, strlen(igbinary_serialize($repeated)) < 5000);
var_dump(stored_bytes('repeated', fn () => perf_cache_set('repeated', $repeated)) < 10000);
var_dump(perf_cache_get('repeated') == $repeated);

echo "-- with serialize() for comparison\n";
ini_set('perf.cache_serializer', 'php');
var_dump(stored_bytes('repeated php', fn () => perf_cache_set('repeated php', $repeated)) > 100000);

echo "-- PHP-serialized entries are read under either setting; igbinary ones only by a reader set to igbinary\n";
echo "-- (igbinary cannot filter classes, and the encoding byte comes from the stored data)\n";
var_dump(perf_cache_get('account', 'miss'), perf_cache_get('repeated php') == $repeated);
ini_set('perf.cache_serializer', 'igbinary');
var_dump(perf_cache_get('repeated php') == $repeated, perf_cache_get('repeated') == $repeated);

echo "-- arrays and scalars do not go through the serializer\n";
var_dump(perf_cache_set('array', ['a' => [1, 2]]), perf_cache_get('array') === ['a' => [1, 2]]);

echo "-- what igbinary cannot serialize throws\n";
try {
    perf_cache_set('closure', fn () => 1);
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump(perf_cache_has('closure'));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
string(7) "Account"
array(2) {
  [0]=>
  string(5) "admin"
  [1]=>
  string(3) "dev"
}
-- stored with igbinary, not serialize(): a repeated string is kept once
bool(true)
bool(true)
bool(true)
bool(true)
-- with serialize() for comparison
bool(true)
-- PHP-serialized entries are read under either setting; igbinary ones only by a reader set to igbinary
-- (igbinary cannot filter classes, and the encoding byte comes from the stored data)
string(4) "miss"
bool(true)
bool(true)
bool(true)
-- arrays and scalars do not go through the serializer
bool(true)
bool(true)
-- what igbinary cannot serialize throws
Exception: Serialization of 'Closure' is not allowed
bool(false)
