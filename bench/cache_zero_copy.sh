#!/usr/bin/env bash
# ns per get from the memory driver, copying (perf.cache_zero_copy=0) and zero-copy (=1), against
# APCu with its best serializer (apc.serializer=default), in one run; ratios perf/APCu.
#   bench/cache_zero_copy.sh [repetitions, default 5]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
perf_require_packages "${PERF_BUILD_PACKAGES[@]}" php8.2-apcu php8.2-cgi
perf_build >/dev/null
reps=${1:-5}
dir="$PERF_WORK/bench-zero-copy"
mkdir -p "$dir"
cp "$PERF_SO" "$dir/perf.so"
worker="$PERF_ROOT/bench/cache_zero_copy.php"
perf_ini=(-d "extension=$dir/perf.so" -d perf.cache_enable_cli=1 -d perf.cache_memory=128M)
export PERF_BENCH_REPS=$reps
PERF_BENCH_WHO=perf php -n "${perf_ini[@]}" -d perf.cache_zero_copy=0 "$worker" > "$dir/copy.txt"
# Zero-copy reads happen only under the web SAPIs: one php-cgi request.
PERF_BENCH_WHO=perf-zero-copy php-cgi -q -n "${perf_ini[@]}" -d perf.cache_zero_copy=1 "$worker" > "$dir/zero.txt"
PERF_BENCH_WHO=apcu php -n -d extension=apcu.so -d apc.enable_cli=1 -d apc.shm_size=128M -d apc.serializer=default "$worker" > "$dir/apcu.txt"
printf '%-22s %10s %10s %10s %12s %12s\n' workload copy zero-copy apcu copy/apcu zero/apcu
paste "$dir/copy.txt" "$dir/zero.txt" "$dir/apcu.txt" | while IFS=$'\t' read -r name copy _ zero _ apcu; do
	php -n -r 'printf("%-22s %10.1f %10.1f %10.1f %12.3f %12.3f\n", $argv[1], $argv[2], $argv[3], $argv[4], $argv[2] / $argv[4], $argv[3] / $argv[4]);' \
		"$name" "$copy" "$zero" "$apcu"
done
