# Shared by the scripts in this folder: package installation and the build.

PERF_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PERF_WORK="$PERF_ROOT/.work"
PERF_SO="$PERF_ROOT/modules/perf.so"

# Installs the Debian packages that are missing, with one apt-get update first.
perf_require_packages() {
	local missing=()
	local pkg
	for pkg in "$@"; do
		dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" != 0 ]; then
		echo "missing packages: ${missing[*]} (run as root, or install them with apt-get)" >&2
		return 1
	fi
	echo "installing: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# Debian's postinst scripts would start nginx/apache2/php-fpm/redis as system services; the
	# scripts start their own copies on loopback ports, so the services are kept from starting.
	local policy=/usr/sbin/policy-rc.d created_policy=
	if [ ! -e "$policy" ]; then
		printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && created_policy=1
	fi
	apt-get install -y -qq --no-install-recommends "${missing[@]}"
	local rc=$?
	[ -n "$created_policy" ] && rm -f "$policy"
	return $rc
}

# The PHP version the scripts build and test against: Debian's php$PERF_PHP_VERSION-* packages and
# binaries (php8.2, php-config8.2, ...). scripts/test.sh runs 8.4 inside a Debian 13 root.
PERF_PHP_VERSION=${PERF_PHP_VERSION:-8.2}
PERF_PHP=php$PERF_PHP_VERSION
PERF_BUILD_PACKAGES=("$PERF_PHP-dev" "$PERF_PHP-cli" "$PERF_PHP-cgi" pkg-config libhiredis-dev build-essential autoconf)

# Everything one leg of scripts/test.sh needs (the build, the PHPT suite, the cache-driver passes,
# the end-to-end servers, valgrind), for $PERF_PHP_VERSION.
perf_leg_packages() {
	local php=php$PERF_PHP_VERSION
	printf '%s\n' "$php-dev" "$php-cli" "$php-cgi" pkg-config libhiredis-dev build-essential autoconf "$php-fpm" "$php-opcache" \
		"$php-sqlite3" "$php-mysql" "$php-igbinary" "libapache2-mod-$php" mariadb-server php-parser php-pear nginx apache2 \
		valgrind curl jq redis-server prometheus
}

perf_build() {
	perf_require_packages "${PERF_BUILD_PACKAGES[@]}" || return 1
	(
		cd "$PERF_ROOT" || exit 1
		# Configured for another PHP (or not yet): objects built against other headers go first.
		if [ ! -f configure ] || [ config.m4 -nt configure ] \
			|| ! grep -q -- "--with-php-config=php-config$PERF_PHP_VERSION'" config.nice 2>/dev/null; then
			[ -f Makefile ] && make clean >/dev/null
			"phpize$PERF_PHP_VERSION" >/dev/null || exit 1
			./configure --quiet --enable-perf --with-php-config="php-config$PERF_PHP_VERSION" >/dev/null || exit 1
		fi
		make -j"$(nproc)" >/dev/null || { make; exit 1; }
	) || { echo "build failed" >&2; return 1; }
	echo "built $PERF_SO"
}

# Prints a free TCP port on 127.0.0.1.
perf_free_port() {
	php -n -r '$s = stream_socket_server("tcp://127.0.0.1:0"); echo explode(":", stream_socket_get_name($s, false))[1], "\n";'
}

# Waits (up to 5 s) until something accepts connections on 127.0.0.1:$1.
perf_wait_port() {
	local i
	for i in $(seq 1 50); do
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
