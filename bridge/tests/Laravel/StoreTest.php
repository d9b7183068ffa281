<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Laravel;

use Illuminate\Cache\CacheManager;
use Illuminate\Cache\Events\CacheHit;
use Illuminate\Cache\Events\CacheMissed;
use Illuminate\Cache\Events\KeyWritten;
use Illuminate\Contracts\Cache\LockTimeoutException;
use Illuminate\Foundation\Application;
use Perf\Bridge\Laravel\PerfRepository;
use Perf\Bridge\Laravel\PerfStore;
use Perf\Bridge\Laravel\PerfTaggedCache;
use Perf\Bridge\Tests\Driver;
use PHPUnit\Framework\TestCase;

/** The perf store through a real CacheManager and Repository, configured like config/cache.php. */
final class StoreTest extends TestCase
{
	private Application $app;
	private CacheManager $manager;
	private PerfRepository $cache;

	protected function setUp(): void
	{
		$this->app = App::make();
		$this->manager = $this->app['cache'];
		$this->cache = $this->manager->store('perf');
		$this->cache->clear();
	}

	protected function tearDown(): void
	{
		$this->cache->clear();
	}

	public function testTheManagerBuildsThePerfStoreWithTheConfiguredPrefixAndConnection(): void
	{
		$this->assertInstanceOf(PerfRepository::class, $this->cache);
		$store = $this->cache->getStore();
		$this->assertInstanceOf(PerfStore::class, $store);
		$this->assertSame('laravel_cache:', $store->getPrefix());
		$this->assertSame(Driver::name(), $store->native()->driver());
		$this->assertSame($this->cache, $this->manager->store(), "'default' => 'perf' is the default store");
		/* The prefix is part of the native key: another prefix does not see the entry. */
		$this->cache->put('k', 'v', 60);
		$this->assertSame('v', $store->native()->get('laravel_cache:k'));
		$this->assertNull((new PerfStore(Driver::cache(), 'other'))->get('k'));
	}

	public function testPutGetManyForgetAndTheFacadeShapedCalls(): void
	{
		$this->assertTrue($this->cache->put('a', ['x' => 1], 60));
		$this->assertSame(['x' => 1], $this->cache->get('a'));
		$this->assertTrue($this->cache->putMany(['b' => 2, 'c' => 3, 42 => 'int key'], 60));
		$this->assertSame(['a' => ['x' => 1], 'b' => 2, 'missing' => 'dflt', 42 => 'int key'],
			$this->cache->many(['a', 'b', 'missing' => 'dflt', 42]));
		$this->assertTrue($this->cache->forever('f', 'forever'));
		$this->assertSame('forever', $this->cache->pull('f'));
		$this->assertNull($this->cache->get('f'));
		$this->assertTrue($this->cache->forget('a'));
		$this->assertTrue($this->cache->forget('a'), 'forget() of a missing key is true (natively false)');
		$this->assertSame('dflt', $this->cache->get('a', fn () => 'dflt'));
	}

	public function testZeroAndNegativeTtlsForgetInsteadOfStoringForeverOrThrowing(): void
	{
		$this->cache->put('k', 'v', 60);
		$this->assertTrue($this->cache->put('k', 'new', 0));
		$this->assertFalse($this->cache->has('k'), 'put(..., 0) forgets (natively TTL 0 is "no expiry")');
		$store = $this->cache->getStore();
		$store->put('k', 'v', 60);
		$this->assertTrue($store->put('k', 'new', -5), 'a negative TTL forgets (natively a ValueError)');
		$this->assertNull($store->get('k'));
		$store->putMany(['m' => 1], 60);
		$store->putMany(['m' => 1], 0);
		$this->assertNull($store->get('m'));
		$this->assertFalse($this->cache->add('k', 'v', 0));
	}

	public function testDateIntervalAndDateTimeTtls(): void
	{
		$this->assertTrue($this->cache->put('i', 'v', new \DateInterval('PT1H')));
		$this->assertSame('v', $this->cache->get('i'));
		$this->assertTrue($this->cache->put('d', 'v', new \DateTimeImmutable('+1 hour')));
		$this->assertSame('v', $this->cache->get('d'));
		$this->cache->put('d', 'v', new \DateTimeImmutable('-1 hour'));
		$this->assertNull($this->cache->get('d'), 'a past date forgets');
	}

	public function testKeysOfAnyLengthAndCharacter(): void
	{
		$long = str_repeat('k', 300);
		foreach ([$long, 'user:1/{x}@(y)\\z', "bin\0ary"] as $key) {
			$this->assertTrue($this->cache->put($key, $key, 60));
			$this->assertSame($key, $this->cache->get($key));
		}
		$this->assertNull($this->cache->get(str_repeat('k', 299)), 'hashed long keys do not collide with their neighbours');
	}

	public function testAddIsAtomicAndIncrementStartsAtZero(): void
	{
		$this->assertTrue($this->cache->add('once', 1, 60));
		$this->assertFalse($this->cache->add('once', 2, 60));
		$this->assertSame(1, $this->cache->get('once'));
		$this->assertSame(5, $this->cache->increment('n', 5));
		$this->assertSame(3, $this->cache->decrement('n', 2));
		$this->cache->put('s', 'text', 60);
		$this->assertFalse($this->cache->increment('s'));
	}

