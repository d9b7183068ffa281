--TEST--
Slow queries (pdo_sqlite): in a long-running worker, perf_request_begin()/perf_request_end() delimit the db figures and the N+1 records of each request
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$result = db_run('worker_requests', <<<'PHP'
$st = $pdo->prepare('SELECT name FROM t WHERE id = ?');
foreach ([3, 6, 2] as $n => $runs) {
    perf_request_begin();
    perf_annotate('route', "job.$n");
    for ($i = 0; $i < $runs; $i++) {
        $st->execute([$i]);
    }
    $db = perf_stats()['db'];
    echo "request $n: {$db['queries']} queries\n";
    perf_request_end();
}
// Between requests nothing is timed.
$pdo->query('SELECT 1');
echo 'after the last request: ', perf_stats()['db']['queries'], " queries\n";
PHP, ['perf.n_plus_one_threshold' => '3']);
echo $result['output'];
echo db_summary($result['records'], ['sql', 'count', 'route']);
?>
--EXPECT--
request 0: 3 queries
request 1: 6 queries
request 2: 2 queries
after the last request: 0 queries
Repeated query detected | sql="SELECT name FROM t WHERE id = ?" | count=3 | route="job.0"
Repeated query detected | sql="SELECT name FROM t WHERE id = ?" | count=6 | route="job.1"
