--TEST--
perf_cache_key(): "namespace:" + 40 hex digits, the same for the same parts (also in another process), different for different parts
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
$key = perf_cache_key('users', 42, 'profile', ['lang' => 'en', 'v' => 2]);
var_dump(preg_match('/\Ausers:[0-9a-f]{40}\z/', $key));

echo "-- the same inputs give the same key\n";
var_dump($key === perf_cache_key('users', 42, 'profile', ['lang' => 'en', 'v' => 2]));
$object = new stdClass();
$object->id = 1;
$clone = clone $object;
var_dump(perf_cache_key('o', $object) === perf_cache_key('o', $clone));

echo "-- the same key in a separate process\n";
$code = 'echo perf_cache_key("users", 42, "profile", ["lang" => "en", "v" => 2]);';
$other = shell_exec(getenv('TEST_PHP_EXECUTABLE') . ' ' . getenv('TEST_PHP_EXTRA_ARGS') . ' -r ' . escapeshellarg($code));
var_dump($other === $key);

echo "-- namespace:sha1(serialize(parts)): keys stay valid across releases\n";
var_dump($key === 'users:' . sha1(serialize([42, 'profile', ['lang' => 'en', 'v' => 2]])));
var_dump(perf_cache_key('ns') === 'ns:' . sha1(serialize([])));

echo "-- different inputs give different keys\n";
$variants = [
    perf_cache_key('users', 42),
    perf_cache_key('users', '42'),
    perf_cache_key('users', 42.0),
    perf_cache_key('users', 43),
    perf_cache_key('users', 4, 2),
    perf_cache_key('users', '4', '2'),
    perf_cache_key('users', 'ab', 'c'),
    perf_cache_key('users', 'a', 'bc'),
    perf_cache_key('users', ['a' => 1]),
    perf_cache_key('users', ['a' => 2]),
    perf_cache_key('users', ['b' => 1]),
    perf_cache_key('users', [1]),
    perf_cache_key('users', null),
    perf_cache_key('users', false),
    perf_cache_key('users', ''),
    perf_cache_key('users'),
    perf_cache_key('posts', 42),
    perf_cache_key('Users', 42),
];
var_dump(count($variants), count(array_unique($variants)));

echo "-- usable as a cache key, also with the longest namespace\n";
var_dump(perf_cache_set($key, 'profile data'), perf_cache_get($key));
$long = perf_cache_key(str_repeat('n', 200), 'x');
var_dump(strlen($long), perf_cache_set($long, 'long'), perf_cache_get($long));
?>
--EXPECT--
int(1)
-- the same inputs give the same key
bool(true)
bool(true)
-- the same key in a separate process
bool(true)
-- namespace:sha1(serialize(parts)): keys stay valid across releases
bool(true)
bool(true)
-- different inputs give different keys
int(18)
int(18)
-- usable as a cache key, also with the longest namespace
bool(true)
string(12) "profile data"
int(241)
bool(true)
string(4) "long"
