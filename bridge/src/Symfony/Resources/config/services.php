<?php

declare(strict_types=1);

/*
 * The perf cache adapter as an abstract service tagged cache.pool, like FrameworkBundle's own
 * cache.adapter.apcu. Import this file (config/services.php or a bundle's extension), then pick
 * it per pool:
 *
 *     framework:
 *         cache:
 *             app: cache.adapter.perf
 *             pools:
 *                 my.pool: { adapter: cache.adapter.perf, default_lifetime: 600 }
 *
 * CachePoolPass fills in each pool's namespace and default lifetime (the first two arguments);
 * the third names the driver (memory, file or redis; null: perf.cache_driver).
 */

namespace Symfony\Component\DependencyInjection\Loader\Configurator;

use Perf\Bridge\Symfony\PerfAdapter;

return static function (ContainerConfigurator $container): void {
	$container->services()
		->set('cache.adapter.perf', PerfAdapter::class)
			->abstract()
			->args(['', 0, null])
			->tag('cache.pool', ['clearer' => 'cache.default_clearer']);
};
