--TEST--
perf_counter_inc(), perf_gauge_set(), perf_histogram_observe(): series per label set, label order does not matter, reset removes series and they come back on their next update
--INI--
perf.log_file={TMP}/perf_perf_counter_inc_basic.log
perf.metrics_buckets="0.1, 1,10"
--FILE--
<?php
require __DIR__ . '/metrics.inc';

var_dump(perf_counter_inc('app_orders_total'));
perf_counter_inc('app_orders_total', 2.5);
perf_counter_inc('app_orders_total', 0);
perf_counter_inc('app_logins_total', 1, ['method' => 'password', 'result' => 'ok']);
perf_counter_inc('app_logins_total', 1, ['result' => 'ok', 'method' => 'password']);
perf_counter_inc('app_logins_total', 1, ['method' => 'sso', 'result' => 'ok']);
perf_gauge_set('app_queue_depth', 7);
perf_gauge_set('app_queue_depth', 3);
perf_gauge_set('app:ratio', 0.25, ['tier' => '']);
perf_gauge_set('app_city_info', 1, ['city' => 'München 東京 🙂']);
perf_histogram_observe('app_payload_bytes', 0.05);
perf_histogram_observe('app_payload_bytes', 0.1);
perf_histogram_observe('app_payload_bytes', 5);
perf_histogram_observe('app_payload_bytes', 50);

$text = perf_metrics();
foreach (['app:ratio', 'app_city_info', 'app_logins_total', 'app_orders_total', 'app_payload_bytes', 'app_queue_depth'] as $name) {
	echo metric_family($name, $text);
}

perf_metrics_reset();
echo "-- after reset\n";
$text = perf_metrics();
echo metric_family('app_orders_total', $text), metric_family('app_queue_depth', $text);
var_dump(metric('app_payload_bytes_count', $text), metric('perf_metrics_series', $text));
// Created again from scratch, with any type: the name's old type went with the reset.
perf_counter_inc('app_orders_total', 4);
perf_histogram_observe('app_queue_depth', 0.5);
$text = perf_metrics();
echo metric_family('app_orders_total', $text), metric_family('app_queue_depth', $text);
var_dump(metric('perf_metrics_series', $text));
?>
--EXPECT--
bool(true)
# HELP app:ratio Application metric.
# TYPE app:ratio gauge
app:ratio{tier=""} 0.25
# HELP app_city_info Application metric.
# TYPE app_city_info gauge
app_city_info{city="München 東京 🙂"} 1
# HELP app_logins_total Application metric.
# TYPE app_logins_total counter
app_logins_total{method="password",result="ok"} 2
app_logins_total{method="sso",result="ok"} 1
# HELP app_orders_total Application metric.
# TYPE app_orders_total counter
app_orders_total 3.5
# HELP app_payload_bytes Application metric.
# TYPE app_payload_bytes histogram
app_payload_bytes_bucket{le="0.1"} 2
app_payload_bytes_bucket{le="1"} 2
app_payload_bytes_bucket{le="10"} 3
app_payload_bytes_bucket{le="+Inf"} 4
app_payload_bytes_sum 55.15
app_payload_bytes_count 4
# HELP app_queue_depth Application metric.
# TYPE app_queue_depth gauge
app_queue_depth 3
-- after reset
NULL
float(0)
# HELP app_orders_total Application metric.
# TYPE app_orders_total counter
app_orders_total 4
# HELP app_queue_depth Application metric.
# TYPE app_queue_depth histogram
app_queue_depth_bucket{le="0.1"} 0
app_queue_depth_bucket{le="1"} 1
app_queue_depth_bucket{le="10"} 1
app_queue_depth_bucket{le="+Inf"} 1
app_queue_depth_sum 0.5
app_queue_depth_count 1
float(2)
