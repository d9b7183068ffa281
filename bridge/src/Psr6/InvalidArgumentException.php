<?php

declare(strict_types=1);

namespace Perf\Bridge\Psr6;

/** A key, a tag or an expiry that PSR-6 does not allow. */
final class InvalidArgumentException extends \InvalidArgumentException implements \Psr\Cache\InvalidArgumentException
{
}
