<?php

declare(strict_types=1);

namespace Perf\Bridge\Psr6;

/**
 * A PSR-6 item of CachePool. Untyped parameters with 3.x's return types, so the class satisfies
 * psr/cache 1.x, 2.x and 3.x alike (see SimpleCache for why that works).
 */
class CacheItem implements \Psr\Cache\CacheItemInterface
{
	/** @internal Unix time after which the item is expired; null: the pool's default TTL. */
	public ?float $expiry = null;

	/** @internal */
	public function __construct(
		private readonly string $key,
		/** @internal */
		public mixed $value = null,
		/** @internal */
		public bool $hit = false,
	) {
	}

	public function getKey(): string
	{
		return $this->key;
	}

	public function get(): mixed
	{
		return $this->value;
	}

	public function isHit(): bool
	{
		return $this->hit;
	}

	public function set($value): static
	{
		$this->value = $value;
		return $this;
	}

	public function expiresAt($expiration): static
	{
		if ($expiration === null) {
			$this->expiry = null;
		} elseif ($expiration instanceof \DateTimeInterface) {
			$this->expiry = (float) $expiration->format('U.u');
		} else {
			throw new InvalidArgumentException(sprintf('Expiration must be a DateTimeInterface or null, %s given', get_debug_type($expiration)));
		}
		return $this;
	}

	public function expiresAfter($time): static
	{
		if ($time === null) {
			$this->expiry = null;
		} elseif (is_int($time)) {
			$this->expiry = microtime(true) + $time;
		} elseif ($time instanceof \DateInterval) {
			$this->expiry = (float) (new \DateTimeImmutable())->add($time)->format('U.u');
		} else {
			throw new InvalidArgumentException(sprintf('Expiration must be an int, a DateInterval or null, %s given', get_debug_type($time)));
		}
		return $this;
	}
}
