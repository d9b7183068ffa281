--TEST--
redis driver: a value planted in Redis by another client cannot revive a class perf.cache_allowed_classes refuses, whatever encoding byte its frame claims (PHP serialize or igbinary)
--EXTENSIONS--
igbinary
--SKIPIF--
<?php require __DIR__ . '/redis.inc'; redis_skip_unless_available();
if (!function_exists('igbinary_serialize')) die('skip igbinary cannot be loaded'); ?>
--INI--
perf.cache_driver=redis
perf.redis_prefix=planted:
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start();
ini_set('perf.redis_port', (string) $port);
class Gadget { public $cmd = 'id'; function __wakeup() { echo "Gadget::__wakeup ran\n"; } }

// A frame: kind (1 = PHP serialize, 2 = igbinary), expiry 0, no tags, payload.
$plant = function (string $key, int $kind, string $payload) use ($port) {
	$file = tempnam(sys_get_temp_dir(), 'perf-frame');
	file_put_contents($file, chr($kind) . str_repeat("\0", 9) . $payload);
	shell_exec('redis-cli -p ' . $port . ' -x SET ' . escapeshellarg("planted:k:$key") . ' < ' . escapeshellarg($file));
	unlink($file);
};
$plant('php', 1, serialize([new Gadget]));
$plant('igbinary', 2, igbinary_serialize([new Gadget]));
$show = fn ($v) => is_array($v) ? get_class($v[0]) : var_export($v, true);

foreach ([['php', 'NoSuchClass'], ['php', 'none'], ['php', ''], ['igbinary', 'NoSuchClass'], ['igbinary', '*'], ['php', '*']] as [$serializer, $allowed]) {
	ini_set('perf.cache_serializer', $serializer);
	ini_set('perf.cache_allowed_classes', $allowed);
	$php = $show(perf_cache_get('php', 'miss'));
	$igbinary = $show(perf_cache_get('igbinary', 'miss'));
	echo "serializer=$serializer allowed_classes='$allowed': php frame -> $php, igbinary frame -> $igbinary\n";
}
?>
--EXPECT--
serializer=php allowed_classes='NoSuchClass': php frame -> __PHP_Incomplete_Class, igbinary frame -> 'miss'
serializer=php allowed_classes='none': php frame -> __PHP_Incomplete_Class, igbinary frame -> 'miss'
serializer=php allowed_classes='': php frame -> __PHP_Incomplete_Class, igbinary frame -> 'miss'
serializer=igbinary allowed_classes='NoSuchClass': php frame -> __PHP_Incomplete_Class, igbinary frame -> 'miss'
Gadget::__wakeup ran
Gadget::__wakeup ran
serializer=igbinary allowed_classes='*': php frame -> Gadget, igbinary frame -> Gadget
Gadget::__wakeup ran
serializer=php allowed_classes='*': php frame -> Gadget, igbinary frame -> 'miss'
