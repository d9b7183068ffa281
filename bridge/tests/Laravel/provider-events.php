<?php

declare(strict_types=1);

/*
 * Boots a Laravel application with the perf provider (as the CLI: a queue worker) and fires the
 * events a queue worker, an Octane worker, the router and the auth guard fire; each perf request
 * they mark is logged (perf.log_all_requests=1) to the file the test reads.
 */
require __DIR__ . '/../bootstrap.php';

use Illuminate\Auth\Events\Authenticated;
use Illuminate\Auth\GenericUser;
use Illuminate\Http\Request;
use Illuminate\Queue\Events\JobExceptionOccurred;
use Illuminate\Queue\Events\JobProcessed;
use Illuminate\Queue\Events\JobProcessing;
use Illuminate\Routing\Events\RouteMatched;
use Illuminate\Routing\Route;
use Perf\Bridge\Laravel\PerfServiceProvider;
use Perf\Bridge\Tests\Laravel\App;

$app = App::make();
$events = $app['events'];

/** A queued job as the worker sees it: only the name matters here. */
$job = new class () {
	public function resolveName(): string
	{
		return 'App\Jobs\SendInvoice';
	}
};

/* A job on a real queue: one perf request, named after the job. */
$events->dispatch(new JobProcessing('redis', $job));
usleep(20000);
$events->dispatch(new JobProcessed('redis', $job));
/* A job that throws: its request ends with status 500. */
$events->dispatch(new JobProcessing('redis', $job));
$events->dispatch(new JobExceptionOccurred('redis', $job, new RuntimeException('boom')));
/* The sync queue runs inside the caller's request: no boundary of its own. */
$events->dispatch(new JobProcessing('sync', $job));
$events->dispatch(new JobProcessed('sync', $job));

/* An Octane request with a named route and a signed-in user. */
$events->dispatch(PerfServiceProvider::OCTANE_REQUEST_RECEIVED, [new stdClass()]);
$route = (new Route(['GET'], 'orders/{id}', fn () => 'ok'))->name('orders.show');
$events->dispatch(new RouteMatched($route, Request::create('/orders/7')));
$events->dispatch(new Authenticated('web', new GenericUser(['id' => 42])));
$terminated = new class () {
	public object $response;
};
$terminated->response = new Illuminate\Http\Response('', 201);
$events->dispatch(PerfServiceProvider::OCTANE_REQUEST_TERMINATED, [$terminated]);

/* An unnamed route is annotated with its URI. */
perf_request_begin();
$events->dispatch(new RouteMatched(new Route(['GET'], 'health', fn () => 'ok'), Request::create('/health')));
perf_request_end(200);
echo "done\n";
