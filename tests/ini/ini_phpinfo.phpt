--TEST--
INI: phpinfo() and php --ri perf show "perf support => enabled", the version and every perf.* setting with local and master values
--INI--
perf.log_file={TMP}/perf_ini_phpinfo.log
perf.slow_request_ms=750
pcre.jit=0
--FILE--
<?php
ini_set('perf.log_format', 'line');

ob_start();
phpinfo(INFO_MODULES);
$info = ob_get_clean();
// Only the perf section: from its title to the next extension's.
$start = strpos($info, "\n\nperf\n\n");
$end = strlen($info);
foreach (array_merge(get_loaded_extensions(), ['Additional Modules']) as $name) {
    $at = strpos($info, "\n\n$name\n\n", $start + 1);
    if ($name !== 'perf' && $at !== false && $at < $end) {
        $end = $at;
    }
}
$section = substr($info, $start, $end - $start);

// The rows of the request and log settings, sorted (phpinfo() sorts the settings, --ri does not),
// and any registered perf.* setting that has no row.
function show(string $text): void
{
    $names = 'enabled|enable_cli|response_header|server_timing|slow_request_ms|log_all_requests|log_file|log_format';
    preg_match_all("/^(?:perf support|Version|perf\\.(?:$names)) => .*\$/m", $text, $m);
    sort($m[0]);
    echo implode("\n", $m[0]), "\n";
    foreach (array_keys(ini_get_all('perf')) as $name) {
        if (!preg_match('/^' . preg_quote($name, '/') . ' => .* => .*$/m', $text)) {
            echo "no row for $name\n";
        }
    }
}
show($section);
var_dump(str_contains($section, 'Version => ' . phpversion('perf')));

echo "-- php --ri perf\n";
require __DIR__ . '/../request/helpers.inc';
show(perf_exec(perf_command(getenv('TEST_PHP_EXECUTABLE'), []) . ' --ri perf', []));
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_ini_phpinfo.log');
?>
--EXPECTF--
Version => %s
perf support => enabled
perf.enable_cli => Off => Off
perf.enabled => On => On
perf.log_all_requests => Off => Off
perf.log_file => %s/perf_ini_phpinfo.log => %s/perf_ini_phpinfo.log
perf.log_format => line => json
perf.response_header => X-Response-Time => X-Response-Time
perf.server_timing => On => On
perf.slow_request_ms => 750 => 750
bool(true)
-- php --ri perf
Version => %s
perf support => enabled
perf.enable_cli => Off => Off
perf.enabled => On => On
perf.log_all_requests => Off => Off
perf.log_file => %s/perf_ini_phpinfo.log => %s/perf_ini_phpinfo.log
perf.log_format => json => json
perf.response_header => X-Response-Time => X-Response-Time
perf.server_timing => On => On
perf.slow_request_ms => 750 => 750
