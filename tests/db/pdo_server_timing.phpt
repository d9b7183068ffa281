--TEST--
Slow queries (pdo_sqlite, php-cgi): Server-Timing carries db;dur and the query count when the request ran queries before its headers; the slow-request record carries the db figures
--EXTENSIONS--
pdo
pdo_sqlite
--SKIPIF--
<?php
if (!is_executable((string) getenv('TEST_PHP_CGI_EXECUTABLE'))) {
    die('skip php-cgi is not available');
}
?>
--INI--
perf.log_file={TMP}/perf_db_server_timing.log
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$log = ini_get('perf.log_file');
@unlink($log);
$script = perf_script('db_server_timing', DB_PRELUDE . <<<'PHP'
$n = (int) ($_GET['n'] ?? 0);
for ($i = 0; $i < $n; $i++) {
    $pdo->query('SELECT sleep_ms(20)')->fetchAll();
}
echo json_encode(perf_stats()['db']);
PHP);
$none = perf_script('db_server_timing_none', '<?php echo "no queries";');

foreach ([0, 1] as $case) {
    $response = perf_cgi($case ? $script : $none, ['perf.slow_request_ms' => '60000']);
    var_dump(perf_header($response['headers'], 'Server-Timing'));
}
$response = perf_cgi($script, ['perf.slow_request_ms' => '50'], ['QUERY_STRING' => 'n=3', 'REQUEST_URI' => '/db?n=3']);
$timing = perf_header($response['headers'], 'Server-Timing');
var_dump(preg_match('/^app;dur=(\d+\.\d{2}), db;dur=(\d+\.\d{2});desc="5 queries"$/', $timing, $m));
$stats = json_decode($response['body'], true);
// perf_stats() ran just before the headers went out: the same db time, to the rounding.
var_dump((float) $m[2] >= 60, (float) $m[2] <= (float) $m[1], abs((float) $m[2] - $stats['time_ms']) < 0.011);
$records = perf_read_log($log);
echo db_summary($records, ['url']);
$db = $records[count($records) - 1]['context']['db'];
var_dump($db['queries'], $db['slow'], abs($db['time_ms'] - $stats['time_ms']) < 0.011);
?>
--CLEAN--
<?php
@unlink(sys_get_temp_dir() . '/perf_db_server_timing.php');
@unlink(sys_get_temp_dir() . '/perf_db_server_timing_none.php');
@unlink(sys_get_temp_dir() . '/perf_db_server_timing.log');
?>
--EXPECTF--
string(%d) "app;dur=%f"
string(%d) "app;dur=%f, db;dur=%f;desc="2 queries""
int(1)
bool(true)
bool(true)
bool(true)
Slow request detected | url="/db?n=3"
int(5)
int(0)
bool(true)
