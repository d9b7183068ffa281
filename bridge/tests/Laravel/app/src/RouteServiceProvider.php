<?php

declare(strict_types=1);

namespace TestApp;

use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\Route;
use Illuminate\Support\ServiceProvider;

/** The test application's routes: each answers JSON the test checks. */
final class RouteServiceProvider extends ServiceProvider
{
	public function boot(): void
	{
		Auth::provider('memory', static fn () => new MemoryUserProvider());

		/* A slow computation behind Cache::remember(): concurrent requests must compute it once. */
		Route::get('/remember', static function () {
			$value = Cache::remember('report', 60, static function () {
				Cache::increment('report-computations');
				usleep(400000);
				return ['by' => getmypid()];
			});
			return ['value' => $value, 'computations' => Cache::get('report-computations')];
		})->name('report.show');

		/* Cache::tags()->flush() drops the tagged entries and nothing else. */
		Route::get('/tags', static function () {
			Cache::tags(['users', 'user:7'])->put('profile', 'p7', 60);
			Cache::tags(['users'])->put('list', 'all', 60);
			Cache::put('plain', 'kept', 60);
			$before = [Cache::tags(['user:7', 'users'])->get('profile'), Cache::tags('users')->get('list')];
			Cache::tags('user:7')->flush();
			return [
				'before' => $before,
				'after' => [Cache::tags(['users', 'user:7'])->get('profile'), Cache::tags('users')->get('list'), Cache::get('plain')],
			];
		});

		/* Cache::lock()->block(): two workers take turns. */
		Route::get('/lock', static function () {
			return Cache::lock('critical', 10)->betweenBlockedAttemptsSleepFor(20)->block(5, static function () {
				$start = microtime(true);
				usleep(300000);
				return ['start' => $start, 'end' => microtime(true), 'pid' => getmypid()];
			});
		});

		/* A signed-in user: the session guard fires Authenticated, the slow-request record gets user_id. */
		Route::get('/account', static function () {
			Auth::loginUsingId(1234);
			usleep(50000);
			return ['user' => Auth::id()];
		})->name('account.show');
	}
}
