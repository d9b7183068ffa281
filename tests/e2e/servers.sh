# Starts and stops the end-to-end servers, each on a free 127.0.0.1 port, all serving tests/e2e/app:
#   nginx in front of three php-fpm pools (2 workers each):
#     /main/...        slow_request_ms=200, log in $PERF_E2E_DIR/logs/performance.log
#     /all/...         log_all_requests=1, log in $PERF_E2E_DIR/logs/all.log
#     /unwritable/...  log_all_requests=1, log path under a missing directory
#     /redis/...       perf.cache_driver=redis, against a redis-server of its own
#                      ($PERF_E2E_REDIS_PORT; tests may kill it and start it again with perf_e2e_redis_start)
#     /metrics, /metrics/...  a php-fpm master of its own (2 workers) so its metrics segment sees only
#                      the metrics tests' requests; /metrics serves perf_metrics()
#   PHP's built-in server (cli-server SAPI) and apache2 with mod_php (apache2handler SAPI).
# Every server runs with an empty perf.cache_name: an anonymous cache segment of its own, never a
# named one in /dev/shm that parallel runs would share (tests/e2e/segments_fpm.phpt starts its own
# php-fpm masters with named segments).
# The URLs and paths are exported as PERF_E2E_* for tests/e2e/*.phpt. Sourced by scripts/test.sh.

PERF_E2E_DIR="$PERF_WORK/e2e"
PERF_E2E_PIDS=()

perf_e2e_wait_http() {
	local url=$1 i
	for i in $(seq 1 100); do
		curl -s -o /dev/null --max-time 2 "$url" && return 0
		sleep 0.1
	done
	echo "not answering: $url" >&2
	return 1
}

