--TEST--
End to end (nginx + php-fpm): two pools of one master running as www-data and nobody with the same perf.cache_name each get their own cache and metrics segments (neither reads, overwrites, deletes, invalidates or clears the other's entries, nor sees its metrics or dashboard rows: code-review finding 4); the CLI of the pool's user shares the pool's cache, another user's CLI cannot; reload and restart keep the entries; a new size in php-fpm's configuration replaces the segments (a CLI's does not); a segment replaced while a worker uses it is left at the worker's next request
--SKIPIF--
<?php
if (trim((string) shell_exec('id -u')) !== '0') die('skip needs root (pools run as www-data and nobody)');
if (!trim((string) shell_exec('command -v php-fpm' . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION . ' nginx setpriv | wc -l')) === '3') die('skip php-fpm, nginx and setpriv needed');
?>
--FILE--
<?php
require __DIR__ . '/segments.inc';
$app = <<<'PHP'
<?php
preg_match('/^Uid:\s+\d+\s+(\d+)/m', file_get_contents('/proc/self/status'), $m);
$r = ['pid' => getmypid(), 'uid' => (int) $m[1]];
$key = $_GET['key'] ?? 'k';
switch ($_GET['op']) {
	case 'set': $r['ok'] = perf_cache_set($key, $_GET['value'], 0, isset($_GET['tag']) ? [$_GET['tag']] : []); break;
	case 'get': $r['value'] = perf_cache_get($key); break;
	case 'delete': $r['ok'] = perf_cache_delete($key); break;
	case 'clear': $r['ok'] = perf_cache_clear(); break;
	case 'invalidate': $r['n'] = perf_cache_invalidate_tags([$_GET['tag']]); break;
	case 'stats': $r['stats'] = perf_cache_stats(); break;
	case 'slow': usleep(20000); perf_counter_inc($_GET['counter']); break;
	case 'metrics': $r['metrics'] = perf_metrics(); $r['dashboard'] = perf_dashboard(); break;
}
echo json_encode($r);
PHP;
$s = new SegmentServers($app);
$s->startFpm(['perf.cache_memory' => '8M']);
$get = function (string $pool, string $key) use ($s) {
	$reply = $s->get($pool, ['op' => 'get', 'key' => $key]);
	return $reply === null ? 'NO ANSWER' : $reply['value'];
};

/* Two users, one name: two segments. */
$a = $s->get('a', ['op' => 'set', 'key' => 'secret', 'value' => 'A-secret-www-data']);
$b = $s->get('b', ['op' => 'set', 'key' => 'secret', 'value' => 'B-secret-nobody']);
seg_check('the pools run as www-data and nobody', ($a['uid'] ?? 0) === 33 && ($b['uid'] ?? 0) === 65534, json_encode([$a, $b]));
$s->get('a', ['op' => 'set', 'key' => 'only-a', 'value' => 'A-only']);
seg_check("nobody cannot read www-data's entry", $get('b', 'only-a') === null, json_encode($get('b', 'only-a')));
seg_check("neither overwrote the other's", $get('a', 'secret') === 'A-secret-www-data' && $get('b', 'secret') === 'B-secret-nobody');
$s->get('a', ['op' => 'set', 'key' => 'tagged', 'value' => 'A-tagged', 'tag' => 'shared-tag']);
$s->get('b', ['op' => 'invalidate', 'tag' => 'shared-tag']);
$s->get('b', ['op' => 'delete', 'key' => 'secret']);
$s->get('b', ['op' => 'clear']);
seg_check("nobody's delete, invalidate and clear leave www-data's entries", $get('a', 'secret') === 'A-secret-www-data'
	&& $get('a', 'tagged') === 'A-tagged' && $get('a', 'only-a') === 'A-only');
clearstatcache();
$st = [33 => @stat($s->path(33)), 65534 => @stat($s->path(65534))];
seg_check('one 0600 file per user, owned by it; none made by the root master', $st[33] && $st[65534]
	&& $st[33]['uid'] === 33 && $st[65534]['uid'] === 65534 && ($st[33]['mode'] & 0777) === 0600 && ($st[65534]['mode'] & 0777) === 0600
	&& !file_exists($s->path(0)));

/* Metrics and dashboard: per user too. */
$s->get('a', ['op' => 'slow', 'counter' => 'pool_a_jobs_total', 'marker' => 'only-in-pool-a']);
$s->get('b', ['op' => 'slow', 'counter' => 'pool_b_jobs_total', 'marker' => 'only-in-pool-b']);
$ma = $s->get('a', ['op' => 'metrics']);
$mb = $s->get('b', ['op' => 'metrics']);
seg_check("each pool's perf_metrics() shows its own series only", str_contains($ma['metrics'] ?? '', 'pool_a_jobs_total 1')
	&& !str_contains($ma['metrics'] ?? '', 'pool_b_jobs') && str_contains($mb['metrics'] ?? '', 'pool_b_jobs_total 1')
	&& !str_contains($mb['metrics'] ?? '', 'pool_a_jobs'), json_encode([$ma['metrics'] ?? null, $mb['metrics'] ?? null]));
seg_check("each pool's perf_dashboard() shows its own slow URLs only", str_contains($ma['dashboard'] ?? '', 'only-in-pool-a')
	&& !str_contains($ma['dashboard'] ?? '', 'only-in-pool-b') && str_contains($mb['dashboard'] ?? '', 'only-in-pool-b')
	&& !str_contains($mb['dashboard'] ?? '', 'only-in-pool-a'));
