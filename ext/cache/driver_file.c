/*
 * The file driver: one file per entry under perf.cache_dir, for hosts without shared memory or
 * caches that must survive a restart.
 *
 * - Sharded: <dir>/ab/cd/<sha1 of the key>, so no directory grows past a few hundred files.
 * - Atomic: an entry is written to a temporary file in its own directory and renamed over the old
 *   one, so a reader sees the old or the new entry, never half of one.
 * - Checked: a header with magic, format version, expiry and a CRC-32 of the whole file
 *   (file_format.c); a corrupt, truncated or foreign file is a miss and is removed.
 * - Private: directories 0700, files 0600, every open with O_NOFOLLOW, and the cache directory must
 *   be a real directory owned by this user: a planted symlink is never followed.
 * - Locks are flock()s on a per-key lock file: the kernel drops them when a process dies.
 * - Tags are version counters in <dir>/tags/<tag id>, bumped under flock().
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <stdatomic.h>
#include <dirent.h>
#include <signal.h>
#include <time.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "php.h"
#include "ext/standard/sha1.h"
#include "main/php_open_temporary_file.h"
#include "ext/standard/php_var.h"
#include "ext/standard/php_string.h"
#include "ext/random/php_random.h"
#include "ext/standard/crc32.h"
#include "zend_smart_str.h"

#include "php_perf.h"
#include "cache/cache.h"
#include "cache/value.h"
#include "cache/file_format.h"

#define FILE_DRIVER PERF_CACHE_DRIVER_FILE
#define MAX_ENTRY_BYTES ((size_t) 1 << 30)
/* One set in this many also prunes one shard directory, so expired files do not pile up. */
#define PRUNE_ONE_IN 1000
#define HEX_NAME_LEN 40
/* A temporary file this old has no live writer, wherever that writer ran. */
#define TEMP_STALE_SECONDS 3600

static PERF_CACHE_LOCAL char base_dir[MAXPATHLEN];
static PERF_CACHE_LOCAL bool base_ready;
/* Process-wide, so two threads of one process never pick the same temporary name. */
static _Atomic uint64_t temp_counter;
/* flock()ed lease files this process holds, by key; a forked child inherits the table, not the leases. */
static PERF_CACHE_LOCAL HashTable *held_leases;
static PERF_CACHE_LOCAL pid_t held_leases_pid;

static void count(perf_cache_counter counter)
{
	perf_cache_count(FILE_DRIVER, counter);
}

static const char *configured_dir(char *buf, size_t size)
{
	const char *dir = PERF_G(settings.cache.dir);

	if (dir && *dir) {
		return dir;
	}
	/* A safe default per user: another user's cache is never read or written. */
	snprintf(buf, size, "%s/perf-cache-%ld", php_get_temporary_directory(), (long) geteuid());
	return buf;
}

/* A directory this user owns, really a directory (lstat: not a symlink to one), mode 0700. */
static bool safe_dir(const char *path, bool create)
{
	struct stat st;

	if (lstat(path, &st) != 0) {
		if (!create || errno != ENOENT || (mkdir(path, 0700) != 0 && errno != EEXIST) || lstat(path, &st) != 0) {
			return false;
		}
	}
	return S_ISDIR(st.st_mode) && st.st_uid == geteuid() && (st.st_mode & 077) == 0;
}

static bool ready(void)
{
	char fallback[MAXPATHLEN];
	const char *dir = configured_dir(fallback, sizeof(fallback));

	if (base_ready && strcmp(dir, base_dir) == 0) {
		return true;
	}
	base_ready = false;
	if (strlen(dir) + 64 >= sizeof(base_dir) || !safe_dir(dir, true)) {
		return false;
	}
	strcpy(base_dir, dir);
	base_ready = true;
	return true;
}

static bool file_available(void)
{
	return ready();
}

typedef struct {
	char dir[MAXPATHLEN];
	char path[MAXPATHLEN];
	char name[HEX_NAME_LEN + 1];
} entry_location;

