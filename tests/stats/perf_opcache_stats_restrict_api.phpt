--TEST--
perf_opcache_stats(): when opcache.restrict_api excludes the script, false without the warning opcache_get_status() gives; allowed scripts get the stats
--EXTENSIONS--
opcache
--INI--
perf.log_file={TMP}/perf_perf_opcache_stats_restrict_api.log
opcache.enable=1
opcache.enable_cli=1
opcache.restrict_api=/nonexistent
--FILE--
<?php
var_dump(perf_opcache_stats());
var_dump(error_get_last());
var_dump(opcache_get_status(false));

// A script under the allowed path prefix gets the array.
require __DIR__ . '/../request/helpers.inc';
$script = perf_script('perf_opcache_stats_restrict_api', '<?php
$stats = perf_opcache_stats();
var_dump(is_array($stats) && $stats["enabled"]);
');
echo perf_cli($script, ['opcache.restrict_api' => dirname($script)]);
echo perf_cli($script, ['opcache.restrict_api' => dirname($script) . '/elsewhere']);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_perf_opcache_stats_restrict_api.php');
@unlink(sys_get_temp_dir() . '/perf_perf_opcache_stats_restrict_api.log');
?>
--EXPECTF--
bool(false)
NULL

Warning: Zend OPcache API is restricted by "restrict_api" configuration directive in %s on line %d
bool(false)
bool(true)
bool(false)
