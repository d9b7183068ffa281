--TEST--
Timing headers: perf.response_header renames or (empty) drops X-Response-Time, perf.server_timing and perf.enabled turn them off
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_response_headers_ini.log
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

function timing_headers(array $headers): string
{
    $found = [];
    foreach ($headers as $line) {
        if (preg_match('/^(X-Response-Time|X-Took|X-Runtime): \d+\.\d{2}ms$/i', $line, $m)) {
            $found[] = $m[1];
        } elseif (preg_match('/^Server-Timing: app;dur=\d+\.\d{2}$/i', $line)) {
            $found[] = 'Server-Timing';
        } elseif (preg_match('/^(X-Response-Time|X-Took|X-Runtime|Server-Timing):/i', $line)) {
            $found[] = "malformed($line)";
        }
    }
    return $found ? implode(', ', $found) : 'none';
}

$plain = perf_script('response_headers_ini', '<?php echo "ok";');
$cases = [
    'defaults' => [[], $plain],
    'perf.response_header=' => [['perf.response_header' => ''], $plain],
    'perf.response_header=X-Took' => [['perf.response_header' => 'X-Took'], $plain],
    'perf.server_timing=0' => [['perf.server_timing' => '0'], $plain],
    'perf.response_header= perf.server_timing=0' => [['perf.response_header' => '', 'perf.server_timing' => '0'], $plain],
    'perf.enabled=0' => [['perf.enabled' => '0'], $plain],
    'ini_set() at runtime' => [[], perf_script('response_headers_ini_runtime', '<?php
        $old = [ini_set("perf.response_header", "X-Runtime"), ini_set("perf.server_timing", "0")];
        echo "ok";')],
];
foreach ($cases as $name => [$ini, $script]) {
    $response = perf_cgi($script, $ini);
    echo "$name: ", timing_headers($response['headers']), "\n";
    if ($response['body'] !== 'ok') {
        echo $response['body'], "\n";
    }
}
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_response_headers_ini.php');
@unlink(sys_get_temp_dir() . '/perf_response_headers_ini_runtime.php');
@unlink(sys_get_temp_dir() . '/perf_response_headers_ini.log');
?>
--EXPECT--
defaults: X-Response-Time, Server-Timing
perf.response_header=: Server-Timing
perf.response_header=X-Took: X-Took, Server-Timing
perf.server_timing=0: X-Response-Time
perf.response_header= perf.server_timing=0: none
perf.enabled=0: none
ini_set() at runtime: X-Runtime
