--TEST--
perf_cache_key(): the whole namespace is kept, also after a NUL byte (no two namespaces share keys)
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
$key = perf_cache_key("app\0tenant-b", 'user', 1);
var_dump(str_starts_with($key, "app\0tenant-b:"), strlen($key) === strlen("app\0tenant-b:") + 40);
var_dump($key !== perf_cache_key('app', 'user', 1));
var_dump(perf_cache_key("app\0tenant-a", 'user', 1) !== $key);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
