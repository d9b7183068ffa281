--TEST--
perf.db_hooks=0: no observer, nothing timed, counted or logged; perf.enabled=0 and the CLI without perf.enable_cli record nothing either
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$code = <<<'PHP'
for ($i = 0; $i < 12; $i++) {
    $pdo->query("SELECT sleep_ms(5) + $i")->fetchAll();
}
$pdo->query('SELECT sleep_ms(60)')->fetchAll();
echo json_encode(perf_stats()['db']), "\n";
ob_start();
phpinfo(INFO_MODULES);
echo preg_match('/^Database hooks => .*$/m', ob_get_clean(), $m) ? $m[0] : 'no row', "\n";
PHP;
$ini = ['perf.slow_query_ms' => '50', 'perf.log_all_requests' => '1'];
echo "-- on\n";
$result = db_run('hooks_off', $code, $ini);
echo $result['output'], count($result['records']), " records\n";
echo "-- perf.db_hooks=0\n";
$result = db_run('hooks_off', $code, $ini + ['perf.db_hooks' => '0']);
echo $result['output'], count($result['records']), " records\n";
echo json_encode($result['all'][0]['context']['db']), "\n";
echo "-- perf.enabled=0\n";
$result = db_run('hooks_off', $code, $ini + ['perf.enabled' => '0']);
echo $result['output'], count($result['records']), " records\n";
echo "-- perf.enable_cli=0\n";
$result = db_run('hooks_off', $code, $ini + ['perf.enable_cli' => '0']);
echo $result['output'], count($result['records']), " records\n";
?>
--EXPECTF--
-- on
{"queries":15,"time_ms":%f,"slow":1}
Database hooks => PDO, mysqli (Observer API)
2 records
-- perf.db_hooks=0
{"queries":0,"time_ms":0,"slow":0}
Database hooks => off (perf.db_hooks=0)
0 records
{"queries":0,"time_ms":0,"slow":0}
-- perf.enabled=0
{"queries":0,"time_ms":0,"slow":0}
Database hooks => PDO, mysqli (Observer API)
0 records
-- perf.enable_cli=0
{"queries":0,"time_ms":0,"slow":0}
Database hooks => PDO, mysqli (Observer API)
0 records
