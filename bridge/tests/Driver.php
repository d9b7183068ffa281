<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests;

/** The driver the tests run on: PERF_BRIDGE_DRIVER (memory, file or redis), memory by default. */
final class Driver
{
	public static function name(): string
	{
		return getenv('PERF_BRIDGE_DRIVER') ?: 'memory';
	}

	public static function cache(): \Perf\Cache
	{
		return new \Perf\Cache(self::name());
	}
}