static void locate(zend_string *key, entry_location *loc)
{
	PHP_SHA1_CTX context;
	unsigned char digest[20];

	PHP_SHA1Init(&context);
	PHP_SHA1Update(&context, (const unsigned char *) ZSTR_VAL(key), ZSTR_LEN(key));
	PHP_SHA1Final(digest, &context);
	make_sha1_digest(loc->name, digest);
	snprintf(loc->dir, sizeof(loc->dir), "%s/%.2s/%.2s", base_dir, loc->name, loc->name + 2);
	snprintf(loc->path, sizeof(loc->path), "%s/%s", loc->dir, loc->name);
}

static bool make_dirs(entry_location *loc)
{
	char first[MAXPATHLEN];

	snprintf(first, sizeof(first), "%s/%.2s", base_dir, loc->name);
	return safe_dir(first, true) && safe_dir(loc->dir, true);
}

/* Both shard directories of loc are real directories of ours, not symlinks planted to lead elsewhere. */
static bool shards_safe(entry_location *loc)
{
	char first[MAXPATHLEN];

	snprintf(first, sizeof(first), "%s/%.2s", base_dir, loc->name);
	return safe_dir(first, false) && safe_dir(loc->dir, false);
}

/* Reads a whole entry file; NULL when there is none or it is not a regular file of sane size. */
static zend_string *read_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	zend_string *data = NULL;

	if (fd < 0) {
		return NULL;
	}
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t) st.st_size <= MAX_ENTRY_BYTES) {
		data = zend_string_alloc(st.st_size, 0);
		size_t done = 0;
		while (done < (size_t) st.st_size) {
			ssize_t n = read(fd, ZSTR_VAL(data) + done, st.st_size - done);
			if (n <= 0) {
				break;
			}
			done += n;
		}
		if (done != (size_t) st.st_size) {
			zend_string_efree(data);
			data = NULL;
		} else {
			ZSTR_VAL(data)[done] = '\0';
		}
	}
	close(fd);
	return data;
}

static void tag_path(uint64_t h1, uint64_t h2, char *out, size_t size)
{
	snprintf(out, size, "%s/tags/%016" PRIx64 "%016" PRIx64, base_dir, h1, h2);
}

static uint64_t tag_version(uint64_t h1, uint64_t h2)
{
	char path[MAXPATHLEN];
	unsigned char bytes[8];
	uint64_t version = 0;

	tag_path(h1, h2, path, sizeof(path));
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0) {
		if (pread(fd, bytes, 8, 0) == 8) {
			for (int i = 0; i < 8; i++) {
				version |= (uint64_t) bytes[i] << (8 * i);
			}
		}
		close(fd);
	}
	return version;
}

typedef enum {
	FILE_MISSING,
	FILE_CORRUPT,
	FILE_OTHER_KEY,
	FILE_FRESH,
	FILE_EXPIRED,
	FILE_DEAD,
} file_state;

/* Reads and checks the entry at loc; on FRESH/EXPIRED, *data holds the file and *entry points into it. */
static file_state load(zend_string *key, entry_location *loc, zend_string **data, perf_file_entry *entry)
{
	*data = NULL;
	/* O_NOFOLLOW covers the file itself; the two shard directories are checked too. */
	if (!shards_safe(loc)) {
		return FILE_MISSING;
	}
	*data = read_file(loc->path);
	if (!*data) {
		return FILE_MISSING;
	}
	if (perf_file_entry_decode((const uint8_t *) ZSTR_VAL(*data), ZSTR_LEN(*data), entry) != 0) {
		return FILE_CORRUPT;
	}
	if (entry->key_len != ZSTR_LEN(key) || memcmp(entry->key, ZSTR_VAL(key), ZSTR_LEN(key)) != 0) {
		return FILE_OTHER_KEY;
	}
	for (uint32_t i = 0; i < entry->tag_count; i++) {
		perf_file_tag tag = perf_file_entry_tag(entry, i);
		if (tag_version(tag.h1, tag.h2) != tag.version) {
			return FILE_DEAD;
		}
	}
	if (entry->expires_at) {
		zend_long now = perf_cache_now();
		if (now >= entry->expires_at) {
			return now < perf_cache_add_seconds(entry->expires_at, PERF_G(settings.cache.stale_ttl)) ? FILE_EXPIRED : FILE_DEAD;
		}
	}
	return FILE_FRESH;
}

