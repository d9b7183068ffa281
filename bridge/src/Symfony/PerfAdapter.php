<?php

declare(strict_types=1);

namespace Perf\Bridge\Symfony;

use Perf\Bridge\Key;
use Symfony\Component\Cache\Adapter\AdapterInterface;
use Symfony\Component\Cache\Adapter\TagAwareAdapterInterface;
use Symfony\Component\Cache\CacheItem;
use Symfony\Component\Cache\Exception\InvalidArgumentException;
use Symfony\Component\Cache\PruneableInterface;
use Symfony\Contracts\Cache\CacheInterface;
use Symfony\Contracts\Cache\ItemInterface;

/**
 * A Symfony cache pool over perf's native cache (any driver), usable as a cache.pool adapter.
 *
 * - Tags are perf's native tag versions: invalidateTags() is one version bump per tag, and items
 *   are taggable without wrapping the pool in a TagAwareAdapter.
 * - get($key, $callback) uses perf's remember(): on a miss one process computes while the others
 *   wait for it, or get the stale copy within perf.cache_stale_ttl. That replaces Symfony's
 *   probabilistic early expiration: $beta is only honoured as INF (recompute now).
 * - The constructor has the shape of Symfony's own adapters (namespace, default lifetime), so
 *   CachePoolPass can fill them in. A namespace prefixes the keys and is also a native tag of
 *   every entry: clear() of a namespaced pool invalidates that tag (one version bump), leaving
 *   the driver's other entries alone; clear() without a namespace clears the whole driver.
 *   clear($prefix) with a prefix is not supported and returns false.
 * - $defaultLifetime applies to items without an expiry (0: none, as in Symfony); an item whose
 *   expiry has passed is deleted when saved.
 */
class PerfAdapter implements AdapterInterface, TagAwareAdapterInterface, PruneableInterface, CacheInterface
{
	private static ?\Closure $createItem = null;
	private static ?\Closure $readItem = null;
	private static ?\Closure $keyOf = null;

	private readonly \Perf\Cache $cache;
	private readonly object $miss;
	private readonly string $prefix;
	/** @var list<string> the namespace's tag, stored with every entry */
	private readonly array $namespaceTags;

	/** @var array<string, CacheItem> */
	private array $deferred = [];

	/** @param \Perf\Cache|string|null $cache a native cache, a driver name, or null for perf.cache_driver */
	public function __construct(string $namespace = '', private readonly int $defaultLifetime = 0, \Perf\Cache|string|null $cache = null)
	{
		if ($namespace !== '') {
			CacheItem::validateKey($namespace);
		}
		$this->cache = $cache instanceof \Perf\Cache ? $cache : new \Perf\Cache($cache);
		$this->miss = new \stdClass();
		$this->prefix = $namespace === '' ? '' : $namespace . ':';
		$this->namespaceTags = $namespace === '' ? [] : ["\0symfony-namespace:$namespace"];
		/* Symfony's CacheItem is final and set up by its pools through closures bound to it. */
		self::$createItem ??= \Closure::bind(static function (string $key, mixed $value, bool $hit): CacheItem {
			$item = new CacheItem();
			$item->key = $key;
			$item->value = $value;
			$item->isHit = $hit;
			$item->isTaggable = true;
			return $item;
		}, null, CacheItem::class);
		self::$readItem ??= \Closure::bind(static function (CacheItem $item): array {
			$item->metadata = $item->newMetadata;
			return [$item->key, $item->value, $item->expiry, array_values($item->newMetadata[CacheItem::METADATA_TAGS] ?? [])];
		}, null, CacheItem::class);
		/* Psr16Cache makes items from the keys it was given: they are validated here. */
		self::$keyOf ??= \Closure::bind(static fn (CacheItem $item): string => CacheItem::validateKey($item->key), null, CacheItem::class);
	}

	public function __destruct()
	{
		$this->commit();
	}

	public function getItem($key): CacheItem
	{
		CacheItem::validateKey($key);
		if (isset($this->deferred[$key])) {
			$this->commit();
		}
		$stored = $this->cache->get($this->key($key), $this->miss);
		return $stored === $this->miss ? (self::$createItem)($key, null, false) : (self::$createItem)($key, $stored, true);
	}

	public function getItems(array $keys = []): iterable
	{
		$native = [];
		foreach ($keys as $key) {
			$native[CacheItem::validateKey($key)] = $this->key($key);
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
			$items[$key] = $stored === $this->miss ? (self::$createItem)($key, null, false) : (self::$createItem)($key, $stored, true);
		}
		return $items;
	}

