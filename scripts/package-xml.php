<?php

/**
 * Rewrites the <contents> of package.xml (the PECL release manifest) from the files of the
 * git checkout, so a file added to the project is packaged without hand-editing the manifest.
 *
 * Usage: php scripts/package-xml.php          rewrite package.xml
 *        php scripts/package-xml.php --check  exit 1 (and list the differences) when it is stale
 *
 * The files are those git tracks (`git ls-files --cached`): what a clean clone has, which is what
 * CI and a release see. A new file is listed once it is added to git; build and run-tests output
 * never is. perf_package_role() decides what goes into the tarball and with which role.
 *
 * tests/package/package_xml.phpt includes this file to share these rules, so it only defines
 * functions unless it is the script being run. It needs nothing beyond PHP's core (no DOM):
 * the tests run with `php -n`.
 */

declare(strict_types=1);

/** The project root: the directory above scripts/. */
function perf_package_root(): string
{
	return dirname(__DIR__);
}

/**
 * Files git tracks or would add, relative to $root with "/" separators, sorted; null when git
 * is missing or $root is not a git work tree.
 *
 * @return list<string>|null
 */
function perf_package_git_files(string $root): ?array
{
	$command = ['git', '-C', $root, 'ls-files', '-z', '--cached'];
	$process = @proc_open($command, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
	if (!is_resource($process)) {
		return null;
	}
	$out = stream_get_contents($pipes[1]);
	stream_get_contents($pipes[2]);
	fclose($pipes[1]);
	fclose($pipes[2]);
	if (proc_close($process) !== 0 || $out === false) {
		return null;
	}

	$files = [];
	foreach (explode("\0", $out) as $path) {
		// A tracked file deleted from the work tree is still in the index: it is not packaged.
		if ($path !== '' && is_file("$root/$path")) {
			$files[$path] = true;
		}
	}
	$files = array_keys($files);
	sort($files, SORT_STRING);
	return $files;
}

/**
 * The role a file has in the PECL tarball, or null when it does not belong there.
 *
 * - test: tests/** (installed to pear's test_dir, run by `pecl run-tests`).
 * - doc:  documentation and examples: *.md, LICENSE, CREDITS, perf.ini, stubs/, bench/, demo/, docs/.
 * - src:  everything else (ext/, config.m4, config.w32, scripts/ ...): unpacked in the build
 *         directory, needed or useful to build, never installed.
 * Left out: dot files and directories (.ci/, .github/, .gitignore, .editorconfig ...), Composer
 * metadata (PIE reads it from the repository, not from this tarball) and package.xml itself,
 * which `pear package` adds on its own.
 */
function perf_package_role(string $path): ?string
{
	foreach (explode('/', $path) as $part) {
		if ($part !== '' && $part[0] === '.') {
			return null;
		}
	}
	if (in_array($path, ['package.xml', 'package2.xml', 'composer.json', 'composer.lock'], true)) {
		return null;
	}

	$top = strstr($path, '/', true);
	if ($top === 'tests') {
		return 'test';
	}
	if (in_array($top, ['stubs', 'bench', 'demo', 'docs', 'doc', 'examples'], true)) {
		return 'doc';
	}
	if ($top === false && (preg_match('/\.(md|txt|rst)$/i', $path)
		|| preg_match('/^(LICENSE|LICENCE|COPYING|CREDITS|NEWS|CHANGELOG|UPGRADING)(\..*)?$/i', $path)
		|| $path === 'perf.ini')) {
		return 'doc';
	}
	return 'src';
}

/**
 * What <contents> should list: path => role, sorted by path; null without git.
 *
 * @return array<string, string>|null
 */
function perf_package_expected(string $root): ?array
{
	$files = perf_package_git_files($root);
	if ($files === null) {
		return null;
	}
	$expected = [];
	foreach ($files as $path) {
		$role = perf_package_role($path);
		if ($role !== null) {
			$expected[$path] = $role;
		}
	}
	return $expected;
}

/**
 * The files package.xml lists in <contents>: path => role, in document order.
 *
 * A small reader for the shape perf_package_render_contents() writes (and PECL manifests
 * generally use): nested <dir name="..."> and <file name="..." role="..."/>.
 *
 * @return array<string, string>
 */
function perf_package_listed(string $xml): array
{
	if (!preg_match('~<contents>(.*)</contents>~s', $xml, $m)) {
		throw new RuntimeException('package.xml has no <contents> element');
	}
	preg_match_all('~<dir\b([^>]*?)(/?)>|</dir\s*>|<file\b([^>]*?)/?>~s', $m[1], $tags, PREG_SET_ORDER);

	$attr = static function (string $attrs, string $name): ?string {
		return preg_match('~\b' . $name . '\s*=\s*"([^"]*)"~', $attrs, $a)
			? html_entity_decode($a[1], ENT_QUOTES | ENT_XML1, 'UTF-8') : null;
	};
	$stack = [];
	$listed = [];
	foreach ($tags as $tag) {
		if (str_starts_with($tag[0], '</dir')) {
			array_pop($stack);
		} elseif (str_starts_with($tag[0], '<dir')) {
			if (($tag[2] ?? '') !== '/') {
				$stack[] = trim((string) $attr($tag[1], 'name'), '/');
			}
		} else {
			$name = (string) $attr($tag[3], 'name');
			$path = implode('/', array_filter([...$stack, $name], static fn ($p) => $p !== ''));
			$listed[$path] = (string) $attr($tag[3], 'role');
		}
	}
	return $listed;
}

/**
 * The <contents> element for $files (path => role), indented one step per level below
 * <package>: directories first, then files, each sorted by name.
 *
 * @param array<string, string> $files
 */
function perf_package_render_contents(array $files): string
{
	$tree = ['dirs' => [], 'files' => []];
	foreach ($files as $path => $role) {
		$parts = explode('/', $path);
		$name = array_pop($parts);
		$node = &$tree;
		foreach ($parts as $dir) {
			$node['dirs'][$dir] ??= ['dirs' => [], 'files' => []];
			$node = &$node['dirs'][$dir];
		}
		$node['files'][$name] = $role;
		unset($node);
	}

	$esc = static fn (string $s): string => htmlspecialchars($s, ENT_QUOTES | ENT_XML1, 'UTF-8');
	$render = static function (array $node, string $name, int $depth) use (&$render, $esc): string {
		$pad = str_repeat('  ', $depth);
		$out = "$pad<dir name=\"{$esc($name)}\">\n";
		ksort($node['dirs'], SORT_STRING);
		foreach ($node['dirs'] as $dir => $child) {
			$out .= $render($child, $dir, $depth + 1);
		}
		ksort($node['files'], SORT_STRING);
		foreach ($node['files'] as $file => $role) {
			$out .= "$pad  <file name=\"{$esc($file)}\" role=\"{$esc($role)}\"/>\n";
		}
		return $out . "$pad</dir>\n";
	};
	return "<contents>\n" . $render($tree, '/', 2) . "  </contents>";
}

/**
 * Differences between what package.xml lists and what it should: human-readable lines,
 * empty when it is current.
 *
 * @param array<string, string> $expected
 * @param array<string, string> $listed
 * @return list<string>
 */
function perf_package_diff(array $expected, array $listed): array
{
	$problems = [];
	foreach ($expected as $path => $role) {
		if (!isset($listed[$path])) {
			$problems[] = "missing from package.xml: $path";
		} elseif ($listed[$path] !== $role) {
			$problems[] = "wrong role in package.xml: $path is \"{$listed[$path]}\", should be \"$role\"";
		}
	}
	foreach ($listed as $path => $role) {
		if (!isset($expected[$path])) {
			$problems[] = "listed in package.xml but not a packaged file of the checkout: $path";
		}
	}
	return $problems;
}

function perf_package_main(array $argv): int
{
	$root = perf_package_root();
	$manifest = "$root/package.xml";
	$check = in_array('--check', array_slice($argv, 1), true);

	$expected = perf_package_expected($root);
	if ($expected === null) {
		fwrite(STDERR, "package-xml: git is missing or $root is not a git checkout\n");
		return 2;
	}
	$xml = @file_get_contents($manifest);
	if ($xml === false) {
		fwrite(STDERR, "package-xml: cannot read $manifest\n");
		return 2;
	}

	if ($check) {
		$problems = perf_package_diff($expected, perf_package_listed($xml));
		foreach ($problems as $problem) {
			fwrite(STDERR, "$problem\n");
		}
		if ($problems) {
			fwrite(STDERR, "package-xml: package.xml is stale, run php scripts/package-xml.php\n");
		}
		return $problems ? 1 : 0;
	}

	$count = 0;
	$updated = preg_replace_callback('~<contents>.*</contents>~s',
		static fn () => perf_package_render_contents($expected), $xml, 1, $count);
	if ($count !== 1 || $updated === null) {
		fwrite(STDERR, "package-xml: $manifest has no <contents> element\n");
		return 2;
	}
	if ($updated !== $xml && file_put_contents($manifest, $updated) === false) {
		fwrite(STDERR, "package-xml: cannot write $manifest\n");
		return 2;
	}
	printf("package-xml: %s, %d files%s\n", $manifest, count($expected), $updated === $xml ? ' (unchanged)' : '');
	return 0;
}

if (PHP_SAPI === 'cli' && realpath($_SERVER['SCRIPT_FILENAME'] ?? '') === __FILE__) {
	exit(perf_package_main($argv));
}
