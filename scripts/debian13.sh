#!/usr/bin/env bash
# A Debian 13 (trixie) root with Debian's PHP 8.4 packages, for the PHP 8.4 leg of scripts/test.sh.
# Debian 12 cannot install trixie's PHP (it needs glibc >= 2.38), so the leg runs in a chroot made
# with debootstrap from Debian's archive only.
#
#   scripts/debian13.sh path          prints the root's directory, building it first when needed
#   scripts/debian13.sh run CMD...    runs CMD inside the root (proc, sys, dev mounted for it only)
#
# The root lives in $PERF_ROOTFS_BASE (default /var/cache/perf-ci, outside any checkout so every
# worktree and CI on this machine share it), in a directory named after a hash of what goes into
# it (suite, mirror, package list, this recipe's version). It is built in a temporary directory;
# the stamp (installed package versions) is written last and only then is the directory moved into
# place, so an interrupted build never looks complete: without the stamp it is deleted and rebuilt.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

PERF_ROOTFS_BASE=${PERF_ROOTFS_BASE:-/var/cache/perf-ci}
PERF_ROOTFS_SUITE=trixie
PERF_ROOTFS_MIRROR=${PERF_ROOTFS_MIRROR:-http://deb.debian.org/debian}
PERF_ROOTFS_PHP=8.4
# Bumped when the steps below change in a way the package list does not show.
PERF_ROOTFS_RECIPE=2

perf_rootfs_packages() {
	# What the tests shell out to and a minbase system lacks: e2fsprogs (chattr), mount, procps.
	printf '%s\n' $(PERF_PHP_VERSION=$PERF_ROOTFS_PHP perf_leg_packages) e2fsprogs mount procps ca-certificates | sort -u
}

perf_rootfs_dir() {
	local key
	key=$({ echo "$PERF_ROOTFS_SUITE $PERF_ROOTFS_MIRROR $PERF_ROOTFS_RECIPE"; perf_rootfs_packages; } | sha256sum | cut -c1-12)
	echo "$PERF_ROOTFS_BASE/debian13-php$PERF_ROOTFS_PHP-$key"
}

# Runs "$@" inside root $1 in a private mount namespace: the mounts vanish with the command, even
# when it is killed, and concurrent runs do not unmount each other's.
perf_rootfs_exec() {
	local root=$1; shift
	unshare --mount --propagation private -- /bin/sh -c '
		root=$1; shift
		mount -t proc proc "$root/proc" && mount -t sysfs sysfs "$root/sys" &&
		mount --bind /dev "$root/dev" && mount --bind /dev/pts "$root/dev/pts" &&
		mount -t tmpfs -o mode=1777 shm "$root/dev/shm" || exit 1
		exec chroot "$root" "$@"' sh "$root" "$@"
}

perf_rootfs_build() {
	local dir=$1 tmp
	perf_require_packages debootstrap >&2 || return 1
	mkdir -p "$PERF_ROOTFS_BASE" || return 1
	tmp=$(mktemp -d "$dir.tmp.XXXXXX") && chmod 755 "$tmp" || return 1
	echo "building $dir (debootstrap $PERF_ROOTFS_SUITE, then apt-get; a few minutes)" >&2
	local t0=$SECONDS
	if ! debootstrap --variant=minbase "$PERF_ROOTFS_SUITE" "$tmp" "$PERF_ROOTFS_MIRROR" > "$tmp.log" 2>&1; then
		tail -n 20 "$tmp.log" >&2
		rm -rf "$tmp"
		return 1
	fi
	# mariadb-install-db looks the host name up; Debian's postinst scripts must not start services.
	cp /etc/hosts "$tmp/etc/hosts"
	cp /etc/resolv.conf "$tmp/etc/resolv.conf"
	printf '#!/bin/sh\nexit 101\n' > "$tmp/usr/sbin/policy-rc.d" && chmod +x "$tmp/usr/sbin/policy-rc.d"
	local -a pkgs
	mapfile -t pkgs < <(perf_rootfs_packages)
	if ! perf_rootfs_exec "$tmp" /usr/bin/env DEBIAN_FRONTEND=noninteractive /bin/sh -c \
		'apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" && apt-get clean' sh "${pkgs[@]}" \
		>> "$tmp.log" 2>&1; then
		tail -n 20 "$tmp.log" >&2
		rm -rf "$tmp"
		return 1
	fi
	# The stamp last, then the rename: only a complete root is ever found under $dir.
	perf_rootfs_exec "$tmp" dpkg-query -W -f='${Package} ${Version}\n' > "$tmp/perf-rootfs.stamp.new" &&
		mv "$tmp/perf-rootfs.stamp.new" "$tmp/perf-rootfs.stamp" && mv "$tmp" "$dir" || { rm -rf "$tmp"; return 1; }
	mv "$tmp.log" "$dir.log"
	echo "built $dir in $((SECONDS - t0)) s" >&2
}

# Prints the root's directory, building it when its stamp is missing. One builder at a time.
perf_rootfs_path() {
	local dir
	dir=$(perf_rootfs_dir)
	mkdir -p "$PERF_ROOTFS_BASE" || return 1
	(
		flock 9
		if [ ! -f "$dir/perf-rootfs.stamp" ]; then
			[ -e "$dir" ] && rm -rf "$dir"
			rm -rf "$dir".tmp.*
			perf_rootfs_build "$dir" || exit 1
			perf_rootfs_prune "$dir"
		fi
	) 9> "$dir.lock" || return 1
	echo "$dir"
}

# Deletes the roots of other package lists (1.2 GB each) that no command is using: a run holds a
# shared lock on <root>.use for as long as it lasts.
perf_rootfs_prune() {
	local keep=$1 other
	for other in "$PERF_ROOTFS_BASE"/debian13-php*; do
		[ -d "$other" ] && [ "$other" != "$keep" ] || continue
		(
			flock -n 8 || exit 0
			echo "deleting $other (another package list, unused)" >&2
			rm -rf "$other" "$other.log" "$other.lock"
		) 8> "$other.use"
	done
}

case ${1:-} in
path) perf_rootfs_path ;;
run)
	shift
	root=$(perf_rootfs_path) || exit 1
	exec 8> "$root.use"
	flock -s 8
	perf_rootfs_exec "$root" "$@"
	;;
*)
	echo "usage: $0 path | run CMD..." >&2
	exit 2
	;;
esac
