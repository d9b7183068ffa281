--TEST--
Slow queries (pdo_sqlite): queries in generators and fibers, including a fiber suspended in the middle of a query while others run
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$result = db_run('generators_fibers', <<<'PHP'
function rows(PDO $pdo) {
    foreach ([1, 2, 3] as $id) {
        yield $pdo->query("SELECT sleep_ms(0) + $id")->fetchColumn();   // line 9
    }
}
foreach (rows($pdo) as $value) {
    echo "generator $value\n";
}
$pdo->sqliteCreateFunction('pause', function ($ms) { $resumed = Fiber::suspend('paused'); usleep($ms * 1000); return $resumed; }, 1);
$fiber = new Fiber(function () use ($pdo) {
    return $pdo->query('SELECT pause(60)')->fetchColumn();             // line 17
});
echo $fiber->start(), "\n";
$pdo->query('SELECT sleep_ms(70)')->fetchColumn();                     // line 20: while the fiber's query is open
$fiber->resume('resumed');
echo $fiber->getReturn(), "\n";
$fibers = [];
foreach ([1, 2] as $n) {
    $fibers[$n] = new Fiber(function () use ($pdo, $n) {
        $st = $pdo->prepare('SELECT pause(?)');
        $st->execute([50 + $n]);                                          // line 27
        return $st->fetchColumn();
    });
    $fibers[$n]->start();
}
$fibers[2]->resume('second');
$fibers[1]->resume('first');
echo $fibers[1]->getReturn(), ' ', $fibers[2]->getReturn(), "\n";
$db = perf_stats()['db'];
echo $db['queries'], ' queries, ', $db['slow'], " slow\n";
PHP, ['perf.slow_query_ms' => '50', 'perf.n_plus_one_threshold' => '3']);
echo $result['output'];
foreach ($result['records'] as $record) {
    $c = $record['context'];
    printf("%s | %s | %s | %s\n", $record['message'], $c['sql'], preg_replace('/^.*\//', '', $c['caller']),
        isset($c['time_ms']) ? ($c['time_ms'] >= 50 ? '>= 50 ms' : 'too short') : $c['count']);
}
?>
--EXPECT--
generator 1
generator 2
generator 3
paused
resumed
first second
9 queries, 4 slow
Slow query detected | SELECT sleep_ms(?) | perf_db_generators_fibers.php:20 | >= 50 ms
Slow query detected | SELECT pause(?) | perf_db_generators_fibers.php:17 | >= 50 ms
Slow query detected | SELECT pause(?) | perf_db_generators_fibers.php:27 | >= 50 ms
Slow query detected | SELECT pause(?) | perf_db_generators_fibers.php:27 | >= 50 ms
Repeated query detected | SELECT sleep_ms(?) + ? | perf_db_generators_fibers.php:9 | 3
Repeated query detected | SELECT pause(?) | perf_db_generators_fibers.php:27 | 3
