<?php

declare(strict_types=1);

namespace Perf\Bridge\Laravel;

use Illuminate\Auth\Events\Authenticated;
use Illuminate\Cache\CacheManager;
use Illuminate\Contracts\Events\Dispatcher;
use Illuminate\Queue\Events\JobExceptionOccurred;
use Illuminate\Queue\Events\JobProcessed;
use Illuminate\Queue\Events\JobProcessing;
use Illuminate\Routing\Events\RouteMatched;
use Illuminate\Support\ServiceProvider;

/**
 * Registers the 'perf' cache driver and feeds perf's request tracking from Laravel's events.
 *
 * config/cache.php:
 *     'perf' => ['driver' => 'perf', 'connection' => 'memory'],   // or 'file', 'redis'; absent: perf.cache_driver
 *
 * Request boundaries: each queued job (JobProcessing .. JobProcessed/JobExceptionOccurred) and each
 * Octane request (RequestReceived .. RequestTerminated) is one perf request, so timing, the
 * slow-request log and the cache's per-request resources follow them in long-running workers.
 * Only in the CLI: a job run by the sync queue inside a web request belongs to that request.
 * Annotations: the matched route's name (or its URI) as 'route', the authenticated user's id as
 * 'user_id'.
 */
class PerfServiceProvider extends ServiceProvider
{
	/** Octane's events, named as strings: Octane need not be installed. */
	public const OCTANE_REQUEST_RECEIVED = 'Laravel\Octane\Events\RequestReceived';
	public const OCTANE_REQUEST_TERMINATED = 'Laravel\Octane\Events\RequestTerminated';

	public function register(): void
	{
		$this->app->booting(function (): void {
			/* CacheManager::extend() binds the creator to the manager: $this is the manager in it. */
			$this->app->make('cache')->extend('perf', function ($app, array $config): PerfRepository {
				/** @var CacheManager $this */
				$repository = new PerfRepository(new PerfStore($config['connection'] ?? null, (string) $this->getPrefix($config)));
				$this->setEventDispatcher($repository);
				return $repository;
			});
		});
	}

	public function boot(): void
	{
		$events = $this->app->make(Dispatcher::class);
		self::listen($events, PHP_SAPI === 'cli');
	}

	/** The listeners, separate from boot() so that tests can register them for a given SAPI. */
	public static function listen(Dispatcher $events, bool $cli): void
	{
		$events->listen(RouteMatched::class, static function (RouteMatched $event): void {
			perf_annotate('route', $event->route->getName() ?? $event->route->uri());
		});
		$events->listen(Authenticated::class, static function (Authenticated $event): void {
			$id = $event->user->getAuthIdentifier();
			perf_annotate('user_id', is_scalar($id) || $id === null ? $id : (string) $id);
		});
		if (!$cli) {
			return;
		}
		$events->listen(JobProcessing::class, static function (JobProcessing $event): void {
			if ($event->connectionName !== 'sync') {
				perf_request_begin();
				perf_annotate('route', 'job:' . $event->job->resolveName());
			}
		});
		$events->listen(JobProcessed::class, static function (JobProcessed $event): void {
			if ($event->connectionName !== 'sync') {
				perf_request_end();
			}
		});
		$events->listen(JobExceptionOccurred::class, static function (JobExceptionOccurred $event): void {
			if ($event->connectionName !== 'sync') {
				perf_request_end(500);
			}
		});
		$events->listen(self::OCTANE_REQUEST_RECEIVED, static function (): void {
			perf_request_begin();
		});
		$events->listen(self::OCTANE_REQUEST_TERMINATED, static function (object $event): void {
			$status = isset($event->response) && method_exists($event->response, 'getStatusCode') ? $event->response->getStatusCode() : null;
			perf_request_end($status);
		});
	}
}
