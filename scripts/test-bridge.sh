#!/usr/bin/env bash
# Runs the PHP bridge's PHPUnit suite (bridge/tests: php-cache's PSR-6, PSR-16 and taggable suites
# against every bridge class, Laravel 8's Repository and CacheManager, Symfony 5.4's TagAwareAdapter,
# Psr16Cache and CachePoolPass, a small Laravel app under nginx + php-fpm) once per driver: memory,
# file and redis (a redis-server started here on a free loopback port). The three runs go in parallel: they mostly wait in the suites' sleep()s.
# Prints "[bridge-DRIVER] N passed, N failed, N skipped" per driver and the totals as the last line.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

BRIDGE_PACKAGES=(phpunit php-cache-integration-tests php-cache-tag-interop php-laravel-framework php-symfony-cache
	php-symfony-dependency-injection php-symfony-config redis-server php8.2-fpm nginx)
perf_require_packages "${PERF_BUILD_PACKAGES[@]}" "${BRIDGE_PACKAGES[@]}" || { echo "0 passed, 1 failed"; exit 1; }
[ -f "$PERF_SO" ] || perf_build >/dev/null || { echo "0 passed, 1 failed"; exit 1; }

work="$PERF_WORK/bridge"
rm -rf "$work" && mkdir -p "$work/cache" && chmod 700 "$work/cache"
redis_port=$(perf_free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
	--pidfile "$work/redis.pid" --logfile "$work/redis.log" && perf_wait_port "$redis_port" \
	|| echo "[bridge] could not start redis-server"
trap '[ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null' EXIT

php=$(command -v php8.2 || command -v php)
# An empty perf.cache_name, as in scripts/test.sh: each run gets private anonymous segments, never a
# named one shared by the three runs and left behind in /dev/shm.
declare -A pids
for driver in memory file redis; do
	PERF_BRIDGE_DRIVER=$driver PERF_SO="$PERF_SO" "$php" -d "extension=$PERF_SO" -d perf.cache_name= -d perf.cache_enable_cli=1 \
		-d "perf.cache_dir=$work/cache/$driver" -d "perf.redis_port=$redis_port" -d perf.redis_prefix="bridge:" \
		/usr/bin/phpunit -c "$PERF_ROOT/bridge/phpunit.xml.dist" --do-not-cache-result > "$work/phpunit-$driver.txt" 2>&1 &
	pids[$driver]=$!
done

passed=0 failed=0 skipped=0
for driver in memory file redis; do
	wait "${pids[$driver]}"
	status=$? out="$work/phpunit-$driver.txt"
	# PHPUnit's summary: "OK (N tests, M assertions)" or "Tests: N, Assertions: M, Failures: F, ..."
	count() { grep -aoE "$1: [0-9]+" "$out" | tail -n 1 | grep -oE '[0-9]+' || echo 0; }
	if line=$(grep -aE '^OK \([0-9]+ tests?' "$out" | tail -n 1) && [ -n "$line" ]; then
		n=$(echo "$line" | grep -oE '[0-9]+' | head -n 1) f=0 s=0
	else
		n=$(count Tests)
		f=$(( $(count Failures) + $(count Errors) + $(count Warnings) ))
		s=$(( $(count Skipped) + $(count Incomplete) ))
	fi
	p=$((n - f - s))
	if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
	fi
	if [ "$f" -gt 0 ] || [ "$n" -eq 0 ]; then
		echo "[bridge-$driver] phpunit exited with $status (full output: $out):"
		sed -n '/^There w[a-z]* [0-9]* \(failure\|error\|warning\)/,$p' "$out" | head -n 200
		[ "$n" -eq 0 ] && [ "$f" -eq 0 ] && f=1
	fi
	echo "[bridge-$driver] $p passed, $f failed, $s skipped"
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
done
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
