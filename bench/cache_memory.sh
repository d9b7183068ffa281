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
. "$(dirname "$0")/../scripts/lib.sh"
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

worker="$PERF_ROOT/bench/cache_memory.php"
dir="$PERF_WORK/bench-cache"
mkdir -p "$dir"
results="$dir/results.txt"
: > "$results"
# A private copy of the build: rebuilding modules/perf.so rewrites it in place, and a process that
# has it mapped would die of SIGBUS.
so="$dir/perf.so"
cp "$PERF_SO" "$so.tmp" && mv "$so.tmp" "$so"
# A named segment of this run's own (the path the web server uses), removed at the end.
segment="bench-$$"
trap 'rm -f /dev/shm/perf.*."$segment".*' EXIT

contestant_ini() { # contestant -> php -d arguments
	case "$1" in
		perf) echo "-d extension=$so -d perf.cache_enable_cli=1 -d perf.cache_memory=128M -d perf.cache_name=$segment" ;;
		apcu-default) echo "-d extension=apcu.so -d apc.enable_cli=1 -d apc.shm_size=128M -d apc.serializer=default" ;;
		apcu-php) echo "-d extension=apcu.so -d apc.enable_cli=1 -d apc.shm_size=128M -d apc.serializer=php" ;;
		array) echo "" ;;
	esac
}
run() { # contestant mode args... ; appends the worker's lines to the results, aborts on its failure
	local who=$1
	shift
	# shellcheck disable=SC2046 # the ini arguments are meant to split
	if ! php -n $(contestant_ini "$who") "$worker" "$1" "$who" "${@:2}" > "$dir/last.txt"; then
		cat "$dir/last.txt" >&2
		echo "cache_memory: the $who worker failed ($*)" >&2
		exit 1
	fi
	cat "$dir/last.txt" >> "$results"
}

contestants=(perf apcu-default apcu-php array)
load=$(cut -d' ' -f1 /proc/loadavg)
if awk -v load="$load" 'BEGIN { exit !(load > 0.5) }'; then
	echo "WARNING: load average $load before the run: other work on the machine skews the numbers, most of all (b)" >&2
fi
echo "perf $(php -n -d "extension=$so" -r 'echo phpversion("perf");') ($(git -C "$PERF_ROOT" describe --always --dirty 2>/dev/null || echo 'no git')), APCu $(php -n -d extension=apcu.so -r 'echo phpversion("apcu");'), PHP $(php -n -r 'echo PHP_VERSION;'), $(nproc) CPUs"
echo "== (a) single process: $reps repetitions of ~${target_ms} ms loops per cell"
# Workload by workload, every contestant in turn, so a drift of the machine hits them alike.
for workload in str100 str10k mixed10 int1000 object; do
	for who in "${contestants[@]}"; do
		run "$who" single "$workload" "$reps" "$target_ms"
	done
	echo "  $workload done"
done

if [ "$throughput" = 1 ]; then
	echo "== (b) two forked processes, $rounds rounds of ${seconds} s per contestant"
	for r in $(seq 1 "$rounds"); do
		for who in perf apcu-default apcu-php; do
			run "$who" throughput "$seconds" 2
		done
		echo "  round $r done"
	done
fi

php -n "$worker" report "$results"
