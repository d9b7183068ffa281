<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Psr6;

use Cache\IntegrationTests\CachePoolTest;
use Perf\Bridge\Psr6\TaggableCachePool;
use Perf\Bridge\Tests\Driver;

/** php-cache's PSR-6 conformance suite against TaggableCachePool (the tag suite is TaggableCachePoolTagsTest). */
final class TaggableCachePoolIntegrationTest extends CachePoolTest
{
	public function createCachePool()
	{
		return new TaggableCachePool(Driver::cache());
	}
}
