#!/usr/bin/env bash
# perf's redis driver against phpredis, on one redis-server this script starts on a free 127.0.0.1
# port (no persistence) and stops at the end:
#   (a) µs per get and per set of a 100-byte string and of a 10-element mixed array, 100 rotating
#       keys; same values, same serializer (strings raw: phpredis SERIALIZER_NONE, perf's raw string
#       kind behind its 10-byte frame header; arrays with PHP's serialize(): phpredis SERIALIZER_PHP);
#   (b) 100 keys at once: perf_cache_get_multiple() against phpredis mget() and against 100 single
#       perf_cache_get() calls;
#   (c) the cost of perf_cache_get() while the breaker is open: perf pointed at a closed port with
#       perf.redis_breaker_failures=1 and a cooldown of an hour, one failing call, then 100k calls.
# Each contestant runs in its own php -n process with only its extension loaded (no OPcache), over
# one connection made before anything is timed. Every loop is calibrated to about the target time,
# warmed up, and an empty loop of the same size is subtracted; the median of the repetitions counts.
# The whole of (a) and (b) runs --rounds times, the contestants taking turns, and the median of the
# rounds counts: a round trip to Redis is a few µs of work and a wait for two wake-ups, so any other
# work on the machine shows.
# Where the processes run matters more than either client: a round trip between two CPUs costs a
# wake-up of the other CPU (in a VM an IPI through the hypervisor: ~100 µs instead of ~15 µs on the
# firecracker VMs this was written on), and the scheduler moves processes between those two cases at
# will. So by default redis-server and every client are pinned to one CPU (taskset):
#   --cpus same   redis-server and the clients on the last CPU (the default)
#   --cpus split  redis-server on the last CPU, the clients on the one before it
#   --cpus any    no pinning (the numbers then jump between the two cases)
#   bench/cache_redis.sh [--quick] [--reps N] [--target-ms MS] [--rounds N] [--breaker-calls N] [--cpus same|split|any]
#     defaults: 5 repetitions of 250 ms loops, 3 rounds, 100000 breaker calls (about a minute in all)
#     --quick: 3 repetitions of 100 ms loops, 1 round
set -euo pipefail
. "$(dirname "$0")/lib.sh"
perf_require_packages "${PERF_BUILD_PACKAGES[@]}" redis-server php8.2-redis
perf_build >/dev/null

reps=5 target_ms=250 rounds=3 breaker_calls=100000 cpus=same
while [ $# -gt 0 ]; do
	case "$1" in
		--quick) reps=3 target_ms=100 rounds=1 ;;
		--rounds) rounds=$2; shift ;;
		--reps) reps=$2; shift ;;
		--target-ms) target_ms=$2; shift ;;
		--breaker-calls) breaker_calls=$2; shift ;;
		--cpus) cpus=$2; shift ;;
		*) echo "usage: $0 [--quick] [--reps N] [--target-ms MS] [--rounds N] [--breaker-calls N] [--cpus same|split|any]" >&2; exit 2 ;;
	esac
	shift
done

bench_setup bench-cache-redis

# perf.cache_driver=redis is refused (and "memory" kept) when the build has no redis driver (no hiredis).
if [ "$(php -n -d "extension=$so" -d perf.cache_driver=redis -r 'echo function_exists("perf_cache_get") ? ini_get("perf.cache_driver") : "not loaded";' 2>/dev/null)" != redis ]; then
	echo "cache_redis: perf does not load, or was built without its redis driver (libhiredis-dev)" >&2
	exit 1
fi
# Debian's redis.so may be built against igbinary (and msgpack): those must be loaded first.
phpredis_ext=()
for dep in "" igbinary msgpack; do
	[ -n "$dep" ] && phpredis_ext+=(-d "extension=$dep.so")
	if php -n "${phpredis_ext[@]}" -d extension=redis.so -r 'exit(class_exists("Redis") ? 0 : 1);' >/dev/null 2>&1; then
		break
	fi
done
if ! php -n "${phpredis_ext[@]}" -d extension=redis.so -r 'exit(class_exists("Redis") ? 0 : 1);' >/dev/null 2>&1; then
	php -n "${phpredis_ext[@]}" -d extension=redis.so -m >&2 || true
	echo "cache_redis: the redis extension (php8.2-redis) does not load" >&2
	exit 1
fi

last_cpu=$(( $(nproc) - 1 ))
case "$cpus" in
	same) server_pin=(taskset -c "$last_cpu") client_pin=(taskset -c "$last_cpu") ;;
	split)
		[ "$last_cpu" -ge 1 ] || { echo "cache_redis: --cpus split needs 2 CPUs" >&2; exit 2; }
		server_pin=(taskset -c "$last_cpu") client_pin=(taskset -c "$(( last_cpu - 1 ))") ;;
	any) server_pin=() client_pin=() ;;
	*) echo "cache_redis: --cpus same, split or any" >&2; exit 2 ;;
esac

# The server: no snapshots, no AOF, nothing written to disk.
port=$(perf_free_port)
"${server_pin[@]}" redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize no \
	--dir "$dir" --logfile "$dir/redis.log" &
redis_pid=$!
trap 'kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
	redis-cli -p "$port" ping >/dev/null 2>&1 && break
	sleep 0.05
done
redis-cli -p "$port" ping >/dev/null || { cat "$dir/redis.log" >&2; echo "cache_redis: redis-server did not start" >&2; exit 1; }
# A port nothing listens on, for the breaker run.
closed_port=$(perf_free_port)
while [ "$closed_port" = "$port" ]; do closed_port=$(perf_free_port); done

contestant_ini() { # contestant -> php -d arguments
	case "$1" in
		perf) echo "-d extension=$so -d perf.cache_driver=redis -d perf.redis_host=127.0.0.1 -d perf.redis_port=$port -d perf.redis_prefix=bench:perf:" ;;
		phpredis) echo "${phpredis_ext[*]} -d extension=redis.so" ;;
		none) echo "" ;;
		perf-breaker) echo "-d extension=$so -d perf.cache_driver=redis -d perf.redis_host=127.0.0.1 -d perf.redis_port=$closed_port -d perf.redis_prefix=bench:perf: -d perf.redis_breaker_failures=1 -d perf.redis_breaker_cooldown_ms=3600000" ;;
	esac
}
bench_pin=("${client_pin[@]}")

bench_check_load
# shellcheck disable=SC2046
bench_versions "phpredis $(php -n $(contestant_ini phpredis) -r 'echo phpversion("redis");')" "$(redis-server --version | grep -o 'v=[0-9.]*' | tr -d 'v=')"
echo "redis-server on 127.0.0.1:$port; phpredis loaded as: ${phpredis_ext[*]} -d extension=redis.so"
echo "CPUs: $cpus (server: ${server_pin[*]:-not pinned}; clients: ${client_pin[*]:-not pinned})"
echo "== (a)+(b) $rounds round(s) of $reps repetitions of ~${target_ms} ms loops per cell"
# Workload by workload, each contestant in turn, so a drift of the machine hits them alike.
for r in $(seq 1 "$rounds"); do
	for workload in str100 mixed10 multi100; do
		for who in perf phpredis; do
			bench_run "$who" single "$who" "$workload" "$reps" "$target_ms" "$port"
		done
	done
	echo "  round $r done"
done
bench_run none inspect "$port"
echo "== (c) breaker open: $reps repetitions of $breaker_calls calls"
bench_run perf-breaker breaker "$reps" "$breaker_calls"

php -n "$worker" report "$results"
