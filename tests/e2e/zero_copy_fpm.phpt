--TEST--
End to end (fpm): a value read zero-copy stays intact while another worker deletes its entry and churns twice the cache through, after perf_request_begin()/perf_request_end() and in a session write() after every RSHUTDOWN (code-review findings 2 and 3)
--SKIPIF--
<?php require __DIR__ . '/http.inc'; e2e_skip_unless_running('PERF_E2E_NGINX'); ?>
--FILE--
<?php
require __DIR__ . '/http.inc';
$base = getenv('PERF_E2E_NGINX') . '/main/zero_copy.php';
$dir = sys_get_temp_dir() . '/perf-e2e-zc-' . getmypid();
mkdir($dir);
chmod($dir, 0777);
$q = 'dir=' . urlencode($dir);

function wait_for(string $file): bool
{
	for ($i = 0; $i < 1000 && !file_exists($file); $i++) {
		usleep(10000);
	}
	return file_exists($file);
}

$set = json_decode(e2e_get("$base?op=set&$q")['body'], true);
e2e_check('stored', ($set['stored'] ?? false) === true);

/* The holding request occupies one of the pool's two workers; the churn requests go to the other. */
$holder = popen('curl -s --max-time 30 ' . escapeshellarg("$base?op=hold&$q"), 'r');
e2e_check('holder read the value', wait_for("$dir/holding"));
$churn = json_decode(e2e_get("$base?op=churn&round=1&$q")['body'], true);
e2e_check('first churn ran with no failed store', ($churn['failed'] ?? -1) === 0, json_encode($churn));
e2e_check('holder reached its session write', wait_for("$dir/writing"));
$churn2 = json_decode(e2e_get("$base?op=churn&round=2&$q")['body'], true);
e2e_check('second churn ran with no failed store', ($churn2['failed'] ?? -1) === 0, json_encode($churn2));
$reply = json_decode(stream_get_contents($holder), true);
pclose($holder);
e2e_check('churned by another worker', isset($reply['pid'], $churn['pid']) && $reply['pid'] !== $churn['pid'] && $reply['churned'] === true, json_encode([$reply, $churn]));
e2e_check('intact after perf_request_end() in the request', ($reply['intact'] ?? false) === true, json_encode($reply));
wait_for("$dir/session-write.json");
$write = json_decode((string) @file_get_contents("$dir/session-write.json"), true);
e2e_check('intact in session write() after RSHUTDOWN', ($write['churned'] ?? false) === true && ($write['intact'] ?? false) === true, json_encode($write));
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
stored: ok
holder read the value: ok
first churn ran with no failed store: ok
holder reached its session write: ok
second churn ran with no failed store: ok
churned by another worker: ok
intact after perf_request_end() in the request: ok
intact in session write() after RSHUTDOWN: ok
