#!/usr/bin/env bash
# perf's memory cache driver against APCu (apc.serializer=default and =php) and a plain PHP array,
# in one run:
#   (a) ns per get and per set for five values (100 B and 10 KB strings, a 10-element mixed array,
#       range(1, 1000), a stdClass with 3 properties) on 100 rotating keys: each loop calibrated to
#       about the target time, an empty loop subtracted, the median of the repetitions;
#   (b) total ops/s of 2 processes forked from one parent (so they share the segment), each doing
#       90% get / 10% set over 10,000 keys of 100 B for a fixed time; the contestants take turns
#       over a few rounds and the median counts, as both cores are busy and any other work shows.
# Each contestant runs in its own php -n process with only its extension loaded (no OPcache).
#   bench/cache_memory.sh [--quick] [--reps N] [--target-ms MS] [--seconds S] [--rounds N] [--no-throughput]
#     defaults: 5 repetitions of 250 ms loops; 3 rounds of 3 s of throughput (about 110 s in all)
#     --quick: 3 repetitions of 100 ms loops; 3 rounds of 1 s of throughput (about 30 s)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
perf_require_packages "${PERF_BUILD_PACKAGES[@]}" php8.2-apcu
perf_build >/dev/null

reps=5 target_ms=250 seconds=3 rounds=3 throughput=1
while [ $# -gt 0 ]; do
	case "$1" in
		--quick) reps=3 target_ms=100 seconds=1 ;;
		--reps) reps=$2; shift ;;
		--target-ms) target_ms=$2; shift ;;
		--seconds) seconds=$2; shift ;;
		--rounds) rounds=$2; shift ;;
		--no-throughput) throughput=0 ;;
		*) echo "usage: $0 [--quick] [--reps N] [--target-ms MS] [--seconds S] [--rounds N] [--no-throughput]" >&2; exit 2 ;;
	esac
	shift
done

bench_setup bench-cache
trap bench_remove_segments EXIT

contestant_ini() { # contestant -> php -d arguments
	case "$1" in
		perf) echo "-d extension=$so -d perf.cache_enable_cli=1 -d perf.cache_memory=128M -d perf.cache_name=$bench_segment" ;;
		apcu-default) echo "-d extension=apcu.so -d apc.enable_cli=1 -d apc.shm_size=128M -d apc.serializer=default" ;;
		apcu-php) echo "-d extension=apcu.so -d apc.enable_cli=1 -d apc.shm_size=128M -d apc.serializer=php" ;;
		array) echo "" ;;
	esac
}

contestants=(perf apcu-default apcu-php array)
bench_check_load "(b)"
bench_versions "APCu $(php -n -d extension=apcu.so -r 'echo phpversion("apcu");')"
echo "== (a) single process: $reps repetitions of ~${target_ms} ms loops per cell"
# Workload by workload, every contestant in turn, so a drift of the machine hits them alike.
for workload in str100 str10k mixed10 int1000 object; do
	for who in "${contestants[@]}"; do
		bench_run "$who" single "$who" "$workload" "$reps" "$target_ms"
	done
	echo "  $workload done"
done

if [ "$throughput" = 1 ]; then
	echo "== (b) two forked processes, $rounds rounds of ${seconds} s per contestant"
	for r in $(seq 1 "$rounds"); do
		for who in perf apcu-default apcu-php; do
			bench_run "$who" throughput "$who" "$seconds" 2
		done
		echo "  round $r done"
	done
fi

php -n "$worker" report "$results"
