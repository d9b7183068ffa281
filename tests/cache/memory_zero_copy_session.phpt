--TEST--
Memory driver, zero-copy (php-cgi): a value read in the request stays intact in a session save handler's write(), which runs after every module's RSHUTDOWN, while its entry is deleted and its memory churned (code-review finding 2)
--CGI--
--SKIPIF--
<?php
if (ini_get('perf.cache_driver') !== 'memory') die('skip memory driver only: zero-copy reads point into the shared memory segment');
if (!extension_loaded('session')) die('skip session extension not loaded');
?>
--INI--
perf.cache_memory=4M
session.use_cookies=0
session.use_strict_mode=0
session.save_handler=files
--FILE--
<?php
perf_cache_set('big', str_repeat('A', 20000));
$GLOBALS['v'] = perf_cache_get('big');

class H implements SessionHandlerInterface {
	function open($path, $name): bool { return true; }
	function close(): bool { return true; }
	function read($id): string|false { return ''; }
	function destroy($id): bool { return true; }
	function gc($max): int|false { return 0; }
	function write($id, $data): bool {
		$v = $GLOBALS['v'];
		echo 'in write(): len=', strlen($v), ' head=', substr($v, 0, 4), "\n";
		perf_cache_delete('big');
		for ($i = 0; $i < 400; $i++) {
			perf_cache_set("churn$i", str_repeat(chr(97 + $i % 26), 20000));
		}
		echo 'after churn: intact=', var_export($v === str_repeat('A', 20000), true), ' head=', bin2hex(substr($v, 0, 4)), "\n";
		return true;
	}
}
session_set_save_handler(new H, false);
session_id('perfzc' . getmypid());
session_start();
$_SESSION['n'] = 1;
echo "request done\n";
?>
--EXPECT--
request done
in write(): len=20000 head=AAAA
after churn: intact=true head=41414141
