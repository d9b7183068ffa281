/*
 * Named shared segments: naming, creation, the checks an opener makes, and mapping at the
 * creator's address. See segment.h for what a segment is.
 *
 * CREATION never exposes a half-made segment: the creator makes perf.<euid>.<name>.<kind>.<pid>.tmp
 * (O_CREAT|O_EXCL|O_NOFOLLOW, 0600), reserves its pages with posix_fallocate() (tmpfs would raise
 * SIGBUS later on a page it cannot back; reserving up front fails cleanly instead), maps and lays
 * it out, marks it ready, then link()s it to the final name: EEXIST means another process won,
 * and its segment is used instead. A creator killed at any instruction leaves at most its temp
 * file, which the next creator removes (its pid is dead); the final name only ever names a ready
 * segment.
 *
 * OPENING refuses, with one warning naming the path, anything this user did not make: a symlink
 * (O_NOFOLLOW), a file that is not regular, of another owner, of another mode than 0600, shorter
 * than its prefix says, without the magic or the ready mark, or recording an address outside the
 * segments' range. It is never followed, mapped past its end, or written to.
 *
 * REPLACEMENT (another layout version; for the web server's processes, also another size: the
 * configuration's perf.cache_memory changed): under an flock() of the old
 * file, so replacers of one segment take turns, the replacer makes a new segment under its temp
 * name, marks the old one replaced, and rename()s the new one over the name. Processes using the
 * old one see the mark at their next request and attach again; the kernel frees the old one when
 * the last of them unmaps it. A replacer killed after the mark and before the rename leaves the
 * old segment marked but still named: the next process to take the lock finds the name still on
 * that file and replaces it itself.
 *
 * ADDRESSES: values hold absolute pointers, so the creator picks an address in a range no
 * x86-64 Linux process normally uses (0x6000'0000'0000 to 0x7000'0000'0000: PIE binaries and the
 * heap sit near 0x55..-0x56.., shared libraries and mmap below 0x7f..), one of 256 slots of 64 GB
 * hashed from the path and size, probing the next ones when a slot is taken in the creator. Other
 * processes map it there with MAP_FIXED_NOREPLACE (and check the result: kernels before 4.17 take
 * the address as a hint), never over one of their own mappings.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "php.h"
#include "SAPI.h"

#include "shm/segment.h"

#ifndef MAP_FIXED_NOREPLACE
# define MAP_FIXED_NOREPLACE 0x100000
#endif

#define SEGMENT_DIR "/dev/shm"
#define ADDRESS_LOW UINT64_C(0x600000000000)
#define ADDRESS_STRIDE (UINT64_C(64) << 30)
#define ADDRESS_SLOTS 256
#define ADDRESS_PROBES 16
/* Opening again after losing a creation race or finding the segment replaced under us. */
#define ATTACH_ATTEMPTS 4

typedef enum {
	OPEN_FOUND,
	OPEN_NOT_FOUND,
	OPEN_REFUSED,
} open_result;

/* Kinds already warned about in this process: one warning per process and kind. */
static const perf_segment_spec *warned[4];

static void segment_warn(const perf_segment_spec *spec, const char *format, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);

static void segment_warn(const perf_segment_spec *spec, const char *format, ...)
{
	size_t i;
	va_list args;
	char message[512];

	for (i = 0; i < sizeof(warned) / sizeof(warned[0]) && warned[i]; i++) {
		if (warned[i] == spec) {
			return;
		}
	}
	if (i < sizeof(warned) / sizeof(warned[0])) {
		warned[i] = spec;
	}
	va_start(args, format);
	vsnprintf(message, sizeof(message), format, args);
	va_end(args);
	zend_error(E_WARNING, "perf: %s; the %s segment is unavailable", message, spec->kind);
}

bool perf_segment_name_valid(const char *name, size_t len)
{
	if (len == 0 || len > PERF_SEGMENT_NAME_MAX) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		char c = name[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
				|| c == '-')) {
			return false;
		}
	}
	/* "." and ".." would still be a file name part, never a directory: no further rule needed. */
	return true;
}

static void fill_prefix(void *base, const perf_segment_spec *spec, size_t size)
{
	perf_segment_prefix *p = base;

	p->magic = PERF_SEGMENT_MAGIC;
	p->version = spec->version;
	p->size = size;
	p->address = (uint64_t) (uintptr_t) base;
	atomic_store(&p->replaced, 0);
	atomic_store(&p->ready, 1);
}

