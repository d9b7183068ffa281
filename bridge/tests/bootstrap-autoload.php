<?php

declare(strict_types=1);

/* Debian's autoloaders for the packages the bridge is tested with, and the bridge's own (PSR-4). */
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
