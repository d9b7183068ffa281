--TEST--
Slow queries (pdo_sqlite): perf.log_query_text normalized (default), full and none; ini_set() applies to the next query
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$code = <<<'PHP'
$pdo->query("SELECT sleep_ms(60), 'secret''s', \"pa\"\"ss\", 4.5e3, 0xFF, name IN ('a', 'b', 'c'), -7 FROM t WHERE id = 1")->fetchAll();
PHP;
foreach (['normalized', 'full', 'none'] as $mode) {
    echo "-- $mode\n";
    $result = db_run('query_text', $code, ['perf.slow_query_ms' => '50', 'perf.log_query_text' => $mode]);
    echo $result['output'], db_summary($result['records']);
}
echo "-- default\n";
echo db_summary(db_run('query_text', $code, ['perf.slow_query_ms' => '50'])['records']);
echo "-- ini_set() during the request\n";
$result = db_run('query_text', <<<'PHP'
$pdo->query("SELECT sleep_ms(60), 'a'")->fetchAll();
var_dump(ini_set('perf.log_query_text', 'FULL'));
$pdo->query("SELECT sleep_ms(60), 'b'")->fetchAll();
ini_set('perf.log_query_text', 'none');
$pdo->query("SELECT sleep_ms(60), 'c'")->fetchAll();
var_dump(ini_set('perf.slow_query_ms', '5000'));
$pdo->query("SELECT sleep_ms(60), 'd'")->fetchAll();
PHP, ['perf.slow_query_ms' => '50']);
echo $result['output'];
echo db_summary($result['records']);
?>
--EXPECT--
-- normalized
Slow query detected | sql="SELECT sleep_ms(?), ?, \"pa\"\"ss\", ?, ?, name IN (?), -? FROM t WHERE id = ?"
-- full
Slow query detected | sql="SELECT sleep_ms(60), 'secret''s', \"pa\"\"ss\", 4.5e3, 0xFF, name IN ('a', 'b', 'c'), -7 FROM t WHERE id = 1"
-- none
Slow query detected | sql=(absent)
-- default
Slow query detected | sql="SELECT sleep_ms(?), ?, \"pa\"\"ss\", ?, ?, name IN (?), -? FROM t WHERE id = ?"
-- ini_set() during the request
string(10) "normalized"
string(2) "50"
Slow query detected | sql="SELECT sleep_ms(?), ?"
Slow query detected | sql="SELECT sleep_ms(60), 'b'"
Slow query detected | sql=(absent)