/* Corrupt and dead entries are removed as soon as they are seen. */
static void discard(entry_location *loc, file_state state)
{
	if (state == FILE_CORRUPT || state == FILE_DEAD) {
		if (unlink(loc->path) == 0) {
			count(state == FILE_DEAD ? PERF_CACHE_EXPIRED : PERF_CACHE_ERRORS);
		}
	}
}

static zend_result decode_value(const perf_file_entry *entry, zval *value)
{
	if (entry->encoding == PERF_FILE_RAW_STRING) {
		ZVAL_STRINGL(value, (const char *) entry->value, entry->value_len);
		return SUCCESS;
	}
	if (entry->encoding != PERF_VALUE_PHP_SERIALIZED && entry->encoding != PERF_VALUE_IGBINARY) {
		return FAILURE;
	}
	zval image;
	ZVAL_STRINGL(&image, (const char *) entry->value, entry->value_len);
	zend_result ok = perf_value_read(&image, entry->encoding, false, value);
	zval_ptr_dtor(&image);
	return ok;
}

static perf_cache_lookup file_get(zend_string *key, zval *value, bool allow_stale)
{
	entry_location loc;
	zend_string *data = NULL;
	perf_file_entry entry;
	perf_cache_lookup result = PERF_CACHE_MISS;

	locate(key, &loc);
	file_state state = load(key, &loc, &data, &entry);
	if (state == FILE_FRESH || (state == FILE_EXPIRED && allow_stale)) {
		if (decode_value(&entry, value) == SUCCESS) {
			result = state == FILE_FRESH ? PERF_CACHE_HIT : PERF_CACHE_STALE;
		} else {
			state = FILE_CORRUPT;
		}
	}
	discard(&loc, state);
	if (data) {
		zend_string_release(data);
	}
	count(result == PERF_CACHE_HIT ? PERF_CACHE_HITS : PERF_CACHE_MISSES);
	return result;
}

static bool file_has(zend_string *key)
{
	entry_location loc;
	zend_string *data = NULL;
	perf_file_entry entry;

	locate(key, &loc);
	file_state state = load(key, &loc, &data, &entry);
	discard(&loc, state);
	if (data) {
		zend_string_release(data);
	}
	return state == FILE_FRESH;
}

/* The bytes a value is stored as: strings raw, everything else through the serializer. */
static zend_string *encode_value(zval *value, const perf_value_plan *plan, uint8_t *encoding)
{
	ZVAL_DEREF(value);
	if (Z_TYPE_P(value) == IS_STRING) {
		*encoding = PERF_FILE_RAW_STRING;
		return zend_string_copy(Z_STR_P(value));
	}
	if (plan && plan->serialized) {
		*encoding = (uint8_t) plan->encoding;
		return zend_string_copy(plan->serialized);
	}
	*encoding = PERF_VALUE_PHP_SERIALIZED;
	return perf_value_serialize(value);
}

/* Temporary file in the entry's own directory, then rename(): atomic on every POSIX filesystem. */
static bool write_entry(entry_location *loc, zend_string *key, uint8_t encoding, int64_t expires_at,
	const perf_file_tag *file_tags, uint32_t tag_count, zend_string *bytes)
{
	char temp[MAXPATHLEN];
	size_t size = perf_file_entry_size((uint32_t) ZSTR_LEN(key), tag_count, ZSTR_LEN(bytes));
	uint8_t *buf;
	bool ok = false;

	if (!make_dirs(loc)) {
		return false;
	}
	buf = emalloc(size);
	perf_file_entry_encode(buf, encoding, expires_at, (const uint8_t *) ZSTR_VAL(key), (uint32_t) ZSTR_LEN(key),
		file_tags, tag_count, (const uint8_t *) ZSTR_VAL(bytes), ZSTR_LEN(bytes));
	snprintf(temp, sizeof(temp), "%s/.%s.%ld.%" PRIu64 ".tmp", loc->dir, loc->name, (long) getpid(), atomic_fetch_add(&temp_counter, 1) + 1);
	int fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd >= 0) {
		size_t done = 0;
		while (done < size) {
			ssize_t n = write(fd, buf + done, size - done);
			if (n <= 0) {
				break;
			}
			done += n;
		}
		ok = close(fd) == 0 && done == size && rename(temp, loc->path) == 0;
		if (!ok) {
			unlink(temp);
		}
	}
	efree(buf);
	return ok;
}

