<?php

declare(strict_types=1);

namespace Perf\Bridge\Laravel;

use Illuminate\Cache\Events\CacheHit;
use Illuminate\Cache\Events\CacheMissed;
use Illuminate\Cache\Events\KeyWritten;
use Illuminate\Cache\Repository;

/**
 * Laravel's Repository with remember() and rememberForever() on perf's native remember():
 * stampede protection (one process computes a missing key, the others wait for it or get the
 * stale copy) with Laravel's semantics (a null result is not cached, a TTL <= 0 stores nothing).
 * Everything else is Laravel's own Repository.
 */
class PerfRepository extends Repository
{
	public function __construct(PerfStore $store)
	{
		parent::__construct($store);
	}

	public function remember($key, $ttl, \Closure $callback)
	{
		$ttl = value($ttl);
		return $this->rememberFor($key, $ttl === null ? null : $this->getSeconds($ttl), $callback);
	}

	public function rememberForever($key, \Closure $callback)
	{
		return $this->rememberFor($key, null, $callback);
	}

	private function rememberFor(string $key, ?int $seconds, \Closure $callback): mixed
	{
		$value = $this->store->remember($this->itemKey($key), $seconds, $callback, $computed);
		if (!$computed) {
			$this->event(new CacheHit($key, $value));
		} else {
			$this->event(new CacheMissed($key));
			if ($value !== null && ($seconds === null || $seconds > 0)) {
				$this->event(new KeyWritten($key, $value, $seconds));
			}
		}
		return $value;
	}
}
