#!/usr/bin/env bash
# Per-request cost of perf in a real framework request: a small Laravel 8 app (bench/laravel) on
# Debian's php-laravel-framework packages, deployed as production does (class-map autoloaders,
# config and routes cached by artisan, views compiled, OPcache on), served by php-cgi in FastCGI
# mode (OPcache caches nothing in php-cgi -T) as one process that exits after N requests, with
# Debian's modules for php-cgi loaded (its conf.d) and perf added through one more ini scan
# directory; bench/fcgi_get.php sends the requests. Instructions per request (valgrind
# --tool=callgrind), the difference between two request counts so start-up and the first
# (compiling) requests cancel out (opcache.validate_timestamps=0, as in production, so no file
# check depends on how fast the run goes), for three pages:
#   /hello   a controller returning a string
#   /posts   five Eloquent queries on sqlite and a Blade view
#   /cached  a page from Laravel's file cache
# and three variants: perf not loaded, perf with its defaults, perf with perf.db_hooks=0.
#   bench/laravel_overhead.sh [requests, default 40]
set -euo pipefail
. "$(dirname "$0")/lib.sh"
perf_require_packages "${PERF_BUILD_PACKAGES[@]}" php8.2-sqlite3 php-laravel-framework valgrind
perf_build >/dev/null

n=${1:-40}
dir="$PERF_WORK/bench-laravel"
app="$dir/app"
rm -rf "$dir" && mkdir -p "$dir/logs"
cp -r "$PERF_ROOT/bench/laravel" "$app"
mkdir -p "$app/database" "$app/bootstrap/cache" "$app/storage/framework/views" "$app/storage/framework/cache/data" "$app/storage/logs"
php8.2 -r '
	$db = new PDO("sqlite:" . $argv[1]);
	$db->exec("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
	$db->exec("CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER, title TEXT)");
	for ($i = 1; $i <= 5; $i++) { $db->exec("INSERT INTO users VALUES ($i, \"User $i\")"); }
	for ($i = 1; $i <= 20; $i++) { $db->exec("INSERT INTO posts VALUES ($i, " . ($i % 5 + 1) . ", \"Post $i\")"); }
' "$app/database/database.sqlite"
(cd "$app" && php8.2 artisan config:cache >/dev/null && php8.2 artisan route:cache >/dev/null && php8.2 artisan view:cache >/dev/null)

conf_d=/etc/php/8.2/cgi/conf.d
trap bench_remove_segments EXIT
on=("extension=$PERF_SO" "perf.log_file=$dir/logs/performance.log")
bench_conf off
bench_conf on "${on[@]}"
bench_conf hooks-off "${on[@]}" perf.db_hooks=0

instructions() { # variant uri requests -> total instructions executed by php-cgi serving them
	local port out="$dir/callgrind.txt"
	port=$(perf_free_port)
	PHP_INI_SCAN_DIR="$conf_d:$dir/conf-$1" PHP_FCGI_CHILDREN=0 PHP_FCGI_MAX_REQUESTS="$3" \
		valgrind --tool=callgrind --callgrind-out-file=/dev/null \
		php-cgi8.2 -d opcache.enable=1 -d opcache.validate_timestamps=0 -b "127.0.0.1:$port" > /dev/null 2> "$out" &
	local pid=$! i
	# php-cgi under valgrind, with every module, takes seconds to start on a loaded machine.
	for i in $(seq 1 600); do
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
		sleep 0.1
	done
	php8.2 -n "$PERF_ROOT/bench/fcgi_get.php" "127.0.0.1:$port" "$2" "$app/public/index.php" "$3" || { kill "$pid"; return 1; }
	wait "$pid"
	sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$out"
}
per_request() { # variant uri
	bench_per_unit 10 $((10 + n)) instructions "$1" "$2" {}
}

for uri in /hello /posts /cached; do
	body=$(PHP_INI_SCAN_DIR="$conf_d:$dir/conf-on" REQUEST_METHOD=GET REQUEST_URI="$uri" \
		SCRIPT_NAME=/index.php SCRIPT_FILENAME="$app/public/index.php" REDIRECT_STATUS=200 php-cgi8.2 "$app/public/index.php")
	grep -q '^X-Response-Time:' <<< "$body" || { echo "$uri: perf sent no X-Response-Time" >&2; exit 1; }
	grep -q -e 'Hello, world' -e 'User 1' <<< "$body" || { echo "$uri: unexpected page:" >&2; echo "$body" >&2; exit 1; }
done

echo "== instructions per Laravel request, php-cgi (FastCGI), OPcache, callgrind, $n requests after 10"
printf '%-8s %12s %12s %9s %12s %9s\n' page "no perf" "perf" ratio "db_hooks=0" ratio
for uri in /hello /posts /cached; do
	off=$(per_request off "$uri")
	on=$(per_request on "$uri")
	hooks_off=$(per_request hooks-off "$uri")
	php -n -r 'printf("%-8s %12d %12d %8.4fx %12d %8.4fx\n", $argv[1], $argv[2], $argv[3], $argv[3] / $argv[2],
		$argv[4], $argv[4] / $argv[2]);' "$uri" "$off" "$on" "$hooks_off"
done
