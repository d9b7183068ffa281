<?php
/*
 * Zero-copy values under php-fpm, driven by tests/e2e/zero_copy_fpm.phpt through marker files in
 * ?dir=…: op=hold reads a value, lets another worker churn the cache, checks the value after
 * perf_request_begin()/perf_request_end() and again in a session write() (after every RSHUTDOWN);
 * op=churn deletes the value's entry and pushes twice the cache's size through it.
 */
header('Content-Type: application/json');
$dir = (string) ($_GET['dir'] ?? '');
if (!is_dir($dir)) {
	http_response_code(400);
	exit;
}
const ZC_KEY = 'e2e-zero-copy';

function zc_expected(): array
{
	return ['text' => str_repeat('Z', 20000), 'list' => range(1, 500), 'name' => 'zero-copy-' . str_repeat('n', 100)];
}

function zc_wait(string $file): bool
{
	for ($i = 0; $i < 500 && !file_exists($file); $i++) {
		usleep(10000);
	}
	return file_exists($file);
}

$op = $_GET['op'] ?? '';
if ($op === 'set') {
	echo json_encode(['stored' => perf_cache_set(ZC_KEY, zc_expected())]);
	exit;
}
if ($op === 'churn') {
	perf_cache_delete(ZC_KEY);
	$size = perf_cache_stats()['memory_size'];
	$failed = 0;
	for ($i = 0, $n = intdiv(2 * $size, 200000) + 1; $i < $n; $i++) {
		$failed += perf_cache_set("e2e-churn-$i", str_repeat(chr(97 + $i % 26), 200000)) ? 0 : 1;
	}
	touch("$dir/churned-" . ($_GET['round'] ?? '1'));
	echo json_encode(['pid' => getmypid(), 'failed' => $failed]);
	exit;
}
if ($op !== 'hold') {
	http_response_code(400);
	exit;
}

$GLOBALS['held'] = perf_cache_get(ZC_KEY);
$GLOBALS['key_from_value'] = [$GLOBALS['held']['name'] => true];
perf_request_begin();
perf_request_end();
touch("$dir/holding");
$churned = zc_wait("$dir/churned-1");
$in_request = $GLOBALS['held'] === zc_expected() && array_key_first($GLOBALS['key_from_value']) === zc_expected()['name'];

final class ZcSessionHandler implements SessionHandlerInterface
{
	public function __construct(private string $dir) {}
	public function open($path, $name): bool { return true; }
	public function close(): bool { return true; }
	public function read($id): string|false { return ''; }
	public function destroy($id): bool { return true; }
	public function gc($max): int|false { return 0; }
	public function write($id, $data): bool
	{
		/* perf's RSHUTDOWN has run: another worker churns the cache once more before the check. */
		touch("$this->dir/writing");
		$churned = zc_wait("$this->dir/churned-2");
		$intact = $GLOBALS['held'] === zc_expected() && array_key_first($GLOBALS['key_from_value']) === zc_expected()['name'];
		/* Renamed into place: the test polls for the file and must never read it created but still empty. */
		file_put_contents("$this->dir/session-write.json.tmp", json_encode(['churned' => $churned, 'intact' => $intact]));
		rename("$this->dir/session-write.json.tmp", "$this->dir/session-write.json");
		return true;
	}
}
ini_set('session.use_cookies', '0');
session_set_save_handler(new ZcSessionHandler($dir), false);
session_id('zc' . getmypid());
session_start();
$_SESSION['n'] = 1;
echo json_encode(['pid' => getmypid(), 'churned' => $churned, 'intact' => $in_request]);
