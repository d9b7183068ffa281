<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests;

use PHPUnit\Framework\TestCase;

/** Runs a PHP script with perf loaded and the given settings (INI that cannot change at run time). */
final class Subprocess
{
	/** @return array{0: int, 1: string} exit status and output */
	public static function run(TestCase $test, string $script, array $ini = [], array $args = []): array
	{
		$so = getenv('PERF_SO');
		if ($so === false || $so === '') {
			$test->markTestSkipped('PERF_SO (the path of perf.so) is not set');
		}
		$ini += ['extension' => $so];
		foreach (['perf.cache_enable_cli', 'perf.cache_name', 'perf.cache_dir', 'perf.redis_port'] as $name) {
			$ini[$name] ??= ini_get($name);
		}
		$command = escapeshellarg(PHP_BINARY);
		foreach ($ini as $name => $value) {
			$command .= ' -d ' . escapeshellarg("$name=$value");
		}
		$command .= ' ' . escapeshellarg($script);
		foreach ($args as $arg) {
			$command .= ' ' . escapeshellarg($arg);
		}
		exec($command . ' 2>&1', $output, $status);
		return [$status, implode("\n", $output)];
	}
}
