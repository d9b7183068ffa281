#!/usr/bin/env bash
# Per-request cost of perf's request features (defaults: X-Response-Time, Server-Timing, slow-request
# check, metrics, database hooks) against the extension not loaded, in one run:
#   (a) instructions per request: valgrind --tool=callgrind on php-cgi -T N, the difference between two
#       N so start-up cancels out, with Debian's modules for php-cgi loaded (its conf.d) and perf added
#       through one more ini scan directory (so both runs parse the same command line); also with
#       perf.metrics_enabled=0 and with perf.db_hooks=0, for their shares;
#   (b) requests per second: wrk against nginx in front of two php-fpm pools, one with perf, one without,
#       alternated over several rounds (each round starting with the other pool).
#   bench/request_overhead.sh [wrk seconds per round, default 5] [rounds, default 3]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
perf_require_packages "${PERF_BUILD_PACKAGES[@]}" php8.2-fpm nginx valgrind wrk
perf_build >/dev/null

secs=${1:-5}
rounds=${2:-3}
hello="$PERF_ROOT/bench/hello.php"
dir="$PERF_WORK/bench-request"
rm -rf "$dir" && mkdir -p "$dir/run" "$dir/logs"
on_ini=(-d "extension=$PERF_SO" -d "perf.log_file=$dir/logs/performance.log" -d "perf.cache_name=$bench_segment")

conf_d=/etc/php/8.2/cgi/conf.d
on=("extension=$PERF_SO" "perf.log_file=$dir/logs/performance.log")
bench_conf off
bench_conf on "${on[@]}"
bench_conf metrics-off "${on[@]}" perf.metrics_enabled=0
bench_conf hooks-off "${on[@]}" perf.db_hooks=0

instructions() { # variant requests -> total instructions executed
	PHP_INI_SCAN_DIR="$conf_d:$dir/conf-$1" bench_callgrind php-cgi8.2 -T "$2" "$hello"
}
per_request() { # variant
	bench_per_unit 100 1100 instructions "$1" {}
}

echo "== (a) instructions per request, php-cgi -T, callgrind, $(PHP_INI_SCAN_DIR="$conf_d" bench_modules php-cgi8.2) modules loaded"
off=$(per_request off)
printf '%-28s %12s\n' "extension not loaded" "$off"
for variant in on metrics-off hooks-off; do
	count=$(per_request "$variant")
	php -n -r 'printf("%-28s %12d %9.4fx %+7d\n", $argv[1], $argv[3], $argv[3] / $argv[2], $argv[3] - $argv[2]);' \
		"perf, $variant" "$off" "$count"
done

echo
echo "== (b) requests per second, wrk -t2 -c16 -d${secs}s, nginx + php-fpm (2 workers each), $rounds rounds"
port=$(perf_free_port) fpm_off=$(perf_free_port) fpm_on=$(perf_free_port)
cat > "$dir/off.conf" <<FPM
[global]
pid = $dir/run/off.pid
error_log = $dir/logs/fpm-off.log
daemonize = no
[off]
listen = 127.0.0.1:$fpm_off
pm = static
pm.max_children = 2
FPM
sed -e "s/off/on/g" -e "s/:$fpm_off/:$fpm_on/" "$dir/off.conf" > "$dir/on.conf"
cat > "$dir/nginx.conf" <<NGINX
daemon off;
user root;
worker_processes 1;
pid $dir/run/nginx.pid;
error_log $dir/logs/nginx-error.log;
events { worker_connections 256; }
http {
	access_log off;
	client_body_temp_path $dir/run/client_body;
	fastcgi_temp_path $dir/run/fastcgi;
	proxy_temp_path $dir/run/proxy;
	uwsgi_temp_path $dir/run/uwsgi;
	scgi_temp_path $dir/run/scgi;
	upstream off { server 127.0.0.1:$fpm_off; keepalive 8; }
	upstream on { server 127.0.0.1:$fpm_on; keepalive 8; }
	server {
		listen 127.0.0.1:$port;
		location ~ ^/(off|on)/ {
			include /etc/nginx/fastcgi_params;
			fastcgi_param SCRIPT_FILENAME $hello;
			fastcgi_keep_conn on;
			fastcgi_pass \$1;
		}
	}
}
NGINX
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; bench_remove_segments' EXIT
php-fpm8.2 -n -R -F -y "$dir/off.conf" > /dev/null 2>&1 & pids+=($!)
php-fpm8.2 -n -R -F -y "$dir/on.conf" "${on_ini[@]}" > /dev/null 2>&1 & pids+=($!)
nginx -c "$dir/nginx.conf" -p "$dir" > /dev/null 2>&1 & pids+=($!)
for i in $(seq 1 50); do
	curl -sf -o /dev/null "http://127.0.0.1:$port/on/" && curl -sf -o /dev/null "http://127.0.0.1:$port/off/" && break
	sleep 0.1
done
curl -si "http://127.0.0.1:$port/on/" | grep -q '^X-Response-Time' || { echo "perf pool sends no X-Response-Time" >&2; exit 1; }

# CPU time the pool's workers have run, in ns (the first field of /proc/<pid>/schedstat): what perf
# costs a worker, whatever else the 2 cores are busy with; req/s moves by several percent between
# rounds here.
pool_cpu_ns() { # master-pid
	local total=0 child ns rest
	for child in $(pgrep -P "$1"); do
		read -r ns rest < "/proc/$child/schedstat" && total=$((total + ns))
	done
	echo "$total"
}
declare -A master=([off]=${pids[0]} [on]=${pids[1]}) cpu=([off]=0 [on]=0) served=([off]=0 [on]=0) all=() last=()
round() { # pool: one wrk run; its req/s goes to last[pool] and all[pool], the workers' CPU time and the requests to cpu[pool], served[pool]
	local out before after
	before=$(pool_cpu_ns "${master[$1]}")
	out=$(wrk -t2 -c16 -d"${secs}s" "http://127.0.0.1:$port/$1/")
	after=$(pool_cpu_ns "${master[$1]}")
	cpu[$1]=$((${cpu[$1]} + after - before))
	served[$1]=$((${served[$1]} + $(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<< "$out")))
	last[$1]=$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' <<< "$out")
	all[$1]+="${all[$1]:+ }${last[$1]}"
}
# Which pool goes first alternates from round to round: two pools without perf measured this way,
# always in the same order, differed by 1.6 % (median of 7 rounds), the first one ahead in 6 of them.
for r in $(seq 1 "$rounds"); do
	order=(off on)
	[ $((r % 2)) -eq 0 ] && order=(on off)
	for pool in "${order[@]}"; do
		round "$pool"
	done
	echo "round $r: off ${last[off]} req/s, on ${last[on]} req/s"
done
bench_medians "%12.0f" "perf req/s change" "${all[off]}" "${all[on]}"
php -n -r 'printf("%-28s %12.2f\n%-28s %12.2f\n%-28s %12.2f %%\n", "worker CPU µs/request, off", $argv[1] / $argv[2] / 1000,
	"worker CPU µs/request, perf", $argv[3] / $argv[4] / 1000, "perf CPU change", ($argv[3] / $argv[4]) / ($argv[1] / $argv[2]) * 100 - 100);' \
	"${cpu[off]}" "${served[off]}" "${cpu[on]}" "${served[on]}"