	public function testRememberDoesNotCacheNullAndComputesOnce(): void
	{
		$calls = 0;
		$null = function () use (&$calls) {
			$calls++;
			return null;
		};
		$this->assertNull($this->cache->remember('n', 60, $null));
		$this->assertNull($this->cache->remember('n', 60, $null));
		$this->assertSame(2, $calls, 'null is a miss for Laravel: the callback runs again (natively null is cached)');
		$this->assertFalse($this->cache->getStore()->native()->has('laravel_cache:n'));

		$calls = 0;
		$value = function () use (&$calls) {
			$calls++;
			return 'v';
		};
		$this->assertSame('v', $this->cache->remember('r', 60, $value));
		$this->assertSame('v', $this->cache->remember('r', 60, $value));
		$this->assertSame('v', $this->cache->rememberForever('r', $value));
		$this->assertSame(1, $calls);

		$this->assertSame('v', $this->cache->remember('zero', 0, $value));
		$this->assertFalse($this->cache->has('zero'), 'remember() with TTL 0 stores nothing');
		$this->assertSame(2, $calls);
	}

	public function testRememberFiresLaravelsEvents(): void
	{
		$seen = [];
		$this->app['events']->listen([CacheHit::class, CacheMissed::class, KeyWritten::class], function ($event) use (&$seen) {
			$seen[] = (new \ReflectionClass($event))->getShortName() . ':' . $event->key;
		});
		$this->cache->remember('e', 60, fn () => 1);
		$this->cache->remember('e', 60, fn () => 1);
		$this->assertSame(['CacheMissed:e', 'KeyWritten:e', 'CacheHit:e'], $seen);
	}

	public function testRememberReleasesTheKeyWhenTheCallbackThrows(): void
	{
		try {
			$this->cache->remember('t', 60, fn () => throw new \DomainException('boom'));
			$this->fail('the exception reaches the caller');
		} catch (\DomainException $e) {
			$this->assertSame('boom', $e->getMessage());
		}
		$this->assertSame('ok', $this->cache->remember('t', 60, fn () => 'ok'));
	}

	public function testTagsFlushNativelyAndKeepTagSetsApart(): void
	{
		$ab = $this->cache->tags(['a', 'b']);
		$this->assertInstanceOf(PerfTaggedCache::class, $ab);
		$ab->put('k', 'ab', 60);
		$this->cache->tags('c')->put('k', 'c', 60);
		$this->cache->put('k', 'plain', 60);
		$this->assertSame('ab', $this->cache->tags(['b', 'a'])->get('k'), 'the order of the tags does not matter');
		$this->assertSame('c', $this->cache->tags('c')->get('k'));
		$this->assertSame('plain', $this->cache->get('k'));

		$this->cache->tags('a')->flush();
		$this->assertNull($ab->get('k'), 'flushing one of its tags drops the entry');
		$this->assertSame('c', $this->cache->tags('c')->get('k'));
		$this->assertSame('plain', $this->cache->get('k'), 'untagged entries survive a tag flush');

		$this->assertSame(2, $ab->increment('n', 2));
		$ab->forever('f', 1);
		$this->assertSame('r', $ab->remember('r', 60, fn () => 'r'));
		$this->cache->tags('b')->flush();
		$this->assertNull($ab->get('n'), 'a tagged counter carries its tags');
		$this->assertNull($ab->get('f'));
		$this->assertNull($ab->get('r'), 'remember() through tags stores with the tags');
	}

	public function testLocksHaveOwnersAndCanBeRestored(): void
	{
		$lock = $this->cache->lock('job', 10);
		$this->assertTrue($lock->get());
		$other = $this->cache->lock('job', 10);
		$this->assertFalse($other->get(), 'a held lock is not acquired twice');
		$this->assertFalse($other->release(), 'another owner cannot release it');

		$restored = $this->cache->restoreLock('job', $lock->owner());
		$this->assertTrue($restored->release(), 'restoreLock() with the owner releases it');
		$this->assertTrue($other->get());
		$other->forceRelease();

		$this->assertSame('ran', $this->cache->lock('cb', 10)->get(fn () => 'ran'));
		$this->assertTrue($this->cache->lock('cb', 10)->get(), 'get($callback) releases the lock afterwards');

		$held = $this->cache->lock('busy', 10);
		$held->get();
		$start = microtime(true);
		try {
			$this->cache->lock('busy', 10)->betweenBlockedAttemptsSleepFor(50)->block(1);
			$this->fail('block() times out on a held lock');
		} catch (LockTimeoutException) {
			/* Laravel 8 counts block()'s seconds on whole-second clock ticks: 0 to 1 s of waiting. */
			$this->assertGreaterThan(0.04, microtime(true) - $start, 'it retried before giving up');
		}
		$held->release();
		$this->assertTrue($this->cache->lock('busy', 10)->block(1));
	}

	public function testLockWithSecondsExpires(): void
	{
		$this->assertTrue($this->cache->lock('short', 1)->get());
		sleep(2);
		$this->assertTrue($this->cache->lock('short', 1)->get(), 'an expired lock can be taken');
	}

	public function testTouchGivesAnEntryANewTtl(): void
	{
		$store = $this->cache->getStore();
		$this->assertFalse($store->touch('none', 60));
		$store->put('t', 'v', 1);
		$this->assertTrue($store->touch('t', 60));
		sleep(2);
		$this->assertSame('v', $store->get('t'));
	}

	public function testFlushClearsTheStore(): void
	{
		$this->cache->put('k', 'v', 60);
		$this->assertTrue($this->cache->clear());
		$this->assertNull($this->cache->get('k'));
	}
}
