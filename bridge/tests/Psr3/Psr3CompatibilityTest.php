<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Psr3;

use Perf\Bridge\Tests\Driver;
use Perf\Bridge\Tests\Subprocess;
use PHPUnit\Framework\TestCase;

/**
 * One class serves psr/simple-cache and psr/cache 1.x (the rest of this suite) and 3.x (here,
 * in a PHP process that has the 3.0 interfaces instead of Debian's 1.0 ones).
 */
final class Psr3CompatibilityTest extends TestCase
{
	public function testTheSameClassesImplementThePsr3Interfaces(): void
	{
		[$status, $text] = Subprocess::run($this, __DIR__ . '/run.php', [], [Driver::name()]);
		$this->assertSame(0, $status, $text);
		$this->assertStringNotContainsString('FAILED', $text);
		$this->assertSame(8, substr_count($text, "ok "), $text);
	}
}
