<?php

declare(strict_types=1);

namespace Perf\Bridge\Psr6;

use Perf\Bridge\Key;

/** An item of TaggableCachePool: php-cache/tag-interop's tags, stored as perf's native tags. */
class TaggableCacheItem extends CacheItem implements \Cache\TagInterop\TaggableCacheItemInterface
{
	/** @internal the tags to store the item with, name => name */
	public array $tags = [];

	/** @internal the tags the item was stored with when it was read */
	public array $previousTags = [];

	public function getPreviousTags(): array
	{
		return $this->previousTags;
	}

	public function setTags(array $tags): static
	{
		$this->tags = [];
		foreach ($tags as $tag) {
			if (!is_string($tag) || $tag === '' || strpbrk($tag, Key::RESERVED) !== false) {
				throw new InvalidArgumentException(sprintf('Cache tags must be non-empty strings without %s, %s given', Key::RESERVED, is_string($tag) ? "\"$tag\"" : get_debug_type($tag)));
			}
			$this->tags[$tag] = $tag;
		}
		return $this;
	}
}
