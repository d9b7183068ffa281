--TEST--
Slow queries: the normalizer replaces string and number literals, keeps identifiers and placeholders, drops comments, collapses IN lists
--EXTENSIONS--
pdo
pdo_sqlite
--INI--
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/helpers.inc';

/* Each statement runs twice; with perf.n_plus_one_threshold=2 the repeated-query records show its normalized text. */
$statements = [
    "SELECT * FROM t WHERE id = 42",
    "SELECT * FROM t1 WHERE t1.id=7 AND col2 > 3.25",
    "SELECT 'it''s', 'back\\slash', \"dq\"\"x\", '' FROM t",
    "SELECT .5, 1e10, 2E-3, 0x1f, 0b101, 12abc FROM `tab 1` WHERE `col``9` = 9",
    "SELECT *   FROM\n\tt   WHERE  id IN (1,2,  3) AND name in ( 'a' ,'b' )",
    "SELECT * FROM t WHERE id IN (?, ?, ?) OR id IN (:a, :b) OR id = $1",
    "INSERT INTO t (id, name) VALUES (7, 'x'), (8, 'y')",
    "SELECT f(1, 2), (3) FROM t -- it's 4\nWHERE id = 5 /* 'c' 6 */",
    "SELECT 'unterminated",
    "SELECT héllo_1, x2 FROM ünï WHERE a = 'é'",
];
$code = '$calls = ' . var_export($statements, true) . ';' . <<<'PHP'

foreach ($calls as $sql) {
    for ($i = 0; $i < 2; $i++) {
        try {
            $pdo->query($sql);
        } catch (PDOException $e) {
        }
    }
}
PHP;
$result = db_run('normalize', $code, ['perf.n_plus_one_threshold' => '2']);
echo $result['output'];
foreach ($result['records'] as $record) {
    echo $record['context']['sql'], "\n";
}
?>
--EXPECT--
SELECT * FROM t WHERE id = ?
SELECT * FROM t1 WHERE t1.id=? AND col2 > ?
SELECT ?, ?, "dq""x", ? FROM t
SELECT ?, ?, ?, ?, ?, 12abc FROM `tab 1` WHERE `col``9` = ?
SELECT * FROM t WHERE id IN (?) AND name in (?)
SELECT * FROM t WHERE id IN (?) OR id IN (:a, :b) OR id = $1
INSERT INTO t (id, name) VALUES (?, ?), (?, ?)
SELECT f(?, ?), (?) FROM t WHERE id = ?
SELECT ?
SELECT héllo_1, x2 FROM ünï WHERE a = ?
