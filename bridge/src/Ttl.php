<?php

declare(strict_types=1);

namespace Perf\Bridge;

/**
 * TTL conversions between the standards' conventions and the native API's.
 *
 * The native API reads 0 as "no expiry" and throws ValueError for a negative TTL; PSR-6, PSR-16
 * and Laravel read 0 or less as "already expired": callers map those to a delete.
 *
 * @internal
 */
final class Ttl
{
	/** The native API's "no expiry". */
	public const FOREVER = 0;

	/** Seconds from now until the end of $interval; may be 0 or negative. */
	public static function fromInterval(\DateInterval $interval): int
	{
		$now = new \DateTimeImmutable('@' . time());
		return $now->add($interval)->getTimestamp() - $now->getTimestamp();
	}
}
