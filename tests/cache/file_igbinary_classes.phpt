--TEST--
file driver: an igbinary payload never bypasses perf.cache_allowed_classes: it is decoded only by a reader set to perf.cache_serializer=igbinary while every class is allowed; increment() of such an entry elsewhere is false, without touching uninitialised memory
--EXTENSIONS--
igbinary
--SKIPIF--
<?php if (!function_exists('igbinary_serialize')) die('skip igbinary cannot be loaded'); ?>
--INI--
perf.cache_driver=file
--FILE--
<?php
$dir = sys_get_temp_dir() . '/perf-igb-' . getmypid();
$php = getenv('TEST_PHP_EXECUTABLE') . ' ' . getenv('TEST_PHP_EXTRA_ARGS') . " -d perf.cache_driver=file -d perf.cache_dir=$dir -d display_errors=1";
$gadget = 'class Gadget { public $cmd = "id"; function __wakeup() { echo "Gadget::__wakeup ran\n"; } }';
echo "-- a writer set to igbinary (every class allowed) stores an object and an integer with igbinary\n";
echo shell_exec("$php -d perf.cache_serializer=igbinary -r " . escapeshellarg($gadget
	. ' var_dump(perf_cache_set("g", [new Gadget]), perf_cache_set("n", [5])); $o = null;') . ' 2>&1');
$read = function (string $ini, string $what) use ($php, $gadget) {
	echo "-- $what\n";
	echo shell_exec("$php $ini -r " . escapeshellarg($gadget
		. ' $v = perf_cache_get("g", "miss"); echo is_array($v) ? get_class($v[0]) : $v, "\n"; $v = null;') . ' 2>&1');
};
$read('-d perf.cache_serializer=igbinary -d perf.cache_allowed_classes=NoSuchClass',
	'reader set to igbinary with a class list: igbinary cannot filter classes, so a miss');
$read('-d perf.cache_serializer=php -d perf.cache_allowed_classes=NoSuchClass', 'reader set to php with a class list: a miss');
// The writer again: the reads above removed the undecodable entry.
echo shell_exec("$php -d perf.cache_serializer=igbinary -r " . escapeshellarg($gadget . ' perf_cache_set("g", [new Gadget]);') . ' 2>&1');
$read('-d perf.cache_serializer=php', 'reader set to php, every class allowed: it decodes only what it writes, a miss');
echo shell_exec("$php -d perf.cache_serializer=igbinary -r " . escapeshellarg($gadget . ' perf_cache_set("g", [new Gadget]);') . ' 2>&1');
$read('-d perf.cache_serializer=igbinary', 'reader set to igbinary, every class allowed: the object');

echo "-- under a class list, a writer set to igbinary writes PHP's format, which the list filters\n";
echo shell_exec("$php -d perf.cache_serializer=igbinary -d perf.cache_allowed_classes=Gadget -r " . escapeshellarg($gadget
	. ' perf_cache_set("g", [new Gadget]); $v = perf_cache_get("g"); echo get_class($v[0]), "\n"; $v = null;') . ' 2>&1');
$read('-d perf.cache_serializer=php -d perf.cache_allowed_classes=none', 'read back elsewhere under "none"');

echo "-- increment() of an igbinary entry by a reader that cannot decode it: false\n";
echo shell_exec("$php -d perf.cache_serializer=igbinary -r " . escapeshellarg('perf_cache_set("n", 1, 0, ["t"]); $o = new ArrayObject([1]); perf_cache_set("o", $o);') . ' 2>&1');
echo shell_exec("$php -d perf.cache_serializer=php -r " . escapeshellarg('var_dump(perf_cache_increment("o"), perf_cache_increment("n"));') . ' 2>&1');
echo "-- and by a process without igbinary at all\n";
echo shell_exec("$php -d perf.cache_serializer=igbinary -r " . escapeshellarg('perf_cache_set("o", new ArrayObject([1]));') . ' 2>&1');
$withoutIgbinary = preg_replace('/-d "?extension=[^ ]*igbinary[^ ]*"?/', '', $php);
echo shell_exec("$withoutIgbinary -r " . escapeshellarg('var_dump(extension_loaded("igbinary"), perf_cache_increment("o"), perf_cache_increment("n"));') . ' 2>&1');
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
-- a writer set to igbinary (every class allowed) stores an object and an integer with igbinary
bool(true)
bool(true)
-- reader set to igbinary with a class list: igbinary cannot filter classes, so a miss
miss
-- reader set to php with a class list: a miss
miss
-- reader set to php, every class allowed: it decodes only what it writes, a miss
miss
-- reader set to igbinary, every class allowed: the object
Gadget::__wakeup ran
Gadget
-- under a class list, a writer set to igbinary writes PHP's format, which the list filters
Gadget::__wakeup ran
Gadget
-- read back elsewhere under "none"
__PHP_Incomplete_Class
-- increment() of an igbinary entry by a reader that cannot decode it: false
bool(false)
int(2)
-- and by a process without igbinary at all
bool(false)
bool(false)
int(3)