perf_servers_start() {
	local dir=$PERF_E2E_DIR
	rm -rf "$dir"
	mkdir -p "$dir/logs" "$dir/run" "$dir/docroot" "$dir/apache-ini" "$dir/logs/apache"
	cp -r "$PERF_ROOT/tests/e2e/app/." "$dir/docroot/"
	# apache2 drops root for www-data: it must read the app and write its own log folder.
	chmod -R a+rX "$dir"
	chmod 0777 "$dir/logs/apache"
	local d=$dir
	while [ "$d" != / ]; do chmod o+x "$d" 2>/dev/null; d=$(dirname "$d"); done

	local nginx_port fpm_main fpm_all fpm_unwritable fpm_redis fpm_metrics builtin_port apache_port
	nginx_port=$(perf_free_port) fpm_main=$(perf_free_port) fpm_all=$(perf_free_port) fpm_metrics=$(perf_free_port)
	fpm_unwritable=$(perf_free_port) fpm_redis=$(perf_free_port) builtin_port=$(perf_free_port) apache_port=$(perf_free_port)
	export PERF_E2E_REDIS_PORT
	PERF_E2E_REDIS_PORT=$(perf_free_port)

	local pool
	{
		printf '[global]\npid = %s/run/fpm.pid\nerror_log = %s/logs/fpm.log\ndaemonize = no\n' "$dir" "$dir"
		for pool in main all unwritable redis; do
			local port_var="fpm_$pool"
			printf '[%s]\nlisten = 127.0.0.1:%s\npm = static\npm.max_children = 2\n' "$pool" "${!port_var}"
			printf 'php_admin_flag[log_errors] = on\nphp_admin_flag[display_errors] = off\n'
			printf 'php_admin_value[error_log] = %s/logs/php-%s-errors.log\n' "$dir" "$pool"
			case $pool in
			main) printf 'php_admin_value[perf.log_file] = %s/logs/performance.log\nphp_admin_value[perf.slow_request_ms] = 200\n' "$dir" ;;
			all) printf 'php_admin_value[perf.log_file] = %s/logs/all.log\nphp_admin_value[perf.log_all_requests] = 1\n' "$dir" ;;
			unwritable) printf 'php_admin_value[perf.log_file] = %s/missing/performance.log\nphp_admin_value[perf.log_all_requests] = 1\n' "$dir" ;;
			redis)
				printf 'php_admin_value[perf.log_file] = %s/logs/redis-pool.log\nphp_admin_value[perf.cache_driver] = redis\n' "$dir"
				printf 'php_admin_value[perf.redis_port] = %s\nphp_admin_value[perf.redis_breaker_failures] = 3\n' "$PERF_E2E_REDIS_PORT"
				printf 'php_admin_value[perf.redis_breaker_cooldown_ms] = 500\nphp_admin_value[perf.redis_connect_timeout_ms] = 200\n'
				printf 'php_admin_value[perf.redis_read_timeout_ms] = 200\n'
				;;
			esac
		done
	} > "$dir/php-fpm.conf"
	{
		printf '[global]\npid = %s/run/fpm-metrics.pid\nerror_log = %s/logs/fpm-metrics.log\ndaemonize = no\n' "$dir" "$dir"
		printf '[metrics]\nlisten = 127.0.0.1:%s\npm = static\npm.max_children = 2\n' "$fpm_metrics"
		printf 'php_admin_flag[log_errors] = on\nphp_admin_flag[display_errors] = off\n'
		printf 'php_admin_value[error_log] = %s/logs/php-metrics-errors.log\n' "$dir"
		printf 'php_admin_value[perf.log_file] = %s/logs/metrics-pool.log\nphp_admin_value[perf.slow_request_ms] = 200\n' "$dir"
	} > "$dir/php-fpm-metrics.conf"

	{
		printf 'daemon off;\nuser root;\nworker_processes 2;\npid %s/run/nginx.pid;\nerror_log %s/logs/nginx-error.log;\n' "$dir" "$dir"
		printf 'events { worker_connections 512; }\nhttp {\n  access_log off;\n'
		local t
		for t in client_body fastcgi proxy uwsgi scgi; do printf '  %s_temp_path %s/run/%s;\n' "$t" "$dir" "$t"; done
		printf '  server {\n    listen 127.0.0.1:%s;\n    root %s/docroot;\n' "$nginx_port" "$dir"
		for pool in main all unwritable redis; do
			local port_var="fpm_$pool"
			printf '    location ~ ^/%s(/[^/]+\\.php)$ {\n' "$pool"
			printf '      include /etc/nginx/fastcgi_params;\n'
			printf '      fastcgi_param SCRIPT_FILENAME $document_root$1;\n      fastcgi_param SCRIPT_NAME $1;\n'
			printf '      fastcgi_pass 127.0.0.1:%s;\n    }\n' "${!port_var}"
		done
		printf '    location = /metrics {\n      include /etc/nginx/fastcgi_params;\n'
		printf '      fastcgi_param SCRIPT_FILENAME $document_root/metrics.php;\n      fastcgi_param SCRIPT_NAME /metrics;\n'
		printf '      fastcgi_pass 127.0.0.1:%s;\n    }\n' "$fpm_metrics"
		printf '    location ~ ^/metrics(/[^/]+\\.php)$ {\n      include /etc/nginx/fastcgi_params;\n'
		printf '      fastcgi_param SCRIPT_FILENAME $document_root$1;\n      fastcgi_param SCRIPT_NAME $1;\n'
		printf '      fastcgi_pass 127.0.0.1:%s;\n    }\n' "$fpm_metrics"
		printf '  }\n}\n'
	} > "$dir/nginx.conf"

	printf 'extension=%s\nperf.cache_name=\nperf.log_file=%s/logs/apache/performance.log\nperf.slow_request_ms=200\n' "$PERF_SO" "$dir" > "$dir/apache-ini/php.ini"
	cat > "$dir/apache2.conf" <<APACHE
