--TEST--
Slow queries (pdo_sqlite): the same figures, records and caller lines with OPcache and the tracing JIT
--EXTENSIONS--
pdo
pdo_sqlite
opcache
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$code = <<<'PHP'
function find(PDOStatement $st, int $id) {
    $st->execute([$id]);                                  // line 8
    return $st->fetchColumn();
}
function risky(PDO $pdo, int $i) {
    try {
        return $pdo->query("SELECT * FROM nope WHERE id = $i");   // line 13
    } catch (PDOException $e) {
        return null;
    }
}
$st = $pdo->prepare('SELECT name FROM t WHERE id = ?');
$names = 0;
for ($i = 0; $i < 300; $i++) {
    $names += find($st, $i % 4) !== false ? 1 : 0;
    risky($pdo, $i);
}
$pdo->query('SELECT sleep_ms(60)')->fetchAll();           // line 24
$status = function_exists('opcache_get_status') ? opcache_get_status(false) : false;
echo 'jit: ', var_export($status && $status['jit']['enabled'] && $status['jit']['on'], true), "\n";
echo "names $names\n";
$db = perf_stats()['db'];
echo $db['queries'], ' queries, ', $db['slow'], " slow\n";
PHP;
$ini = ['perf.slow_query_ms' => '50', 'perf.n_plus_one_threshold' => '100'];
$plain = db_run('opcache_jit', $code, $ini);
$jit = db_run('opcache_jit', $code, $ini + [
    'opcache.enable' => '1',
    'opcache.enable_cli' => '1',
    'opcache.jit' => 'tracing',
    'opcache.jit_buffer_size' => '16M',
    'opcache.jit_hot_loop' => '1',
    'opcache.jit_hot_func' => '1',
    'opcache.jit_hot_return' => '1',
    'opcache.jit_hot_side_exit' => '1',
]);
echo $jit['output'];
$summary = fn ($result) => db_summary($result['records'], ['sql', 'count', 'caller']);
echo preg_replace('/"[^"]*\//', '"', $summary($jit));
var_dump($summary($plain) === $summary($jit));
var_dump(str_replace('jit: false', 'jit: true', $plain['output']) === $jit['output']);
?>
--EXPECT--
jit: true
names 225
603 queries, 1 slow
Slow query detected | sql="SELECT sleep_ms(?)" | count=(absent) | caller="perf_db_opcache_jit.php:24"
Repeated query detected | sql="SELECT name FROM t WHERE id = ?" | count=300 | caller="perf_db_opcache_jit.php:8"
Repeated query detected | sql="SELECT * FROM nope WHERE id = ?" | count=300 | caller="perf_db_opcache_jit.php:13"
bool(true)
bool(true)
