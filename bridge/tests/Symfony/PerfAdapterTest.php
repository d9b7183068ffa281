<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Symfony;

use Perf\Bridge\Symfony\PerfAdapter;
use Perf\Bridge\Tests\Driver;
use PHPUnit\Framework\TestCase;
use Psr\Cache\InvalidArgumentException;
use Symfony\Component\Cache\Adapter\TagAwareAdapter;
use Symfony\Component\Cache\Psr16Cache;
use Symfony\Contracts\Cache\ItemInterface;

/** What the Symfony adapter adds over PSR-6: native tags, the contracts' get(), prune, round trips. */
final class PerfAdapterTest extends TestCase
{
	private PerfAdapter $pool;

	protected function setUp(): void
	{
		$this->pool = new PerfAdapter('', 0, Driver::cache());
		$this->pool->clear();
	}

	protected function tearDown(): void
	{
		$this->pool->clear();
	}

	public function testItemsAreTaggedNatively(): void
	{
		$this->pool->save($this->pool->getItem('a')->set(1)->tag(['t1', 't2']));
		$this->pool->save($this->pool->getItem('b')->set(2)->tag('t2'));
		$this->pool->save($this->pool->getItem('c')->set(3));
		$this->pool->saveDeferred($this->pool->getItem('d')->set(4)->tag('t1'));
		$this->assertTrue($this->pool->invalidateTags(['t1']));
		$this->assertFalse($this->pool->getItem('a')->isHit());
		$this->assertFalse($this->pool->hasItem('d'), 'a deferred item is committed before its tag is invalidated');
		$this->assertSame(2, $this->pool->getItem('b')->get());
		$this->assertSame(3, $this->pool->getItem('c')->get());
		$this->expectException(InvalidArgumentException::class);
		$this->pool->invalidateTags(['bad{tag']);
	}

	public function testGetComputesOnceAndStores(): void
	{
		$calls = 0;
		$compute = function (ItemInterface $item, bool &$save) use (&$calls) {
			$calls++;
			return 'v' . $calls;
		};
		$this->assertSame('v1', $this->pool->get('k', $compute));
		$this->assertSame('v1', $this->pool->get('k', $compute));
		$this->assertSame(1, $calls);
		$this->assertSame('v2', $this->pool->get('k', $compute, INF), 'beta INF recomputes now');
		$this->assertSame('v2', $this->pool->get('k', $compute));
		$this->pool->delete('k');
		$this->assertSame('v3', $this->pool->get('k', $compute));
	}

	public function testGetHonoursSaveFalseExpiryAndTagsSetByTheCallback(): void
	{
		$this->assertSame('no', $this->pool->get('nosave', function (ItemInterface $item, bool &$save) {
			$save = false;
			return 'no';
		}));
		$this->assertFalse($this->pool->hasItem('nosave'));

		$meta = null;
		$this->assertSame('x', $this->pool->get('tagged', function (ItemInterface $item) {
			$item->tag('g')->expiresAfter(1);
			return 'x';
		}, null, $meta));
		$this->assertSame(['g' => 'g'], $meta[ItemInterface::METADATA_TAGS]);
		$this->assertTrue($this->pool->hasItem('tagged'));
		$this->pool->invalidateTags(['g']);
		$this->assertFalse($this->pool->hasItem('tagged'), 'the callback\'s tags were stored natively');

		$this->pool->get('short', function (ItemInterface $item) {
			$item->expiresAfter(1);
			return 's';
		});
		sleep(2);
		$this->assertFalse($this->pool->hasItem('short'), 'the callback\'s expiry was stored');
	}

	public function testGetRejectsANegativeBetaAndBadKeys(): void
	{
		try {
			$this->pool->get('k', fn () => 1, -1.0);
			$this->fail('negative beta');
		} catch (InvalidArgumentException) {
		}
		$this->expectException(InvalidArgumentException::class);
		$this->pool->get('a:b', fn () => 1);
	}

	public function testGetLetsTheCallbacksExceptionThroughAndStoresNothing(): void
	{
		try {
			$this->pool->get('e', fn () => throw new \DomainException('boom'));
			$this->fail('the exception reaches the caller');
		} catch (\DomainException $e) {
			$this->assertSame('boom', $e->getMessage());
		}
		$this->assertFalse($this->pool->hasItem('e'));
		$this->assertSame('ok', $this->pool->get('e', fn () => 'ok'));
	}

	public function testDefaultLifetimeClearPrefixAndPrune(): void
	{
		$pool = new PerfAdapter('', 1, Driver::cache());
		$pool->save($pool->getItem('d')->set(1));
		$this->assertTrue($pool->hasItem('d'));
		sleep(2);
		$this->assertFalse($pool->hasItem('d'), 'items without an expiry get the default lifetime');
		$this->assertFalse($pool->clear('prefix'), 'clearing a prefix is not supported');
		$this->assertTrue($pool->prune());
	}

	public function testTagAwareAdapterAndPsr16CacheRoundTrip(): void
	{
		$tagAware = new TagAwareAdapter($this->pool);
		$tagAware->save($tagAware->getItem('r')->set(['deep' => [1, 2]])->tag('rt'));
		$psr16 = new Psr16Cache($this->pool);
		$psr16->set('p', 'psr16', 60);
		$this->assertSame('psr16', $this->pool->getItem('p')->get(), 'Psr16Cache writes through the perf adapter');
		$this->assertSame(['deep' => [1, 2]], $tagAware->getItem('r')->get());
		$this->assertSame('v', $tagAware->get('g', fn () => 'v'));
		$tagAware->invalidateTags(['rt']);
		$this->assertFalse($tagAware->getItem('r')->isHit());
		$this->assertSame('psr16', $psr16->get('p'));
	}
}
