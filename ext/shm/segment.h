/*
 * Shared segments: the memory cache's and the metrics' shared memory, named per user and name.
 *
 * A named segment is the file /dev/shm/perf.<euid>.<name>.<kind> (kind "cache", "stats" or "metrics"),
 * created 0600 by the first process of that user that needs it, and mapped by every process of
 * that user that asks for the same name: php-fpm workers of the pools that set that name, and the
 * CLI. Pools of different users never share one, whatever their name. The file outlives the
 * processes, so a php-fpm reload or restart finds its entries again.
 *
 * A segment holds absolute pointers (zero-copy images), so every process maps it at the address
 * its creator chose and recorded in its prefix, or not at all.
 *
 * An empty name keeps the first design: one anonymous MAP_SHARED mapping made before the SAPI
 * forks, private to that process tree.
 */

#ifndef PERF_SHM_SEGMENT_H
#define PERF_SHM_SEGMENT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "php.h"

#define PERF_SEGMENT_MAGIC 0x53465250u
#define PERF_SEGMENT_NAME_MAX 64

/* The first bytes of every segment, whatever it holds: what an opener checks before mapping it. */
typedef struct {
	uint32_t magic;
	/* The layout of what follows (the kind's own version number): another version is replaced. */
	uint32_t version;
	/* The file's size, checked against fstat() before mapping: a truncated file is never mapped. */
	uint64_t size;
	/* Where every process maps it. */
	uint64_t address;
	/* Set by the creator once the layout is initialised; a file without it is refused. */
	_Atomic uint32_t ready;
	/* Set when another segment took this one's name: its users leave it at their next request. */
	_Atomic uint32_t replaced;
} perf_segment_prefix;

typedef struct {
	/* "cache", "stats" or "metrics": the file name's last part and the warnings' wording. */
	const char *kind;
	uint32_t version;
	size_t size;
	/* Lays out a new segment of spec->size bytes at base (its prefix is filled in afterwards). */
	zend_result (*init)(void *base, size_t size);
} perf_segment_spec;

typedef enum {
	PERF_SEGMENT_ATTACHED,
	/* No segment of that name, and the caller may not create one. */
	PERF_SEGMENT_MISSING,
	/* Refused or failed, with a warning (once per process and kind). */
	PERF_SEGMENT_UNAVAILABLE,
} perf_segment_status;

/* Whether name may name a segment: 1 to PERF_SEGMENT_NAME_MAX characters of [A-Za-z0-9._-]. */
bool perf_segment_name_valid(const char *name, size_t len);

/* An anonymous segment (empty name), laid out by spec->init; NULL with a warning on failure. */
void *perf_segment_anonymous(const perf_segment_spec *spec);

/* What a process may do besides attaching to the live segment. */
typedef enum {
	PERF_SEGMENT_ATTACH_ONLY = 0,
	/* Create the segment when there is none, and replace one of another layout version (same size). */
	PERF_SEGMENT_CREATE = 1,
	/* Also replace one of another size than spec->size (the web server's processes). */
	PERF_SEGMENT_RESIZE = 2,
} perf_segment_mode;

/* Whether this process is the CLI (or phpdbg), which attaches to the web server's segments. */
bool perf_segment_sapi_is_cli(void);

/*
 * The mode every kind attaches with: the web server's processes create a segment and apply its
 * size; the CLI (cron, artisan, a queue worker) uses the live one whatever its size, and creates
 * one only when its setting says so (cli_creates: perf.cache_enable_cli, perf.enable_cli).
 */
int perf_segment_attach_mode(bool cli_creates);

/*
 * Maps the segment of this user named name, as mode allows (without PERF_SEGMENT_RESIZE, the live
 * segment is used whatever its size). *base is set when PERF_SEGMENT_ATTACHED.
 */
perf_segment_status perf_segment_attach(const perf_segment_spec *spec, const char *name, int mode, void **base);

/* Whether another segment took this one's name since it was mapped (one atomic load). */
static inline bool perf_segment_replaced(const void *base)
{
	return atomic_load_explicit(&((perf_segment_prefix *) base)->replaced, memory_order_relaxed) != 0;
}

void perf_segment_detach(void *base);

/*
 * A mutex inside a segment: shared between processes, and robust, so that a holder killed at any
 * instruction makes the next locker get EOWNERDEAD (and repair) instead of waiting for ever.
 */
void perf_segment_mutex_init(pthread_mutex_t *mutex);

/*
 * One kind's segment as a process uses it, the same way for every kind: with an empty name the
 * anonymous segment made in MINIT (perf_segment_binding_startup), otherwise the named one,
 * attached at the first use (perf_segment_binding_get) with the CLI rule of
 * perf_segment_attach_mode(); a failed attach is not tried again until
 * perf_segment_binding_retry(); a replaced one is left by perf_segment_binding_leave_replaced().
 */
typedef struct {
	perf_segment_spec *spec;
	/* Optional: points the kind's own globals at a new segment, before other threads can see it. */
	void (*bind)(void *base);
	/* Optional: lets go of what the process holds in a segment it leaves, before it is unmapped. */
	void (*unbind)(void *base);
	void *anonymous;
	_Atomic(void *) base;
	_Atomic bool tried;
	char name[PERF_SEGMENT_NAME_MAX + 1];
} perf_segment_binding;

/* Makes the anonymous segment when make_anonymous (MINIT, empty name); false if that failed. */
bool perf_segment_binding_startup(perf_segment_binding *b, bool make_anonymous);

/* The segment in use, attaching it at the first call (once per process until a retry); NULL without. */
void *perf_segment_binding_get(perf_segment_binding *b, const char *name, bool cli_creates);

/*
 * These two run at every request start, for each kind: inline, they cost a load or two there.
 * Without a segment: the next perf_segment_binding_get() tries again.
 */
static inline void perf_segment_binding_retry(perf_segment_binding *b)
{
	if (!atomic_load_explicit(&b->base, memory_order_relaxed)) {
		atomic_store_explicit(&b->tried, false, memory_order_relaxed);
	}
}

/* The slow path of perf_segment_binding_leave_replaced(): unbinds and unmaps base. */
void perf_segment_binding_leave(perf_segment_binding *b, void *base);

/*
 * Leaves the segment if another one replaced it (when nothing of the process points into it: not
 * under ZTS, where other threads may be using it); true if it did.
 */
static inline bool perf_segment_binding_leave_replaced(perf_segment_binding *b)
{
#ifdef ZTS
	(void) b;
	return false;
#else
	void *base = atomic_load_explicit(&b->base, memory_order_relaxed);

	if (!base || base == b->anonymous || !perf_segment_replaced(base)) {
		return false;
	}
	perf_segment_binding_leave(b, base);
	return true;
#endif
}

void perf_segment_binding_shutdown(perf_segment_binding *b);

#endif
