/*
 * The cache core's shared statistics: every driver's counters and the remote drivers' circuit
 * breaker, in a small segment of their own (ext/shm/segment.c, kind "stats"): named per user and
 * perf.cache_name like the memory driver's (/dev/shm/perf.<uid>.<name>.stats), attached at the
 * first count of a process with the same CLI rule, or anonymous and made in MINIT when the name is
 * empty. No driver depends on another's memory: a pool using only the file or redis driver never
 * makes the memory driver's segment. Without the segment (a CLI process that may not create it, or
 * a refused one), the same layout in this process's memory: the counts are this process's only.
 *
 * Counters are relaxed atomic adds, striped by process (and thread under ZTS) so that workers do
 * not contend on one cache line; readers add up the stripes.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "php.h"
#include "ext/standard/info.h"

#include "php_perf.h"
#include "cache/cache.h"
#include "shm/segment.h"

/* The layout's version: a segment of another version is replaced, never read. */
#define STATS_VERSION 1
/* A power of two: workers with consecutive pids (php-fpm's) land on distinct stripes. */
#define STATS_STRIPES 64

typedef struct {
	_Atomic uint64_t counters[PERF_CACHE_DRIVER_COUNT][PERF_CACHE_COUNTER_COUNT];
} __attribute__((aligned(64))) stats_stripe;

typedef struct {
	_Atomic uint32_t failures;
	/* 0 while closed; while open, when the cooldown ends (CLOCK_MONOTONIC ms, shared by the machine). */
	_Atomic int64_t open_until_ms;
	/* The one process (thread under ZTS) allowed to try after the cooldown: probe_token(), 0 for none. */
	_Atomic int64_t prober;
	_Atomic uint64_t opens;
	_Atomic uint64_t fast_failures;
} __attribute__((aligned(64))) stats_breaker;

typedef struct {
	/* The segment module's part: magic, layout version, size, address, ready and replaced marks. */
	perf_segment_prefix seg;
	stats_breaker breaker;
	stats_stripe stripes[STATS_STRIPES];
} stats_segment;

/* Without a segment: this process's own (atomic: the threads of a ZTS process share them). */
static stats_segment local_stats;
#ifdef ZTS
static _Atomic uint32_t thread_count;
static _Thread_local uint32_t thread_index;
#endif
/* This process's (thread's) stripe of the segment in use, NULL until its first count. */
static PERF_CACHE_LOCAL stats_stripe *own_stripe;

static zend_result layout(void *mem, size_t size)
{
	/* A new mapping is zero-filled: every counter 0, the breaker closed. */
	(void) mem;
	(void) size;
	return SUCCESS;
}

static perf_segment_spec spec = {
	.kind = "stats",
	.version = STATS_VERSION,
	.size = sizeof(stats_segment),
	.init = layout,
};

static void unbind(void *base);

static perf_segment_binding binding = {
	.spec = &spec,
	.unbind = unbind,
};

bool perf_cache_process_alive(int32_t pid)
{
	return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM);
}

int64_t perf_cache_monotonic_ms(void)
{
	return (int64_t) (perf_hrtime_ns() / 1000000);
}

/* A forked child takes a stripe of its own. */
static void forked_child(void)
{
	own_stripe = NULL;
}

void perf_cache_counters_startup(void)
{
	pthread_atfork(NULL, NULL, forked_child);
	/* Like the memory driver's: a CLI process gets a private one only with perf.cache_enable_cli=1. */
	perf_segment_binding_startup(&binding,
		!*PERF_G(settings.cache.name) && (!perf_segment_sapi_is_cli() || PERF_G(settings.cache.enable_cli)));
}

/* The segment in use, attaching it at the first call; this process's own stats without one. */
static stats_segment *stats(void)
{
	stats_segment *s = perf_segment_binding_get(&binding, PERF_G(settings.cache.name), PERF_G(settings.cache.enable_cli));

	return s ? s : &local_stats;
}

/* This process leaves a replaced segment: its next count takes a stripe of the new one. */
static void unbind(void *base)
{
	(void) base;
	own_stripe = NULL;
}

static uint32_t own_thread(void)
{
#ifdef ZTS
	if (!thread_index) {
		thread_index = atomic_fetch_add(&thread_count, 1) + 1;
	}
	return thread_index;
#else
	return 0;
#endif
}

static zend_never_inline stats_stripe *take_stripe(void)
{
	/* A stripe is shared by whoever hashes to it (atomic adds): the pid only spreads the load. */
	own_stripe = &stats()->stripes[((uint32_t) getpid() + own_thread()) & (STATS_STRIPES - 1)];
	return own_stripe;
}

void perf_cache_count_n(perf_cache_driver_id driver, perf_cache_counter counter, uint64_t n)
{
	stats_stripe *stripe = own_stripe;

	if (UNEXPECTED(stripe == NULL)) {
		stripe = take_stripe();
	}
	atomic_fetch_add_explicit(&stripe->counters[driver][counter], n, memory_order_relaxed);
}

