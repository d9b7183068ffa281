<?php

declare(strict_types=1);

namespace Perf\Bridge\Laravel;

/**
 * What Cache::tags(...) returns for the perf store: a repository over a tagged view of the store.
 * flush() invalidates the tags natively (one version bump per tag).
 */
class PerfTaggedCache extends PerfRepository
{
	public function __construct(PerfStore $store)
	{
		parent::__construct($store);
	}

	public function flush(): bool
	{
		return $this->store->flush();
	}

	/** @return list<string> */
	public function getTags(): array
	{
		return $this->store->getTags();
	}
}
