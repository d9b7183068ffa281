<?php

declare(strict_types=1);

/* Loads the bridge's PSR classes against the 3.0 interfaces and uses them through those. */
require __DIR__ . '/psr3-interfaces.inc';
spl_autoload_register(static function (string $class): void {
	if (str_starts_with($class, 'Perf\\Bridge\\')) {
		require __DIR__ . '/../../src/' . str_replace('\\', '/', substr($class, strlen('Perf\\Bridge\\'))) . '.php';
	}
});

$driver = $argv[1];
$simple = new Perf\Bridge\Psr16\SimpleCache($driver);
$check = static function (bool $ok, string $what): void {
	echo ($ok ? 'ok ' : 'FAILED ') . $what, "\n";
};
$check($simple instanceof Psr\SimpleCache\CacheInterface, 'SimpleCache implements the 3.0 CacheInterface');
$check($simple->set('k', 'v', new DateInterval('PT1M')) && $simple->get('k') === 'v', 'set/get through 3.0');
$check($simple->getMultiple(['k', 'x'], 'd') === ['k' => 'v', 'x' => 'd'], 'getMultiple through 3.0');
try {
	$simple->get('a{b');
	$check(false, 'invalid key throws');
} catch (Psr\SimpleCache\InvalidArgumentException) {
	$check(true, "an invalid key throws 3.0's InvalidArgumentException");
}

$pool = new Perf\Bridge\Psr6\CachePool($driver);
$check($pool instanceof Psr\Cache\CacheItemPoolInterface, 'CachePool implements the 3.0 CacheItemPoolInterface');
$item = $pool->getItem('p')->set(['a' => 1])->expiresAfter(60);
$check($item instanceof Psr\Cache\CacheItemInterface && $pool->save($item), 'save through 3.0');
$check($pool->getItem('p')->get() === ['a' => 1] && $pool->hasItem('p'), 'getItem through 3.0');
try {
	$pool->getItem('');
	$check(false, 'empty key throws');
} catch (Psr\Cache\InvalidArgumentException) {
	$check(true, "an empty key throws 3.0's InvalidArgumentException");
}
$simple->clear();
