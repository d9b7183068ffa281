#!/usr/bin/env bash
# Builds perf and shows what it does on a real web server: starts PHP's built-in server with perf
# on a loopback port serving demo/ (a fast page, a slow page, a page that calls perf_annotate()),
# sends requests with curl, prints the response headers, the records written to performance.log
# and perf_stats(), then stops the server.
#
#   scripts/demo.sh        PHP's built-in web server
#   scripts/demo.sh --fpm  the same app under nginx + php-fpm
set -euo pipefail
. "$(dirname "$0")/lib.sh"

mode=builtin
case "${1:-}" in
	--fpm) mode=fpm ;;
	"") ;;
	*) echo "usage: $0 [--fpm]" >&2; exit 2 ;;
esac

packages=("${PERF_BUILD_PACKAGES[@]}" curl)
[ $mode = fpm ] && packages+=("$PERF_PHP-fpm" nginx)
perf_require_packages "${packages[@]}"
perf_build

dir="$PERF_WORK/demo"
rm -rf "$dir"
mkdir -p "$dir/run" "$dir/logs"
log="$dir/logs/performance.log"
port=$(perf_free_port)
base="http://127.0.0.1:$port"
# The demo lowers the slow-request threshold from its 1000 ms default so it runs quickly.
perf_ini=(-d zend_extension=opcache.so -d opcache.enable=1 -d opcache.enable_cli=1 -d "extension=$PERF_SO" -d "perf.log_file=$log" -d perf.slow_request_ms=250)
pids=()
stop() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT

if [ $mode = builtin ]; then
	"$PERF_PHP" -n "${perf_ini[@]}" -S "127.0.0.1:$port" -t "$PERF_ROOT/demo" > "$dir/logs/server.log" 2>&1 &
	pids+=($!)
	echo "== PHP built-in web server with perf on $base"
else
	fpm_port=$(perf_free_port)
	cat > "$dir/php-fpm.conf" <<FPM
[global]
pid = $dir/run/fpm.pid
error_log = $dir/logs/fpm.log
daemonize = no
[demo]
listen = 127.0.0.1:$fpm_port
pm = static
pm.max_children = 2
FPM
	cat > "$dir/nginx.conf" <<NGINX
daemon off;
user root;
pid $dir/run/nginx.pid;
error_log $dir/logs/nginx-error.log;
events { worker_connections 64; }
http {
	access_log off;
	client_body_temp_path $dir/run/client_body;
	fastcgi_temp_path $dir/run/fastcgi;
	proxy_temp_path $dir/run/proxy;
	uwsgi_temp_path $dir/run/uwsgi;
	scgi_temp_path $dir/run/scgi;
	server {
		listen 127.0.0.1:$port;
		root $PERF_ROOT/demo;
		location ~ \.php\$ {
			include /etc/nginx/fastcgi_params;
			fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
			fastcgi_pass 127.0.0.1:$fpm_port;
		}
	}
}
NGINX
	"php-fpm$PERF_PHP_VERSION" -n -R -F -y "$dir/php-fpm.conf" "${perf_ini[@]}" > "$dir/logs/fpm-stdout.log" 2>&1 &
	pids+=($!)
	nginx -c "$dir/nginx.conf" -p "$dir" > "$dir/logs/nginx-stdout.log" 2>&1 &
	pids+=($!)
	echo "== nginx + php-fpm (2 workers) with perf on $base"
fi

for i in $(seq 1 50); do
	curl -s -o /dev/null "$base/index.php" && break
	sleep 0.1
done
: > "$log"

for page in index.php slow.php annotate.php; do
	echo
	echo "== curl -i $base/$page"
	curl -s -i "$base/$page"
done

echo
echo "== $log (one JSON record per slow request)"
php -n -r 'foreach (file($argv[1]) as $line) { echo json_encode(json_decode($line), JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES), "\n"; }' "$log"

echo
echo "== perf_stats() and perf_opcache_stats() from $base/stats.php"
curl -s "$base/stats.php"
