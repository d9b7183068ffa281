<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Symfony;

use Cache\IntegrationTests\CachePoolTest;
use Perf\Bridge\Symfony\PerfAdapter;
use Perf\Bridge\Tests\Driver;
use Symfony\Component\Cache\Adapter\TagAwareAdapter;

/** php-cache's PSR-6 suite against Symfony's own TagAwareAdapter wrapping the perf adapter. */
final class TagAwareAdapterIntegrationTest extends CachePoolTest
{
	public function createCachePool()
	{
		return new TagAwareAdapter(new PerfAdapter('', 0, Driver::cache()));
	}
}
