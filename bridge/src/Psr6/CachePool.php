<?php

declare(strict_types=1);

namespace Perf\Bridge\Psr6;

use Perf\Bridge\Key;

/**
 * PSR-6 over perf's native cache (any driver); serves psr/cache 1.x, 2.x and 3.x.
 *
 * An item without an expiry is stored with $defaultLifetime (null: perf.cache_default_ttl,
 * 0: no expiry); an item whose expiry has passed is deleted when saved. Deferred items are kept
 * in this object until commit() (or its destruction) and are seen by getItem()/hasItem() before.
 */
class CachePool implements \Psr\Cache\CacheItemPoolInterface
{
	protected readonly \Perf\Cache $cache;
	protected readonly object $miss;

	/** @var array<string, CacheItem> */
	private array $deferred = [];

	public function __construct(\Perf\Cache|string|null $cache = null, private readonly ?int $defaultLifetime = null)
	{
		$this->cache = $cache instanceof \Perf\Cache ? $cache : new \Perf\Cache($cache);
		$this->miss = new \stdClass();
	}

	public function __destruct()
	{
		$this->commit();
	}

	public function getItem($key): CacheItem
	{
		self::check($key);
		if (isset($this->deferred[$key])) {
			$this->commit();
		}
		$stored = $this->cache->get(Key::native($key), $this->miss);
		return $stored === $this->miss ? $this->newItem($key) : $this->hitItem($key, $stored);
	}

	public function getItems(array $keys = []): iterable
	{
		$native = [];
		foreach ($keys as $key) {
			self::check($key);
			$native[$key] = Key::native($key);
		}
		if ($native === []) {
			return [];
		}
		if (array_intersect_key($this->deferred, $native) !== []) {
			$this->commit();
		}
		$values = $this->cache->getMultiple(array_values($native), $this->miss);
		$items = [];
		foreach ($native as $key => $nativeKey) {
			$stored = $values[$nativeKey];
			$key = (string) $key;
			$items[$key] = $stored === $this->miss ? $this->newItem($key) : $this->hitItem($key, $stored);
		}
		return $items;
	}

	public function hasItem($key): bool
	{
		self::check($key);
		if (isset($this->deferred[$key])) {
			$this->commit();
		}
		return $this->cache->has(Key::native($key));
	}

	public function clear(): bool
	{
		$this->deferred = [];
		return $this->cache->clear();
	}

	public function deleteItem($key): bool
	{
		self::check($key);
		unset($this->deferred[$key]);
		/* Natively false for a missing key; PSR-6 only fails when the delete could not be done. */
		$this->cache->delete(Key::native($key));
		return true;
	}

	public function deleteItems(array $keys): bool
	{
		$native = [];
		foreach ($keys as $key) {
			self::check($key);
			unset($this->deferred[$key]);
			$native[] = Key::native($key);
		}
		return $native === [] || $this->cache->deleteMultiple($native);
	}

	public function save(\Psr\Cache\CacheItemInterface $item): bool
	{
		if (!$item instanceof CacheItem) {
			throw new InvalidArgumentException(sprintf('%s only saves its own items, %s given', static::class, get_debug_type($item)));
		}
		$key = Key::native($item->getKey());
		if ($item->expiry === null) {
			$ttl = $this->defaultLifetime;
		} else {
			/* Rounded up: an expiry 0.3 s away still stores for 1 s. */
			$ttl = (int) ceil($item->expiry - microtime(true));
			if ($ttl <= 0) {
				$this->cache->delete($key);
				return true;
			}
		}
		return $this->store($key, $item, $ttl);
	}

	public function saveDeferred(\Psr\Cache\CacheItemInterface $item): bool
	{
		if (!$item instanceof CacheItem) {
			throw new InvalidArgumentException(sprintf('%s only saves its own items, %s given', static::class, get_debug_type($item)));
		}
		$this->deferred[$item->getKey()] = clone $item;
		return true;
	}

	public function commit(): bool
	{
		$ok = true;
		$deferred = $this->deferred;
		$this->deferred = [];
		foreach ($deferred as $item) {
			$ok = $this->save($item) && $ok;
		}
		return $ok;
	}

	/** The native cache under this pool, for what PSR-6 has no word for (remember, increment). */
	public function native(): \Perf\Cache
	{
		return $this->cache;
	}

	protected function newItem(string $key): CacheItem
	{
		return new CacheItem($key);
	}

	/** An item for a value read from the cache (what store() wrote). */
	protected function hitItem(string $key, mixed $stored): CacheItem
	{
		return new CacheItem($key, $stored, true);
	}

	protected function store(string $nativeKey, CacheItem $item, ?int $ttl): bool
	{
		return $this->cache->set($nativeKey, $item->value, $ttl);
	}

	protected static function check(mixed $key): void
	{
		if (!is_string($key) || $key === '' || strpbrk($key, Key::RESERVED) !== false) {
			throw new InvalidArgumentException(Key::psrError($key) ?? 'Invalid cache key');
		}
	}
}
