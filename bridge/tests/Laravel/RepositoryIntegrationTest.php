<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Laravel;

use Cache\IntegrationTests\SimpleCacheTest;
use Illuminate\Cache\Repository;
use Perf\Bridge\Laravel\PerfStore;
use Perf\Bridge\Tests\Driver;

/**
 * php-cache's PSR-16 suite against a real Illuminate\Cache\Repository over PerfStore (Laravel's
 * Repository is its PSR-16 implementation).
 */
class RepositoryIntegrationTest extends SimpleCacheTest
{
	protected function setUp(): void
	{
		/* Laravel's Repository leaves key and TTL validation to nobody, whatever the store. */
		$reason = "Laravel 8's Repository does not validate PSR-16 keys or TTLs (with any store)";
		foreach (['testGetInvalidKeys', 'testGetMultipleInvalidKeys', 'testGetMultipleNoIterable', 'testSetInvalidKeys',
			'testSetMultipleInvalidKeys', 'testSetMultipleNoIterable', 'testHasInvalidKeys', 'testDeleteInvalidKeys',
			'testDeleteMultipleInvalidKeys', 'testDeleteMultipleNoIterable', 'testSetInvalidTtl', 'testSetMultipleInvalidTtl'] as $test) {
			$this->skippedTests[$test] = $reason;
		}
	}

	/* Those tests are skipped: one data set each, so each counts as one skip, not one per bad key. */
	public static function invalidKeys()
	{
		return [['{skipped}']];
	}

	public static function invalidArrayKeys()
	{
		return [['{skipped}']];
	}

	public static function invalidTtl()
	{
		return [['skipped']];
	}

	public function createSimpleCache()
	{
		return new Repository(new PerfStore(Driver::cache(), 'app'));
	}
}
