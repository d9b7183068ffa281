<?php

declare(strict_types=1);

namespace Perf\Bridge\Psr6;

/**
 * CachePool with php-cache/tag-interop's tags, stored as perf's native tags: invalidating a tag
 * bumps its version and every entry stored with it becomes a miss (no scan, no tag index).
 *
 * The tags of an entry are stored next to its value so that getPreviousTags() can report them.
 */
class TaggableCachePool extends CachePool implements \Cache\TagInterop\TaggableCacheItemPoolInterface
{
	public function getItem($key): TaggableCacheItem
	{
		return parent::getItem($key);
	}

	public function invalidateTag($tag): bool
	{
		return $this->invalidateTags([$tag]);
	}

	public function invalidateTags(array $tags): bool
	{
		foreach ($tags as $tag) {
			if (!is_string($tag) || $tag === '') {
				throw new InvalidArgumentException(sprintf('Cache tags must be non-empty strings, %s given', get_debug_type($tag)));
			}
		}
		/* Deferred items hold tags that are being invalidated: store them first so they go too. */
		$this->commit();
		if ($tags !== []) {
			$this->cache->invalidateTags(array_values($tags));
		}
		return true;
	}

	protected function newItem(string $key): TaggableCacheItem
	{
		return new TaggableCacheItem($key);
	}

	protected function hitItem(string $key, mixed $stored): TaggableCacheItem
	{
		$item = new TaggableCacheItem($key, $stored[0], true);
		$item->previousTags = $stored[1];
		return $item;
	}

	protected function store(string $nativeKey, CacheItem $item, ?int $ttl): bool
	{
		$tags = $item instanceof TaggableCacheItem ? array_values($item->tags) : [];
		return $this->cache->set($nativeKey, [$item->value, $tags], $ttl, $tags);
	}
}