/*
 * Lock and lease files are flock()ed, and removed by their holder when it lets go, so they never
 * pile up. A process that opened the file just before it was removed then holds a lock on a name
 * that is gone: after flock() it checks that the path still leads to the file it locked, and
 * starts again if not. Two processes therefore never both hold a lock on the same path.
 */
static bool still_linked(int fd, const char *path)
{
	struct stat held, named;

	return fstat(fd, &held) == 0 && lstat(path, &named) == 0 && held.st_dev == named.st_dev && held.st_ino == named.st_ino;
}

/* flock()s path (created when missing); -1 on failure, or with EWOULDBLOCK when wait is false and another process holds it. */
static int lock_file(const char *path, bool wait)
{
	for (;;) {
		int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0) {
			return -1;
		}
		if (flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0) {
			int err = errno;
			close(fd);
			errno = err;
			return -1;
		}
		if (still_linked(fd, path)) {
			return fd;
		}
		close(fd);
	}
}

/* Removes the file while still holding it: nobody can lock it by that name any more. */
static void unlock_file(int fd, const char *path)
{
	unlink(path);
	flock(fd, LOCK_UN);
	close(fd);
}

typedef struct {
	int fd;
	char path[MAXPATHLEN];
} key_lock;

static bool lock_key(entry_location *loc, key_lock *held)
{
	if (!make_dirs(loc)) {
		return false;
	}
	snprintf(held->path, sizeof(held->path), "%s.lock", loc->path);
	held->fd = lock_file(held->path, true);
	return held->fd >= 0;
}

static void unlock_key(key_lock *held)
{
	unlock_file(held->fd, held->path);
}

static int64_t expiry(zend_long ttl)
{
	zend_long now = perf_cache_now();
	return ttl > 0 && ttl < ZEND_LONG_MAX / 4 - now ? now + ttl : 0;
}

static void prune_dir(const char *dir, zend_long *removed);

/* One set in PRUNE_ONE_IN, drawn from the CSPRNG: the application's mt_rand() sequence stays its own. */
static bool prune_now(void)
{
	uint32_t draw;

	return php_random_bytes_silent(&draw, sizeof(draw)) == SUCCESS && draw % PRUNE_ONE_IN == 0;
}

static zend_result file_set(zend_string *key, zval *value, const perf_value_plan *plan, zend_long ttl,
	const perf_cache_tags *entry_tags, perf_cache_set_mode mode, bool *stored)
{
	entry_location loc;
	perf_file_tag file_tags[PERF_FILE_MAX_TAGS];
	uint32_t tag_count = entry_tags ? entry_tags->count : 0;
	uint8_t encoding;
	key_lock held;

	held.fd = -1;
	*stored = false;
	locate(key, &loc);
	for (uint32_t i = 0; i < tag_count; i++) {
		file_tags[i].h1 = entry_tags->ids[i].h1;
		file_tags[i].h2 = entry_tags->ids[i].h2;
		file_tags[i].version = tag_version(file_tags[i].h1, file_tags[i].h2);
	}
	if (mode == PERF_CACHE_ADD) {
		if (!lock_key(&loc, &held)) {
			count(PERF_CACHE_ERRORS);
			return FAILURE;
		}
		if (file_has(key)) {
			unlock_key(&held);
			return SUCCESS;
		}
	}
	zend_string *bytes = encode_value(value, plan, &encoding);
	bool ok = write_entry(&loc, key, encoding, expiry(ttl), file_tags, tag_count, bytes);
	zend_string_release(bytes);
	if (held.fd >= 0) {
		unlock_key(&held);
	}
	if (!ok) {
		count(PERF_CACHE_ERRORS);
		return FAILURE;
	}
	*stored = true;
	count(PERF_CACHE_STORES);
	if (prune_now()) {
		zend_long removed = 0;
		prune_dir(loc.dir, &removed);
	}
	return SUCCESS;
}

static bool file_delete(zend_string *key)
{
	entry_location loc;

	locate(key, &loc);
	if (!shards_safe(&loc) || unlink(loc.path) != 0) {
		return false;
	}
	count(PERF_CACHE_DELETES);
	return true;
}

