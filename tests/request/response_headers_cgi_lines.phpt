--TEST--
Timing headers under php-cgi, written as the SAPI's own lines: a well-formed header block in every case, the HTTP status line stays first with cgi.rfc2616_headers, nothing with -q, and only the enabled header
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_response_headers_cgi_lines.log
--FILE--
<?php
require __DIR__ . '/helpers.inc';

/** Checks the header block: CRLF lines of "Name: value", the first line as given, and returns the timing lines. */
function block(array $response, ?string $first = null): string
{
    foreach ($response['headers'] as $i => $line) {
        if (!preg_match('/^[A-Za-z0-9-]+: \S/', $line) && !($i === 0 && $first !== null)) {
            return "malformed line $i: " . json_encode($line);
        }
        if (str_contains($line, "\r") || str_contains($line, "\n")) {
            return "line $i holds CR or LF";
        }
    }
    if ($first !== null && $response['headers'][0] !== $first) {
        return 'first line is ' . json_encode($response['headers'][0]);
    }
    $timing = array_merge(perf_header_lines($response['headers'], 'X-Response-Time'),
        perf_header_lines($response['headers'], 'Server-Timing'));
    return implode(' | ', preg_replace('/\d+\.\d{2}/', 'N', $timing)) . ' | body ' . json_encode($response['body']);
}

$plain = perf_script('response_headers_cgi_lines', '<?php echo "ok";');
echo "plain: ", block(perf_cgi($plain)), "\n";
$status = perf_script('response_headers_cgi_lines_status', '<?php header("HTTP/1.1 404 Not Found"); echo "gone";');
echo "status line, rfc2616: ", block(perf_cgi($status, ['cgi.rfc2616_headers' => '1']), 'HTTP/1.1 404 Not Found'), "\n";
echo "status line: ", block(perf_cgi($status)), "\n";
echo "only X-Response-Time: ", block(perf_cgi($plain, ['perf.server_timing' => '0'])), "\n";
echo "only Server-Timing: ", block(perf_cgi($plain, ['perf.response_header' => ''])), "\n";
echo "neither: ", block(perf_cgi($plain, ['perf.response_header' => '', 'perf.server_timing' => '0'])), "\n";
$early = perf_script('response_headers_cgi_lines_flush', '<?php echo "a"; flush(); echo "b";');
echo "flushed early: ", block(perf_cgi($early, ['output_buffering' => '0'])), "\n";

// -q (outside a CGI request, where php-cgi reads its options): no header block, no stray timing line.
$output = perf_exec(perf_command(getenv('TEST_PHP_CGI_EXECUTABLE'), []) . ' -q ' . escapeshellarg($plain), []);
echo "-q: ", json_encode($output), "\n";
?>
--CLEAN--
<?php
foreach (['', '_status', '_flush'] as $suffix) {
    @unlink(sys_get_temp_dir() . "/perf_response_headers_cgi_lines$suffix.php");
}
@unlink(sys_get_temp_dir() . '/perf_response_headers_cgi_lines.log');
?>
--EXPECTF--
plain: X-Response-Time: Nms | Server-Timing: app;dur=N | body "ok"
status line, rfc2616: X-Response-Time: Nms | Server-Timing: app;dur=N | body "gone"
status line: X-Response-Time: Nms | Server-Timing: app;dur=N | body "gone"
only X-Response-Time: X-Response-Time: Nms | body "ok"
only Server-Timing: Server-Timing: app;dur=N | body "ok"
neither:  | body "ok"
flushed early: X-Response-Time: Nms | Server-Timing: app;dur=N | body "ab"
-q: "ok"
