<?php

declare(strict_types=1);

namespace Perf\Bridge;

/**
 * Maps a standard's key to a native one.
 *
 * Native keys are binary-safe strings of 1 to 250 bytes. A longer key (PSR allows them, Laravel
 * does not limit them) is stored under a SHA-256 digest behind a marker no valid PSR key can hold.
 *
 * @internal
 */
final class Key
{
	public const MAX_NATIVE = 250;

	/** Characters PSR-6 and PSR-16 reserve for future extensions. */
	public const RESERVED = '{}()/\@:';

	public static function native(string $key): string
	{
		return strlen($key) <= self::MAX_NATIVE ? $key : "\0perf-long:" . hash('sha256', $key);
	}

	/** Why $key is not a valid PSR key, or null when it is one. */
	public static function psrError(mixed $key): ?string
	{
		if (!is_string($key)) {
			return sprintf('Cache key must be a string, %s given', get_debug_type($key));
		}
		if ($key === '') {
			return 'Cache key must not be empty';
		}
		if (strpbrk($key, self::RESERVED) !== false) {
			return sprintf('Cache key "%s" contains a reserved character (%s)', $key, self::RESERVED);
		}
		return null;
	}
}
