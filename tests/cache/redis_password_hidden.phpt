--TEST--
perf.redis_password is never shown (phpinfo(), ini_get(), ini_get_all()) and no script can set it (PHP_INI_SYSTEM|PHP_INI_PERDIR); AUTH still uses it, from php.ini and from a .user.ini
--SKIPIF--
<?php
require __DIR__ . '/redis.inc'; redis_skip_unless_available();
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) die('skip php-cgi needed for the .user.ini case');
?>
--INI--
perf.cache_driver=redis
perf.redis_prefix=pw:
perf.redis_password=S3cr3t-Pa55
--FILE--
<?php
require __DIR__ . '/redis.inc';
$port = redis_start(['--requirepass', 'S3cr3t-Pa55']);
ini_set('perf.redis_port', (string) $port);

$shown = function (): string {
	ob_start();
	phpinfo(INFO_MODULES);
	$info = ob_get_clean();
	return json_encode([ini_get('perf.redis_password'), ini_get_all('perf')['perf.redis_password'],
		ini_get_all('perf', false)['perf.redis_password'], str_contains($info, 'Pa55'), str_contains($info, 'Secret')]);
};
echo $shown(), "\n";
var_dump(perf_cache_set('k', 'authenticated'), perf_cache_get('k'));
echo "-- a script can neither set nor restore it\n";
var_dump(ini_set('perf.redis_password', 'other'), ini_get('perf.redis_password'));
ini_restore('perf.redis_password');
var_dump(perf_cache_get('k'));

echo "-- a .user.ini value (php-cgi): used for AUTH and shown masked\n";
$root = sys_get_temp_dir() . '/perf-pw-' . getmypid();
@mkdir($root);
file_put_contents("$root/.user.ini", "perf.redis_password=PerDir-Secret\n");
file_put_contents("$root/t.php", "<?php\n" . <<<'PHP'
echo json_encode([ini_get('perf.redis_password'), ini_get_all('perf')['perf.redis_password']]), "\n";
ob_start(); phpinfo(INFO_MODULES); $info = ob_get_clean();
var_dump(str_contains($info, 'PerDir'), str_contains($info, 'Pa55'));
var_dump(perf_cache_get('k', 'miss'));
PHP);
redis_cli($port, '-a', 'S3cr3t-Pa55', '--no-auth-warning', 'CONFIG', 'SET', 'requirepass', 'PerDir-Secret');
$env = ['REDIRECT_STATUS' => '1', 'GATEWAY_INTERFACE' => 'CGI/1.1', 'REQUEST_METHOD' => 'GET',
	'SCRIPT_FILENAME' => "$root/t.php", 'DOCUMENT_ROOT' => $root, 'PATH' => getenv('PATH')];
$cmd = getenv('TEST_PHP_CGI_EXECUTABLE') . ' -n ' . getenv('TEST_PHP_EXTRA_ARGS') . ' -d display_errors=1'
	. " -d perf.cache_driver=redis -d perf.redis_prefix=pw: -d perf.redis_port=$port -d perf.redis_password=S3cr3t-Pa55";
$proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $root, $env);
$out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
proc_close($proc);
echo substr($out, strpos($out, "\r\n\r\n") + 4);
unlink("$root/.user.ini");
unlink("$root/t.php");
rmdir($root);
?>
--EXPECT--
["********",{"global_value":"********","local_value":"********","access":6},"********",false,false]
bool(true)
string(13) "authenticated"
-- a script can neither set nor restore it
bool(false)
string(8) "********"
string(13) "authenticated"
-- a .user.ini value (php-cgi): used for AUTH and shown masked
["********",{"global_value":"********","local_value":"********","access":6}]
bool(false)
bool(false)
string(13) "authenticated"