ServerRoot "$dir"
ServerName 127.0.0.1
Listen 127.0.0.1:$apache_port
PidFile $dir/run/apache.pid
ErrorLog $dir/logs/apache-error.log
LoadModule mpm_prefork_module /usr/lib/apache2/modules/mod_mpm_prefork.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule php_module /usr/lib/apache2/modules/libphp$PERF_PHP_VERSION.so
User www-data
Group www-data
StartServers 2
MinSpareServers 2
MaxSpareServers 4
Mutex file:$dir/run default
PHPINIDir $dir/apache-ini
DocumentRoot $dir/docroot
<Directory $dir/docroot>
  Require all granted
</Directory>
<FilesMatch "\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
APACHE

	perf_e2e_redis_start
	"php-fpm$PERF_PHP_VERSION" -n -R -F -y "$dir/php-fpm.conf" -d "extension=$PERF_SO" -d perf.cache_name= > "$dir/logs/fpm-stdout.log" 2>&1 &
	PERF_E2E_PIDS+=($!)
	"php-fpm$PERF_PHP_VERSION" -n -R -F -y "$dir/php-fpm-metrics.conf" -d "extension=$PERF_SO" -d perf.cache_name= > "$dir/logs/fpm-metrics-stdout.log" 2>&1 &
	PERF_E2E_PIDS+=($!)
	nginx -c "$dir/nginx.conf" -p "$dir" > "$dir/logs/nginx-stdout.log" 2>&1 &
	PERF_E2E_PIDS+=($!)
	(cd "$dir/docroot" && exec "$PERF_PHP" -n -d "extension=$PERF_SO" -d perf.cache_name= -d "perf.log_file=$dir/logs/builtin.log" \
		-d perf.slow_request_ms=200 -S "127.0.0.1:$builtin_port" -t "$dir/docroot") > "$dir/logs/builtin-stdout.log" 2>&1 &
	PERF_E2E_PIDS+=($!)
	# prefork signals its whole process group on shutdown: it gets a group of its own.
	APACHE_LOCK_DIR="$dir/run" APACHE_RUN_DIR="$dir/run" setsid apache2 -f "$dir/apache2.conf" -DFOREGROUND \
		> "$dir/logs/apache-stdout.log" 2>&1 &
	PERF_E2E_PIDS+=($!)

	export PERF_E2E_DIR="$dir"
	export PERF_E2E_NGINX="http://127.0.0.1:$nginx_port"
	export PERF_E2E_BUILTIN="http://127.0.0.1:$builtin_port"
	export PERF_E2E_APACHE="http://127.0.0.1:$apache_port"

	local ok=0
	perf_e2e_wait_http "$PERF_E2E_NGINX/main/fast.php" || ok=1
	perf_e2e_wait_http "$PERF_E2E_NGINX/metrics" || ok=1
	perf_e2e_wait_http "$PERF_E2E_BUILTIN/fast.php" || ok=1
	perf_e2e_wait_http "$PERF_E2E_APACHE/fast.php" || ok=1
	# Readiness probes are requests too: start every test from empty logs.
	find "$dir/logs" -name '*.log' -path '*performance*' -delete
	rm -f "$dir/logs/all.log" "$dir/logs/builtin.log"
	if [ $ok -ne 0 ]; then
		tail -n 20 "$dir"/logs/*.log >&2
	fi
	return $ok
}

# The redis pool's server, daemonized with a pid file so a test can kill it and start it again.
perf_e2e_redis_start() {
	redis-server --port "$PERF_E2E_REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
		--pidfile "$PERF_E2E_DIR/run/redis.pid" --logfile "$PERF_E2E_DIR/logs/redis.log"
}

perf_servers_stop() {
	[ -f "$PERF_E2E_DIR/run/redis.pid" ] && kill "$(cat "$PERF_E2E_DIR/run/redis.pid")" 2>/dev/null
	local pid
	for pid in "${PERF_E2E_PIDS[@]}"; do
		kill "$pid" 2>/dev/null
	done
	for pid in "${PERF_E2E_PIDS[@]}"; do
		wait "$pid" 2>/dev/null
	done
	PERF_E2E_PIDS=()
}
