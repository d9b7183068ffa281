--TEST--
perf_dashboard(): headless Chromium renders the page without console errors, the SVG charts carry data; the screenshot is saved as artifacts/dashboard.png
--EXTENSIONS--
opcache
--SKIPIF--
<?php
if (!shell_exec('command -v chromium')) {
	die('skip chromium is not installed (Debian package chromium)');
}
/* run-tests -m traces child processes: valgrind would run Chromium. */
if (getenv('USE_ZEND_ALLOC') === '0') {
	die('skip Chromium is not run under valgrind');
}
?>
--INI--
perf.log_file={TMP}/perf_perf_dashboard_chromium.log
perf.cache_enable_cli=1
perf.cache_memory=8M
perf.slow_request_ms=5
opcache.enable=1
opcache.enable_cli=1
opcache.jit=off
opcache.jit_buffer_size=0
--FILE--
<?php
/* Figures for every section: requests of several statuses and durations, slow ones, cache traffic. */
perf_cache_set('page', str_repeat('x', 50000));
for ($i = 0; $i < 60; $i++) {
	perf_request_begin();
	perf_cache_get($i % 4 ? 'page' : "missing-$i");
	usleep(($i % 12) * 1000);
	perf_request_end([200, 200, 200, 201, 302, 404, 200, 500][$i % 8]);
}
$dir = sys_get_temp_dir() . '/perf-dashboard-chromium-' . getmypid();
mkdir($dir);
file_put_contents("$dir/dashboard.html", perf_dashboard());

$chromium = 'chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=' . escapeshellarg("$dir/profile")
	. ' --window-size=1280,1600 --enable-logging=stderr --v=0 ';
$url = escapeshellarg("file://$dir/dashboard.html");
$dom = shell_exec($chromium . "--dump-dom $url 2>" . escapeshellarg("$dir/dom.log"));
shell_exec($chromium . '--screenshot=' . escapeshellarg("$dir/dashboard.png") . " $url 2>" . escapeshellarg("$dir/shot.log"));
$log = file_get_contents("$dir/dom.log") . file_get_contents("$dir/shot.log");

preg_match_all('/^.*(CONSOLE[:(]|Refused to ).*$/m', $log, $console);
echo 'console errors: ', count($console[0]), "\n", implode("\n", $console[0]);
echo 'svg charts in the rendered DOM: ', substr_count((string) $dom, '<svg'), "\n";
foreach (['chart-rate', 'chart-latency', 'chart-cache-hits', 'chart-cache-memory', 'chart-opcache-memory', 'chart-db'] as $id) {
	if (!preg_match('/<svg id="' . $id . '".*?<\/svg>/s', (string) $dom, $m)) {
		echo "$id: missing\n";
		continue;
	}
	preg_match_all('/<rect class="(?:bar|part)"[^>]*(?:data-value="([0-9.]+)"|width="([0-9.]+)")/', $m[0], $rects);
	$nonzero = count(array_filter(array_map(fn ($a, $b) => (float) ($a !== '' ? $a : $b), $rects[1], $rects[2])));
	echo "$id: ", $nonzero > 0 ? 'has data' : 'empty', "\n";
}
echo preg_match_all('/<tr class="slow">/', (string) $dom), " slow requests listed\n";

$png = (string) @file_get_contents("$dir/dashboard.png");
[$width, $height] = @getimagesizefromstring($png) ?: [0, 0];
echo "screenshot: {$width}x{$height}\n";
$artifacts = dirname(__DIR__, 2) . '/artifacts';
@mkdir($artifacts);
var_dump(file_put_contents("$artifacts/dashboard.png", $png) > 10000);
shell_exec('rm -rf ' . escapeshellarg($dir));
@unlink(ini_get('perf.log_file'));
?>
--EXPECT--
console errors: 0
svg charts in the rendered DOM: 6
chart-rate: has data
chart-latency: has data
chart-cache-hits: has data
chart-cache-memory: has data
chart-opcache-memory: has data
chart-db: empty
32 slow requests listed
screenshot: 1280x1600
bool(true)
