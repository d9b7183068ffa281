--TEST--
perf.cache_allowed_classes fails closed: "*" is the only spelling that allows every class; empty, unquoted none/null/off/false in php.ini, "none" in any case and invalid values allow none
--FILE--
<?php
$php = getenv('TEST_PHP_EXECUTABLE') . ' ' . getenv('TEST_PHP_EXTRA_ARGS');
$code = 'class Gadget { public $cmd = "id"; function __wakeup() { echo "Gadget::__wakeup ran\n"; } } '
	. 'perf_cache_set("k", new Gadget()); $v = perf_cache_get("k"); '
	. 'echo json_encode(ini_get("perf.cache_allowed_classes")), " -> ", get_class($v), "\n";';
foreach (['*', 'Gadget', 'none', 'None', '"none"', '', '""', 'null', 'off', 'false', 'no', 'on', '1', 'Gad get', 'Gadget;x', '*,Gadget', 'Other'] as $value) {
	$ini = tempnam(sys_get_temp_dir(), 'perf-ini');
	file_put_contents($ini, "perf.cache_allowed_classes = $value\n");
	echo str_pad("php.ini: perf.cache_allowed_classes = $value", 50), ' ';
	$out = shell_exec("$php -c " . escapeshellarg($ini) . ' -d display_errors=1 -d display_startup_errors=1'
		. ' -d perf.cache_enable_cli=1 -d perf.cache_driver=memory -r ' . escapeshellarg($code) . ' 2>&1');
	echo preg_replace(['/^\s+/', '/ in Unknown on line 0\s*/', '/: must be .* class names/'], ['', ' | ', ': must be ...'], $out);
	unlink($ini);
}
?>
--EXPECT--
php.ini: perf.cache_allowed_classes = *            Gadget::__wakeup ran
"*" -> Gadget
php.ini: perf.cache_allowed_classes = Gadget       Gadget::__wakeup ran
"Gadget" -> Gadget
php.ini: perf.cache_allowed_classes = none         "" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = None         "" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = "none"       "none" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes =              "" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = ""           "" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = null         "" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = off          "" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = false        "" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = no           "" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = on           Warning: Invalid value "1" for perf.cache_allowed_classes: must be ... | "1" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = 1            Warning: Invalid value "1" for perf.cache_allowed_classes: must be ... | "1" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = Gad get      Warning: Invalid value "Gad get" for perf.cache_allowed_classes: must be ... | "Gad get" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = Gadget;x     Gadget::__wakeup ran
"Gadget" -> Gadget
php.ini: perf.cache_allowed_classes = *,Gadget     Warning: Invalid value "*,Gadget" for perf.cache_allowed_classes: must be ... | "*,Gadget" -> __PHP_Incomplete_Class
php.ini: perf.cache_allowed_classes = Other        "Other" -> __PHP_Incomplete_Class
