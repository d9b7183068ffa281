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

require_once __DIR__ . '/bootstrap-autoload.php';
