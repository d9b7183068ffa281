<?php

declare(strict_types=1);

namespace Perf\Bridge\Psr16;

use Perf\Bridge\Key;
use Perf\Bridge\Ttl;

/**
 * PSR-16 over perf's native cache (any driver).
 *
 * One class serves psr/simple-cache 1.x, 2.x and 3.x: its parameters are untyped (a wider
 * parameter satisfies 3.x's typed ones) and its return types are 3.x's (a narrower return type
 * satisfies 1.x's untyped ones). Type checks that 3.x leaves to the engine are done here and
 * throw this package's InvalidArgumentException under every version.
 *
 * Where the native API differs from PSR-16, this class follows PSR-16: a TTL of 0 or less deletes
 * (natively 0 is "no expiry" and a negative TTL throws), delete() of a missing key is true,
 * DateInterval TTLs are accepted, and keys with {}()/\@: are rejected. A null TTL is
 * perf.cache_default_ttl; the tier names 'short', 'medium' and 'long' are accepted too.
 */
class SimpleCache implements \Psr\SimpleCache\CacheInterface
{
	private readonly \Perf\Cache $cache;
	private readonly object $miss;

	/** @param \Perf\Cache|string|null $cache a native cache, a driver name, or null for perf.cache_driver */
	public function __construct(\Perf\Cache|string|null $cache = null)
	{
		$this->cache = $cache instanceof \Perf\Cache ? $cache : new \Perf\Cache($cache);
		$this->miss = new \stdClass();
	}

	public function get($key, $default = null): mixed
	{
		if (!is_string($key) || $key === '' || strpbrk($key, Key::RESERVED) !== false) {
			self::invalidKey($key);
		}
		return $this->cache->get(isset($key[Key::MAX_NATIVE]) ? Key::native($key) : $key, $default);
	}

	public function set($key, $value, $ttl = null): bool
	{
		$native = self::key($key);
		$seconds = self::ttl($ttl);
		if ($seconds === 0) {
			$this->cache->delete($native);
			return true;
		}
		return $this->cache->set($native, $value, $seconds);
	}

	public function delete($key): bool
	{
		/* Natively false for a missing key; PSR-16 counts "is not there afterwards" as success. */
		$this->cache->delete(self::key($key));
		return true;
	}

	public function clear(): bool
	{
		return $this->cache->clear();
	}

	public function getMultiple($keys, $default = null): iterable
	{
		$native = self::keys($keys);
		if ($native === []) {
			return [];
		}
		$values = $this->cache->getMultiple(array_values($native), $this->miss);
		$result = [];
		foreach ($native as $key => $nativeKey) {
			$value = $values[$nativeKey];
			$result[$key] = $value === $this->miss ? $default : $value;
		}
		return $result;
	}

	public function setMultiple($values, $ttl = null): bool
	{
		if (!is_iterable($values)) {
			throw new InvalidArgumentException(sprintf('Cache values must be an array or a Traversable, %s given', get_debug_type($values)));
		}
		$native = [];
		foreach ($values as $key => $value) {
			/* An array's integer keys are strings that PHP converted: "42" is a valid key there. */
			$native[self::key(is_int($key) ? (string) $key : $key)] = $value;
		}
		$seconds = self::ttl($ttl);
		if ($native === []) {
			return true;
		}
		if ($seconds === 0) {
			return $this->cache->deleteMultiple(array_keys($native));
		}
		return $this->cache->setMultiple($native, $seconds);
	}

	public function deleteMultiple($keys): bool
	{
		$native = self::keys($keys);
		return $native === [] || $this->cache->deleteMultiple(array_values($native));
	}

	public function has($key): bool
	{
		return $this->cache->has(self::key($key));
	}

	/** The native cache under this adapter, for what PSR-16 has no word for (tags, remember, increment). */
	public function native(): \Perf\Cache
	{
		return $this->cache;
	}

	private static function key(mixed $key): string
	{
		if (!is_string($key) || $key === '' || strpbrk($key, Key::RESERVED) !== false) {
			self::invalidKey($key);
		}
		return Key::native($key);
	}

	/** @return array<string, string> the asked key => its native key, once each */
	private static function keys(mixed $keys): array
	{
		if (!is_iterable($keys)) {
			throw new InvalidArgumentException(sprintf('Cache keys must be an array or a Traversable, %s given', get_debug_type($keys)));
		}
		$native = [];
		foreach ($keys as $key) {
			$native[$key] = self::key($key);
		}
		return $native;
	}

	/** null for perf.cache_default_ttl, a tier name, 0 for "already expired", or seconds > 0. */
	private static function ttl(mixed $ttl): int|string|null
	{
		if ($ttl === null) {
			return null;
		}
		if (is_int($ttl)) {
			return $ttl > 0 ? $ttl : 0;
		}
		if ($ttl instanceof \DateInterval) {
			return max(0, Ttl::fromInterval($ttl));
		}
		if ($ttl === 'short' || $ttl === 'medium' || $ttl === 'long') {
			return $ttl;
		}
		throw new InvalidArgumentException(sprintf('Cache TTL must be null, an int or a DateInterval, %s given', get_debug_type($ttl)));
	}

	private static function invalidKey(mixed $key): never
	{
		throw new InvalidArgumentException(Key::psrError($key) ?? 'Invalid cache key');
	}
}
