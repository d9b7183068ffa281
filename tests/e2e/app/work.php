<?php
/* A request of chosen duration and status that tells which worker served it. */
if (isset($_GET['status'])) {
	http_response_code((int) $_GET['status']);
}
if (isset($_GET['ms'])) {
	usleep((int) $_GET['ms'] * 1000);
}
header('Content-Type: application/json');
echo json_encode(['pid' => getmypid()]);
