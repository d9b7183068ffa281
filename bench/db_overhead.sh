#!/usr/bin/env bash
# What perf's database hooks cost, against the extension not loaded, in one run, with Debian's
# modules for the CLI loaded (its conf.d) and perf added through one more ini scan directory:
#   (a) instructions (valgrind --tool=callgrind on php-cli), the difference between two loop sizes
#       so start-up cancels out, and the ratio to perf not loaded:
#       - a call-heavy loop (bench/calls.php: 5 user and internal calls per iteration), what every
#         function call of the application pays;
#       - prepared-statement executes against in-memory sqlite (bench/db_overhead.php), with the
#         defaults (slow-query check and N+1 tracking) and with perf.db_hooks=0;
#       - mysqli queries against a MariaDB server started here (bench/db_mysqli.php), per query:
#         only the PHP process is counted, not the server;
#   (b) wall time of N executes, measured in the script, median of several runs, alternated.
#   bench/db_overhead.sh [executes, default 20000] [time runs, default 7]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
perf_require_packages "${PERF_BUILD_PACKAGES[@]}" php8.2-sqlite3 php8.2-mysql mariadb-server valgrind
perf_build >/dev/null

n=${1:-20000}
runs=${2:-7}
script="$PERF_ROOT/bench/db_overhead.php"
calls="$PERF_ROOT/bench/calls.php"
dir="$PERF_WORK/bench-db"
rm -rf "$dir"
on=("extension=$PERF_SO" perf.enable_cli=1 "perf.log_file=$dir/performance.log")
bench_conf off
bench_conf on "${on[@]}"
bench_conf hooks-off "${on[@]}" perf.db_hooks=0
conf_d=$(php-config8.2 --ini-dir 2>/dev/null || echo /etc/php/8.2/cli/conf.d)

php_in() { # variant args... : php-cli with Debian's modules, plus perf for variant on / hooks-off
	PHP_INI_SCAN_DIR="$conf_d:$dir/conf-$1" php8.2 "${@:2}"
}
instructions() { # variant script args... -> total instructions executed
	PHP_INI_SCAN_DIR="$conf_d:$dir/conf-$1" bench_callgrind php8.2 "${@:2}"
}
per_unit() { # variant n1 n2 script [args...] -> instructions per unit between counts n1 and n2 (the script's last argument)
	bench_per_unit "$2" "$3" instructions "$1" "${@:4}" {}
}
ratio() { php -n -r 'printf("%.4f", $argv[2] / $argv[1]);' "$1" "$2"; }

echo "== (a) instructions, callgrind, php-cli, $(PHP_INI_SCAN_DIR="$conf_d" bench_modules php8.2) modules loaded"
c_off=$(per_unit off 10000 60000 "$calls")
c_on=$(per_unit on 10000 60000 "$calls")
printf '%-44s %10s %10s %8s\n' "" "no perf" "perf" "ratio"
printf '%-44s %10s %10s %8s\n' "call-heavy loop, per iteration (5 calls)" "$c_off" "$c_on" "$(ratio "$c_off" "$c_on")"
t_off=$(instructions off "$script" "$n")
t_on=$(instructions on "$script" "$n")
t_hooks_off=$(instructions hooks-off "$script" "$n")
printf '%-44s %10s %10s %8s\n' "$n sqlite executes, whole run" "$t_off" "$t_on" "$(ratio "$t_off" "$t_on")"
printf '%-44s %10s %10s %8s\n' "  the same, perf.db_hooks=0" "$t_off" "$t_hooks_off" "$(ratio "$t_off" "$t_hooks_off")"
e_off=$(per_unit off 0 "$n" "$script")
e_on=$(per_unit on 0 "$n" "$script")
printf '%-44s %10s %10s %8s\n' "per execute (0 and $n executes)" "$e_off" "$e_on" "$(ratio "$e_off" "$e_on")"

mariadb_php() { php -n -r 'require $argv[1]; echo $argv[2]($argv[3]);' "$PERF_ROOT/tests/db/mariadb.inc" "$@"; }
trap 'mariadb_php mariadb_stop bench >/dev/null 2>&1; bench_remove_segments' EXIT
mysql_port=$(mariadb_php mariadb_start bench)
m_off=$(per_unit off 200 2200 "$PERF_ROOT/bench/db_mysqli.php" "$mysql_port")
m_on=$(per_unit on 200 2200 "$PERF_ROOT/bench/db_mysqli.php" "$mysql_port")
printf '%-44s %10s %10s %8s\n' "mysqli against MariaDB, per query" "$m_off" "$m_on" "$(ratio "$m_off" "$m_on")"

echo
# Median wall time of runs of "$@" with and without perf, alternated (each run prints its milliseconds).
wall_time() { # title args...
	local title=$1 off_all=() on_all=() r; shift
	for r in $(seq 1 "$runs"); do
		off_all+=("$(php_in off "$@")")
		on_all+=("$(php_in on "$@")")
	done
	echo
	echo "== (b) wall time of $title, median of $runs runs each, alternated"
	bench_medians "%12.2f ms" "perf time" "${off_all[*]}" "${on_all[*]}"
}
wall_time "$n sqlite executes" "$script" "$n"
grep -q '"Repeated query detected"' "$dir/performance.log" || { echo "perf recorded no queries" >&2; exit 1; }
wall_time "2000 mysqli queries against MariaDB" "$PERF_ROOT/bench/db_mysqli.php" "$mysql_port" 2000
