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
#         the PHP process only, then the PHP process plus the server (a second server, under
#         callgrind), since a query's cost on the machine is both;
#   (b) wall time of N executes, measured in the script, median of several runs, alternated.
#   bench/db_overhead.sh [executes, default 20000] [time runs, default 7]
#   PERF_BENCH_PART=mysqli bench/db_overhead.sh [ignored] [time runs]: only the mysqli rows and
#   the mysqli wall time (a few minutes less).
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

mysqli_only=
[ "${PERF_BENCH_PART:-}" = mysqli ] && mysqli_only=1
row() { printf '%-44s %10s %10s %8s\n' "$@"; }

echo "== (a) instructions, callgrind, php-cli, $(PHP_INI_SCAN_DIR="$conf_d" bench_modules php8.2) modules loaded"
row "" "no perf" "perf" "ratio"
if [ -z "$mysqli_only" ]; then
	c_off=$(per_unit off 10000 60000 "$calls")
	c_on=$(per_unit on 10000 60000 "$calls")
	row "call-heavy loop, per iteration (5 calls)" "$c_off" "$c_on" "$(ratio "$c_off" "$c_on")"
	t_off=$(instructions off "$script" "$n")
	t_on=$(instructions on "$script" "$n")
	t_hooks_off=$(instructions hooks-off "$script" "$n")
	row "$n sqlite executes, whole run" "$t_off" "$t_on" "$(ratio "$t_off" "$t_on")"
	row "  the same, perf.db_hooks=0" "$t_off" "$t_hooks_off" "$(ratio "$t_off" "$t_hooks_off")"
	e_off=$(per_unit off 0 "$n" "$script")
	e_on=$(per_unit on 0 "$n" "$script")
	row "per execute (0 and $n executes)" "$e_off" "$e_on" "$(ratio "$e_off" "$e_on")"
fi

mysqli="$PERF_ROOT/bench/db_mysqli.php"
trap 'bench_mariadb mariadb_stop bench >/dev/null 2>&1; bench_mariadb mariadb_stop bench-callgrind >/dev/null 2>&1; bench_remove_segments' EXIT
mysql_port=$(bench_mariadb mariadb_start bench)
m_off=$(per_unit off 200 2200 "$mysqli" "$mysql_port")
m_on=$(per_unit on 200 2200 "$mysqli" "$mysql_port")
row "mysqli against MariaDB, per query" "$m_off" "$m_on" "$(ratio "$m_off" "$m_on")"

# The server's part: a second server runs under callgrind; around each client run (itself under
# callgrind, on the server's CPU) its counters are zeroed and dumped, so it counts the instructions
# of all its threads while that client ran (bench_server_instructions). Per query is again the
# difference of a 200- and a 2200-query run over 2000: the connection, the client's start-up and
# what the server does meanwhile cancel out. What does not: InnoDB's background threads (idle,
# the server executed ~6,000 instructions a second: ~10 per query over the longer run's extra
# seconds) and the server's waits for the next query. Each variant's 200/2200 pair is measured
# twice, alternated with the other's; the figures are the mean, and the spread of the two shows the
# noise. A warm-up run of the same kind comes first (the first run after start counted up to ~150
# fewer per query than the next ones; after it, runs repeated within ~20). With perf, the PHP process
# counts ~20 more per query here than in the row above: the query-time histogram's bucket search
# goes further for the longer queries of a server under callgrind.
bench_mariadb_callgrind bench-callgrind
client_server() { # variant queries -> instructions of the client and of the server
	bench_server_instructions instructions "$1" "$mysqli" "$server_port" "$2"
}
client_server off 2200 > /dev/null
declare -A client server total
for round in 1 2; do
	for v in off on; do
		read -r c s <<< "$(bench_per_unit 200 2200 client_server "$v" {})"
		client[$v$round]=$c server[$v$round]=$s total[$v$round]=$((c + s))
	done
done
mean() { echo $(( ($1 + $2) / 2 )); }
spread() { local d=$(($1 - $2)); echo "${d#-}"; }
s_off=$(mean "${server[off1]}" "${server[off2]}") s_on=$(mean "${server[on1]}" "${server[on2]}")
both_off=$(mean "${total[off1]}" "${total[off2]}") both_on=$(mean "${total[on1]}" "${total[on2]}")
row "  the same, the MariaDB server's part" "$s_off" "$s_on" "$(ratio "$s_off" "$s_on")"
row "  the same, PHP process + server" "$both_off" "$both_on" "$(ratio "$both_off" "$both_on")"
echo "  (no perf / perf: PHP process in these runs $(mean "${client[off1]}" "${client[off2]}") / $(mean "${client[on1]}" "${client[on2]}");" \
	"spread of the two rounds: server $(spread "${server[off1]}" "${server[off2]}") / $(spread "${server[on1]}" "${server[on2]}")," \
	"process + server $(spread "${total[off1]}" "${total[off2]}") / $(spread "${total[on1]}" "${total[on2]}"))"
bench_mariadb mariadb_stop bench-callgrind > /dev/null # not beside the wall-time runs

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
if [ -z "$mysqli_only" ]; then
	wall_time "$n sqlite executes" "$script" "$n"
	grep -q '"Repeated query detected"' "$dir/performance.log" || { echo "perf recorded no queries" >&2; exit 1; }
fi
wall_time "2000 mysqli queries against MariaDB" "$mysqli" "$mysql_port" 2000
