#ifndef PERF_CACHE_H
#define PERF_CACHE_H

#include "php.h"
#include "php_ini.h"
#include "cache/value.h"

/* One limit for every driver: memcached's, and short enough for any Redis prefix or file name. */
#define PERF_CACHE_MAX_KEY_LEN 250
#define PERF_CACHE_MAX_TAGS_STORED 64

/*
 * The drivers' per-request and per-connection state (the reader's slot, the Redis connection,
 * held locks and leases): per process, and per thread under ZTS, where one thread's request end
 * must not free or reuse what another thread is using.
 */
#ifdef ZTS
# define PERF_CACHE_LOCAL _Thread_local
#else
# define PERF_CACHE_LOCAL
#endif

typedef struct {
	char *driver;
	char *dir;
	char *name;
	zend_long memory;
	bool enable_cli;
	zend_long default_ttl;
	zend_long ttl_short;
	zend_long ttl_medium;
	zend_long ttl_long;
	zend_long lock_wait_ms;
	zend_long stale_ttl;
	char *serializer;
	zend_long clock_offset;
	zend_long clock;
	char *allowed_classes;
	bool zero_copy;
	char *preload;
} perf_cache_settings;

/* Counters of the cache core's statistics segment (counters.c); perf_cache_stats() adds them up. */
typedef enum {
	PERF_CACHE_HITS,
	PERF_CACHE_MISSES,
	PERF_CACHE_STORES,
	PERF_CACHE_DELETES,
	PERF_CACHE_EVICTIONS,
	PERF_CACHE_EXPIRED,
	PERF_CACHE_LOCK_WAITS,
	PERF_CACHE_STALE_SERVES,
	PERF_CACHE_ERRORS,
	PERF_CACHE_LOCK_RECOVERIES,
	PERF_CACHE_COUNTER_COUNT,
} perf_cache_counter;

/* Each driver's counters are kept apart. */
typedef enum {
	PERF_CACHE_DRIVER_MEMORY,
	PERF_CACHE_DRIVER_FILE,
	PERF_CACHE_DRIVER_REDIS,
	PERF_CACHE_DRIVER_COUNT,
} perf_cache_driver_id;

typedef enum {
	PERF_CACHE_SET,
	PERF_CACHE_ADD,
} perf_cache_set_mode;

typedef enum {
	PERF_CACHE_MISS,
	PERF_CACHE_HIT,
	/* Expired, but inside perf.cache_stale_ttl: remember() may serve it while another process recomputes. */
	PERF_CACHE_STALE,
} perf_cache_lookup;

typedef enum {
	PERF_CACHE_LEASE_ACQUIRED,
	PERF_CACHE_LEASE_HELD,
	PERF_CACHE_LEASE_UNAVAILABLE,
} perf_cache_lease;

/* A tag is known by two independent 64-bit hashes of its name: tags never collide in practice. */
typedef struct {
	uint64_t h1;
	uint64_t h2;
} perf_cache_tag_id;

/* A call's tags, resolved once and without duplicates. */
typedef struct {
	uint32_t count;
	perf_cache_tag_id *ids;
} perf_cache_tags;

/*
 * A cache driver: a const table of operations, like php_random_algo. Every operation reports
 * backend trouble as FAILURE/false (counted in the driver's errors), never as a PHP error.
 * ttl is in seconds, already resolved (0 = no expiry).
 */
