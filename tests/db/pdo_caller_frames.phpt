--TEST--
DB records name the application's line as caller (the first frame outside perf.db_caller_skip: /vendor/ and Debian's /usr/share/php/ by default) and the innermost frame as innermost_caller
--EXTENSIONS--
pdo
pdo_sqlite
--FILE--
<?php
require __DIR__ . '/helpers.inc';

$dir = sys_get_temp_dir() . '/perf_caller_' . getmypid();
@mkdir("$dir/vendor/acme", 0777, true);
@mkdir("$dir/app", 0777, true);
file_put_contents("$dir/vendor/acme/Connection.php", <<<'PHP'
<?php
final class Connection
{
    public function __construct(private PDO $pdo) {}
    public function select(string $sql): array
    {
        return $this->pdo->query($sql)->fetchAll();   // line 7
    }
}
PHP);
file_put_contents("$dir/app/Repository.php", <<<'PHP'
<?php
final class Repository
{
    public function __construct(private Connection $db) {}
    public function find(int $id): array
    {
        return $this->db->select("SELECT * FROM t WHERE id = $id");   // line 7
    }
}
PHP);
$code = <<<PHP
require '$dir/vendor/acme/Connection.php';
require '$dir/app/Repository.php';
\$repo = new Repository(new Connection(\$pdo));
for (\$i = 0; \$i < 3; \$i++) {
    \$repo->find(\$i);
}
PHP;
$show = function (array $result) use ($dir): void {
    foreach ($result['records'] as $record) {
        echo $record['message'], ' | caller=', str_replace($dir, 'DIR', (string) $record['context']['caller']),
            ' | innermost_caller=', str_replace($dir, 'DIR', (string) $record['context']['innermost_caller']), "\n";
    }
};
echo "-- default: the application's line\n";
$show(db_run('caller', $code, ['perf.n_plus_one_threshold' => '3']));
echo "-- perf.db_caller_skip empty: the innermost frame\n";
$show(db_run('caller', $code, ['perf.n_plus_one_threshold' => '3', 'perf.db_caller_skip' => '']));
echo "-- the application listed too: only library code ran it, so the innermost frame\n";
$show(db_run('caller', $code, ['perf.n_plus_one_threshold' => '3', 'perf.db_caller_skip' => '/vendor/,/app/,/perf_db_']));
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
-- default: the application's line
Repeated query detected | caller=DIR/app/Repository.php:7 | innermost_caller=DIR/vendor/acme/Connection.php:7
-- perf.db_caller_skip empty: the innermost frame
Repeated query detected | caller=DIR/vendor/acme/Connection.php:7 | innermost_caller=DIR/vendor/acme/Connection.php:7
-- the application listed too: only library code ran it, so the innermost frame
Repeated query detected | caller=DIR/vendor/acme/Connection.php:7 | innermost_caller=DIR/vendor/acme/Connection.php:7
