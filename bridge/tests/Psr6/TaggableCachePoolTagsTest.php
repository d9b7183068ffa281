<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Psr6;

use Cache\IntegrationTests\TaggableCachePoolTest;
use Perf\Bridge\Psr6\TaggableCachePool;
use Perf\Bridge\Tests\Driver;

/** php-cache's taggable pool suite (tag-interop) against TaggableCachePool. */
final class TaggableCachePoolTagsTest extends TaggableCachePoolTest
{
	public function createCachePool()
	{
		return new TaggableCachePool(Driver::cache());
	}
}
