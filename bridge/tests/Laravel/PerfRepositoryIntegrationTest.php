<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Laravel;

use Perf\Bridge\Laravel\PerfRepository;
use Perf\Bridge\Laravel\PerfStore;
use Perf\Bridge\Tests\Driver;

/** The same PSR-16 suite against PerfRepository, the repository the service provider hands out. */
final class PerfRepositoryIntegrationTest extends RepositoryIntegrationTest
{
	public function createSimpleCache()
	{
		return new PerfRepository(new PerfStore(Driver::cache(), 'app'));
	}
}
