<?php
/* One page, many shapes of response, chosen by the query string. */
if (isset($_GET['header'])) {
	header('X-App: set-by-app');
}
if (isset($_GET['own'])) {
	header('X-Response-Time: set-by-app');
	header('Server-Timing: app;dur=1.00;desc="app"');
}
if (isset($_GET['status'])) {
	http_response_code((int) $_GET['status']);
}
if (isset($_GET['redirect'])) {
	header('Location: /fast.php');
	exit;
}
if (isset($_GET['annotate'])) {
	perf_annotate('route', 'page.show');
	perf_annotate('user_id', (int) $_GET['annotate']);
	perf_annotate('note', $_GET['note'] ?? null);
}
if (isset($_GET['flush'])) {
	echo str_repeat('x', 100), "\n";
	flush();
}
if (isset($_GET['ms'])) {
	usleep((int) $_GET['ms'] * 1000);
}
echo "page\n";
