<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Psr16;

use Perf\Bridge\Psr16\InvalidArgumentException;
use Perf\Bridge\Psr16\SimpleCache;
use Perf\Bridge\Psr6\CachePool;
use Perf\Bridge\Tests\Driver;
use PHPUnit\Framework\TestCase;

/** Where the native API differs from PSR (code review §4), checked against the native cache underneath. */
final class SemanticsTest extends TestCase
{
	private SimpleCache $cache;
	private \Perf\Cache $native;

	protected function setUp(): void
	{
		$this->native = Driver::cache();
		$this->cache = new SimpleCache($this->native);
		$this->native->clear();
	}

	protected function tearDown(): void
	{
		$this->native->clear();
	}

	public function testDeleteOfAMissingKeyIsTrueWhereTheNativeCallSaysFalse(): void
	{
		$this->assertFalse($this->native->delete('missing'));
		$this->assertTrue($this->cache->delete('missing'));
	}

	public function testZeroAndNegativeTtlsDeleteWhereNativeZeroIsForeverAndNegativeThrows(): void
	{
		foreach ([0, -1, PHP_INT_MIN] as $ttl) {
			$this->native->set('k', 'v');
			$this->assertTrue($this->cache->set('k', 'new', $ttl));
			$this->assertFalse($this->native->has('k'), "TTL $ttl deletes");
		}
		$this->native->set('m', 'v');
		$this->assertTrue($this->cache->setMultiple(['m' => 'new'], -5));
		$this->assertFalse($this->native->has('m'));
		$this->expectException(\ValueError::class);
		$this->native->set('k', 'v', -1);
	}

	public function testDateIntervalTtls(): void
	{
		$this->assertTrue($this->cache->set('i', 'v', new \DateInterval('PT1H')));
		$this->assertSame('v', $this->native->get('i'));
		$past = new \DateInterval('PT1H');
		$past->invert = 1;
		$this->assertTrue($this->cache->set('i', 'v', $past));
		$this->assertFalse($this->native->has('i'), 'an interval into the past deletes');
	}

	public function testReservedCharactersTheNativeApiAcceptsAreRejected(): void
	{
		$this->assertTrue($this->native->set('a:b', 1));
		foreach (['a:b', 'a{b', 'a}b', 'a(b', 'a)b', 'a/b', 'a\\b', 'a@b', ''] as $key) {
			try {
				$this->cache->get($key);
				$this->fail("key \"$key\" is rejected");
			} catch (InvalidArgumentException) {
				$this->addToAssertionCount(1);
			}
		}
	}

	public function testKeysLongerThanTheNativeLimitAreHashedWithoutCollisions(): void
	{
		$a = str_repeat('a', 300);
		$b = str_repeat('a', 299) . 'b';
		$this->assertTrue($this->cache->set($a, 'A'));
		$this->assertTrue($this->cache->set($b, 'B'));
		$this->assertSame(['A', 'B'], [$this->cache->get($a), $this->cache->get($b)]);
		$this->assertSame([$a => 'A', $b => 'B'], $this->cache->getMultiple([$a, $b]));
		$this->assertTrue($this->cache->has($a));
		$this->assertTrue($this->cache->delete($a));
		$this->assertFalse($this->cache->has($a));
		$this->assertSame('B', $this->cache->get($b));
	}

	public function testNullIsStoredAndTellableFromAMissByHas(): void
	{
		$this->cache->set('n', null);
		$this->assertTrue($this->cache->has('n'));
		$this->assertSame(['n' => null, 'x' => 'd'], $this->cache->getMultiple(['n', 'x'], 'd'));
	}

	public function testTierNamesAreAcceptedAndOtherStringsRejected(): void
	{
		$this->assertTrue($this->cache->set('t', 'v', 'short'));
		$this->assertSame('v', $this->cache->get('t'));
		$this->expectException(InvalidArgumentException::class);
		$this->cache->set('t', 'v', 'forever');
	}

	public function testPsr6PoolDefaultLifetimeAndExpiredItems(): void
	{
		$pool = new CachePool($this->native, 1);
		$pool->save($pool->getItem('d')->set('v'));
		$pool->save($pool->getItem('past')->set('v')->expiresAt(new \DateTimeImmutable('-1 second')));
		$this->assertTrue($pool->hasItem('d'));
		$this->assertFalse($pool->hasItem('past'));
		sleep(2);
		$this->assertFalse($pool->hasItem('d'), 'items without an expiry get the pool\'s default lifetime');
		$this->assertTrue($pool->deleteItem('d'), 'deleting a missing item is true');
	}
}
