#!/usr/bin/env bash
# Builds perf and runs every test: the PHPT suite (CLI and php-cgi), the end-to-end tests against
# php-fpm + nginx, PHP's built-in server and apache2handler (servers started here on loopback
# ports and stopped afterwards), the cache tests again against the file and redis drivers, a short
# fuzzing run of the file driver's decoder, then the suite again under valgrind (run-tests.php -m).
# The last line is "N passed, N failed, N skipped"; the exit status is non-zero on any failure.
# All that runs once per leg (scripts/matrix.sh): PHP 8.2 here, PHP 8.4 in a Debian 13 root, and a
# ZTS compile check; the last line adds up every leg.
#
#   scripts/test.sh                  everything (what CI runs)
#   PERF_LEGS=8.2 scripts/test.sh    only the PHP 8.2 leg (PERF_LEGS="8.2 8.4 zts" is the default)
#   PERF_VALGRIND=0 scripts/test.sh  skip the valgrind pass (quicker while developing)
#   scripts/test.sh tests/request    only these PHPT paths (end-to-end servers still start)
#   PERF_FUZZ_SECONDS=0              skip the decoder fuzzer (scripts/fuzz.sh runs it on its own)
#   PERF_BRIDGE=1 scripts/test.sh tests/cache   also run the PHP bridge's PHPUnit pass (scripts/test-bridge.sh) with given paths
set -uo pipefail
. "$(dirname "$0")/lib.sh"
[ -n "${PERF_LEG:-}" ] || exec "$PERF_ROOT/scripts/matrix.sh" "$@"

mapfile -t leg_packages < <(perf_leg_packages)
# The fuzzer (file_format.c alone), the Chromium test of the dashboard and the PHP bridge's suite
# (scripts/test-bridge.sh installs Debian 12's framework packages) run in the 8.2 leg only: the
# Debian 13 root (its stamp is /perf-rootfs.stamp) stays without them.
[ -f /perf-rootfs.stamp ] || leg_packages+=(clang libclang-rt-dev chromium)
perf_require_packages "${leg_packages[@]}" || { echo "0 passed, 1 failed"; exit 1; }
perf_build || { echo "0 passed, 1 failed"; exit 1; }

passed=0 failed=0 skipped=0
mkdir -p "$PERF_WORK"

# Runs run-tests.php on the given paths and adds its results to the totals.
# Every test gets the private anonymous cache segment of its own process tree (an empty
# perf.cache_name): tests running in parallel never share a named segment by accident. Tests of the
# named segments set their own unique name and remove its file.
run_phpt() {
	local label=$1; shift
	local out="$PERF_WORK/run-tests-$label.txt" start=$SECONDS
	TEST_PHP_EXECUTABLE=$(command -v "$PERF_PHP") \
	TEST_PHP_CGI_EXECUTABLE=$(command -v "php-cgi$PERF_PHP_VERSION") \
	NO_INTERACTION=1 REPORT_EXIT_STATUS=1 \
		"$PERF_PHP" -n "$("php-config$PERF_PHP_VERSION" --extension-dir)/build/run-tests.php" -n -q -j"${PERF_JOBS:-2}" --no-color --show-diff --set-timeout 300 \
		-d "extension=$PERF_SO" -d perf.cache_name= "$@" 2>&1 | tr '\r' '\n' > "$out"
	local status=${PIPESTATUS[0]} p f s
	p=$(grep -acE '^PASS ' "$out")
	f=$(grep -acE '^(FAIL|LEAK|BORK|WARN|LEAK&FAIL) ' "$out")
	s=$(grep -acE '^SKIP ' "$out")
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "[$label] run-tests.php exited with $status:"
		grep -aE '^(ERROR|Fatal|PHP )' "$out" | head -n 20
		f=1
	fi
	grep -aE '^(FAIL|LEAK|BORK|WARN|LEAK&FAIL|SKIP) ' "$out" | sed "s/^/[$label] /"
	if [ "$f" -gt 0 ]; then
		echo "[$label] diffs of the failed tests (full output: $out):"
		sed -n '/^========DIFF========$/,/^========DONE========$/p' "$out" | head -n 400
	fi
	echo "[$label] $p passed, $f failed, $s skipped ($((SECONDS - start)) s)"
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}

