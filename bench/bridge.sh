#!/usr/bin/env bash
# The PHP bridge's cost (bridge/): ns per get of a 100 B string through PSR-16, PSR-6, the Symfony
# adapter and Laravel's Repository over the perf store, against a direct perf_cache_get() and
# against Laravel's apc store through the same Repository, in one process (memory driver, APCu
# with apc.serializer=default; OPcache on, as under php-fpm, JIT off).
#   bench/bridge.sh [--reps N] [--target-ms MS]     defaults: 7 repetitions of ~200 ms loops
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
perf_require_packages "${PERF_BUILD_PACKAGES[@]}" php8.2-apcu php-laravel-framework php-symfony-cache php-psr-simple-cache php-psr-cache
perf_build >/dev/null

reps=7 target_ms=200
while [ $# -gt 0 ]; do
	case "$1" in
		--reps) reps=$2; shift ;;
		--target-ms) target_ms=$2; shift ;;
		*) echo "usage: $0 [--reps N] [--target-ms MS]" >&2; exit 2 ;;
	esac
	shift
done
dir="$PERF_WORK/bench-bridge"
mkdir -p "$dir"
# A private copy of the build: a rebuild rewrites modules/perf.so in place (SIGBUS for a reader).
cp "$PERF_SO" "$dir/perf.so.tmp" && mv "$dir/perf.so.tmp" "$dir/perf.so"
echo "perf ($(git -C "$PERF_ROOT" describe --always --dirty 2>/dev/null || echo 'no git')), PHP $(php -n -r 'echo PHP_VERSION;'), $(nproc) CPUs, load $(cut -d' ' -f1 /proc/loadavg)"
php -n -d "extension=$dir/perf.so" -d perf.cache_enable_cli=1 -d extension=apcu.so -d apc.enable_cli=1 \
	-d apc.serializer=default -d extension=mbstring.so -d zend_extension=opcache.so -d opcache.enable_cli=1 \
	"$PERF_ROOT/bench/bridge.php" "$reps" "$target_ms"
