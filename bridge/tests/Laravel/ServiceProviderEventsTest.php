<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Laravel;

use Perf\Bridge\Tests\Subprocess;
use PHPUnit\Framework\TestCase;

/**
 * The provider's request boundaries (queue jobs, Octane requests) and annotations (route name,
 * user id), read back from perf's request log.
 */
final class ServiceProviderEventsTest extends TestCase
{
	public function testJobsAndOctaneRequestsAreRequestsWithRouteAndUser(): void
	{
		$log = tempnam(sys_get_temp_dir(), 'perf-bridge-log');
		try {
			[$status, $output] = Subprocess::run($this, __DIR__ . '/provider-events.php', [
				'perf.enable_cli' => '1',
				'perf.log_all_requests' => '1',
				'perf.log_format' => 'json',
				'perf.log_file' => $log,
			]);
			$this->assertSame(0, $status, $output);
			$this->assertStringEndsWith('done', $output);
			$records = array_map(static fn (string $line) => json_decode($line, true, 512, JSON_THROW_ON_ERROR)['context'],
				file($log, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES));
		} finally {
			unlink($log);
		}
		/* Four marked requests; the sync job adds none (after perf_request_end() the script is no request). */
		$this->assertCount(4, $records, json_encode($records));
		[$job, $failed, $octane, $health] = $records;
		$this->assertSame('job:App\Jobs\SendInvoice', $job['route']);
		$this->assertGreaterThanOrEqual(20.0, $job['execution_time_ms'], 'the job request spans JobProcessing..JobProcessed');
		$this->assertSame('job:App\Jobs\SendInvoice', $failed['route']);
		$this->assertSame(500, $failed['status']);
		$this->assertSame('orders.show', $octane['route']);
		$this->assertSame(42, $octane['user_id']);
		$this->assertSame(201, $octane['status']);
		$this->assertSame('health', $health['route']);
		$this->assertArrayNotHasKey('user_id', $health, 'annotations do not leak into the next request');
	}
}
