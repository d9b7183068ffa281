--TEST--
Slow queries (pdo_sqlite): every way of reaching a wrapped PDO handler is timed once (subclasses and parent::execute(), call_user_func, Reflection, first-class callables, Closure::fromCallable), a query run while another is still running, exceptions passing through; the same with OPcache, with its file cache, and with perf loaded before PDO
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
class AppStatement extends PDOStatement {
    protected function __construct() {}
    public function execute(?array $params = null): bool {
        return parent::execute($params);                                   // line 10
    }
}
class AppPdo extends PDO {}
class LazyStatement extends PDOStatement {}
$app = new AppPdo('sqlite::memory:');
$app->sqliteCreateFunction('sleep_ms', function ($ms) { usleep($ms * 1000); return $ms; }, 1);
$app->setAttribute(PDO::ATTR_STATEMENT_CLASS, ['AppStatement']);
$st = $app->prepare('SELECT sleep_ms(?) AS subclass');
$st->execute([60]);                                                        // line 19
$pdo->setAttribute(PDO::ATTR_STATEMENT_CLASS, ['LazyStatement']);
$pdo->prepare('SELECT sleep_ms(?) AS inherited')->execute([60]);          // line 21
$pdo->setAttribute(PDO::ATTR_STATEMENT_CLASS, ['PDOStatement']);
call_user_func([$pdo, 'query'], 'SELECT sleep_ms(60) AS call_user_func');  // line 23
$st = $pdo->prepare('SELECT sleep_ms(?) AS call_user_func_array');
call_user_func_array([$st, 'execute'], [[60]]);                            // line 25
(new ReflectionMethod('PDO', 'query'))->invoke($pdo, 'SELECT sleep_ms(60) AS reflection'); // line 26
$query = $pdo->query(...);
$query('SELECT sleep_ms(60) AS first_class');                              // line 28
$exec = Closure::fromCallable([$app, 'exec']);
$exec('SELECT sleep_ms(60) AS from_callable');                             // line 30
$pdo->sqliteCreateFunction('inner_query', function () use ($pdo) {
    return $pdo->query('SELECT sleep_ms(60) AS inner_one')->fetchColumn(); // line 32
}, 0);
$pdo->query('SELECT inner_query() AS outer_one')->fetchAll();              // line 34
$pdo->sqliteCreateFunction('boom', function () { throw new RuntimeException('from the callback'); }, 0);
try {
    $pdo->query('SELECT sleep_ms(60) AS threw, boom()')->fetchAll();       // line 37
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    $pdo->query('SELECT * FROM missing');                                  // line 42
} catch (PDOException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$db = perf_stats()['db'];
// Under valgrind a prepare can cross the threshold too: the 10 slow queries at least.
echo $db['queries'], ' queries, ', $db['slow'] >= 10 ? 'at least 10' : $db['slow'], " slow\n";
PHP;

$ini = ['perf.slow_query_ms' => '50', 'perf.n_plus_one_threshold' => '0'];
$cache_dir = sys_get_temp_dir() . '/perf_db_wrapped_file_cache';
@mkdir($cache_dir);
$runs = [
    'plain' => $ini,
    'opcache' => $ini + ['opcache.enable' => '1', 'opcache.enable_cli' => '1'],
    'file cache, compiling' => $ini + ['opcache.enable' => '1', 'opcache.enable_cli' => '1',
        'opcache.file_cache' => $cache_dir, 'opcache.file_cache_only' => '1'],
    'file cache, loading' => $ini + ['opcache.enable' => '1', 'opcache.enable_cli' => '1',
        'opcache.file_cache' => $cache_dir, 'opcache.file_cache_only' => '1'],
];
$first = null;
$extra_args = getenv('TEST_PHP_EXTRA_ARGS');
foreach ($runs + ['perf loaded before PDO' => $ini] as $name => $run_ini) {
    if (!isset($runs[$name])) {
        /* perf first: the module dependencies make PDO start before it all the same (pdo_sqlite needs pdo loaded). */
        preg_match('/-d "?extension=([^" ]*perf\.so)/', $extra_args, $m);
        putenv('TEST_PHP_EXTRA_ARGS=-n -d extension_dir=' . ini_get('extension_dir') . ' -d extension=' . $m[1]
            . ' -d perf.cache_name= -d extension=pdo -d extension=pdo_sqlite');
    }
    $result = db_run('wrapped_calls', $code, $run_ini);
    $queries = array_filter($result['records'], fn ($r) => ($r['context']['operation'] ?? '') !== 'prepare');
    $summary = $result['output'] . preg_replace('/"[^"]*\//', '"', db_summary($queries, ['sql', 'operation', 'caller']));
    $times = array_column(array_column($result['records'], 'context'), 'time_ms', 'sql');
    $summary .= 'outer query includes the inner one: ' . var_export($times['SELECT inner_query() AS outer_one'] >= $times['SELECT sleep_ms(?) AS inner_one'], true) . "\n";
    if ($name === 'file cache, compiling') {
        $files = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($cache_dir, FilesystemIterator::SKIP_DOTS));
        echo 'file cache written: ', var_export(iterator_count($files) > 0, true), "\n";
    }
    if ($first === null) {
        $first = $summary;
        echo $summary;
    } else {
        echo $name, ': ', $summary === $first ? 'same' : "differs:\n$summary", "\n";
    }
}
exec('rm -rf ' . escapeshellarg($cache_dir));
?>
--EXPECT--
RuntimeException: from the callback
PDOException: SQLSTATE[HY000]: General error: 1 no such table: missing
13 queries, at least 10 slow
Slow query detected | sql="SELECT sleep_ms(?) AS subclass" | operation="execute" | caller="perf_db_wrapped_calls.php:10"
Slow query detected | sql="SELECT sleep_ms(?) AS inherited" | operation="execute" | caller="perf_db_wrapped_calls.php:21"
Slow query detected | sql="SELECT sleep_ms(?) AS call_user_func" | operation="query" | caller="perf_db_wrapped_calls.php:23"
Slow query detected | sql="SELECT sleep_ms(?) AS call_user_func_array" | operation="execute" | caller="perf_db_wrapped_calls.php:25"
Slow query detected | sql="SELECT sleep_ms(?) AS reflection" | operation="query" | caller="perf_db_wrapped_calls.php:26"
Slow query detected | sql="SELECT sleep_ms(?) AS first_class" | operation="query" | caller="perf_db_wrapped_calls.php:28"
Slow query detected | sql="SELECT sleep_ms(?) AS from_callable" | operation="query" | caller="perf_db_wrapped_calls.php:30"
Slow query detected | sql="SELECT sleep_ms(?) AS inner_one" | operation="query" | caller="perf_db_wrapped_calls.php:32"
Slow query detected | sql="SELECT inner_query() AS outer_one" | operation="query" | caller="perf_db_wrapped_calls.php:34"
Slow query detected | sql="SELECT sleep_ms(?) AS threw, boom()" | operation="query" | caller="perf_db_wrapped_calls.php:37"
outer query includes the inner one: true
opcache: same
file cache written: true
file cache, compiling: same
file cache, loading: same
perf loaded before PDO: same
