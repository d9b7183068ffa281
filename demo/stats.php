<?php
/* Runtime figures as plain PHP arrays. */
header('Content-Type: application/json');
echo json_encode([
	'perf_stats' => perf_stats(),
	'perf_opcache_stats' => perf_opcache_stats(),
], JSON_PRETTY_PRINT), "\n";
