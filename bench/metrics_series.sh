#!/usr/bin/env bash
# Cost of creating application metric series: N series (default 100,000, the largest
# perf.metrics_max_series) of one counter created, updated, rendered and reset in one php -n
# process; prints the time of each phase. Creating a series is a constant number of index probes
# under the lock, so the 100,000 must be created within 1 s.
#   bench/metrics_series.sh [N]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
perf_build >/dev/null

n=${1:-100000}
echo "== $n application series, perf.metrics_max_series=$n"
php -n -d "extension=$PERF_SO" -d "perf.metrics_max_series=$n" -d perf.log_file=/dev/null -d memory_limit=1G \
	"$PERF_ROOT/bench/metrics_series.php" "$n"
