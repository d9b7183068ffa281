--TEST--
perf.db_hooks=0: no handler wrapped, nothing timed, counted or logged; perf.enabled=0 and the CLI without perf.enable_cli record nothing either
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
$db = perf_stats()['db'];
// Under valgrind other statements may cross the threshold too: at least the one slow query.
printf("%d queries, %s, %s\n", $db['queries'], $db['time_ms'] > 0 ? 'time' : 'no time', $db['slow'] >= 1 ? 'slow' : 'none slow');
ob_start();
phpinfo(INFO_MODULES);
echo preg_match('/^Database hooks => .*$/m', ob_get_clean(), $m) ? $m[0] : 'no row', "\n";
PHP;
$ini = ['perf.slow_query_ms' => '50', 'perf.log_all_requests' => '1'];
echo "-- on\n";
$result = db_run('hooks_off', $code, $ini);
echo $result['output'], count($result['records']) >= 2 ? 'records' : 'no records', "\n";
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
15 queries, time, slow
Database hooks => PDO, mysqli (wrapped handlers)
records
-- perf.db_hooks=0
0 queries, no time, none slow
Database hooks => off (perf.db_hooks=0)
0 records
{"queries":0,"time_ms":0,"slow":0}
-- perf.enabled=0
0 queries, no time, none slow
Database hooks => PDO, mysqli (wrapped handlers)
0 records
-- perf.enable_cli=0
0 queries, no time, none slow
Database hooks => PDO, mysqli (wrapped handlers)
0 records
