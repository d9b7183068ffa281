#!/usr/bin/env bash
# perf's file cache driver against the same thing in PHP: ns per get and per set of a 100-byte
# string, a 10-element mixed array and range(1, 1000), on 100 rotating keys, each contestant in a
# fresh directory of one new temporary directory, with the same sharding (<dir>/ab/cd/<sha1 of key>):
#   perf         perf.cache_driver=file, perf.cache_dir=<tmp>/perf
#   userland     file_put_contents($path, serialize($v), LOCK_EX) / unserialize(file_get_contents($path))
#   user-atomic  as userland, written to a temporary file and renamed over the entry (as perf does)
# perf stores strings raw and everything else with serialize(), behind a header (magic, version,
# expiry, the key, a CRC-32 of the file); its writes are atomic (temporary file + rename). Each loop
# is calibrated to about the target time, an empty loop is subtracted, the median of the repetitions
# counts; the whole runs --rounds times, the contestants taking turns, and the median round counts.
# Each contestant runs in its own php -n process (no OPcache); only perf's has perf loaded.
#   bench/cache_file.sh [--quick] [--reps N] [--target-ms MS] [--rounds N] [--dir PARENT]
#     defaults: 5 repetitions of 250 ms loops, 3 rounds (about 2 minutes), in $TMPDIR or /tmp
#     --quick: 3 repetitions of 100 ms loops, 1 round
set -euo pipefail
. "$(dirname "$0")/lib.sh"
perf_require_packages "${PERF_BUILD_PACKAGES[@]}"
perf_build >/dev/null

reps=5 target_ms=250 rounds=3 parent=${TMPDIR:-/tmp}
while [ $# -gt 0 ]; do
	case "$1" in
		--quick) reps=3 target_ms=100 rounds=1 ;;
		--reps) reps=$2; shift ;;
		--target-ms) target_ms=$2; shift ;;
		--rounds) rounds=$2; shift ;;
		--dir) parent=$2; shift ;;
		*) echo "usage: $0 [--quick] [--reps N] [--target-ms MS] [--rounds N] [--dir PARENT]" >&2; exit 2 ;;
	esac
	shift
done

bench_setup bench-cache-file

# The cache directories: fresh, removed at the end.
data=$(mktemp -d "$parent/perf-bench-file.XXXXXX")
trap 'rm -rf "$data"' EXIT

contestant_ini() { # contestant -> php -d arguments
	case "$1" in
		perf) echo "-d extension=$so -d perf.cache_driver=file -d perf.cache_dir=$data/perf" ;;
		*) echo "" ;;
	esac
}
bench_check_load
bench_versions
echo "cache directories under $data ($(stat -f -c %T "$data"), $(df -P "$data" | awk 'NR == 2 { print $1 }'))"
echo "== $rounds round(s) of $reps repetitions of ~${target_ms} ms loops per cell"
for r in $(seq 1 "$rounds"); do
	# Workload by workload, every contestant in turn, so a drift of the machine hits them alike.
	for workload in str100 mixed10 int1000; do
		for who in perf userland user-atomic; do
			bench_run "$who" single "$who" "$workload" "$reps" "$target_ms" "$data/$who"
		done
	done
	echo "  round $r done"
done
entries=$(find "$data/perf" -type f -name '????????????????????????????????????????' | wc -l)
echo "I perf entry files on disk: $entries (3 workloads x 2 ops x 100 keys = 600 expected)" >> "$results"

php -n "$worker" report "$results"
