<?php

declare(strict_types=1);

namespace Perf\Bridge\Psr16;

/** A key, a list of keys or a TTL that PSR-16 does not allow. */
final class InvalidArgumentException extends \InvalidArgumentException implements \Psr\SimpleCache\InvalidArgumentException
{
}