static bool is_hex(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (!isxdigit((unsigned char) s[i]) || isupper((unsigned char) s[i])) {
			return false;
		}
	}
	return true;
}

/* Only this driver's own names: an entry, its lock or lease file, or a temporary file being written. */
static bool is_cache_file(const char *name)
{
	size_t len = strlen(name);

	if (len == HEX_NAME_LEN && is_hex(name, len)) {
		return true;
	}
	if (len == HEX_NAME_LEN + 5 && is_hex(name, HEX_NAME_LEN) && strcmp(name + HEX_NAME_LEN, ".lock") == 0) {
		return true;
	}
	if (len == HEX_NAME_LEN + 6 && is_hex(name, HEX_NAME_LEN) && strcmp(name + HEX_NAME_LEN, ".lease") == 0) {
		return true;
	}
	return name[0] == '.' && len > HEX_NAME_LEN + 5 && is_hex(name + 1, HEX_NAME_LEN)
		&& strcmp(name + len - 4, ".tmp") == 0;
}

typedef void (*file_visitor)(const char *dir, const char *name, void *arg);

/* Calls visit for every cache file of every shard directory (two levels of two hex digits). */
static void walk(file_visitor visit, void *arg)
{
	DIR *top = opendir(base_dir);
	struct dirent *a, *b, *f;

	if (!top) {
		return;
	}
	while ((a = readdir(top))) {
		if (strlen(a->d_name) != 2 || !is_hex(a->d_name, 2)) {
			continue;
		}
		char first[MAXPATHLEN];
		snprintf(first, sizeof(first), "%s/%s", base_dir, a->d_name);
		/* opendir() follows symlinks: a planted one must not lead clear() or prune() elsewhere. */
		DIR *mid = safe_dir(first, false) ? opendir(first) : NULL;
		if (!mid) {
			continue;
		}
		while ((b = readdir(mid))) {
			if (strlen(b->d_name) != 2 || !is_hex(b->d_name, 2)) {
				continue;
			}
			char second[MAXPATHLEN];
			snprintf(second, sizeof(second), "%s/%s", first, b->d_name);
			DIR *leaf = safe_dir(second, false) ? opendir(second) : NULL;
			if (!leaf) {
				continue;
			}
			while ((f = readdir(leaf))) {
				if (is_cache_file(f->d_name)) {
					visit(second, f->d_name, arg);
				}
			}
			closedir(leaf);
		}
		closedir(mid);
	}
	closedir(top);
}

/*
 * Files left behind by processes that were killed: a lock or lease file nobody holds (removed
 * under its flock(), see lock_file()), and a temporary file whose writer no longer runs on this
 * machine or that is older than TEMP_STALE_SECONDS (a writer in another PID namespace).
 */
static void remove_leftover(const char *dir, const char *name)
{
	char path[MAXPATHLEN];
	size_t len = strlen(name);

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (name[0] == '.') {
		struct stat st;
		const char *pid_at = name + 1 + HEX_NAME_LEN + 1;
		pid_t writer = (pid_t) ZEND_STRTOL(pid_at, NULL, 10);
		bool gone = writer > 0 && writer != getpid() && kill(writer, 0) == -1 && errno == ESRCH;
		if (gone || (lstat(path, &st) == 0 && (time_t) st.st_mtime + TEMP_STALE_SECONDS < time(NULL))) {
			unlink(path);
		}
		return;
	}
	if (len > HEX_NAME_LEN) {
		int fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
		if (fd >= 0) {
			if (flock(fd, LOCK_EX | LOCK_NB) == 0 && still_linked(fd, path)) {
				unlock_file(fd, path);
			} else {
				close(fd);
			}
		}
	}
}

