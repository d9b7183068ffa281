--TEST--
Slow queries (pdo_sqlite): subclasses of PDO and PDOStatement (PDO::ATTR_STATEMENT_CLASS) are timed too; a PDO object or statement without a connection is not a query
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$result = db_run('subclass', <<<'PHP'
class AppStatement extends PDOStatement {
    protected function __construct() {}
}
class AppPdo extends PDO {
    public function query(string $query, ?int $fetchMode = null, mixed ...$fetchModeArgs): PDOStatement|false {
        return parent::query($query);                          // line 12
    }
}
class Broken extends PDO {
    public function __construct() {}
}
$app = new AppPdo('sqlite::memory:');
$app->sqliteCreateFunction('sleep_ms', function ($ms) { usleep($ms * 1000); return $ms; }, 1);
$app->setAttribute(PDO::ATTR_STATEMENT_CLASS, ['AppStatement']);
$app->query('SELECT sleep_ms(60)')->fetchAll();                // line 21
$st = $app->prepare('SELECT sleep_ms(?)');
echo get_class($st), "\n";
$st->execute([55]);                                            // line 24
try {
    (new Broken())->query('SELECT 1');
} catch (Error $e) {
    echo get_class($e), ': ', uninitialized($e), "\n";
}
class Orphan extends PDOStatement {
    public function __construct() {}
}
try {
    (new Orphan())->execute();
} catch (Error $e) {
    echo get_class($e), ': ', uninitialized($e), "\n";
}
echo perf_stats()['db']['queries'], " queries\n";
// PHP 8.2: "PDO object is not initialized, constructor was not called"; 8.4: "Broken object is uninitialized".
function uninitialized(Error $e): string {
    return preg_match('/ object is (not initialized|uninitialized)\b/', $e->getMessage()) ? 'not initialized' : $e->getMessage();
}
PHP, ['perf.slow_query_ms' => '50']);
echo $result['output'];
echo preg_replace('/"[^"]*\//', '"', db_summary($result['records'], ['sql', 'driver', 'operation', 'caller']));
?>
--EXPECT--
AppStatement
Error: not initialized
Error: not initialized
4 queries
Slow query detected | sql="SELECT sleep_ms(?)" | driver="sqlite" | operation="query" | caller="perf_db_subclass.php:12"
Slow query detected | sql="SELECT sleep_ms(?)" | driver="sqlite" | operation="execute" | caller="perf_db_subclass.php:24"
