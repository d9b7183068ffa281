<?php
header('Content-Type: application/json');
echo json_encode(['pid' => getmypid(), 'sapi' => PHP_SAPI, 'stats' => perf_stats()]);
