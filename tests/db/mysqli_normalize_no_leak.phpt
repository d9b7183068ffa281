--TEST--
Normalized SQL never leaks a literal or a comment (mysqli, MariaDB): backslash escapes in the default sql_mode, NO_BACKSLASH_ESCAPES, # and executable comments
--EXTENSIONS--
mysqlnd
mysqli
--SKIPIF--
<?php
require __DIR__ . '/mariadb.inc';
mariadb_skip_unless_available();
try {
    mariadb_start('mysqli_normalize_no_leak');
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

$port = mariadb_port('mysqli_normalize_no_leak');
$result = db_run('mysqli_normalize_no_leak', <<<PHP
\$m = new mysqli('127.0.0.1', 'root', '', '', $port);
PHP . <<<'PHP'

mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
$m->query('CREATE DATABASE perf_test');
$m->select_db('perf_test');
$m->query('CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(40))');
$run = function (string $sql) use ($m) {
    for ($i = 0; $i < 2; $i++) {
        $r = $m->query($sql);
        echo $i ? '' : json_encode($r === true ? true : $r->fetch_all()) . "\n";
    }
};
// Default sql_mode: \' stays inside the literal (what mysqli_real_escape_string writes).
$run("SELECT 'O\\'Reilly', 'SECRET1' FROM DUAL WHERE 1 = 1");
$run("SELECT name FROM t WHERE name = 'C:\\\\' OR name = 'SECRET2'");
$run("SELECT 3 # SECRET3 in a hash comment\n");
$run("SELECT 4 /*! + 0 */ /* SECRET4 */ -- SECRET4\n");
// NO_BACKSLASH_ESCAPES: 'C:\' is a whole literal, the token after it is another one.
$m->query("SET sql_mode = 'NO_BACKSLASH_ESCAPES'");
$run("SELECT 'C:\\', 'SECRET5' FROM DUAL WHERE 5 = 5");
$run("SELECT 'it''s', 'SECRET6\\' FROM DUAL WHERE 6 = 6");
PHP, ['perf.n_plus_one_threshold' => '2', 'perf.slow_query_ms' => '0'], "<?php\n");
echo $result['output'];
echo "-- repeated-query records\n";
foreach ($result['records'] as $record) {
    echo $record['context']['sql'], "\n";
}
var_dump(substr_count(json_encode($result['all']), 'SECRET'));
?>
--CLEAN--
<?php
require __DIR__ . '/mariadb.inc';
mariadb_stop('mysqli_normalize_no_leak');
?>
--EXPECT--
[["O'Reilly","SECRET1"]]
[]
[["3"]]
[["4"]]
[["C:\\","SECRET5"]]
[["it's","SECRET6\\"]]
-- repeated-query records
SELECT ?
SELECT name FROM t WHERE name = ? OR name = ?
SELECT ?, ?
int(0)