--TEST--
INI: invalid perf.metrics_* values at startup warn, naming the setting, and the defaults stay in force
--INI--
perf.log_file={TMP}/perf_perf_metrics_ini.log
perf.metrics_buckets="0.5,0.1"
perf.metrics_max_series=-1
--FILE--
<?php
require __DIR__ . '/metrics.inc';
echo ini_get('perf.metrics_buckets'), "\n", ini_get('perf.metrics_max_series'), "\n";
fake_request();
preg_match_all('/^perf_request_duration_seconds_bucket\{le="([^"]+)"\}/m', perf_metrics(), $m);
echo implode(',', $m[1]), "\n";
var_dump(ini_set('perf.metrics_max_series', '10'));
?>
--EXPECT--
Warning: Invalid value "0.5,0.1" for perf.metrics_buckets: must be a comma-separated list of 1 to 30 positive numbers of seconds in increasing order in Unknown on line 0

Warning: Invalid value "-1" for perf.metrics_max_series: must be a whole number from 0 to 100000 in Unknown on line 0
0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10
1000
0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10,+Inf
bool(false)
