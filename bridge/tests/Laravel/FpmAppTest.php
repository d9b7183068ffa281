<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Laravel;

use Perf\Bridge\Tests\Driver;
use PHPUnit\Framework\TestCase;

/**
 * A minimal Laravel 8 application (app/: Debian's php-laravel-framework, the perf store as the
 * default cache, the provider) served by nginx + php-fpm with two workers, started here on free
 * loopback ports: Cache::remember() across workers, Cache::tags()->flush(), Cache::lock()->block()
 * across workers, and the slow-request record's route name and user id.
 */
final class FpmAppTest extends TestCase
{
	private static string $dir;
	private static string $url;
	/** @var list<resource> */
	private static array $servers = [];

	public static function setUpBeforeClass(): void
	{
		$so = getenv('PERF_SO');
		if (Driver::name() !== 'memory' || $so === false || $so === '' || !is_executable('/usr/sbin/php-fpm8.2') || !is_executable('/usr/sbin/nginx')) {
			return;
		}
		self::$dir = $dir = sys_get_temp_dir() . '/perf-bridge-fpm-' . getmypid();
		@mkdir("$dir/run", 0700, true);
		$fpmPort = self::freePort();
		$httpPort = self::freePort();
		$app = realpath(__DIR__ . '/app');
		file_put_contents("$dir/php-fpm.conf", implode("\n", [
			'[global]', "pid = $dir/run/fpm.pid", "error_log = $dir/fpm.log", 'daemonize = no',
			'[app]', "listen = 127.0.0.1:$fpmPort", 'pm = static', 'pm.max_children = 2',
			"env[PERF_BRIDGE_APP_RUN] = $dir/app", 'php_admin_flag[log_errors] = on',
			"php_admin_value[error_log] = $dir/php-errors.log",
			"php_admin_value[perf.log_file] = $dir/performance.log", 'php_admin_value[perf.log_all_requests] = 1',
			'php_admin_value[perf.cache_memory] = 16M', '',
		]));
		file_put_contents("$dir/nginx.conf", implode("\n", [
			'daemon off;', 'user root;', 'worker_processes 1;', "pid $dir/run/nginx.pid;", "error_log $dir/nginx-error.log;",
			'events { worker_connections 64; }',
			'http {', '  access_log off;',
			...array_map(static fn ($t) => "  {$t}_temp_path $dir/run/$t;", ['client_body', 'fastcgi', 'proxy', 'uwsgi', 'scgi']),
			"  server { listen 127.0.0.1:$httpPort;",
			'    location / { include /etc/nginx/fastcgi_params;',
			"      fastcgi_param SCRIPT_FILENAME $app/public/index.php; fastcgi_param SCRIPT_NAME /index.php;",
			"      fastcgi_pass 127.0.0.1:$fpmPort; } }", '}', '',
		]));
		$null = ['file', '/dev/null', 'w'];
		self::$servers[] = proc_open(['/usr/sbin/php-fpm8.2', '-R', '-F', '-y', "$dir/php-fpm.conf", '-d', "extension=$so", '-d', 'perf.cache_name='], [0 => ['pipe', 'r'], 1 => $null, 2 => $null], $pipes);
		self::$servers[] = proc_open(['/usr/sbin/nginx', '-c', "$dir/nginx.conf", '-p', $dir], [0 => ['pipe', 'r'], 1 => $null, 2 => $null], $pipes);
		self::$url = "http://127.0.0.1:$httpPort";
		for ($i = 0; $i < 100 && @file_get_contents(self::$url . '/tags') === false; $i++) {
			usleep(100000);
		}
		/* The readiness probe is a request too: start from an empty log. */
		@unlink("$dir/performance.log");
	}

	public static function tearDownAfterClass(): void
	{
		foreach (self::$servers as $server) {
			proc_terminate($server);
			proc_close($server);
		}
		self::$servers = [];
		if (isset(self::$dir)) {
			exec('rm -rf ' . escapeshellarg(self::$dir));
		}
	}

	protected function setUp(): void
	{
		if (self::$servers === []) {
			$this->markTestSkipped('runs once, on the memory driver, with PERF_SO, php-fpm8.2 and nginx');
		}
	}

	public function testRememberComputesOnceAcrossTwoWorkers(): void
	{
		[$a, $b] = self::concurrently(['/remember', '/remember']);
		$this->assertSame($a['value'], $b['value'], 'both workers answer with the one computed value');
		$this->assertSame(1, max($a['computations'], $b['computations']), 'the slow callback ran once for two concurrent requests');
	}

	public function testTagsFlush(): void
	{
		$this->assertSame(['before' => ['p7', 'all'], 'after' => [null, 'all', 'kept']], self::concurrently(['/tags'])[0]);
	}

	public function testLockBlocksAcrossTwoWorkers(): void
	{
		/* A worker still finishing an earlier request can get both: try again until two workers serve them. */
		for ($try = 0; $try < 5; $try++) {
			[$a, $b] = self::concurrently(['/lock', '/lock']);
			if ($a['pid'] !== $b['pid']) {
				break;
			}
		}
		$this->assertNotSame($a['pid'], $b['pid'], 'two workers served the two requests');
		[$first, $second] = $a['start'] < $b['start'] ? [$a, $b] : [$b, $a];
		$this->assertGreaterThanOrEqual($first['end'], $second['start'], 'the second worker waited for the first one\'s lock');
	}

	public function testTheSlowRequestRecordCarriesRouteNameAndUserId(): void
	{
		$this->assertSame(['user' => 1234], self::concurrently(['/account'])[0]);
		usleep(100000);
		$records = array_map(static fn ($l) => json_decode($l, true)['context'], file(self::$dir . '/performance.log', FILE_IGNORE_NEW_LINES));
		$account = array_values(array_filter($records, static fn ($r) => ($r['url'] ?? '') === '/account'));
		$this->assertCount(1, $account, json_encode($records));
		$this->assertSame('account.show', $account[0]['route']);
		$this->assertSame(1234, $account[0]['user_id']);
	}

	/** @return list<array> the decoded JSON answers, in the order of $paths (all sent before any is read) */
	private static function concurrently(array $paths): array
	{
		$address = 'tcp://' . parse_url(self::$url, PHP_URL_HOST) . ':' . parse_url(self::$url, PHP_URL_PORT);
		$sockets = [];
		foreach ($paths as $path) {
			$socket = stream_socket_client($address, $errno, $error, 5) ?: throw new \RuntimeException($error);
			stream_set_timeout($socket, 30);
			fwrite($socket, "GET $path HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
			$sockets[] = $socket;
		}
		$answers = [];
		foreach ($sockets as $socket) {
			$response = stream_get_contents($socket);
			fclose($socket);
			$body = substr($response, strpos($response, "\r\n\r\n") + 4);
			$answers[] = json_decode($body, true) ?? throw new \RuntimeException('not JSON: ' . substr($response, 0, 500));
		}
		return $answers;
	}

	private static function freePort(): int
	{
		$s = stream_socket_server('tcp://127.0.0.1:0');
		$port = (int) explode(':', stream_socket_get_name($s, false))[1];
		fclose($s);
		return $port;
	}
}
