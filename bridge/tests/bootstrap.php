<?php

declare(strict_types=1);

/*
 * The bridge's tests run with Debian's packages (phpunit, php-cache-integration-tests,
 * php-laravel-framework, php-symfony-cache), whose classes load through the autoload.php files
 * Debian installs under /usr/share/php, and with the extension loaded by the caller
 * (php -d extension=modules/perf.so). PERF_BRIDGE_DRIVER names the driver every test uses.
 */
if (!extension_loaded('perf')) {
	fwrite(STDERR, "the perf extension is not loaded (run with -d extension=modules/perf.so)\n");
	exit(1);
}

foreach ([
	'Psr/SimpleCache/autoload.php',
	'Psr/Cache/autoload.php',
	'Cache/IntegrationTests/autoload.php',
	'Cache/TagInterop/autoload.php',
	'Illuminate/autoload.php',
	'Symfony/Component/Cache/autoload.php',
	'Symfony/Component/DependencyInjection/autoload.php',
	'Symfony/Component/Config/autoload.php',
] as $file) {
	require_once $file;
}

spl_autoload_register(static function (string $class): void {
	foreach (['Perf\\Bridge\\Tests\\' => __DIR__ . '/', 'Perf\\Bridge\\' => __DIR__ . '/../src/'] as $prefix => $dir) {
		if (str_starts_with($class, $prefix)) {
			$file = $dir . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
			if (is_file($file)) {
				require $file;
			}
			return;
		}
	}
});