typedef struct {
	const char *name;
	bool (*available)(void);
	perf_cache_lookup (*get)(zend_string *key, zval *value, bool allow_stale);
	/* Optional: many keys in one round trip. Without it, get() is called per key. */
	void (*get_multiple)(zend_string **keys, uint32_t count, zval *values, perf_cache_lookup *found);
	zend_result (*set)(zend_string *key, zval *value, const perf_value_plan *plan, zend_long ttl,
		const perf_cache_tags *tags, perf_cache_set_mode mode, bool *stored);
	bool (*has)(zend_string *key);
	bool (*delete)(zend_string *key);
	zend_result (*clear)(void);
	zend_result (*increment)(zend_string *key, zend_long step, zend_long ttl, zend_long *result);
	zend_long (*invalidate_tags)(const perf_cache_tags *tags);
	perf_cache_lease (*lease_acquire)(zend_string *key, zend_long hold_ms);
	void (*lease_release)(zend_string *key);
	void (*stats)(zval *stats);
	/* Removes expired and invalid entries now; returns how many. */
	zend_long (*prune)(void);
	void (*count)(perf_cache_counter counter);
	/* Called at request end and at perf_request_end(), also after a fatal error cut an operation short; may be NULL. */
	void (*request_end)(void);
	/*
	 * Called once nothing of the request can reach a value it read any more (post-deactivate: after
	 * every RSHUTDOWN, session writes and the destruction of globals); may be NULL.
	 */
	void (*release_values)(void);
} perf_cache_driver;

extern const perf_cache_driver perf_cache_driver_memory;
extern const perf_cache_driver perf_cache_driver_file;
#ifdef PERF_HAVE_HIREDIS
extern const perf_cache_driver perf_cache_driver_redis;
void perf_cache_redis_startup(void);
void perf_cache_redis_shutdown(void);
#endif

typedef struct {
	char *host;
	zend_long port;
	char *socket;
	char *username;
	char *password;
	zend_long database;
	char *prefix;
	zend_long connect_timeout_ms;
	zend_long read_timeout_ms;
	bool persistent;
	zend_long breaker_failures;
	zend_long breaker_cooldown_ms;
} perf_redis_settings;

typedef struct {
	bool auth_warned;
} perf_redis_state;

/*
 * A circuit breaker for a remote backend, shared by every worker through the cache core's
 * statistics segment (counters.c; per process without it): closed; open for a cooldown after N
 * consecutive failures, when calls fail at once; then one process probes and closes it again.
 */
bool perf_cache_breaker_allow(void);
void perf_cache_breaker_success(void);
void perf_cache_breaker_failure(zend_long failures_to_open, zend_long cooldown_ms);
void perf_cache_breaker_stats(zval *stats);

/*
 * Counters live in the cache core's statistics segment, /dev/shm/perf.<uid>.<name>.stats (anonymous
 * with an empty perf.cache_name), so perf_cache_stats() adds up every worker of the pool; without
 * the segment (CLI without perf.cache_enable_cli) they count this process only.
 */
void perf_cache_count(perf_cache_driver_id driver, perf_cache_counter counter);
void perf_cache_count_n(perf_cache_driver_id driver, perf_cache_counter counter, uint64_t n);
uint64_t perf_cache_counter_total(perf_cache_driver_id driver, perf_cache_counter counter);
/* The statistics segment: an anonymous one made in MINIT (empty name), a named one at the first count. */
void perf_cache_counters_startup(void);
void perf_cache_counters_request_start(void);
void perf_cache_counters_shutdown(void);
void perf_cache_counters_minfo(void);
/* Whether a process lives (EPERM: it does, as another user); CLOCK_MONOTONIC milliseconds. */
bool perf_cache_process_alive(int32_t pid);
int64_t perf_cache_monotonic_ms(void);

ZEND_INI_MH(perf_cache_ini_update_name);
ZEND_INI_MH(perf_cache_ini_update_memory);
ZEND_INI_MH(perf_cache_ini_update_ttl);
ZEND_INI_MH(perf_cache_ini_update_port);
ZEND_INI_MH(perf_cache_ini_update_clock_offset);
ZEND_INI_MH(perf_cache_ini_update_clock);
ZEND_INI_MH(perf_cache_ini_update_driver);
ZEND_INI_MH(perf_cache_ini_update_serializer);
ZEND_INI_MH(perf_cache_ini_update_allowed_classes);
/* perf.redis_password, kept out of ini_get(), ini_get_all() and phpinfo() (driver_redis.c). */
ZEND_INI_MH(perf_redis_ini_update_password);
ZEND_INI_DISP(perf_redis_ini_display_password);
void perf_redis_password_minit(void);
void perf_redis_password_rinit(void);
void perf_redis_password_mshutdown(void);

