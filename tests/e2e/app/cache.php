<?php
/* The memory cache seen from a worker: ?op=set&key=…&value=… or ?op=get&key=…[&ms=…] */
header('Content-Type: application/json');
$key = $_GET['key'] ?? 'e2e';
if (($_GET['op'] ?? 'get') === 'stats') {
	echo json_encode(['pid' => getmypid(), 'stats' => perf_cache_stats()]);
	exit;
}
if (($_GET['op'] ?? 'get') === 'set') {
	$ok = perf_cache_set($key, ['value' => $_GET['value'] ?? '', 'by' => getmypid()]);
	echo json_encode(['pid' => getmypid(), 'stored' => $ok]);
	exit;
}
usleep((int) ($_GET['ms'] ?? 0) * 1000);
echo json_encode(['pid' => getmypid(), 'value' => perf_cache_get($key)]);