	public function hasItem($key): bool
	{
		CacheItem::validateKey($key);
		if (isset($this->deferred[$key])) {
			$this->commit();
		}
		return $this->cache->has($this->key($key));
	}

	public function clear(string $prefix = ''): bool
	{
		if ($prefix !== '') {
			return false;
		}
		$this->deferred = [];
		if ($this->namespaceTags !== []) {
			$this->cache->invalidateTags($this->namespaceTags);
			return true;
		}
		return $this->cache->clear();
	}

	public function deleteItem($key): bool
	{
		CacheItem::validateKey($key);
		unset($this->deferred[$key]);
		$this->cache->delete($this->key($key));
		return true;
	}

	public function deleteItems(array $keys): bool
	{
		$native = [];
		foreach ($keys as $key) {
			CacheItem::validateKey($key);
			unset($this->deferred[$key]);
			$native[] = $this->key($key);
		}
		return $native === [] || $this->cache->deleteMultiple($native);
	}

	public function save(\Psr\Cache\CacheItemInterface $item): bool
	{
		if (!$item instanceof CacheItem) {
			throw new InvalidArgumentException(sprintf('%s saves Symfony cache items, %s given', self::class, get_debug_type($item)));
		}
		(self::$keyOf)($item);
		[$key, $value, $expiry, $tags] = (self::$readItem)($item);
		$native = $this->key($key);
		if ($expiry === null) {
			$ttl = $this->defaultLifetime;
		} elseif ($expiry === 0) {
			/* Symfony's pools read an expiry of exactly 0 as "never" (TagAwareAdapter's tag items). */
			$ttl = 0;
		} else {
			$ttl = (int) ceil($expiry - microtime(true));
			if ($ttl <= 0) {
				$this->cache->delete($native);
				return true;
			}
		}
		return $this->cache->set($native, $value, $ttl, $this->namespaceTags === [] ? $tags : [...$tags, ...$this->namespaceTags]);
	}

	public function saveDeferred(\Psr\Cache\CacheItemInterface $item): bool
	{
		if (!$item instanceof CacheItem) {
			throw new InvalidArgumentException(sprintf('%s saves Symfony cache items, %s given', self::class, get_debug_type($item)));
		}
		$this->deferred[(self::$keyOf)($item)] = clone $item;
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

	public function invalidateTags(array $tags): bool
	{
		foreach ($tags as $tag) {
			CacheItem::validateKey($tag);
		}
		$this->commit();
		if ($tags !== []) {
			$this->cache->invalidateTags(array_values($tags));
		}
		return true;
	}

	public function prune(): bool
	{
		$this->cache->prune();
		return true;
	}

	/**
	 * The contracts' get() on perf's remember(). The callback gets the item and $save; setting
	 * $save to false stores nothing; an expiry or tags set on the item are stored with the value
	 * while the other processes still wait, so they read what this one stored.
	 */
	public function get(string $key, callable $callback, ?float $beta = null, ?array &$metadata = null): mixed
	{
		CacheItem::validateKey($key);
		if ($beta !== null && $beta < 0) {
			throw new InvalidArgumentException(sprintf('Argument "$beta" provided to "%s::get()" must be a positive number, %f given.', static::class, $beta));
		}
		$metadata = [];
		$native = $this->key($key);
		if (isset($this->deferred[$key])) {
			$this->commit();
		}
		if ($beta === INF) {
			return $this->compute($key, $callback, $metadata)->value;
		}
		try {
			return $this->cache->remember($native, $this->defaultLifetime, function () use ($key, $callback, &$metadata) {
				throw $this->compute($key, $callback, $metadata);
			});
		} catch (Computed $computed) {
			return $computed->value;
		}
	}

	public function delete(string $key): bool
	{
		return $this->deleteItem($key);
	}

	private function key(string $key): string
	{
		return Key::native($this->prefix . $key);
	}

	/** The native cache under this adapter. */
	public function native(): \Perf\Cache
	{
		return $this->cache;
	}

	/**
	 * Runs the callback and stores its value as the item says (expiry, tags, $save). Returned as an
	 * exception for remember(): it leaves the native remember() without a second store, releasing
	 * the key only after this store, so waiters read it.
	 */
	private function compute(string $key, callable $callback, ?array &$metadata): Computed
	{
		$item = (self::$createItem)($key, null, false);
		$save = true;
		$value = $callback($item, $save);
		if ($save) {
			$item->set($value);
			$this->save($item);
		}
		$metadata = $item->getMetadata();
		return new Computed($value);
	}
}