clearstatcache();
seg_check('one metrics file per user', @fileowner("/dev/shm/perf.33.{$s->name}.metrics") === 33 && @fileowner("/dev/shm/perf.65534.{$s->name}.metrics") === 65534);

/* The CLI of the pool's user. */
$out = $s->cli('www-data', 'var_dump(perf_cache_set("from-cli", "stored by the CLI"));');
seg_check('a CLI of www-data stores (without perf.cache_enable_cli: the segment exists)', $out === 'bool(true)', $out);
seg_check('php-fpm serves what the CLI stored', $get('a', 'from-cli') === 'stored by the CLI');
$out = $s->cli('nobody', 'var_dump(perf_cache_get("from-cli"), @fopen(' . var_export($s->path(33), true) . ', "r"));');
seg_check("a CLI of nobody neither reads it nor opens www-data's file", $out === "NULL\nbool(false)", $out);
$out = $s->cli('www-data', 'var_dump(perf_cache_clear());');
seg_check("perf_cache_clear() from www-data's CLI empties what php-fpm sees", $out === 'bool(true)' && $get('a', 'secret') === null
	&& $get('a', 'from-cli') === null && $get('b', 'secret') === null /* deleted above */);
seg_check("... and only www-data's", $s->get('b', ['op' => 'stats'])['stats']['available'] ?? false);

/* Reload and restart keep the entries. */
$s->get('a', ['op' => 'set', 'key' => 'kept', 'value' => 'across reloads']);
$s->get('b', ['op' => 'set', 'key' => 'kept', 'value' => 'nobody across reloads']);
$pid = $s->get('a', ['op' => 'pid'])['pid'];
$s->reload();
seg_check('kill -USR2 (new workers) keeps the entries', $s->get('a', ['op' => 'pid'])['pid'] !== $pid
	&& $get('a', 'kept') === 'across reloads' && $get('b', 'kept') === 'nobody across reloads');
$s->stopFpm();
$s->startFpm(['perf.cache_memory' => '8M']);
seg_check('a full restart keeps the entries', $get('a', 'kept') === 'across reloads' && $get('b', 'kept') === 'nobody across reloads');

/* The CLI's own perf.cache_memory does not resize the web server's segment. */
$before = $s->get('a', ['op' => 'stats'])['stats']['memory_size'] ?? 0;
$out = $s->cli('www-data', 'var_dump(perf_cache_get("kept"));', ['perf.cache_enable_cli' => 1, 'perf.cache_memory' => '16M']);
clearstatcache();
seg_check("a CLI with another perf.cache_memory uses the live segment as it is", $out === 'string(14) "across reloads"'
	&& filesize($s->path(33)) === 8 << 20, $out);

/* A newer layout (as after an upgrade: the version in the file is changed under the running worker). */
if ($f = @fopen($s->path(33), 'r+')) {
	fseek($f, 4);
	fwrite($f, pack('V', 999));
	fclose($f);
}
$out = $s->cli('www-data', 'var_dump(perf_cache_get("kept"), perf_cache_set("new", "in the new segment"));', ['perf.cache_enable_cli' => 1]);
seg_check('a CLI with enable_cli replaces a segment of another layout (nothing read from it)', $out === "NULL\nbool(true)", $out);
$after = $s->get('a', ['op' => 'stats'])['stats'] ?? [];
seg_check('the running worker moves to the new segment at its next request', $get('a', 'new') === 'in the new segment'
	&& $get('a', 'kept') === null && ($after['entries'] ?? -1) === 1, json_encode($after));
seg_check("nobody's segment is untouched", $get('b', 'kept') === 'nobody across reloads');

/* A new size in php-fpm's configuration: the workers replace it themselves. */
$s->stopFpm();
$s->startFpm(['perf.cache_memory' => '4M']);
clearstatcache();
seg_check('php-fpm restarted with another perf.cache_memory replaces both segments', $get('a', 'new') === null && $get('b', 'kept') === null
	&& filesize($s->path(33)) === 4 << 20 && filesize($s->path(65534)) === 4 << 20);
$logs = @file_get_contents($s->dir . '/php-a.log') . @file_get_contents($s->dir . '/php-b.log');
seg_check('no PHP warning in the pools', !str_contains($logs, 'Warning'), $logs);
$s->stop();
?>
--EXPECT--
the pools run as www-data and nobody: ok
nobody cannot read www-data's entry: ok
neither overwrote the other's: ok
nobody's delete, invalidate and clear leave www-data's entries: ok
one 0600 file per user, owned by it; none made by the root master: ok
each pool's perf_metrics() shows its own series only: ok
each pool's perf_dashboard() shows its own slow URLs only: ok
one metrics file per user: ok
a CLI of www-data stores (without perf.cache_enable_cli: the segment exists): ok
php-fpm serves what the CLI stored: ok
a CLI of nobody neither reads it nor opens www-data's file: ok
perf_cache_clear() from www-data's CLI empties what php-fpm sees: ok
... and only www-data's: ok
kill -USR2 (new workers) keeps the entries: ok
a full restart keeps the entries: ok
a CLI with another perf.cache_memory uses the live segment as it is: ok
a CLI with enable_cli replaces a segment of another layout (nothing read from it): ok
the running worker moves to the new segment at its next request: ok
nobody's segment is untouched: ok
php-fpm restarted with another perf.cache_memory replaces both segments: ok
no PHP warning in the pools: ok