static void remove_entry_file(const char *dir, const char *name, void *arg)
{
	char path[MAXPATHLEN];

	if (strlen(name) != HEX_NAME_LEN) {
		remove_leftover(dir, name);
		return;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (unlink(path) == 0) {
		(*(zend_long *) arg)++;
	}
}

static zend_result file_clear(void)
{
	zend_long removed = 0;

	walk(remove_entry_file, &removed);
	perf_cache_count_n(FILE_DRIVER, PERF_CACHE_DELETES, (uint64_t) removed);
	return SUCCESS;
}

/* Removes an entry file that is expired past its stale window, has an invalidated tag, or is corrupt. */
static void prune_file(const char *dir, const char *name, zend_long *removed)
{
	char path[MAXPATHLEN];
	perf_file_entry entry;

	if (strlen(name) != HEX_NAME_LEN) {
		remove_leftover(dir, name);
		return;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	zend_string *data = read_file(path);
	if (!data) {
		return;
	}
	bool dead = perf_file_entry_decode((const uint8_t *) ZSTR_VAL(data), ZSTR_LEN(data), &entry) != 0;
	if (!dead && entry.expires_at) {
		dead = perf_cache_now() >= perf_cache_add_seconds(entry.expires_at, PERF_G(settings.cache.stale_ttl));
	}
	for (uint32_t i = 0; !dead && i < entry.tag_count; i++) {
		perf_file_tag tag = perf_file_entry_tag(&entry, i);
		dead = tag_version(tag.h1, tag.h2) != tag.version;
	}
	zend_string_release(data);
	if (dead && unlink(path) == 0) {
		(*removed)++;
		count(PERF_CACHE_EXPIRED);
	}
}

static void prune_visitor(const char *dir, const char *name, void *arg)
{
	prune_file(dir, name, arg);
}

static void prune_dir(const char *dir, zend_long *removed)
{
	DIR *leaf = opendir(dir);
	struct dirent *f;

	if (!leaf) {
		return;
	}
	while ((f = readdir(leaf))) {
		if (is_cache_file(f->d_name)) {
			prune_file(dir, f->d_name, removed);
		}
	}
	closedir(leaf);
}

static zend_long file_prune(void)
{
	zend_long removed = 0;

	if (ready()) {
		walk(prune_visitor, &removed);
	}
	return removed;
}

static zend_result file_increment(zend_string *key, zend_long step, zend_long ttl, zend_long *result)
{
	entry_location loc;
	zend_string *data = NULL;
	perf_file_entry entry;
	zval current;
	int64_t expires_at = expiry(ttl);
	zend_long next = step;
	perf_file_tag kept_tags[PERF_FILE_MAX_TAGS];
	uint32_t kept_count = 0;

	key_lock held;

	locate(key, &loc);
	if (!lock_key(&loc, &held)) {
		count(PERF_CACHE_ERRORS);
		return FAILURE;
	}
	file_state state = load(key, &loc, &data, &entry);
	if (state == FILE_FRESH) {
		/* Increments keep the TTL and the tags the entry was created with. */
		expires_at = entry.expires_at;
		kept_count = entry.tag_count;
		for (uint32_t i = 0; i < kept_count; i++) {
			kept_tags[i] = perf_file_entry_tag(&entry, i);
		}
		/* An entry this process cannot decode (igbinary elsewhere) leaves current undefined, never uninitialised. */
		ZVAL_UNDEF(&current);
		if (decode_value(&entry, &current) != SUCCESS || Z_TYPE(current) != IS_LONG
			|| (step > 0 && Z_LVAL(current) > ZEND_LONG_MAX - step) || (step < 0 && Z_LVAL(current) < ZEND_LONG_MIN - step)) {
			zval_ptr_dtor(&current);
			zend_string_release(data);
			unlock_key(&held);
			count(PERF_CACHE_ERRORS);
			return FAILURE;
		}
		next = Z_LVAL(current) + step;
	}
	if (data) {
		zend_string_release(data);
	}
	zval value;
	uint8_t encoding;
	ZVAL_LONG(&value, next);
	zend_string *bytes = encode_value(&value, NULL, &encoding);
	bool ok = write_entry(&loc, key, encoding, expires_at, kept_tags, kept_count, bytes);
	zend_string_release(bytes);
	unlock_key(&held);
	if (!ok) {
		count(PERF_CACHE_ERRORS);
		return FAILURE;
	}
	*result = next;
	count(PERF_CACHE_STORES);
	return SUCCESS;
}

static zend_long file_invalidate_tags(const perf_cache_tags *entry_tags)
{
	char dir[MAXPATHLEN], path[MAXPATHLEN];
	zend_long invalidated = 0;

	snprintf(dir, sizeof(dir), "%s/tags", base_dir);
	if (!safe_dir(dir, true)) {
		count(PERF_CACHE_ERRORS);
		return 0;
	}
	for (uint32_t i = 0; i < entry_tags->count; i++) {
		tag_path(entry_tags->ids[i].h1, entry_tags->ids[i].h2, path, sizeof(path));
		/* A tag no entry was ever stored with has no file: nothing to invalidate, nothing to create. */
		int fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0) {
			if (errno != ENOENT) {
				count(PERF_CACHE_ERRORS);
			}
			continue;
		}
		if (flock(fd, LOCK_EX) != 0) {
			close(fd);
			count(PERF_CACHE_ERRORS);
			continue;
		}
		unsigned char bytes[8] = {0};
		uint64_t version = 0;
		bool known = pread(fd, bytes, 8, 0) == 8;
		for (int b = 0; b < 8; b++) {
			version |= (uint64_t) bytes[b] << (8 * b);
		}
		version++;
		for (int b = 0; b < 8; b++) {
			bytes[b] = (unsigned char) (version >> (8 * b));
		}
		if (pwrite(fd, bytes, 8, 0) != 8) {
			count(PERF_CACHE_ERRORS);
		}
		flock(fd, LOCK_UN);
		close(fd);
		invalidated += known ? 1 : 0;
	}
	return invalidated;
}

/* Tags get their file when first used, so "known" means stored with at least once. */
static void touch_tags(const perf_cache_tags *entry_tags)
{
	char dir[MAXPATHLEN], path[MAXPATHLEN];

	if (!entry_tags || entry_tags->count == 0) {
		return;
	}
	snprintf(dir, sizeof(dir), "%s/tags", base_dir);
	if (!safe_dir(dir, true)) {
		return;
	}
	for (uint32_t i = 0; i < entry_tags->count; i++) {
		tag_path(entry_tags->ids[i].h1, entry_tags->ids[i].h2, path, sizeof(path));
		int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd >= 0) {
			unsigned char zero[8] = {0};
			struct stat st;
			if (fstat(fd, &st) == 0 && st.st_size < 8 && flock(fd, LOCK_EX) == 0) {
				if (fstat(fd, &st) == 0 && st.st_size < 8 && pwrite(fd, zero, 8, 0) != 8) {
					count(PERF_CACHE_ERRORS);
				}
				flock(fd, LOCK_UN);
			}
			close(fd);
		}
	}
}

