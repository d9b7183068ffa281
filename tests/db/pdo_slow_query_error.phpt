--TEST--
Slow queries (pdo_sqlite): a query that throws is still timed, counted and logged, and the application gets the same exception
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$code = <<<'PHP'
$pdo->sqliteCreateFunction('boom', function ($ms) { usleep($ms * 1000); throw new RuntimeException("boom after $ms ms", 42); }, 1);
try {
    $pdo->query('SELECT boom(60)');
} catch (Throwable $e) {
    printf("%s(%d): %s, previous %s, line %d\n", get_class($e), $e->getCode(), $e->getMessage(),
        $e->getPrevious() ? get_class($e->getPrevious()) : 'none', $e->getLine());
}
try {
    $pdo->exec('INSERT INTO missing VALUES (1)');
} catch (PDOException $e) {
    printf("%s: %s\n", get_class($e), $e->getMessage());
}
$st = $pdo->prepare('SELECT sleep_ms(?) + boom(?)');
try {
    $st->execute([30, 30]);
} catch (Throwable $e) {
    printf("%s: %s\n", get_class($e), $e->getMessage());
}
try {
    $pdo->query();
} catch (Throwable $e) {
    printf("%s: %s\n", get_class($e), $e->getMessage());
}
// The prelude's 2, the 3 that reached the database; query() without its argument ran nothing.
$db = perf_stats()['db'];
printf("queries %d, slow %d, time >= 120: %s\n", $db['queries'], $db['slow'], var_export($db['time_ms'] >= 120, true));
PHP;

echo "-- with perf\n";
$with = db_run('slow_query_error', $code, ['perf.slow_query_ms' => '50']);
echo $with['output'];
echo db_summary($with['records'], ['sql', 'operation']);
foreach ($with['records'] as $record) {
    var_dump($record['context']['time_ms'] >= 50);
}
echo "-- without the hooks: the same output\n";
$without = db_run('slow_query_error', $code, ['perf.db_hooks' => '0']);
var_dump(preg_replace('/^queries.*\n/m', '', $with['output']) === preg_replace('/^queries.*\n/m', '', $without['output']));
var_dump(count($without['records']));
?>
--EXPECTF--
-- with perf
RuntimeException(42): boom after 60 ms, previous none, line %d
PDOException: SQLSTATE[HY000]: General error: 1 no such table: missing
RuntimeException: boom after 30 ms
ArgumentCountError: PDO::query() expects at least 1 argument, 0 given
queries 5, slow 2, time >= 120: true
Slow query detected | sql="SELECT boom(?)" | operation="query"
Slow query detected | sql="SELECT sleep_ms(?) + boom(?)" | operation="execute"
bool(true)
bool(true)
-- without the hooks: the same output
bool(true)
int(0)
