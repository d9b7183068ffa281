<?php

declare(strict_types=1);

namespace Perf\Bridge\Laravel;

use Illuminate\Contracts\Cache\LockProvider;
use Illuminate\Contracts\Cache\Store;
use Perf\Bridge\Key;
use Perf\Bridge\Ttl;

/**
 * A Laravel cache store over perf's native cache (memory, file or redis driver).
 *
 * Laravel's semantics where the native API differs: put() with 0 or fewer seconds forgets,
 * forget() of a missing key is true, keys of any length (longer than 250 bytes are hashed).
 * tags() uses perf's native tag versions: flushing a tag is one version bump, no key scan.
 * Locks are entries created with the native atomic add(), holding their owner.
 *
 * flush() clears the whole driver, whatever the prefix (the native cache has no namespaces).
 */
class PerfStore implements Store, LockProvider
{
	protected readonly \Perf\Cache $cache;
	protected readonly string $prefix;

	/** @var list<string> the tags of a tagged view (see tags()); empty for the store itself */
	protected array $tags = [];

	/** What key() puts before a key: the prefix, and for a tagged view its tag set's namespace. */
	protected string $keyPrefix;

	private readonly object $miss;

	public function __construct(\Perf\Cache|string|null $cache = null, string $prefix = '')
	{
		$this->cache = $cache instanceof \Perf\Cache ? $cache : new \Perf\Cache($cache);
		$this->prefix = $prefix === '' ? '' : $prefix . ':';
		$this->keyPrefix = $this->prefix;
		$this->miss = new \stdClass();
	}

	public function get($key)
	{
		/* key(), inlined: this is the hot path. */
		$key = $this->keyPrefix . $key;
		return $this->cache->get(isset($key[Key::MAX_NATIVE]) ? Key::native($key) : $key);
	}

	public function many(array $keys)
	{
		$native = [];
		foreach ($keys as $key) {
			$native[$key] = $this->key((string) $key);
		}
		if ($native === []) {
			return [];
		}
		$values = $this->cache->getMultiple(array_values($native));
		$result = [];
		foreach ($native as $key => $nativeKey) {
			$result[$key] = $values[$nativeKey];
		}
		return $result;
	}

	public function put($key, $value, $seconds)
	{
		$seconds = (int) $seconds;
		if ($seconds <= 0) {
			$this->forget($key);
			return true;
		}
		return $this->cache->set($this->key($key), $value, $seconds, $this->tags);
	}

	public function putMany(array $values, $seconds)
	{
		$native = [];
		foreach ($values as $key => $value) {
			$native[$this->key((string) $key)] = $value;
		}
		if ($native === []) {
			return true;
		}
		$seconds = (int) $seconds;
		if ($seconds <= 0) {
			return $this->cache->deleteMultiple(array_keys($native));
		}
		return $this->cache->setMultiple($native, $seconds, $this->tags);
	}

	/** Atomic: true only if the key was absent. Repository::add() calls it when it has a TTL. */
	public function add($key, $value, $seconds)
	{
		$seconds = (int) $seconds;
		return $seconds > 0 && $this->cache->add($this->key($key), $value, $seconds, $this->tags);
	}

	public function increment($key, $value = 1)
	{
		$native = $this->key($key);
		if ($this->tags !== []) {
			/* A new counter of a tagged view must carry the tags; the native increment has none. */
			$this->cache->add($native, 0, Ttl::FOREVER, $this->tags);
		}
		return $this->cache->increment($native, (int) $value);
	}

	public function decrement($key, $value = 1)
	{
		$native = $this->key($key);
		if ($this->tags !== []) {
			$this->cache->add($native, 0, Ttl::FOREVER, $this->tags);
		}
		return $this->cache->decrement($native, (int) $value);
	}

	public function forever($key, $value)
	{
		return $this->cache->set($this->key($key), $value, Ttl::FOREVER, $this->tags);
	}

	/** Laravel 13's Store::touch(): a new TTL for an existing entry (re-stored with this view's tags). */
	public function touch($key, $seconds)
	{
		$native = $this->key($key);
		$value = $this->cache->get($native, $this->miss);
		if ($value === $this->miss) {
			return false;
		}
		$seconds = (int) $seconds;
		if ($seconds <= 0) {
			return $this->cache->delete($native);
		}
		return $this->cache->set($native, $value, $seconds, $this->tags);
	}

	public function forget($key)
	{
		/* Natively false for a missing key; Laravel's stores (and PSR-16 through Repository) say true. */
		$this->cache->delete($this->key($key));
		return true;
	}

	/** The whole driver; for a tagged view (tags()->flush()), only the entries of its tags. */
	public function flush()
	{
		if ($this->tags !== []) {
			$this->cache->invalidateTags($this->tags);
			return true;
		}
		return $this->cache->clear();
	}

	public function getPrefix()
	{
		return $this->prefix;
	}

	/**
	 * A repository whose entries carry these tags as native tags; its flush() invalidates them.
	 *
	 * Like Laravel's tagged caches, entries stored through a set of tags are read through the same
	 * set (the key is namespaced by the sorted tag names, so the order does not matter).
	 *
	 * @param array|mixed $names
	 */
	public function tags($names)
	{
		$names = array_values(array_unique(array_map('strval', is_array($names) ? $names : func_get_args())));
		sort($names);
		$view = clone $this;
		$view->tags = $names;
		$view->keyPrefix = $this->prefix . 'tags:' . sha1(implode("\0", $names)) . ':';
		return new PerfTaggedCache($view);
	}

	/** @return list<string> the tags of this view */
	public function getTags(): array
	{
		return $this->tags;
	}

	public function lock($name, $seconds = 0, $owner = null)
	{
		return new PerfLock($this->cache, $this->prefix . $name, (int) $seconds, $owner);
	}

	public function restoreLock($name, $owner)
	{
		return $this->lock($name, 0, $owner);
	}

	/**
	 * Laravel's remember() through the native one: on a miss one process computes while the others
	 * wait for it (or get the stale copy), instead of all of them computing. A null result is not
	 * stored (Laravel treats null as a miss); $seconds <= 0 computes without storing.
	 *
	 * @param int|null $seconds null: no expiry
	 * @param bool|null $computed set to whether $callback ran in this process
	 */
	public function remember(string|int $key, ?int $seconds, \Closure $callback, ?bool &$computed = null): mixed
	{
		$computed = false;
		if ($seconds !== null && $seconds <= 0) {
			$this->forget($key);
			$computed = true;
			return $callback();
		}
		try {
			return $this->cache->remember($this->key($key), $seconds ?? Ttl::FOREVER, static function () use ($callback, &$computed) {
				$computed = true;
				$value = $callback();
				if ($value === null) {
					/* Leaves remember() without storing; its lease is released as for any exception. */
					throw new NullResult();
				}
				return $value;
			}, $this->tags);
		} catch (NullResult) {
			return null;
		}
	}

	/** The native cache under this store. */
	public function native(): \Perf\Cache
	{
		return $this->cache;
	}

	/** @param string|int $key Laravel passes an array's integer keys on as they are */
	protected function key(string|int $key): string
	{
		$key = $this->keyPrefix . $key;
		return isset($key[Key::MAX_NATIVE]) ? Key::native($key) : $key;
	}
}
