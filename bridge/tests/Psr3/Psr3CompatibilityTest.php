<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Psr3;

use Perf\Bridge\Tests\Driver;
use PHPUnit\Framework\TestCase;

/**
 * One class serves psr/simple-cache and psr/cache 1.x (the rest of this suite) and 3.x (here,
 * in a PHP process that has the 3.0 interfaces instead of Debian's 1.0 ones).
 */
final class Psr3CompatibilityTest extends TestCase
{
	public function testTheSameClassesImplementThePsr3Interfaces(): void
	{
		$so = getenv('PERF_SO');
		if ($so === false || $so === '') {
			$this->markTestSkipped('PERF_SO (the path of perf.so) is not set');
		}
		$ini = [];
		foreach (['perf.cache_enable_cli', 'perf.cache_dir', 'perf.redis_port'] as $name) {
			$ini[] = '-d ' . escapeshellarg("$name=" . ini_get($name));
		}
		$command = escapeshellarg(PHP_BINARY) . ' -n -d ' . escapeshellarg("extension=$so") . ' ' . implode(' ', $ini)
			. ' ' . escapeshellarg(__DIR__ . '/run.php') . ' ' . escapeshellarg(Driver::name()) . ' 2>&1';
		exec($command, $output, $status);
		$text = implode("\n", $output);
		$this->assertSame(0, $status, $text);
		$this->assertStringNotContainsString('FAILED', $text);
		$this->assertSame(8, substr_count($text, "ok "), $text);
	}
}
