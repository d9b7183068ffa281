<?php

declare(strict_types=1);

/*
 * A minimal Laravel 8 application on Debian's php-laravel-framework (no Composer): the autoloaders
 * Debian installs, the bridge's PSR-4 autoloader, and the HTTP kernel with its usual bootstrappers
 * (configuration from config/, providers, facades).
 */
require_once __DIR__ . '/../../../bootstrap-autoload.php';
spl_autoload_register(static function (string $class): void {
	if (str_starts_with($class, 'TestApp\\')) {
		require __DIR__ . '/../src/' . str_replace('\\', '/', substr($class, strlen('TestApp\\'))) . '.php';
	}
});

/* What the application writes (provider manifest, storage) goes to a directory of the test's. */
$run = getenv('PERF_BRIDGE_APP_RUN') ?: sys_get_temp_dir() . '/perf-bridge-app';
foreach (['SERVICES', 'PACKAGES', 'CONFIG', 'ROUTES', 'EVENTS'] as $cache) {
	putenv("APP_{$cache}_CACHE=$run/" . strtolower($cache) . '.php');
}
@mkdir("$run/storage/framework", 0700, true);

$app = new Illuminate\Foundation\Application(dirname(__DIR__));
$app->useStoragePath("$run/storage");
$app->singleton(Illuminate\Contracts\Http\Kernel::class, Illuminate\Foundation\Http\Kernel::class);
$app->singleton(Illuminate\Contracts\Debug\ExceptionHandler::class, Illuminate\Foundation\Exceptions\Handler::class);
return $app;
