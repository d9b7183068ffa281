<?php
/* The scrape route: what an application serves at /metrics. ?reset=1 starts the figures afresh (tests only). */
if (isset($_GET['reset'])) {
	perf_metrics_reset();
	echo "reset\n";
	return;
}
header('Content-Type: text/plain; version=0.0.4; charset=utf-8');
echo perf_metrics();
