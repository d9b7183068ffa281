<?php
/*
 * $argv[2] queries through mysqli against the MariaDB server on 127.0.0.1:$argv[1]: half
 * mysqli_query() with a literal, half a prepared statement executed with a bound parameter, each
 * result fetched. Prints the loop's wall time in milliseconds.
 */
$port = (int) $argv[1];
$n = (int) ($argv[2] ?? 2000);
mysqli_report(MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT);
$db = new mysqli('127.0.0.1', 'root', '', '', $port);
$db->query('CREATE DATABASE IF NOT EXISTS bench');
$db->select_db('bench');
$db->query('CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY, name VARCHAR(32))');
$db->query("INSERT IGNORE INTO t VALUES (1, 'one'), (2, 'two')");
$select = $db->prepare('SELECT name FROM t WHERE id = ?');
$id = 1;
$select->bind_param('i', $id);
$start = hrtime(true);
for ($i = 0; $i < $n; $i += 2) {
    $db->query('SELECT name FROM t WHERE id = 2')->fetch_row();
    $select->execute();
    $select->get_result()->fetch_row();
}
printf("%.3f\n", (hrtime(true) - $start) / 1e6);