typedef struct {
	/* remember() leases this request holds: released at request end if a fatal error cut it short. */
	HashTable *held_leases;
	/* perf.cache_allowed_classes as unserialize() wants it (lower-case names), built on first use. */
	HashTable *allowed_classes;
	/* A cache function ran since the last boundary: only then has a driver anything to end. */
	bool used;
	/* A cache function ran in this request (until its very end, after the boundaries): only then can it hold values. */
	bool used_in_request;
	/* perf.cache_preload is set and this request has not asked the memory driver's segment yet. */
	bool preload_pending;
} perf_cache_state;

/* Whether reads may hand out values that point into shared memory until the request's memory is destroyed. */
bool perf_cache_zero_copy_allowed(void);
/* Releases what zero-copy values needed kept (post-deactivate). */
void perf_cache_post_deactivate(void);

/*
 * perf.cache_allowed_classes as unserialize() wants it (lower-case names): NULL when every class
 * may be unserialized. Borrowed: a caller that runs user code while using it (an autoloader may
 * change the setting) takes a reference (GC_ADDREF, then zend_array_release()).
 */
HashTable *perf_cache_allowed_classes(void);

void perf_cache_register_class(zend_class_entry *ce);
void perf_cache_minit(void);
void perf_cache_mshutdown(void);
void perf_cache_gshutdown(void);
void perf_cache_rinit(void);
void perf_cache_rshutdown(void);
void perf_cache_minfo(void);

/* Seconds on the clock entries expire by (wall clock plus perf.cache_clock_offset, for tests). */
zend_long perf_cache_now(void);

/*
 * seconds + more for expiry arithmetic (expires_at + perf.cache_stale_ttl, ttl + stale window):
 * both are 0 or more, and a sum past the range stays at ZEND_LONG_MAX ("never") instead of
 * overflowing.
 */
static inline zend_long perf_cache_add_seconds(zend_long seconds, zend_long more)
{
	return more > 0 && seconds > ZEND_LONG_MAX - more ? ZEND_LONG_MAX : seconds + more;
}

/*
 * The memory driver's segment: an anonymous one is made in MINIT (empty perf.cache_name), a named
 * one attached at a process's first operation; a replaced one is left at a request's start.
 */
zend_result perf_cache_memory_startup(void);
void perf_cache_memory_fork_hooks(void);
void perf_cache_memory_request_start(void);
void perf_cache_memory_shutdown(void);
void perf_cache_memory_minfo(void);
void perf_cache_file_startup(void);

typedef enum {
	/* Loaded (or tried) already for this segment: nothing to do. */
	PERF_CACHE_PRELOAD_DONE,
	/* This process loads it now, then calls perf_cache_memory_preload_done(). */
	PERF_CACHE_PRELOAD_CLAIMED,
	/* A live process is loading it (or this one has no process slot): the request goes on without. */
	PERF_CACHE_PRELOAD_BUSY,
} perf_cache_preload_claim;

/* The memory driver's segment's preload state (driver_memory.c): claimed by one process pool-wide. */
perf_cache_preload_claim perf_cache_memory_preload_claim(void);
void perf_cache_memory_preload_done(void);

/* perf.cache_preload (preload.c). */
ZEND_INI_MH(perf_cache_ini_update_preload);
/*
 * Loads the file into the memory driver's segment if no process did since it was made. FAILURE
 * when the request is ending (exit() or a fatal error in the file): the cache call must not run.
 */
zend_result perf_cache_preload_run(const perf_cache_driver *driver);

/* The set path, for preload.c (cache.c): each throws like the perf_cache_set() argument it checks. */
bool perf_cache_resolve_ttl(zend_string *tier, zend_long seconds, bool is_null, uint32_t arg_num, zend_long *ttl);
bool perf_cache_tags_from_array(HashTable *names, uint32_t arg_num, perf_cache_tags *tags);
void perf_cache_tags_release(perf_cache_tags *tags);
bool perf_cache_store(const perf_cache_driver *driver, zend_string *key, zval *value, uint32_t value_arg,
	zend_long ttl, const perf_cache_tags *tags);

#endif