void perf_cache_count(perf_cache_driver_id driver, perf_cache_counter counter)
{
	perf_cache_count_n(driver, counter, 1);
}

uint64_t perf_cache_counter_total(perf_cache_driver_id driver, perf_cache_counter counter)
{
	stats_segment *s = stats();
	uint64_t total = 0;

	for (uint32_t i = 0; i < STATS_STRIPES; i++) {
		total += atomic_load_explicit(&s->stripes[i].counters[driver][counter], memory_order_relaxed);
	}
	return total;
}

/*
 * At a request's start: a segment another one replaced is left (nothing points into it between
 * requests), and a process without one tries again.
 */
void perf_cache_counters_request_start(void)
{
	stats_segment *s;

	perf_segment_binding_leave_replaced(&binding);
	perf_segment_binding_retry(&binding);
	s = atomic_load_explicit(&binding.base, memory_order_relaxed);
	if (UNEXPECTED(own_stripe && (!s || own_stripe < s->stripes || own_stripe >= s->stripes + STATS_STRIPES))) {
		/* Counted on its own (no segment then): the next count takes a stripe of the segment, if any. */
		own_stripe = NULL;
	}
}

void perf_cache_counters_shutdown(void)
{
	perf_segment_binding_shutdown(&binding);
	own_stripe = NULL;
}

void perf_cache_counters_minfo(void)
{
	char buf[160];
	stats_segment *s = atomic_load(&binding.base);

	if (!s) {
		php_info_print_table_row(2, "Cache statistics", "this process's own (no cache operation yet, perf.cache_enable_cli=0 in CLI, or refused)");
		return;
	}
	if ((void *) s == binding.anonymous) {
		snprintf(buf, sizeof(buf), "anonymous, %" PRIu64 " bytes", s->seg.size);
	} else {
		snprintf(buf, sizeof(buf), "/dev/shm/perf.%u.%s.stats, %" PRIu64 " bytes", (unsigned) geteuid(), binding.name,
			s->seg.size);
	}
	php_info_print_table_row(2, "Cache statistics segment", buf);
}

/* ---- the remote drivers' circuit breaker ---- */

/*
 * Who probes: the pid in the low half, the thread's index under ZTS in the high half (so that one
 * thread of a process probes, not all). A prober is gone when its process is.
 */
static int64_t probe_token(void)
{
	return ((int64_t) own_thread() << 32) | (int64_t) getpid();
}

static bool prober_alive(int64_t prober)
{
	return perf_cache_process_alive((int32_t) (prober & INT64_C(0xffffffff)));
}

bool perf_cache_breaker_allow(void)
{
	stats_breaker *b = &stats()->breaker;
	int64_t until = atomic_load(&b->open_until_ms);

	if (until == 0) {
		return true;
	}
	if (perf_cache_monotonic_ms() >= until) {
		int64_t prober = atomic_load(&b->prober);
		int64_t self = probe_token();
		if (prober == self) {
			return true;
		}
		if ((prober == 0 || !prober_alive(prober)) && atomic_compare_exchange_strong(&b->prober, &prober, self)) {
			return true;
		}
	}
	atomic_fetch_add(&b->fast_failures, 1);
	return false;
}

void perf_cache_breaker_success(void)
{
	stats_breaker *b = &stats()->breaker;

	if (atomic_load(&b->failures) || atomic_load(&b->open_until_ms)) {
		atomic_store(&b->failures, 0);
		atomic_store(&b->open_until_ms, 0);
		atomic_store(&b->prober, 0);
	}
}

void perf_cache_breaker_failure(zend_long failures_to_open, zend_long cooldown_ms)
{
	stats_breaker *b = &stats()->breaker;

	if (atomic_load(&b->prober) == probe_token()) {
		/* The probe failed: another cooldown. */
		atomic_store(&b->open_until_ms, perf_cache_monotonic_ms() + cooldown_ms);
		atomic_store(&b->prober, 0);
		atomic_fetch_add(&b->opens, 1);
		return;
	}
	uint32_t failures = atomic_fetch_add(&b->failures, 1) + 1;
	int64_t closed = 0;
	if (failures >= (uint32_t) failures_to_open
		&& atomic_compare_exchange_strong(&b->open_until_ms, &closed, perf_cache_monotonic_ms() + cooldown_ms)) {
		atomic_fetch_add(&b->opens, 1);
	}
}

void perf_cache_breaker_stats(zval *stats_out)
{
	stats_breaker *b = &stats()->breaker;
	int64_t until = atomic_load(&b->open_until_ms);

	add_assoc_string(stats_out, "breaker_state", until == 0 ? "closed" : (perf_cache_monotonic_ms() < until ? "open" : "half-open"));
	add_assoc_long(stats_out, "breaker_failures", (zend_long) atomic_load(&b->failures));
	add_assoc_long(stats_out, "breaker_opens", (zend_long) atomic_load(&b->opens));
	add_assoc_long(stats_out, "breaker_fast_failures", (zend_long) atomic_load(&b->fast_failures));
}
