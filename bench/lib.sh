# shellcheck shell=bash
# Shared by the benchmark scripts in this folder (sourced; scripts/lib.sh brings the build and the
# packages): the cache benchmarks' worker runs and results file, the callgrind counts and the
# medians of the overhead benchmarks, MariaDB servers (one under callgrind).

. "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

bench_name=$(basename "$0" .sh)

# Sets worker (bench/<name>.php), dir ($PERF_WORK/$1), results (emptied) and so, a private copy of
# the build: rebuilding modules/perf.so rewrites it in place, and a process that has it mapped would
# die of SIGBUS.
bench_setup() { # work directory name
	worker="$PERF_ROOT/bench/$bench_name.php"
	dir="$PERF_WORK/$1"
	mkdir -p "$dir"
	results="$dir/results.txt"
	: > "$results"
	so="$dir/perf.so"
	cp "$PERF_SO" "$so.tmp" && mv "$so.tmp" "$so"
}

# Runs the worker in its own php -n process with the contestant's ini arguments (the script's
# contestant_ini), behind the command in bench_pin (e.g. taskset) if any; appends its lines to the
# results, aborts on its failure.
bench_pin=()
bench_run() { # contestant worker-args...
	local who=$1
	shift
	# shellcheck disable=SC2046 # the ini arguments are meant to split
	if ! "${bench_pin[@]}" php -n $(contestant_ini "$who") "$worker" "$@" > "$dir/last.txt"; then
		cat "$dir/last.txt" >&2
		echo "$bench_name: the $who worker failed ($*)" >&2
		exit 1
	fi
	cat "$dir/last.txt" >> "$results"
}

bench_check_load() { # [what suffers most]
	local load
	load=$(cut -d' ' -f1 /proc/loadavg)
	if awk -v l="$load" 'BEGIN { exit !(l > 0.5) }'; then
		echo "WARNING: load average $load before the run: other work on the machine skews the numbers${1:+, most of all $1}" \
			>&2
	fi
}

# The versions line: perf (and its commit), the versions given, PHP, the CPUs.
bench_versions() { # "name version"...
	local line part
	line="perf $(php -n -d "extension=$so" -r 'echo phpversion("perf");')"
	line+=" ($(git -C "$PERF_ROOT" describe --always --dirty 2>/dev/null || echo 'no git'))"
	for part in "$@"; do
		line+=", $part"
	done
	echo "$line, PHP $(php -n -r 'echo PHP_VERSION;'), $(nproc) CPUs"
}

# perf's shared-memory segments for this run: named ones (the kind the web server uses by default),
# of a name of the run's own, which bench_remove_segments deletes (call it from the EXIT trap).
bench_segment="bench-$$"
bench_remove_segments() {
	rm -f /dev/shm/perf.*."$bench_segment".*
}

