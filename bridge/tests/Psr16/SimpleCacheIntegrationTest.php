<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Psr16;

use Cache\IntegrationTests\SimpleCacheTest;
use Perf\Bridge\Psr16\SimpleCache;
use Perf\Bridge\Tests\Driver;

/** php-cache's PSR-16 conformance suite against SimpleCache. */
final class SimpleCacheIntegrationTest extends SimpleCacheTest
{
	public function createSimpleCache()
	{
		return new SimpleCache(Driver::cache());
	}
}
