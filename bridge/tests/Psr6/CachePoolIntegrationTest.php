<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Psr6;

use Cache\IntegrationTests\CachePoolTest;
use Perf\Bridge\Psr6\CachePool;
use Perf\Bridge\Tests\Driver;

/** php-cache's PSR-6 conformance suite against CachePool. */
final class CachePoolIntegrationTest extends CachePoolTest
{
	public function createCachePool()
	{
		return new CachePool(Driver::cache());
	}
}
