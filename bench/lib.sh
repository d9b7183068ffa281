# shellcheck shell=bash
# Shared by the benchmark scripts in this folder (sourced; scripts/lib.sh brings the build and the
# packages): the cache benchmarks' worker runs and results file, the callgrind counts and the
# medians of the overhead benchmarks.

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

# What one unit costs: a command that prints a count run for n1 and for n2 units ({} in it stands for
# the number), the difference divided by n2 - n1, so start-up cancels out.
bench_per_unit() { # n1 n2 command...
	local cmd=("${@:3}") c1 c2
	c1=$("${cmd[@]//'{}'/$1}")
	c2=$("${cmd[@]//'{}'/$2}")
	echo $(( (c2 - c1) / ($2 - $1) ))
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
