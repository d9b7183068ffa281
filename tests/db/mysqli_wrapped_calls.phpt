--TEST--
Slow queries (mysqli, MariaDB): wrapped handlers shared by methods and functions (mysqli::query is mysqli_query) time each call once; subclasses with parent::query()/parent::execute(), call_user_func, Reflection, first-class callables; a statement prepared while no request is timed is named when executed after it
--EXTENSIONS--
mysqlnd
mysqli
--SKIPIF--
<?php
require __DIR__ . '/mariadb.inc';
mariadb_skip_unless_available();
try {
    mariadb_start('mysqli_wrapped_calls');
} catch (RuntimeException $e) {
    die('skip ' . $e->getMessage());
}
/* The server must be started by every run, never taken from run-tests' skip cache. */
echo 'nocache';
?>
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';
require __DIR__ . '/mariadb.inc';

$port = mariadb_port('mysqli_wrapped_calls');
$result = db_run('mysqli_wrapped_calls', <<<PHP
class AppMysqli extends mysqli {
    public function query(string \$query, int \$result_mode = MYSQLI_STORE_RESULT): mysqli_result|bool {
        return parent::query(\$query, \$result_mode);                  // line 4
    }
}
class AppStatement extends mysqli_stmt {
    public function execute(?array \$params = null): bool {
        return parent::execute(\$params);                              // line 9
    }
}
\$m = new AppMysqli('127.0.0.1', 'root', '', '', $port);
PHP . <<<'PHP'

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
perf_request_end(); // untimed from here: the prepare below runs the wrapper's untimed path
$early = $m->prepare('SELECT SLEEP(?) AS early'); perf_request_begin();
$m->query('SELECT SLEEP(0.06) AS subclass');                          // line 16
$st = new AppStatement($m, 'SELECT SLEEP(?) AS stmt_subclass');
$st->execute([0.06]);                                                 // line 18
$st->get_result()->free();
call_user_func('mysqli_query', $m, 'SELECT SLEEP(0.06) AS cuf_function'); // line 20
call_user_func([$m, 'real_query'], 'SELECT SLEEP(0.06) AS cuf_method');  // line 21
$m->store_result()->free();
(new ReflectionMethod('mysqli', 'query'))->invoke($m, 'SELECT SLEEP(0.06) AS reflection'); // line 23
$query = mysqli_query(...);
$query($m, 'SELECT SLEEP(0.06) AS first_class');                      // line 25
$execute = $early->execute(...);
$execute([0.06]);                                                     // line 27
$early->get_result()->free();
$db = perf_stats()['db'];
echo $db['queries'], ' queries, ', $db['slow'], " slow\n";
perf_request_end();
PHP, ['perf.slow_query_ms' => '50', 'perf.n_plus_one_threshold' => '0'], "<?php\n");
echo $result['output'];
echo preg_replace('/"[^"]*\//', '"', db_summary($result['records'], ['sql', 'operation', 'caller']));
?>
--CLEAN--
<?php
require __DIR__ . '/mariadb.inc';
mariadb_stop('mysqli_wrapped_calls');
?>
--EXPECT--
7 queries, 7 slow
Slow query detected | sql="SELECT SLEEP(?) AS subclass" | operation="query" | caller="perf_db_mysqli_wrapped_calls.php:4"
Slow query detected | sql="SELECT SLEEP(?) AS stmt_subclass" | operation="execute" | caller="perf_db_mysqli_wrapped_calls.php:9"
Slow query detected | sql="SELECT SLEEP(?) AS cuf_function" | operation="query" | caller="perf_db_mysqli_wrapped_calls.php:20"
Slow query detected | sql="SELECT SLEEP(?) AS cuf_method" | operation="query" | caller="perf_db_mysqli_wrapped_calls.php:21"
Slow query detected | sql="SELECT SLEEP(?) AS reflection" | operation="query" | caller="perf_db_mysqli_wrapped_calls.php:23"
Slow query detected | sql="SELECT SLEEP(?) AS first_class" | operation="query" | caller="perf_db_mysqli_wrapped_calls.php:25"
Slow query detected | sql="SELECT SLEEP(?) AS early" | operation="execute" | caller="perf_db_mysqli_wrapped_calls.php:27"
