<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Laravel;

use Illuminate\Cache\CacheServiceProvider;
use Illuminate\Config\Repository as Config;
use Illuminate\Events\EventServiceProvider;
use Illuminate\Foundation\Application;
use Perf\Bridge\Laravel\PerfServiceProvider;
use Perf\Bridge\Tests\Driver;

/** A booted Laravel application (Debian's php-laravel-framework) with config/cache.php's shape. */
final class App
{
	public static function make(array $stores = []): Application
	{
		$app = new Application(sys_get_temp_dir());
		$app->instance('config', new Config([
			'cache' => [
				'default' => 'perf',
				'stores' => $stores + [
					'perf' => ['driver' => 'perf', 'connection' => Driver::name()],
					'array' => ['driver' => 'array', 'serialize' => false],
				],
				'prefix' => 'laravel_cache',
			],
		]));
		$app->register(EventServiceProvider::class);
		$app->register(CacheServiceProvider::class);
		$app->register(PerfServiceProvider::class);
		$app->boot();
		return $app;
	}
}