paths=("$@")
[ ${#paths[@]} -eq 0 ] && paths=("$PERF_ROOT/tests")

. "$PERF_ROOT/tests/e2e/servers.sh"
trap perf_servers_stop EXIT
if perf_servers_start; then
	run_phpt suite "${paths[@]}"
else
	echo "[e2e] could not start the end-to-end servers"
	failed=$((failed + 1))
	run_phpt suite "${paths[@]}"
fi
perf_servers_stop

# The cache contract: the same cache tests against the file and the redis drivers (each test gets
# its own cache directory or key prefix from contract_prepend.inc; memory-only tests skip
# themselves). The redis pass talks to one redis-server started here on a free loopback port.
mapfile -t cache_paths < <(find "${paths[@]}" -path '*/cache/*.phpt' | sort)
if [ ${#cache_paths[@]} -gt 0 ]; then
	contract=(-d "auto_prepend_file=$PERF_ROOT/tests/cache/contract_prepend.inc" "${cache_paths[@]}")
	run_phpt file-driver -d perf.cache_driver=file "${contract[@]}"
	redis_port=$(perf_free_port)
	redis_pidfile="$PERF_WORK/redis-contract.pid"
	if redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes 		--pidfile "$redis_pidfile" --logfile "$PERF_WORK/redis-contract.log" 		&& perf_wait_port "$redis_port"; then
		run_phpt redis-driver -d perf.cache_driver=redis -d "perf.redis_port=$redis_port" "${contract[@]}"
	else
		echo "[redis-driver] could not start redis-server"
		failed=$((failed + 1))
	fi
	[ -f "$redis_pidfile" ] && kill "$(cat "$redis_pidfile")" 2>/dev/null
fi

# Zero-copy reads happen only in the web SAPIs (the CLI copies): the memory_zero_copy_* tests run
# under php-cgi (--CGI--), and tests/e2e/zero_copy_fpm.phpt under php-fpm.

# The file driver's entry decoder under libFuzzer (ASan + UBSan) for a short while; scripts/fuzz.sh
# runs it as long as asked.
if [ "${PERF_FUZZ_SECONDS:-20}" != 0 ] && [ ${#paths[@]} -eq 1 ] && [ "${paths[0]}" = "$PERF_ROOT/tests" ]; then
	if "$PERF_ROOT/scripts/fuzz.sh" "${PERF_FUZZ_SECONDS:-20}" > "$PERF_WORK/fuzz.txt" 2>&1; then
		echo "[fuzz] 1 passed, 0 failed ($(grep -o 'Done [0-9]* runs' "$PERF_WORK/fuzz.txt" | paste -sd ',' - | sed 's/,/, /g'))"
		passed=$((passed + 1))
	else
		echo "[fuzz] the decoder fuzzer failed:"
		tail -n 40 "$PERF_WORK/fuzz.txt"
		failed=$((failed + 1))
	fi
fi

# The PHP bridge (bridge/): its PHPUnit suite on the memory, file and redis drivers
# (scripts/test-bridge.sh), in the 8.2 leg. With the whole suite, or PERF_BRIDGE=1 with given paths.
if [ ! -f /perf-rootfs.stamp ] && { { [ ${#paths[@]} -eq 1 ] && [ "${paths[0]}" = "$PERF_ROOT/tests" ]; } || [ "${PERF_BRIDGE:-0}" = 1 ]; }; then
	"$PERF_ROOT/scripts/test-bridge.sh" > "$PERF_WORK/bridge.txt" 2>&1
	grep -av '^[0-9]* passed, ' "$PERF_WORK/bridge.txt"
	read -r p _ f _ s _ < <(grep -aE '^[0-9]+ passed, [0-9]+ failed' "$PERF_WORK/bridge.txt" | tail -n 1)
	passed=$((passed + ${p:-0})) failed=$((failed + ${f:-1})) skipped=$((skipped + ${s:-0}))
fi

if [ "${PERF_VALGRIND:-1}" != 0 ]; then
	# The end-to-end tests drive servers from a client script, and the package test runs no perf
	# code: valgrind would only watch the client. One test at a time: timing-sensitive tests
	# (TTL boundaries, lock waits) stay reliable when valgrind slows everything down.
	mapfile -t vg_paths < <(find "${paths[@]}" -name '*.phpt' -not -path '*/e2e/*' -not -path '*/package/*' | sort)
	# PHP 8.4's opcache JIT (the new IR backend) makes memcheck report uninitialised reads inside
	# opcache.so and the generated code, with no perf frame, and the same without perf loaded: the
	# JIT tests run in the plain pass only there.
	if "$PERF_PHP" -n -r 'exit(PHP_VERSION_ID >= 80400 ? 0 : 1);'; then
		mapfile -t vg_paths < <(printf '%s\n' "${vg_paths[@]}" | grep -v -e '_jit\.phpt$' -e '^$')
	fi
	# A leg that only needs valgrind on some tests (scripts/matrix.sh) names them by a regex.
	if [ -n "${PERF_VALGRIND_ONLY:-}" ]; then
		mapfile -t vg_paths < <(printf '%s\n' "${vg_paths[@]}" | grep -E -- "$PERF_VALGRIND_ONLY")
	fi
	# PCRE's JIT code makes memcheck report uninitialised reads that are not there.
	[ ${#vg_paths[@]} -gt 0 ] && PERF_JOBS=1 USE_ZEND_ALLOC=0 ZEND_DONT_UNLOAD_MODULES=1 run_phpt valgrind -m -d pcre.jit=0 "${vg_paths[@]}"
fi

if [ $((passed + failed)) -eq 0 ]; then
	echo "no test ran"
	failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
