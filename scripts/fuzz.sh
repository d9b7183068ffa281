#!/usr/bin/env bash
# Fuzzes the file cache driver's entry decoder, then the SQL normalizer, with libFuzzer (ASan + UBSan),
# each for the given time.
#   scripts/fuzz.sh [seconds]   default 20; run longer on request, e.g. scripts/fuzz.sh 3600
# Crashes are kept in .work/fuzz/ as crash-*; the exit status is non-zero when one was found.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
perf_require_packages clang libclang-rt-dev
seconds=${1:-20}
dir="$PERF_WORK/fuzz"
mkdir -p "$dir/corpus"
cc=$(command -v clang || command -v clang-14)
"$cc" -O1 -g -o "$dir/make_seeds" "$PERF_ROOT/fuzz/make_seeds.c" "$PERF_ROOT/ext/cache/file_format.c"
"$dir/make_seeds" "$dir/corpus"
"$cc" -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-o "$dir/file_entry_fuzzer" "$PERF_ROOT/fuzz/file_entry_fuzzer.c" "$PERF_ROOT/ext/cache/file_format.c"
"$cc" -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -I "$PERF_ROOT/ext" \
	-o "$dir/sql_normalize_fuzzer" "$PERF_ROOT/fuzz/sql_normalize_fuzzer.c" "$PERF_ROOT/ext/db/normalize.c"
mkdir -p "$dir/sql_corpus"
cd "$dir"
# -max_total_time is checked between inputs only: -timeout makes an input that hangs a finding
# (a crash-style failure) instead of a run that never ends.
./file_entry_fuzzer -max_total_time="$seconds" -timeout=5 -print_final_stats=1 corpus 2>&1 | tail -n 12
./sql_normalize_fuzzer -max_total_time="$seconds" -timeout=5 -print_final_stats=1 sql_corpus 2>&1 | tail -n 12
