<?php
/*
 * $argv[1] prepared-statement executes on an in-memory sqlite database, half INSERT, half SELECT
 * (fetching the row). Prints the loop's wall time in milliseconds.
 */
$n = (int) ($argv[1] ?? 20000);
$pdo = new PDO('sqlite::memory:');
$pdo->setAttribute(PDO::ATTR_ERRMODE, PDO::ERRMODE_EXCEPTION);
$pdo->exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
$insert = $pdo->prepare('INSERT INTO t (id, name) VALUES (?, ?)');
$select = $pdo->prepare('SELECT name FROM t WHERE id = ?');
$start = hrtime(true);
for ($i = 0; $i < $n; $i += 2) {
    $insert->execute([$i, 'name']);
    $select->execute([$i]);
    $select->fetchColumn();
}
printf("%.3f\n", (hrtime(true) - $start) / 1e6);