static zend_result file_set_tagged(zend_string *key, zval *value, const perf_value_plan *plan, zend_long ttl,
	const perf_cache_tags *entry_tags, perf_cache_set_mode mode, bool *stored)
{
	touch_tags(entry_tags);
	return file_set(key, value, plan, ttl, entry_tags, mode, stored);
}

static void free_lease(zval *held)
{
	efree(Z_PTR_P(held));
}

/* Lease files this request holds flock()ed, by key: a key_lock each (the path goes with the lease when it is released). */
static perf_cache_lease file_lease_acquire(zend_string *key, zend_long hold_ms)
{
	entry_location loc;
	char path[MAXPATHLEN];

	if (held_leases && held_leases_pid != getpid()) {
		/* The parent's table: its fds and locks stay the parent's; the child starts with none. */
		held_leases = NULL;
	}
	if (held_leases && zend_hash_exists(held_leases, key)) {
		return PERF_CACHE_LEASE_ACQUIRED;
	}
	locate(key, &loc);
	if (!make_dirs(&loc)) {
		return PERF_CACHE_LEASE_UNAVAILABLE;
	}
	/* Not the ".lock" file add() and increment() take: a callback may call them on its own key. */
	snprintf(path, sizeof(path), "%s.lease", loc.path);
	int fd = lock_file(path, false);
	if (fd < 0) {
		return errno == EWOULDBLOCK ? PERF_CACHE_LEASE_HELD : PERF_CACHE_LEASE_UNAVAILABLE;
	}
	if (!held_leases) {
		ALLOC_HASHTABLE(held_leases);
		zend_hash_init(held_leases, 8, NULL, free_lease, 0);
		held_leases_pid = getpid();
	}
	key_lock *lease = emalloc(sizeof(key_lock));
	lease->fd = fd;
	memcpy(lease->path, path, sizeof(path));
	zend_hash_add_ptr(held_leases, key, lease);
	return PERF_CACHE_LEASE_ACQUIRED;
}

