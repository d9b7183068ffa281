<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Symfony;

use Cache\IntegrationTests\CachePoolTest;
use Perf\Bridge\Symfony\PerfAdapter;
use Perf\Bridge\Tests\Driver;

/** php-cache's PSR-6 suite against a namespaced adapter (clear() is then a native tag invalidation). */
final class PerfAdapterNamespacedIntegrationTest extends CachePoolTest
{
	public function createCachePool()
	{
		return new PerfAdapter('app', 0, Driver::cache());
	}
}
