<?php

declare(strict_types=1);

namespace Perf\Bridge\Laravel;

/**
 * Thrown inside the native remember()'s callback when Laravel's callback returned null, so the
 * native cache stores nothing (it would store null).
 *
 * @internal
 */
final class NullResult extends \Exception
{
}
