--TEST--
SQL normalizer, per dialect (ext/db/normalize.c built alone): MySQL backslash escapes or NO_BACKSLASH_ESCAPES or unknown, PostgreSQL dollar quotes and nested comments, # comments; no literal or comment text survives
--SKIPIF--
<?php
exec('command -v cc', $out, $rc);
if ($rc !== 0) {
    die('skip no C compiler (cc) to build the normalizer alone');
}
/* run-tests -m traces child processes: valgrind would run the compiler; the harness has no PHP memory to check. */
if (getenv('USE_ZEND_ALLOC') === '0') {
    die('skip the C harness is not run under valgrind');
}
?>
--FILE--
<?php
$root = dirname(__DIR__, 2);
$harness = sys_get_temp_dir() . '/perf_normalize_harness_' . getmypid();
exec(implode(' ', array_map('escapeshellarg', ['cc', '-std=c11', '-O1', '-I', "$root/ext", '-o', $harness,
    __DIR__ . '/normalize_harness.c', "$root/ext/db/normalize.c"])) . ' 2>&1', $out, $rc);
if ($rc !== 0) {
    die("cannot build the harness:\n" . implode("\n", $out));
}

function normalize(string $harness, string $driver, string $mode, array $statements): array
{
    $proc = proc_open([$harness, $driver, $mode], [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    fwrite($pipes[0], implode("\0", $statements));
    fclose($pipes[0]);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    fclose($pipes[1]);
    fclose($pipes[2]);
    if (proc_close($proc) !== 0) {
        throw new RuntimeException("harness failed: $err");
    }
    return explode("\0", substr($out, 0, -1));
}

/* SECRET marks text inside a literal or a comment of the statement as its own database reads it. */
$cases = [
    'mysql escape (default sql_mode)' => ['mysql', 'escape', [
        "SELECT * FROM t WHERE a = 'O\\'Reilly' AND b = 'SECRET'",
        "SELECT * FROM t WHERE a = 'C:\\\\' AND b = 'SECRET'",
        "SELECT \"SECRET \\\" SECRET\", 'SECRET''SECRET' FROM t",
        "SELECT 1 # SECRET hash comment\nFROM t",
        "SELECT 1 -- SECRET\nFROM t /*! SECRET executable */ /*+ SECRET hint */",
        "SELECT 1 FROM t WHERE x = 'SECRET \\\\\\' SECRET'",
    ]],
    'mysql plain (NO_BACKSLASH_ESCAPES)' => ['mysql', 'plain', [
        "SELECT * FROM t WHERE path = 'C:\\' AND token = 'SECRET'",
        "SELECT * FROM t WHERE a = 'O''Reilly' AND b = \"SECRET\\\"",
    ]],
    'mysql unknown mode' => ['mysql', 'unknown', [
        "SELECT * FROM t WHERE path = 'C:\\' AND token = 'SECRET'",
        "SELECT * FROM t WHERE a = 'O\\'Reilly' AND b = 'SECRET'",
        "SELECT * FROM t WHERE a = 'C:\\\\' AND b = 'SECRET' AND id = 3",
        "SELECT * FROM t WHERE a = 'no backslash' AND id IN (1, 2)",
    ]],
    'pgsql' => ['pgsql', 'unknown', [
        "SELECT \$\$SECRET ' SECRET\$\$, \$body\$ SECRET \$\$ SECRET \$body\$ FROM t WHERE id = \$1",
        "SELECT \$a\$ SECRET \$b\$ SECRET \$a\$, x\$y FROM t",
        "SELECT \$\$ SECRET unterminated",
        "SELECT 1 /* SECRET /* nested SECRET */ SECRET */ FROM t",
        "SELECT E'SECRET \\' SECRET' FROM t",
        "SELECT 'C:\\' FROM t WHERE token = 'SECRET'",
        "SELECT 'standard ''quoted''' FROM t WHERE a # b = 2",
        "SELECT \"Col\" FROM \"T\" WHERE x = 'SECRET'",
    ]],
    'sqlite' => ['sqlite', 'unknown', [
        "SELECT * FROM t WHERE path = 'C:\\' AND token = 'SECRET'",
        "SELECT 1 # 2, \$name FROM t",
        "select * from \"users\" where \"users\".\"id\" = ? and \"na\"\"me\" = 'SECRET'",
        "SELECT .5a, 1st FROM t WHERE x = .5",
    ]],
    'unknown driver (every rule)' => ['odbc', 'unknown', [
        "SELECT \$\$SECRET\$\$, 1 # SECRET\nFROM t",
        "SELECT 'C:\\' FROM t WHERE token = 'SECRET'",
    ]],
];
$leaks = 0;
foreach ($cases as $title => [$driver, $mode, $statements]) {
    echo "-- $title\n";
    foreach (normalize($harness, $driver, $mode, $statements) as $i => $normalized) {
        echo $normalized, "\n";
        $leaks += substr_count($normalized, 'SECRET');
    }
}
echo "leaks: $leaks\n";
@unlink($harness);
?>
--EXPECT--
-- mysql escape (default sql_mode)
SELECT * FROM t WHERE a = ? AND b = ?
SELECT * FROM t WHERE a = ? AND b = ?
SELECT ?, ? FROM t
SELECT ? FROM t
SELECT ? FROM t
SELECT ? FROM t WHERE x = ?
-- mysql plain (NO_BACKSLASH_ESCAPES)
SELECT * FROM t WHERE path = ? AND token = ?
SELECT * FROM t WHERE a = ? AND b = ?
-- mysql unknown mode
SELECT * FROM t WHERE path = ?
SELECT * FROM t WHERE a = ?
SELECT * FROM t WHERE a = ? AND b = ? AND id = ?
SELECT * FROM t WHERE a = ? AND id IN (?)
-- pgsql
SELECT ?, ? FROM t WHERE id = $1
SELECT ?, x$y FROM t
SELECT ?
SELECT ? FROM t
SELECT E?
SELECT ?
SELECT ? FROM t WHERE a # b = ?
SELECT "Col" FROM "T" WHERE x = ?
-- sqlite
SELECT * FROM t WHERE path = ? AND token = ?
SELECT ? # ?, $name FROM t
select * from "users" where "users"."id" = ? and "na""me" = ?
SELECT ?a, 1st FROM t WHERE x = ?
-- unknown driver (every rule)
SELECT ?, ? FROM t
SELECT ?
leaks: 0