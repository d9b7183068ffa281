--TEST--
package.xml lists exactly the files of the checkout that belong in the PECL tarball, and PEAR accepts it
--DESCRIPTION--
Adding, renaming or deleting a file without running `php scripts/package-xml.php` fails this test.
The packaging rules (which files, which role) live in scripts/package-xml.php, shared with the generator.
--SKIPIF--
<?php
$root = dirname(__DIR__, 2);
if (!is_file("$root/scripts/package-xml.php") || !is_file("$root/package.xml")) {
	die("skip not a source checkout (scripts/package-xml.php or package.xml missing)");
}
require "$root/scripts/package-xml.php";
if (!function_exists('proc_open')) {
	die("skip proc_open() is disabled");
}
if (perf_package_git_files($root) === null) {
	die("skip git is missing or this is not a git checkout");
}
?>
--FILE--
<?php
$root = dirname(__DIR__, 2);
require "$root/scripts/package-xml.php";

$expected = perf_package_expected($root);
$listed = perf_package_listed(file_get_contents("$root/package.xml"));

// (a) every packaged file of the checkout is listed with its role, and nothing else is.
$problems = perf_package_diff($expected, $listed);
// (b) every listed file exists.
foreach (array_keys($listed) as $path) {
	if (!is_file("$root/$path")) {
		$problems[] = "listed in package.xml but missing on disk: $path";
	}
}
echo $problems ? implode("\n", array_unique($problems)) . "\nrun: php scripts/package-xml.php\n" : "contents: up to date\n";

// The core files are there with the roles PECL needs.
foreach (['config.m4' => 'src', 'config.w32' => 'src', 'ext/perf.c' => 'src', 'ext/php_perf.h' => 'src',
	'ext/perf.stub.php' => 'src', 'ext/perf_arginfo.h' => 'src', 'stubs/perf.php' => 'doc', 'perf.ini' => 'doc',
	'tests/package/package_xml.phpt' => 'test'] as $path => $role) {
	if (($listed[$path] ?? null) !== $role) {
		echo "$path: expected role $role, got ", var_export($listed[$path] ?? null, true), "\n";
	}
}

// (c) PEAR's own validation, when pear is installed.
function find_pear(): ?string
{
	foreach (explode(PATH_SEPARATOR, (string) getenv('PATH')) as $dir) {
		if ($dir !== '' && is_file("$dir/pear") && is_executable("$dir/pear")) {
			return "$dir/pear";
		}
	}
	return null;
}

$pear = find_pear();
if ($pear === null) {
	echo "package-validate: skipped, pear is not installed\n";
} else {
	$process = proc_open([$pear, 'package-validate', "$root/package.xml"], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
	$out = stream_get_contents($pipes[1]) . stream_get_contents($pipes[2]);
	fclose($pipes[1]);
	fclose($pipes[2]);
	$rc = proc_close($process);
	if ($rc === 0 && preg_match('/^Validation: 0 error\(s\)/m', $out)) {
		echo "package-validate: no errors\n";
	} else {
		echo "package-validate: failed (exit $rc)\n$out\n";
	}
}
?>
--EXPECTF--
contents: up to date
package-validate: %r(no errors|skipped, pear is not installed)%r
