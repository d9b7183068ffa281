<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests;

use Perf\Bridge\Laravel\PerfRepository;
use Perf\Bridge\Laravel\PerfStore;
use Perf\Bridge\Symfony\PerfAdapter;
use PHPUnit\Framework\TestCase;

/**
 * Laravel's remember() and Symfony's get() through the bridge keep perf's stampede protection:
 * four processes missing the same key at once run the callback once. Forked processes share
 * the memory driver's segment and the file driver's directory.
 */
final class StampedeTest extends TestCase
{
	private const PROCESSES = 4;

	protected function setUp(): void
	{
		if (!function_exists('pcntl_fork')) {
			$this->markTestSkipped('pcntl is not loaded');
		}
		if (Driver::name() === 'redis') {
			$this->markTestSkipped('forked children would share the parent\'s Redis connection');
		}
		Driver::cache()->clear();
	}

	public function testLaravelRememberComputesOnceAcrossProcesses(): void
	{
		$this->assertComputedOnce(static function (): string {
			$cache = new PerfRepository(new PerfStore(Driver::cache(), 'app'));
			return $cache->remember('report', 60, static function (): string {
				Driver::cache()->increment('computations');
				usleep(300000);
				return 'computed';
			});
		});
	}

	public function testSymfonyGetComputesOnceAcrossProcesses(): void
	{
		$this->assertComputedOnce(static function (): string {
			return (new PerfAdapter('', 0, Driver::cache()))->get('report', static function (): string {
				Driver::cache()->increment('computations');
				usleep(300000);
				return 'computed';
			});
		});
	}

	private function assertComputedOnce(\Closure $work): void
	{
		$pids = [];
		for ($i = 0; $i < self::PROCESSES; $i++) {
			$pid = pcntl_fork();
			$this->assertNotSame(-1, $pid);
			if ($pid === 0) {
				Driver::cache()->set("result:$i", $work(), 60);
				/* Leave without PHPUnit's shutdown code running in the child. */
				pcntl_exec('/bin/true');
			}
			$pids[] = $pid;
		}
		foreach ($pids as $pid) {
			pcntl_waitpid($pid, $status);
			$this->assertSame(0, pcntl_wexitstatus($status));
		}
		$cache = Driver::cache();
		for ($i = 0; $i < self::PROCESSES; $i++) {
			$this->assertSame('computed', $cache->get("result:$i"), "process $i got the value");
		}
		$this->assertSame(1, $cache->get('computations'), 'one process computed, the others waited for it');
	}
}
