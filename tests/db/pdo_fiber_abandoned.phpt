--TEST--
Slow queries (pdo_sqlite): a fiber left suspended inside a query is unwound at request shutdown; the query it unwinds counts in its own request's record, and the next requests (php-cgi -T 3) start clean
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
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/../request/helpers.inc';

$log = sys_get_temp_dir() . '/perf_db_fiber_abandoned.log';
@unlink($log);
$script = perf_script('db_fiber_abandoned', <<<'PHP'
<?php
$pdo = new PDO('sqlite::memory:');
$pdo->sqliteCreateFunction('pause', function () { Fiber::suspend(); return 1; }, 0);
$fiber = new Fiber(function () use ($pdo) {
    $pdo->query('SELECT pause() AS abandoned')->fetchAll();
});
$fiber->start();
$pdo->query('SELECT 1 AS ran');
echo json_encode(perf_stats()['db']['queries']), "\n";
// The engine unwinds $fiber at shutdown (destructors run before the modules' request end).
PHP);
$output = perf_exec(perf_command(getenv('TEST_PHP_CGI_EXECUTABLE'), [
    'perf.log_file' => $log,
    'perf.slow_query_ms' => '0',
    'perf.n_plus_one_threshold' => '2',
    'perf.log_all_requests' => '1',
]) . ' -T 3 ' . escapeshellarg($script), perf_cgi_env($script));
preg_match_all('/\r\n\r\n(\d+)\n/', $output, $bodies);
echo 'queries seen by the script: ', implode(' ', $bodies[1]), "\n";
foreach (perf_read_log($log) as $record) {
    echo $record['channel'], ': ', $record['message'], ', db queries ', $record['context']['db']['queries'] ?? '-', "\n";
}
@unlink($log);
@unlink($script);
?>
--EXPECT--
queries seen by the script: 1 1 1
performance: Slow request detected, db queries 2
performance: Slow request detected, db queries 2
performance: Slow request detected, db queries 2
