#!/usr/bin/env bash
# Per-request cost of perf's metrics (status counter, duration and peak-memory histograms, per-second
# rate, all shared-memory atomics) in one run: instructions per request with perf.metrics_enabled=1
# (the default) against perf.metrics_enabled=0, everything else at its defaults, and the extension
# not loaded as the anchor. valgrind --tool=callgrind on php-cgi -T N, the difference between two N
# so start-up (including mapping the segment) cancels out.
#   bench/metrics_overhead.sh
set -euo pipefail
. "$(dirname "$0")/lib.sh"
perf_require_packages "${PERF_BUILD_PACKAGES[@]}" valgrind
perf_build >/dev/null

hello="$PERF_ROOT/bench/hello.php"
dir="$PERF_WORK/bench-metrics"
rm -rf "$dir" && mkdir -p "$dir/logs"
perf_ini=(-d "extension=$PERF_SO" -d "perf.log_file=$dir/logs/performance.log")

per_request() { # php-cgi args...
	bench_per_unit 100 1100 bench_callgrind php-cgi8.2 -n "$@" -T {} "$hello"
}

echo "== instructions per request, php-cgi -T, callgrind ($hello)"
none=$(per_request)
off=$(per_request "${perf_ini[@]}" -d perf.metrics_enabled=0)
on=$(per_request "${perf_ini[@]}" -d perf.metrics_enabled=1)
printf '%-36s %12s\n' "extension not loaded" "$none" "perf loaded, metrics off" "$off" "perf loaded, metrics on (default)" "$on"
php -n -r 'printf("%-36s %12d\n%-36s %12.2f %%\n", "metrics instructions per request", $argv[2] - $argv[1],
	"metrics on vs off", ($argv[2] / $argv[1] - 1) * 100);' "$off" "$on"
