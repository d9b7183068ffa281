<?php

declare(strict_types=1);

namespace Perf\Bridge\Laravel;

use Illuminate\Cache\Lock;

/**
 * An atomic lock: an entry made with the native add() (atomic on every driver) holding the owner
 * token, with the lock's seconds as TTL (0: until released).
 *
 * release() reads the owner and then deletes: two native calls, so a lock that expired and was
 * taken by another owner between them can be removed. Keep the lock's seconds well above the
 * work it guards (or 0) until the native API has a compare-and-delete.
 */
class PerfLock extends Lock
{
	public function __construct(private readonly \Perf\Cache $cache, $name, $seconds, $owner = null)
	{
		parent::__construct($name, $seconds, $owner);
	}

	public function acquire()
	{
		return $this->cache->add($this->name, $this->owner, $this->seconds > 0 ? $this->seconds : 0);
	}

	public function release()
	{
		if (!$this->isOwnedByCurrentProcess()) {
			return false;
		}
		return $this->cache->delete($this->name);
	}

	public function forceRelease()
	{
		$this->cache->delete($this->name);
	}

	protected function getCurrentOwner()
	{
		return $this->cache->get($this->name);
	}
}