void *perf_segment_anonymous(const perf_segment_spec *spec)
{
	void *mem = mmap(NULL, spec->size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (mem == MAP_FAILED) {
		zend_error(E_WARNING, "perf: cannot map %zu bytes of shared memory for the %s: %s", spec->size, spec->kind,
			strerror(errno));
		return NULL;
	}
	if (spec->init(mem, spec->size) != SUCCESS) {
		munmap(mem, spec->size);
		return NULL;
	}
	fill_prefix(mem, spec, spec->size);
	return mem;
}

void perf_segment_mutex_init(pthread_mutex_t *mutex)
{
	pthread_mutexattr_t attr;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(mutex, &attr);
	pthread_mutexattr_destroy(&attr);
}

void perf_segment_detach(void *base)
{
	munmap(base, ((perf_segment_prefix *) base)->size);
}

/* Maps fd at exactly address, or fails (EEXIST when something of this process is there). */
static void *map_at(int fd, size_t size, uint64_t address)
{
	void *want = (void *) (uintptr_t) address;
	void *mem = mmap(want, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED_NOREPLACE, fd, 0);

	if (mem == MAP_FAILED) {
		return NULL;
	}
	if (mem != want) {
		munmap(mem, size);
		errno = EEXIST;
		return NULL;
	}
	return mem;
}

static bool address_valid(uint64_t address, uint64_t size)
{
	return address >= ADDRESS_LOW && address < ADDRESS_LOW + ADDRESS_SLOTS * ADDRESS_STRIDE
		&& (address - ADDRESS_LOW) % ADDRESS_STRIDE == 0 && size <= ADDRESS_STRIDE;
}

/* FNV-1a over the path and the size: the same segment gets the same first slot on every host. */
static uint32_t first_slot(const char *path, size_t size)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	for (const char *c = path; *c; c++) {
		h = (h ^ (unsigned char) *c) * UINT64_C(0x100000001b3);
	}
	h = (h ^ size) * UINT64_C(0x100000001b3);
	return (uint32_t) (h % ADDRESS_SLOTS);
}

static open_result open_existing(const perf_segment_spec *spec, const char *path, int *fd_out, perf_segment_prefix *p)
{
	struct stat st;
	int fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0) {
		if (errno == ENOENT) {
			return OPEN_NOT_FOUND;
		}
		segment_warn(spec, "refusing %s: %s", path, errno == ELOOP ? "it is a symbolic link" : strerror(errno));
		return OPEN_REFUSED;
	}
	const char *problem = NULL;
	char detail[96];
	if (fstat(fd, &st) != 0) {
		problem = strerror(errno);
	} else if (!S_ISREG(st.st_mode)) {
		problem = "not a regular file";
	} else if (st.st_uid != geteuid()) {
		snprintf(detail, sizeof(detail), "owned by uid %u, not by this process's uid %u", (unsigned) st.st_uid,
			(unsigned) geteuid());
		problem = detail;
	} else if ((st.st_mode & 07777) != 0600) {
		snprintf(detail, sizeof(detail), "mode %04o, not 0600", (unsigned) (st.st_mode & 07777));
		problem = detail;
	} else if ((size_t) st.st_size < sizeof(*p) || pread(fd, p, sizeof(*p), 0) != (ssize_t) sizeof(*p)) {
		problem = "truncated";
	} else if (p->magic != PERF_SEGMENT_MAGIC || !atomic_load(&p->ready)) {
		problem = "not a perf segment";
	} else if (p->size != (uint64_t) st.st_size) {
		problem = "truncated";
	} else if (!address_valid(p->address, p->size)) {
		problem = "not a perf segment (address out of range)";
	}
	if (problem) {
		segment_warn(spec, "refusing %s: %s", path, problem);
		close(fd);
		return OPEN_REFUSED;
	}
	*fd_out = fd;
	return OPEN_FOUND;
}

