#!/usr/bin/env bash
# The legs of scripts/test.sh: the whole suite once per PHP version, then a ZTS compile check.
#   8.2  on this Debian 12 machine (Debian's PHP 8.2)
#   8.4  in the Debian 13 root of scripts/debian13.sh (Debian's PHP 8.4), on a copy of the checkout;
#        valgrind there only on $PERF_VALGRIND_84 (the tests of the code that depends on engine
#        internals), since the 8.2 leg already runs every test under valgrind
#   zts  perf compiled against the 8.4 headers with ZTS defined, -Wall -Wextra, no warning allowed.
#        Debian packages no ZTS PHP, so nothing runs: thread safety is not exercised by any leg.
# One line per leg, then the total: "N passed, N failed, N skipped".
#   PERF_LEGS="8.2 8.4 zts" (default) picks the legs, e.g. PERF_LEGS=8.2 while developing.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

PERF_VALGRIND_84=${PERF_VALGRIND_84:-'/(cache/(memory_zero_copy|perf_cache_set_|perf_cache_get_)|db/pdo_|request/(perf_request_time|slow_request_log_basic))'}

passed=0 failed=0 skipped=0 summary=() outs=()
mkdir -p "$PERF_WORK"

# Adds the last line of leg $1's output ("N passed, N failed, N skipped") to the totals.
count_leg() {
	local label=$1 out=$2 seconds=$3 last p f s
	last=$(grep -aE '^\[[^]]*\] [0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1 | sed 's/^\[[^]]*\] //')
	if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed(,\ ([0-9]+)\ skipped)?$ ]]; then
		p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]} s=${BASH_REMATCH[4]:-0}
	else
		p=0 f=1 s=0
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	summary+=("[$label] $p passed, $f failed, $s skipped ($seconds s)")
}

# Paths inside the copy of the checkout in the root.
translate_paths() {
	local dest=$1 p; shift
	for p in "$@"; do
		case $p in
		"$PERF_ROOT"/*) echo "$dest${p#"$PERF_ROOT"}" ;;
		/*) echo "$p" ;;
		*) echo "$dest/$p" ;;
		esac
	done
}

# Copies the checkout into the root (build output already there stays, so make only redoes what
# changed) and prints its path inside the root.
sync_into_root() {
	local root=$1 name=$2 dest
	dest=/src/$name-$(echo "$PERF_ROOT" | sha256sum | cut -c1-8)
	mkdir -p "$root$dest" || return 1
	# .gitignore as rsync rules: its exceptions (!) first, since rsync takes the first rule that matches.
	# Ignored files are neither copied nor deleted, so the copy keeps its own build output.
	local rules="$PERF_WORK/rsync-rules"
	{
		echo "- /.git"
		sed -n 's/^!/+ /p' "$PERF_ROOT/.gitignore"
		grep -vE '^(#|!|$)' "$PERF_ROOT/.gitignore" | sed 's/^/- /'
	} > "$rules"
	rsync -a --delete --filter=". $rules" "$PERF_ROOT/" "$root$dest/" || return 1
	echo "$dest"
}

leg_host() {
	local version=$1; shift
	PERF_LEG=$version PERF_PHP_VERSION=$version "$PERF_ROOT/scripts/test.sh" "$@"
}

leg_rootfs() {
	local version=$1 root dest; shift
	root=$("$PERF_ROOT/scripts/debian13.sh" path) || { printf 'no Debian 13 root\n0 passed, 1 failed\n'; return; }
	dest=$(sync_into_root "$root" perf) || { printf 'could not copy the checkout into the root\n0 passed, 1 failed\n'; return; }
	local -a inner=()
	[ $# -gt 0 ] && mapfile -t inner < <(translate_paths "$dest" "$@")
	echo "PHP $version in $root, checkout copied to $dest"
	# The fuzzer exercises file_format.c alone (no PHP API): it runs in the 8.2 leg only.
	"$PERF_ROOT/scripts/debian13.sh" run /usr/bin/env PERF_LEG="$version" PERF_PHP_VERSION="$version" PERF_FUZZ_SECONDS=0 \
		PERF_VALGRIND_ONLY="$PERF_VALGRIND_84" /bin/bash -c 'cd "$1" && shift && exec scripts/test.sh "$@"' sh "$dest" "${inner[@]}"
}

# perf built against PHP 8.4's headers with ZTS defined: compile errors and every warning fail it.
leg_zts() {
	local root dest
	root=$("$PERF_ROOT/scripts/debian13.sh" path) || { printf 'no Debian 13 root\n0 passed, 1 failed\n'; return; }
	dest=$(sync_into_root "$root" perf-zts) || { printf 'could not copy the checkout into the root\n0 passed, 1 failed\n'; return; }
	"$PERF_ROOT/scripts/debian13.sh" run /bin/bash -c '
		cd "$1" || exit 1
		{ phpize8.4 && ./configure --quiet --enable-perf --with-php-config=php-config8.4; } > /dev/null 2>&1 || exit 1
		make clean > /dev/null
		make -j2 CPPFLAGS="-DHAVE_CONFIG_H -DZTS=1" > .zts-build.log 2>&1
		status=$?
		grep -E "warning:|error:" .zts-build.log
		[ $status -eq 0 ] && ! grep -qE "warning:|error:" .zts-build.log
	' sh "$dest" > "$PERF_WORK/zts-build.txt" 2>&1
	if [ $? -eq 0 ]; then
		echo "compile only: perf against PHP 8.4's headers with -DZTS=1, -Wall -Wextra: no error, no warning"
		echo "not exercised: no ZTS PHP is packaged, so no test runs threaded (see README)"
		echo "1 passed, 0 failed, 0 skipped"
	else
		cat "$PERF_WORK/zts-build.txt"
		echo "compile only: perf against PHP 8.4's headers with -DZTS=1 failed (output above)"
		echo "0 passed, 1 failed, 0 skipped"
	fi
}

for leg in ${PERF_LEGS:-8.2 8.4 zts}; do
	out="$PERF_WORK/leg-$leg.txt"
	outs+=("$out")
	start=$SECONDS
	case $leg in
	8.2) leg_host "$leg" "$@" ;;
	8.4) leg_rootfs "$leg" "$@" ;;
	zts) leg_zts ;;
	*) printf 'no leg %s: the legs are 8.2, 8.4, zts\n0 passed, 1 failed\n' "$leg" ;;
	esac 2>&1 | sed -u "s/^/[$leg] /" | tee "$out"
	count_leg "$leg" "$out" $((SECONDS - start))
done

# CI keeps only the end of the output: the failures of every leg again, just above the totals.
failures=$(grep -ahE '^\[[^]]*\] (\[[^]]*\] )?((FAIL|LEAK|BORK|WARN|LEAK&FAIL) |.*(could not|exited with|failed:))' "${outs[@]}" | head -n 40)
if [ -n "$failures" ]; then
	echo "failures:"
	printf '%s\n' "$failures"
fi
printf '%s\n' "${summary[@]}"
if [ $((passed + failed)) -eq 0 ]; then
	echo "no test ran"
	failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
