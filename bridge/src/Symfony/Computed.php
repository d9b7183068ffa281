<?php

declare(strict_types=1);

namespace Perf\Bridge\Symfony;

/**
 * Carries a value that PerfAdapter::get() computed and stored itself out of the native
 * remember(), which then stores nothing.
 *
 * @internal
 */
final class Computed extends \Exception
{
	public function __construct(public readonly mixed $value)
	{
		parent::__construct();
	}
}