/* Temp files of creators that died (their pid is gone) would hold their reserved memory for good. */
static void remove_dead_temps(const char *path)
{
	const char *base = strrchr(path, '/') + 1;
	size_t base_len = strlen(base);
	DIR *dir = opendir(SEGMENT_DIR);
	struct dirent *d;

	if (!dir) {
		return;
	}
	while ((d = readdir(dir)) != NULL) {
		char *end;
		struct stat st;
		char temp[PATH_MAX];
		if (strncmp(d->d_name, base, base_len) != 0 || d->d_name[base_len] != '.') {
			continue;
		}
		long pid = strtol(d->d_name + base_len + 1, &end, 10);
		if (pid <= 0 || strcmp(end, ".tmp") != 0 || kill((pid_t) pid, 0) == 0 || errno != ESRCH) {
			continue;
		}
		snprintf(temp, sizeof(temp), "%s/%s", SEGMENT_DIR, d->d_name);
		if (lstat(temp, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid()) {
			unlink(temp);
		}
	}
	closedir(dir);
}

/* Makes a ready segment under temp; its fd stays open for the caller (link or rename, then close). */
static void *create_temp(const perf_segment_spec *spec, size_t size, const char *path, const char *temp, int *fd_out)
{
	struct stat st;
	int fd = open(temp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0 && errno == EEXIST && lstat(temp, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid()) {
		/* Left by an earlier process with this pid, which is this one's by now. */
		unlink(temp);
		fd = open(temp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	}
	if (fd < 0) {
		segment_warn(spec, "cannot create %s: %s", temp, strerror(errno));
		return NULL;
	}
	/* The umask may have taken bits away; openers insist on exactly 0600. */
	int err = fchmod(fd, 0600) != 0 ? errno : posix_fallocate(fd, 0, (off_t) size);
	if (err) {
		segment_warn(spec, "cannot reserve %zu bytes for %s: %s", size, temp, strerror(err));
		unlink(temp);
		close(fd);
		return NULL;
	}
	void *mem = NULL;
	uint32_t slot = first_slot(path, size);
	for (uint32_t i = 0; i < ADDRESS_PROBES && !mem; i++) {
		mem = map_at(fd, size, ADDRESS_LOW + (uint64_t) ((slot + i) % ADDRESS_SLOTS) * ADDRESS_STRIDE);
		if (!mem && errno != EEXIST) {
			break;
		}
	}
	if (!mem || spec->init(mem, size) != SUCCESS) {
		if (!mem) {
			segment_warn(spec, "cannot map %s at a free address: %s", temp, strerror(errno));
		} else {
			munmap(mem, size);
		}
		unlink(temp);
		close(fd);
		return NULL;
	}
	fill_prefix(mem, spec, size);
	*fd_out = fd;
	return mem;
}

/* Marks the old segment (open as fd) replaced, without mapping it at its address. */
static void mark_replaced(int fd)
{
	perf_segment_prefix *p = mmap(NULL, sizeof(*p), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	if (p != MAP_FAILED) {
		atomic_store(&p->replaced, 1);
		munmap(p, sizeof(*p));
	}
}

/* Whether path still names the file open as fd. */
static bool still_named(int fd, const char *path)
{
	struct stat a, b;
	return fstat(fd, &a) == 0 && lstat(path, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/*
 * Replaces the segment open as fd (locked by the caller). NULL when it was replaced meanwhile by
 * someone else (*again is then set: open the name again) or on failure (warned).
 */
static void *replace(const perf_segment_spec *spec, size_t size, const char *path, const char *temp, int fd, bool *again)
{
	int new_fd;

	if (!still_named(fd, path)) {
		*again = true;
		return NULL;
	}
	void *mem = create_temp(spec, size, path, temp, &new_fd);
	if (!mem) {
		return NULL;
	}
	mark_replaced(fd);
	if (rename(temp, path) != 0) {
		segment_warn(spec, "cannot rename %s to %s: %s", temp, path, strerror(errno));
		unlink(temp);
		munmap(mem, size);
		close(new_fd);
		return NULL;
	}
	close(new_fd);
	return mem;
}

bool perf_segment_sapi_is_cli(void)
{
	return strcmp(sapi_module.name, "cli") == 0 || strcmp(sapi_module.name, "phpdbg") == 0;
}

int perf_segment_attach_mode(bool cli_creates)
{
	if (!perf_segment_sapi_is_cli()) {
		return PERF_SEGMENT_CREATE | PERF_SEGMENT_RESIZE;
	}
	return cli_creates ? PERF_SEGMENT_CREATE : PERF_SEGMENT_ATTACH_ONLY;
}

perf_segment_status perf_segment_attach(const perf_segment_spec *spec, const char *name, int mode, void **base)
{
	bool create = (mode & PERF_SEGMENT_CREATE) != 0;
	char path[PATH_MAX], temp[PATH_MAX];

	snprintf(path, sizeof(path), SEGMENT_DIR "/perf.%u.%s.%s", (unsigned) geteuid(), name, spec->kind);
	snprintf(temp, sizeof(temp), "%s.%ld.tmp", path, (long) getpid());
	if (create) {
		/* Once per process: also the temp file of a creator killed after its link(), before its unlink(). */
		remove_dead_temps(path);
	}
	for (int attempt = 0; attempt < ATTACH_ATTEMPTS; attempt++) {
		perf_segment_prefix p;
		int fd;
		void *mem;

		switch (open_existing(spec, path, &fd, &p)) {
			case OPEN_REFUSED:
				return PERF_SEGMENT_UNAVAILABLE;
			case OPEN_NOT_FOUND:
				if (!create) {
					return PERF_SEGMENT_MISSING;
				}
				if (!(mem = create_temp(spec, spec->size, path, temp, &fd))) {
					return PERF_SEGMENT_UNAVAILABLE;
				}
				int err = link(temp, path) == 0 ? 0 : errno;
				unlink(temp);
				close(fd);
				if (err == 0) {
					*base = mem;
					return PERF_SEGMENT_ATTACHED;
				}
				munmap(mem, spec->size);
				if (err != EEXIST) {
					segment_warn(spec, "cannot link %s to %s: %s", temp, path, strerror(err));
					return PERF_SEGMENT_UNAVAILABLE;
				}
				/* Another process created it first: use theirs. */
				continue;
			case OPEN_FOUND:
				break;
		}
		/*
		 * Another layout is never read. Another size is the configuration's change, applied by
		 * the web server's processes only: the CLI uses the live segment whatever its size (its
		 * php.ini is often not the web server's, and two sizes would replace each other's segment
		 * at every run).
		 */
		bool stale = p.version != spec->version || ((mode & PERF_SEGMENT_RESIZE) && p.size != spec->size)
			|| atomic_load(&p.replaced);
		if (!stale) {
			mem = map_at(fd, p.size, p.address);
			int err = errno;
			close(fd);
			if (!mem) {
				segment_warn(spec, "cannot map %s at 0x%" PRIx64 ": %s", path, p.address,
					err == EEXIST ? "this process uses that address" : strerror(err));
				return PERF_SEGMENT_UNAVAILABLE;
			}
			if (perf_segment_replaced(mem)) {
				/* Replaced between the check and the mapping. */
				munmap(mem, p.size);
				continue;
			}
			*base = mem;
			return PERF_SEGMENT_ATTACHED;
		}
		if (!create) {
			close(fd);
			return PERF_SEGMENT_MISSING;
		}
		bool again = false;
		/* Without PERF_SEGMENT_RESIZE the new one keeps the old one's size, the web server's choice. */
		size_t size = (mode & PERF_SEGMENT_RESIZE) ? spec->size : (size_t) p.size;
		mem = flock(fd, LOCK_EX) == 0 ? replace(spec, size, path, temp, fd, &again) : NULL;
		/* Closing drops the lock: the next replacer finds the name on the new segment. */
		close(fd);
		if (mem) {
			*base = mem;
			return PERF_SEGMENT_ATTACHED;
		}
		if (!again) {
			return PERF_SEGMENT_UNAVAILABLE;
		}
	}
	segment_warn(spec, "%s keeps changing (replaced or recreated while opening it)", path);
	return PERF_SEGMENT_UNAVAILABLE;
}

#ifdef ZTS
/* Threads of one process attach once, together (any kind: attaching is rare). */
static pthread_mutex_t binding_mutex = PTHREAD_MUTEX_INITIALIZER;
#endif

bool perf_segment_binding_startup(perf_segment_binding *b, bool make_anonymous)
{
	if (make_anonymous) {
		b->anonymous = perf_segment_anonymous(b->spec);
		return b->anonymous != NULL;
	}
	return true;
}

static void *binding_attach(perf_segment_binding *b, const char *name, bool cli_creates)
{
	void *base = atomic_load(&b->base);

	if (base || atomic_load(&b->tried)) {
		return base;
	}
	atomic_store(&b->tried, true);
	if (!*name) {
		base = b->anonymous;
	} else if (perf_segment_attach(b->spec, name, perf_segment_attach_mode(cli_creates), &base) == PERF_SEGMENT_ATTACHED) {
		snprintf(b->name, sizeof(b->name), "%s", name);
	} else {
		base = NULL;
	}
	if (base) {
		if (b->bind) {
			b->bind(base);
		}
		atomic_store_explicit(&b->base, base, memory_order_release);
	}
	return base;
}

void *perf_segment_binding_get(perf_segment_binding *b, const char *name, bool cli_creates)
{
	void *base = atomic_load_explicit(&b->base, memory_order_acquire);

	if (EXPECTED(base != NULL) || atomic_load_explicit(&b->tried, memory_order_relaxed)) {
		return base;
	}
#ifdef ZTS
	pthread_mutex_lock(&binding_mutex);
	base = binding_attach(b, name, cli_creates);
	pthread_mutex_unlock(&binding_mutex);
#else
	base = binding_attach(b, name, cli_creates);
#endif
	return base;
}

static void binding_leave(perf_segment_binding *b, void *base)
{
	atomic_store(&b->base, NULL);
	if (b->unbind) {
		b->unbind(base);
	}
	if (base != b->anonymous) {
		perf_segment_detach(base);
	}
}

void perf_segment_binding_leave(perf_segment_binding *b, void *base)
{
	binding_leave(b, base);
	atomic_store(&b->tried, false);
}

void perf_segment_binding_shutdown(perf_segment_binding *b)
{
	void *base = atomic_load(&b->base);

	if (base) {
		binding_leave(b, base);
	}
	if (b->anonymous) {
		perf_segment_detach(b->anonymous);
		b->anonymous = NULL;
	}
}
