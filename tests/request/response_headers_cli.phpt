--TEST--
Timing headers: the CLI prints none, whether or not perf.enable_cli times the run
--INI--
perf.log_file={TMP}/perf_response_headers_cli.log
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$script = perf_script('response_headers_cli', '<?php header("X-App: yes"); echo "body\n";');
foreach (['0', '1'] as $enable_cli) {
    var_dump(perf_cli($script, ['perf.enable_cli' => $enable_cli]));
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_response_headers_cli.php');
@unlink(sys_get_temp_dir() . '/perf_response_headers_cli.log');
?>
--EXPECT--
string(5) "body
"
string(5) "body
"
