#!/bin/sh
# Regenerates ext/perf_arginfo.h from ext/perf.stub.php with php-src's gen_stub.php.
# gen_stub.php wants to download PHP-Parser; Debian's php-parser package serves the same
# library offline, so it is linked where gen_stub.php looks for it.
set -eu
cd "$(dirname "$0")/.."
gen_stub=$(php-config --extension-dir)/build/gen_stub.php
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$gen_stub" "$work/gen_stub.php"
mkdir -p "$work/PHP-Parser-4.15.1/lib"
ln -s /usr/share/php/PhpParser "$work/PHP-Parser-4.15.1/lib/PhpParser"
php "$work/gen_stub.php" -f ext/perf.stub.php
