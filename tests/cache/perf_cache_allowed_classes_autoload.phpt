--TEST--
perf.cache_allowed_classes: an autoloader that changes the setting while a value is being unserialized neither frees the list in use (valgrind) nor changes what that read allows; the next read uses the new list
--EXTENSIONS--
pcntl
--INI--
perf.cache_enable_cli=1
perf.cache_memory=8M
perf.cache_allowed_classes=Foo,Bar
--FILE--
<?php
// A forked child defines the classes and stores the objects; the parent has neither class, so reading them autoloads.
$pid = pcntl_fork();
if ($pid === 0) {
	eval('class Foo {} class Bar {} class Baz {}');
	perf_cache_set('objs', [new Foo, new Bar, new Baz]);
	exit(0);
}
pcntl_waitpid($pid, $status);
spl_autoload_register(function (string $class) {
	echo "autoload $class\n";
	ini_set('perf.cache_allowed_classes', 'Foo,Bar,Baz,' . str_repeat('Filler', 50));
	for ($i = 0; $i < 100; $i++) {
		$noise[] = str_repeat('x', 56);
	}
	eval("class $class {}");
});
echo implode(' ', array_map('get_class', perf_cache_get('objs'))), "\n";
echo implode(' ', array_map('get_class', perf_cache_get('objs'))), "\n";
ini_set('perf.cache_allowed_classes', 'Foo');
echo implode(' ', array_map('get_class', perf_cache_get('objs'))), "\n";
?>
--EXPECT--
autoload Foo
autoload Bar
Foo Bar __PHP_Incomplete_Class
autoload Baz
Foo Bar Baz
Foo __PHP_Incomplete_Class __PHP_Incomplete_Class
