--TEST--
perf.cache_allowed_classes: only the listed classes are revived from the cache; others come back incomplete, like unserialize() with allowed_classes
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
--FILE--
<?php
class Account { public $id = 7; }
class Session { public $token = 'x'; }

perf_cache_set('objects', [new Account(), new Session(), new stdClass()]);

foreach (['*', 'Account, \\Session', 'account', 'none', 'NONE', ''] as $allowed) {
	ini_set('perf.cache_allowed_classes', $allowed);
	echo var_export($allowed, true), ': ', implode(' ', array_map('get_class', perf_cache_get('objects'))), "\n";
}
ini_set('perf.cache_allowed_classes', 'stdClass');
$incomplete = perf_cache_get('objects')[0];
var_dump($incomplete instanceof __PHP_Incomplete_Class);
echo "-- scalars and arrays are not affected\n";
perf_cache_set('plain', ['a' => 1]);
var_dump(perf_cache_get('plain'));
?>
--EXPECT--
'*': Account Session stdClass
'Account, \\Session': Account Session __PHP_Incomplete_Class
'account': Account __PHP_Incomplete_Class __PHP_Incomplete_Class
'none': __PHP_Incomplete_Class __PHP_Incomplete_Class __PHP_Incomplete_Class
'NONE': __PHP_Incomplete_Class __PHP_Incomplete_Class __PHP_Incomplete_Class
'': __PHP_Incomplete_Class __PHP_Incomplete_Class __PHP_Incomplete_Class
bool(true)
-- scalars and arrays are not affected
array(1) {
  ["a"]=>
  int(1)
}
