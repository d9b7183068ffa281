#!/usr/bin/env bash
# Per-query cost of perf's database hooks (PDO observed, defaults: slow-query check and N+1 tracking)
# against the extension not loaded, in one run, on prepared-statement executes against in-memory sqlite:
#   (a) instructions per execute: valgrind --tool=callgrind on php-cli, the difference between
#       0 and N executes so start-up cancels out;
#   (b) wall time of N executes, measured in the script, median of several runs, alternated.
#   bench/db_overhead.sh [executes, default 20000] [time runs, default 7]
set -euo pipefail
. "$(dirname "$0")/../scripts/lib.sh"
perf_require_packages "${PERF_BUILD_PACKAGES[@]}" php8.2-sqlite3 valgrind
perf_build >/dev/null

n=${1:-20000}
runs=${2:-7}
script="$PERF_ROOT/bench/db_overhead.php"
dir="$PERF_WORK/bench-db"
rm -rf "$dir" && mkdir -p "$dir"
ext_dir=$(php-config8.2 --extension-dir 2>/dev/null || php-config --extension-dir)
off_ini=(-n -d "extension_dir=$ext_dir" -d extension=pdo -d extension=pdo_sqlite)
on_ini=("${off_ini[@]}" -d "extension=$PERF_SO" -d perf.enable_cli=1 -d "perf.log_file=$dir/performance.log")

instructions() { # count args... -> total instructions executed
	valgrind --tool=callgrind --callgrind-out-file=/dev/null php8.2 "${@:2}" "$script" "$1" 2>&1 >/dev/null \
		| sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
per_execute() { # args... -> instructions per execute
	local i0 i1
	i0=$(instructions 0 "$@")
	i1=$(instructions "$n" "$@")
	echo $(( (i1 - i0) / n ))
}

echo "== (a) instructions per execute, php-cli, callgrind, $n executes"
off=$(per_execute "${off_ini[@]}")
on=$(per_execute "${on_ini[@]}")
printf '%-28s %12s\n' "extension not loaded" "$off" "perf loaded, db hooks on" "$on"
php -n -r 'printf("%-28s %12.2f %%\n", "perf instructions", ($argv[2] / $argv[1] - 1) * 100);' "$off" "$on"

echo
echo "== (b) wall time of $n executes, median of $runs runs each, alternated"
off_all=() on_all=()
for r in $(seq 1 "$runs"); do
	off_all+=("$(php8.2 "${off_ini[@]}" "$script" "$n")")
	on_all+=("$(php8.2 "${on_ini[@]}" "$script" "$n")")
done
grep -q '"Repeated query detected"' "$dir/performance.log" || { echo "perf recorded no queries" >&2; exit 1; }
php -n -r '
	$off = explode(" ", $argv[1]); $on = explode(" ", $argv[2]);
	sort($off); sort($on);
	$mOff = $off[intdiv(count($off), 2)]; $mOn = $on[intdiv(count($on), 2)];
	printf("%-28s %12.2f ms\n%-28s %12.2f ms\n%-28s %12.2f %%\n", "median, extension not loaded", $mOff,
		"median, perf loaded", $mOn, "perf time", ($mOn / $mOff - 1) * 100);
' "${off_all[*]}" "${on_all[*]}"