static void file_lease_release(zend_string *key)
{
	key_lock *held = held_leases && held_leases_pid == getpid() ? zend_hash_find_ptr(held_leases, key) : NULL;

	if (held) {
		unlock_key(held);
		zend_hash_del(held_leases, key);
	}
}

typedef struct {
	zend_long entries;
	zend_long bytes;
} usage;

static void measure_file(const char *dir, const char *name, void *arg)
{
	char path[MAXPATHLEN];
	struct stat st;
	usage *u = arg;

	if (strlen(name) != HEX_NAME_LEN) {
		return;
	}
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		u->entries++;
		u->bytes += st.st_size;
	}
}

static void file_stats(zval *stats)
{
	usage u = {0, 0};
	struct statvfs fs;
	zend_long free_bytes = 0;

	walk(measure_file, &u);
	if (statvfs(base_dir, &fs) == 0) {
		free_bytes = (zend_long) fs.f_bavail * (zend_long) fs.f_frsize;
	}
	uint64_t hits = perf_cache_counter_total(FILE_DRIVER, PERF_CACHE_HITS);
	uint64_t misses = perf_cache_counter_total(FILE_DRIVER, PERF_CACHE_MISSES);
	add_assoc_long(stats, "hits", (zend_long) hits);
	add_assoc_long(stats, "misses", (zend_long) misses);
	add_assoc_double(stats, "hit_ratio", hits + misses ? (double) hits / (double) (hits + misses) : 0.0);
	add_assoc_long(stats, "stores", (zend_long) perf_cache_counter_total(FILE_DRIVER, PERF_CACHE_STORES));
	add_assoc_long(stats, "deletes", (zend_long) perf_cache_counter_total(FILE_DRIVER, PERF_CACHE_DELETES));
	add_assoc_long(stats, "evictions", 0);
	add_assoc_long(stats, "expired", (zend_long) perf_cache_counter_total(FILE_DRIVER, PERF_CACHE_EXPIRED));
	add_assoc_long(stats, "entries", u.entries);
	/* On disk, the cache may take all the free space of its filesystem. */
	add_assoc_long(stats, "memory_size", u.bytes + free_bytes);
	add_assoc_long(stats, "memory_used", u.bytes);
	add_assoc_long(stats, "memory_free", free_bytes);
	add_assoc_long(stats, "lock_waits", (zend_long) perf_cache_counter_total(FILE_DRIVER, PERF_CACHE_LOCK_WAITS));
	add_assoc_long(stats, "lock_recoveries", 0);
	add_assoc_long(stats, "stale_serves", (zend_long) perf_cache_counter_total(FILE_DRIVER, PERF_CACHE_STALE_SERVES));
	add_assoc_long(stats, "errors", (zend_long) perf_cache_counter_total(FILE_DRIVER, PERF_CACHE_ERRORS));
}

/* cache.c releases every lease a request still holds before this runs; the table goes with the request. */
static void file_request_end(void)
{
	if (held_leases && held_leases_pid != getpid()) {
		held_leases = NULL;
	}
	if (held_leases) {
		zend_hash_destroy(held_leases);
		FREE_HASHTABLE(held_leases);
		held_leases = NULL;
	}
}

/* PHP's crc32() core (PCLMUL where the CPU has it), chained the way file_format.c chains. */
static uint32_t php_crc32(uint32_t crc, const uint8_t *data, size_t len)
{
	return ~php_crc32_bulk_update(~crc, (const char *) data, len);
}

void perf_cache_file_startup(void)
{
	perf_file_set_crc32(php_crc32);
}

const perf_cache_driver perf_cache_driver_file = {
	.name = "file",
	.available = file_available,
	.get = file_get,
	.set = file_set_tagged,
	.has = file_has,
	.delete = file_delete,
	.clear = file_clear,
	.increment = file_increment,
	.invalidate_tags = file_invalidate_tags,
	.lease_acquire = file_lease_acquire,
	.lease_release = file_lease_release,
	.stats = file_stats,
	.prune = file_prune,
	.count = count,
	.request_end = file_request_end,
};