# An ini scan directory $dir/conf-<variant> holding a perf.ini of the lines given (none: perf not
# loaded), with perf.cache_name=$bench_segment.
bench_conf() { # variant ini-lines...
	mkdir -p "$dir/conf-$1"
	if [ $# -gt 1 ]; then
		printf '%s\n' "${@:2}" "perf.cache_name=$bench_segment" > "$dir/conf-$1/perf.ini"
	fi
}

# The modules a PHP binary loads (with the PHP_INI_SCAN_DIR of the caller's environment).
bench_modules() { # php-binary
	"$1" -m | grep -c '^[a-zA-Z]'
}

bench_callgrind() { # command... -> total instructions it executed (valgrind --tool=callgrind)
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
		| sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

# What one unit costs: a command that prints a count (or several, space-separated) run for n1 and for
# n2 units ({} in it stands for the number), the difference divided by n2 - n1, so start-up cancels
# out; one figure per count.
bench_per_unit() { # n1 n2 command...
	local cmd=("${@:3}") c1 c2 i per=()
	read -ra c1 <<< "$("${cmd[@]//'{}'/$1}")"
	read -ra c2 <<< "$("${cmd[@]//'{}'/$2}")"
	for i in "${!c1[@]}"; do
		per+=($(( (c2[i] - c1[i]) / ($2 - $1) )))
	done
	echo "${per[*]}"
}

# Calls a function of tests/db/mariadb.inc (the test suite's servers: fresh datadir, free 127.0.0.1
# port, no grant tables) and prints what it returns.
bench_mariadb() { # function server-name
	php -n -r 'require $argv[1]; echo $argv[2]($argv[3]);' "$PERF_ROOT/tests/db/mariadb.inc" "$@"
}

# Starts server $1 with mariadb.inc, then runs it under callgrind so its instructions can be counted:
# stops it cleanly and starts its own command line again behind valgrind (same datadir, port and pid
# file, so mariadb_stop ends it as usual), with two options valgrind 3.19 needs, neither of which
# touches a query on pages in the buffer pool: no io_uring (mariadbd hangs in its set-up), and the
# buffer pool's maximum at its size (10.11 reserves address space for 8 TB, which valgrind cannot
# map). It runs on one CPU, the last, where bench_server_instructions runs its client too: see there.
# Sets server_port, server_pid, server_cpu and server_out (the prefix of callgrind's dump files).
bench_mariadb_callgrind() { # server-name
	local pid run args arg pool=128M i
	server_port=$(bench_mariadb mariadb_start "$1") || return 1
	run="$(php -n -r 'echo sys_get_temp_dir();')/perf-mariadb-$server_port" # mariadb.inc's directory
	pid=$(cat "$run/mariadb.pid")
	mapfile -d '' args < "/proc/$pid/cmdline"
	for arg in "${args[@]}"; do
		case $arg in --innodb-buffer-pool-size=*) pool=${arg#*=} ;; esac
	done
	kill -TERM "$pid"
	for i in $(seq 1 300); do
		[ -e "/proc/$pid" ] || break
		sleep 0.1
	done
	rm -f "$run/mariadb.pid"
	server_out="$run/callgrind.out"
	server_cpu=$(($(nproc) - 1))
	taskset -c "$server_cpu" valgrind --tool=callgrind --callgrind-out-file="$server_out" "${args[@]}" --innodb-use-native-aio=0 \
		"--innodb-buffer-pool-size-max=$pool" < /dev/null > "$run/valgrind.log" 2>&1 &
	server_pid=$!
	disown "$server_pid" # mariadb_stop's kill -9 is no news
	for i in $(seq 1 600); do
		[ -s "$run/mariadb.pid" ] && (exec 3<> "/dev/tcp/127.0.0.1/$server_port") 2> /dev/null && return 0
		[ -e "/proc/$server_pid" ] || break
		sleep 0.2
	done
	echo "mariadbd did not start under callgrind (see $run/error.log and $run/valgrind.log)" >&2
	return 1
}

# callgrind_control for the server (its exit status is 0 even when it found no such process).
bench_callgrind_control() { # option
	local reply
	reply=$(callgrind_control "$1" "$server_pid" 2>&1)
	[[ $reply == *"  OK."* ]] && return 0
	echo "callgrind_control $1 $server_pid: $reply" >&2
	return 1
}

# Prints what a command prints, then the instructions the server of bench_mariadb_callgrind executed
# while it ran: zeroes the server's counters, runs the command, has callgrind dump them. With
# --separate-threads=no (callgrind's default) a dump is one file for all the server's threads; its
# "totals:" line is the sum of its cost lines. The dump is removed once read.
# The command runs on the server's CPU: on two CPUs, whether the server's read of the next query
# finds it there or waits in poll() first (~860 instructions) depends on how the two processes
# happen to run side by side, and moved the server's count by up to ~260 per query between runs
# of the same client; on one CPU it repeats within ~10.
bench_server_instructions() { # command...
	local out dumps
	bench_callgrind_control -z || return 1
	out=$(taskset -p -c "$server_cpu" "$BASHPID" > /dev/null && "$@")
	bench_callgrind_control -d || return 1
	dumps=("$server_out".*)
	if [ ${#dumps[@]} -ne 1 ] || [ ! -f "${dumps[0]}" ]; then
		echo "expected one callgrind dump of the server, found: ${dumps[*]}" >&2
		return 1
	fi
	echo "$out $(sed -n 's/^totals: *//p' "${dumps[0]}")"
	rm -f "${dumps[0]}"
}

# The medians of the runs without and with perf, and the change; format: printf's for a median.
bench_medians() { # format change-label "off values" "on values"
	php -n -r '
		[, $format, $change, $off, $on] = $argv;
		$off = explode(" ", $off); $on = explode(" ", $on);
		sort($off); sort($on);
		$mOff = $off[intdiv(count($off), 2)]; $mOn = $on[intdiv(count($on), 2)];
		printf("%-28s $format\n%-28s $format\n%-28s %12.2f %%\n", "median, extension not loaded", $mOff,
			"median, perf loaded", $mOn, $change, ($mOn / $mOff - 1) * 100);
	' "$@"
}
