/*
 * Metrics aggregated across every worker of a pool (the processes of one user and perf.cache_name),
 * in one shared segment, exported in the Prometheus text format.
 *
 * Built-in series are plain 64-bit counters updated with atomic adds, in stripes chosen by pid so
 * that workers do not share cache lines at every request: no lock on the request path.
 * Application series (series.c) follow them in the same segment.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include "php.h"
#include "ext/standard/info.h"
#include "zend_smart_str.h"

#include "php_perf.h"
#include "metrics/metrics.h"
#include "metrics/metrics_private.h"
#include "stats/stats.h"
#include "lib/ini.h"
#include "shm/segment.h"

/* perf.metrics_max_series at most (each series takes about 560 bytes of shared memory). */
#define MAX_SERIES_LIMIT 100000

#define SLOW_WORDS ((sizeof(perf_metrics_slow_request) + 7) / 8)

/* Slow-request entries are read and written as whole words under a per-entry sequence number. */
typedef union {
	perf_metrics_slow_request data;
	uint64_t words[SLOW_WORDS];
} slow_payload;

typedef struct {
	/* Odd while a writer is filling the entry. */
	uint64_t seq;
	uint64_t words[SLOW_WORDS];
} shm_slow_entry;

/* A power of two: php-fpm's workers have consecutive pids and land on distinct stripes. */
#define METRICS_STRIPES 64

/*
 * What requests add up. Each worker (thread under ZTS) writes a stripe chosen by its pid, so the
 * workers of a pool do not pass the counters' cache lines between their cores at every request;
 * readers add the stripes up. Workers whose pids share a stripe add to it atomically.
 */
typedef struct {
	uint64_t requests[10];
	perf_metrics_shm_histogram request_duration;
	perf_metrics_shm_histogram request_memory;
	perf_metrics_shm_histogram db_duration;
	uint64_t slow_requests;
	uint64_t db_queries;
	uint64_t db_slow_queries;
	/* Per second: the second (low 32 bits of the Unix time) in the high half, the count in the low. */
	uint64_t rate[PERF_METRICS_RATE_SECONDS];
} __attribute__((aligned(64))) shm_stripe;

typedef struct {
	/* The segment module's part: magic, version, size, address, ready and replaced marks. */
	perf_segment_prefix seg;
	/* The cache's own counters at the last reset: rendered as differences, never counted twice. */
	uint64_t cache_base[PERF_CACHE_DRIVER_COUNT][PERF_CACHE_COUNTER_COUNT];
	uint64_t slow_next;
	shm_slow_entry slow[PERF_METRICS_SLOW_RING];
	shm_stripe stripes[METRICS_STRIPES];
} shm_header;

const double perf_metrics_memory_bounds[PERF_METRICS_MEMORY_BUCKETS] = {
	1 << 20, 2 << 20, 4 << 20, 8 << 20, 16 << 20, 32 << 20, 64 << 20, 128 << 20, 256 << 20, 512 << 20,
};

static shm_header *shm;

/* This process's (thread's) stripe, plus one; 0 until its first request ends (and in a forked child). */
#ifdef ZTS
static _Atomic uint32_t thread_count;
static _Thread_local uint32_t stripe_index;
#else
static uint32_t stripe_index;
#endif

static void forked_child(void)
{
	stripe_index = 0;
}

static zend_never_inline void choose_stripe(void)
{
	uint32_t thread = 0;

#ifdef ZTS
	thread = atomic_fetch_add(&thread_count, 1);
#endif
	stripe_index = (((uint32_t) getpid() + thread) & (METRICS_STRIPES - 1)) + 1;
}

/* Only with a segment bound. */
static zend_always_inline shm_stripe *own_stripe(void)
{
	if (UNEXPECTED(!stripe_index)) {
		choose_stripe();
	}
	return &shm->stripes[stripe_index - 1];
}

/* ---- settings ---- */

#define BUCKETS_ACCEPTED "a comma-separated list of 1 to " ZEND_TOSTR(PERF_METRICS_MAX_BUCKETS) \
	" positive numbers of seconds in increasing order"

ZEND_INI_MH(perf_metrics_ini_update_buckets)
{
	double bounds[PERF_METRICS_MAX_BUCKETS];
	uint32_t count = 0;
	const char *p = ZSTR_VAL(new_value);

	while (*p) {
		const char *end;
		while (*p == ' ') {
			p++;
		}
		double bound = zend_strtod(p, &end);
		if (end == p || count == PERF_METRICS_MAX_BUCKETS || !zend_finite(bound) || bound <= 0
			|| (count && bound <= bounds[count - 1])) {
			perf_ini_warn_invalid(entry, new_value, BUCKETS_ACCEPTED);
			return FAILURE;
		}
		bounds[count++] = bound;
		p = end;
		while (*p == ' ') {
			p++;
		}
		if (*p == ',') {
			p++;
		} else if (*p) {
			count = PERF_METRICS_MAX_BUCKETS + 1;
			break;
		}
	}
	if (count == 0 || count > PERF_METRICS_MAX_BUCKETS) {
		perf_ini_warn_invalid(entry, new_value, BUCKETS_ACCEPTED);
		return FAILURE;
	}
	memcpy(PERF_G(settings.metrics.buckets), bounds, count * sizeof(double));
	PERF_G(settings.metrics.bucket_count) = count;
	return SUCCESS;
}

ZEND_INI_MH(perf_metrics_ini_update_max_series)
{
	return perf_ini_update_whole_number(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(), 0, MAX_SERIES_LIMIT,
		"a whole number from 0 to " ZEND_TOSTR(MAX_SERIES_LIMIT));
}

/* ---- the segment ---- */

/*
 * One segment: the built-in metrics (shm_header), then the application series (series.c). Named
 * per user and perf.cache_name like the cache's (ext/shm/segment.c), so a pool's perf_metrics()
 * and dashboard never show another user's requests; with an empty name, anonymous and made in MINIT.
 */
#define METRICS_VERSION 2
#define SERIES_OFFSET ((sizeof(shm_header) + 63) & ~(size_t) 63)

static const perf_request_hooks metrics_hooks;

static zend_result layout(void *mem, size_t size)
{
	(void) size;
	perf_metrics_series_layout((char *) mem + SERIES_OFFSET, (uint32_t) PERF_G(settings.metrics.max_series));
	return SUCCESS;
}

static perf_segment_spec spec = {
	.kind = "metrics",
	.version = METRICS_VERSION,
	.init = layout,
};

static void bind_segment(void *mem)
{
	perf_metrics_series_bind(mem ? (char *) mem + SERIES_OFFSET : NULL);
	shm = mem;
}

static void unbind_segment(void *mem)
{
	(void) mem;
	bind_segment(NULL);
}

/* A named segment is attached once per process (and again after a replacement). */
static perf_segment_binding binding = {
	.spec = &spec,
	.bind = bind_segment,
	.unbind = unbind_segment,
};

void perf_metrics_minit(void)
{
	if (!PERF_G(settings.metrics.enabled)) {
		return;
	}
	perf_request_register(&metrics_hooks);
	pthread_atfork(NULL, NULL, forked_child);
	spec.size = SERIES_OFFSET + perf_metrics_series_size((uint32_t) PERF_G(settings.metrics.max_series));
	perf_segment_binding_startup(&binding, !*PERF_G(settings.cache.name));
}

void perf_metrics_mshutdown(void)
{
	perf_segment_binding_shutdown(&binding);
	bind_segment(NULL);
}

bool perf_metrics_active(void)
{
	/* Nothing points into it between two calls: a replaced segment can be left at once. */
	perf_segment_binding_leave_replaced(&binding);
	if (EXPECTED(shm != NULL) || !PERF_G(settings.metrics.enabled)) {
		return shm != NULL;
	}
	/* The CLI records only with perf.enable_cli; otherwise it reads what the web server recorded. */
	return perf_segment_binding_get(&binding, PERF_G(settings.cache.name), PERF_G(settings.request.enable_cli)) != NULL;
}

/* ---- recording ---- */

void perf_metrics_add_double(uint64_t *bits, double value)
{
	uint64_t seen = PERF_METRICS_LOAD(bits), next;
	do {
		double current;
		memcpy(&current, &seen, sizeof(double));
		current += value;
		memcpy(&next, &current, sizeof(double));
	} while (!__atomic_compare_exchange_n(bits, &seen, next, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED));
}

double perf_metrics_bits_to_double(uint64_t bits)
{
	double value;
	memcpy(&value, &bits, sizeof(double));
	return value;
}

void perf_metrics_observe(perf_metrics_shm_histogram *h, const double *bounds, uint32_t bound_count, double value)
{
	PERF_METRICS_ADD(&h->buckets[perf_metrics_bucket(bounds, bound_count, value)], 1);
	PERF_METRICS_ADD(&h->count, 1);
	perf_metrics_add_double(&h->sum_bits, value);
}

void perf_metrics_reset_histogram(perf_metrics_shm_histogram *h)
{
	for (uint32_t i = 0; i <= PERF_METRICS_MAX_BUCKETS; i++) {
		PERF_METRICS_STORE(&h->buckets[i], 0);
	}
	PERF_METRICS_STORE(&h->count, 0);
	PERF_METRICS_STORE(&h->sum_bits, 0);
}

static void count_second(shm_stripe *stripe)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME_COARSE, &now);
	uint64_t second = (uint32_t) now.tv_sec;
	uint64_t *cell = &stripe->rate[now.tv_sec % PERF_METRICS_RATE_SECONDS];
	uint64_t seen = PERF_METRICS_LOAD(cell), next;
	do {
		next = (seen >> 32) == second ? seen + 1 : (second << 32) | 1;
	} while (!__atomic_compare_exchange_n(cell, &seen, next, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED));
}

static void copy_truncated(char *dest, size_t dest_size, const char *src, size_t src_len)
{
	size_t len = MIN(src_len, dest_size - 1);
	memcpy(dest, src, len);
	memset(dest + len, 0, dest_size - len);
}

static void remember_slow(double seconds, uint32_t status, const char *method, const char *uri, size_t uri_len)
{
	struct timespec now;
	slow_payload payload;
	shm_slow_entry *entry = &shm->slow[PERF_METRICS_ADD(&shm->slow_next, 1) % PERF_METRICS_SLOW_RING];

	memset(&payload, 0, sizeof(payload));
	clock_gettime(CLOCK_REALTIME, &now);
	payload.data.time_ms = (int64_t) now.tv_sec * 1000 + now.tv_nsec / 1000000;
	payload.data.seconds = seconds;
	payload.data.status = status;
	copy_truncated(payload.data.method, sizeof(payload.data.method), method, strlen(method));
	copy_truncated(payload.data.uri, sizeof(payload.data.uri), uri ? uri : "", uri ? uri_len : 0);

	/*
	 * The entry is claimed by moving its sequence from even to odd. A writer 32 requests behind
	 * that finds it odd skips the entry (the slow-request counter still counts it) instead of
	 * writing into it at the same time and leaving a mix of two records behind an even sequence.
	 * An entry left odd by a writer that died stays out of the ring until perf_metrics_reset().
	 */
	uint64_t seq = PERF_METRICS_LOAD(&entry->seq);
	if ((seq & 1) || !__atomic_compare_exchange_n(&entry->seq, &seq, seq + 1, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
		return;
	}
	__atomic_thread_fence(__ATOMIC_RELEASE);
	for (size_t i = 0; i < SLOW_WORDS; i++) {
		PERF_METRICS_STORE(&entry->words[i], payload.words[i]);
	}
	__atomic_store_n(&entry->seq, seq + 2, __ATOMIC_RELEASE);
}

/* Status 0 (none set, as in the CLI) counts as 200; method and uri (set when slow) go to the ring of recent slow requests. */
static void metrics_request_ended(const perf_request_summary *request)
{
	double seconds = request->seconds;
	int status = request->status;

	/* A bound segment that was not replaced, as at nearly every request end, without a call. */
	if ((!shm || perf_segment_binding_leave_replaced(&binding)) && !perf_metrics_active()) {
		return;
	}
	shm_stripe *stripe = own_stripe();
	uint32_t class = status == 0 ? 2 : (uint32_t) status / 100;
	PERF_METRICS_ADD(&stripe->requests[class < 10 ? class : 9], 1);
	perf_metrics_observe(&stripe->request_duration, PERF_G(settings.metrics.buckets), PERF_G(settings.metrics.bucket_count), seconds);
	perf_metrics_observe(&stripe->request_memory, perf_metrics_memory_bounds, PERF_METRICS_MEMORY_BUCKETS,
		(double) zend_memory_peak_usage(false));
	count_second(stripe);
	if (request->slow) {
		PERF_METRICS_ADD(&stripe->slow_requests, 1);
		remember_slow(seconds, status ? (uint32_t) status : 200, request->method, request->uri, request->uri_len);
	}
}

static void metrics_db_query(double seconds, bool slow)
{
	perf_metrics_state *tally = &PERF_G(state.metrics);

	tally->buckets[perf_metrics_bucket(PERF_G(settings.metrics.buckets), PERF_G(settings.metrics.bucket_count), seconds)]++;
	tally->count++;
	tally->slow += slow;
	tally->sum += seconds;
}

/* Adds the request's queries to the pool's series (before they are read, and at the request's end). */
static void flush_queries(void)
{
	perf_metrics_state *tally = &PERF_G(state.metrics);

	if (EXPECTED(tally->count == 0)) {
		return;
	}
	if (perf_metrics_active()) {
		shm_stripe *stripe = own_stripe();

		PERF_METRICS_ADD(&stripe->db_queries, tally->count);
		if (tally->slow) {
			PERF_METRICS_ADD(&stripe->db_slow_queries, tally->slow);
		}
		for (uint32_t i = 0; i <= PERF_G(settings.metrics.bucket_count); i++) {
			if (tally->buckets[i]) {
				PERF_METRICS_ADD(&stripe->db_duration.buckets[i], tally->buckets[i]);
			}
		}
		PERF_METRICS_ADD(&stripe->db_duration.count, tally->count);
		perf_metrics_add_double(&stripe->db_duration.sum_bits, tally->sum);
	}
	memset(tally, 0, sizeof(*tally));
}

/* Every timed request and database query, counted for the whole pool. */
static const perf_request_hooks metrics_hooks = {
	.ended = metrics_request_ended,
	.boundary = flush_queries,
	.query = metrics_db_query,
};

/* ---- reading ---- */

void perf_metrics_read_histogram(const perf_metrics_shm_histogram *from, perf_metrics_histogram *to)
{
	for (uint32_t i = 0; i <= PERF_METRICS_MAX_BUCKETS; i++) {
		to->buckets[i] = PERF_METRICS_LOAD(&from->buckets[i]);
	}
	/* Read last so that count is never below the buckets' total when updates run concurrently. */
	to->count = PERF_METRICS_LOAD(&from->count);
	to->sum = perf_metrics_bits_to_double(PERF_METRICS_LOAD(&from->sum_bits));
}

/* Copies an entry out; false while it is being written, or was never written. */
static bool read_slow_entry(shm_slow_entry *entry, slow_payload *out)
{
	for (int attempt = 0; attempt < 4; attempt++) {
		uint64_t before = __atomic_load_n(&entry->seq, __ATOMIC_ACQUIRE);
		if (before == 0 || (before & 1)) {
			return false;
		}
		for (size_t i = 0; i < SLOW_WORDS; i++) {
			out->words[i] = PERF_METRICS_LOAD(&entry->words[i]);
		}
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (PERF_METRICS_LOAD(&entry->seq) == before) {
			out->data.method[sizeof(out->data.method) - 1] = '\0';
			out->data.uri[sizeof(out->data.uri) - 1] = '\0';
			return true;
		}
	}
	return false;
}

/* Adds a stripe's histogram to a total (each stripe's count read after its buckets, as in perf_metrics_read_histogram()). */
static void add_histogram(const perf_metrics_shm_histogram *from, perf_metrics_histogram *to)
{
	perf_metrics_histogram part;

	perf_metrics_read_histogram(from, &part);
	for (uint32_t i = 0; i <= PERF_METRICS_MAX_BUCKETS; i++) {
		to->buckets[i] += part.buckets[i];
	}
	to->count += part.count;
	to->sum += part.sum;
}

void perf_metrics_read(perf_metrics_snapshot *snap)
{
	memset(snap, 0, sizeof(*snap));
	flush_queries();
	if (!perf_metrics_active()) {
		return;
	}
	struct timespec now;
	clock_gettime(CLOCK_REALTIME_COARSE, &now);
	for (uint32_t s = 0; s < METRICS_STRIPES; s++) {
		const shm_stripe *stripe = &shm->stripes[s];

		for (int i = 0; i < 10; i++) {
			snap->requests[i] += PERF_METRICS_LOAD(&stripe->requests[i]);
		}
		add_histogram(&stripe->request_duration, &snap->request_duration);
		add_histogram(&stripe->request_memory, &snap->request_memory);
		add_histogram(&stripe->db_duration, &snap->db_duration);
		snap->slow_requests += PERF_METRICS_LOAD(&stripe->slow_requests);
		snap->db_queries += PERF_METRICS_LOAD(&stripe->db_queries);
		snap->db_slow_queries += PERF_METRICS_LOAD(&stripe->db_slow_queries);
		for (uint32_t i = 0; i < PERF_METRICS_RATE_SECONDS; i++) {
			int64_t second = now.tv_sec - (PERF_METRICS_RATE_SECONDS - 1) + i;
			uint64_t cell = PERF_METRICS_LOAD(&stripe->rate[second % PERF_METRICS_RATE_SECONDS]);
			snap->rate[i] += (cell >> 32) == (uint32_t) second ? (cell & 0xffffffffu) : 0;
		}
	}
	perf_metrics_series_figures(&snap->series_used, &snap->series_capacity, &snap->series_dropped);

	uint64_t next = PERF_METRICS_LOAD(&shm->slow_next);
	for (uint32_t i = 0; i < PERF_METRICS_SLOW_RING && i < next; i++) {
		slow_payload payload;
		if (read_slow_entry(&shm->slow[(next - 1 - i) % PERF_METRICS_SLOW_RING], &payload)) {
			snap->slow[snap->slow_count++] = payload.data;
		}
	}
}

uint64_t perf_metrics_cache_total(perf_cache_driver_id driver, perf_cache_counter counter)
{
	uint64_t total = perf_cache_counter_total(driver, counter);
	uint64_t base = perf_metrics_active() ? PERF_METRICS_LOAD(&shm->cache_base[driver][counter]) : 0;
	return total > base ? total - base : 0;
}

/* ---- rendering ---- */

void perf_metrics_append_number(smart_str *out, double value)
{
	if (zend_isnan(value)) {
		smart_str_appendl(out, "NaN", 3);
	} else if (zend_isinf(value)) {
		smart_str_appends(out, value > 0 ? "+Inf" : "-Inf");
	} else {
		smart_str_append_double(out, value, -1, false);
	}
}

static void append_header(smart_str *out, const char *name, const char *help, const char *type)
{
	smart_str_append_printf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* "name<suffix>{labels}" or "name<suffix>": all with their lengths, as application series keep them. */
static void append_series_name(smart_str *out, const char *name, size_t name_len, const char *suffix, size_t suffix_len,
	const char *labels, size_t labels_len)
{
	smart_str_appendl(out, name, name_len);
	smart_str_appendl(out, suffix, suffix_len);
	if (labels_len) {
		smart_str_appendc(out, '{');
		smart_str_appendl(out, labels, labels_len);
		smart_str_appendc(out, '}');
	}
}

static void append_sample_u(smart_str *out, const char *name, size_t name_len, const char *labels, size_t labels_len,
	uint64_t value)
{
	append_series_name(out, name, name_len, "", 0, labels, labels_len);
	smart_str_append_printf(out, " %" PRIu64 "\n", value);
}

void perf_metrics_append_sample_d(smart_str *out, const char *name, size_t name_len, const char *labels, size_t labels_len,
	double value)
{
	append_series_name(out, name, name_len, "", 0, labels, labels_len);
	smart_str_appendc(out, ' ');
	perf_metrics_append_number(out, value);
	smart_str_appendc(out, '\n');
}

static void append_counter(smart_str *out, const char *name, const char *help, uint64_t value)
{
	append_header(out, name, help, "counter");
	append_sample_u(out, name, strlen(name), NULL, 0, value);
}

/* The buckets of one histogram series, cumulated; labels (without braces) may be empty. */
void perf_metrics_append_histogram_series(smart_str *out, const char *name, size_t name_len, const char *labels,
	size_t labels_len, const double *bounds, uint32_t bound_count, const perf_metrics_histogram *h)
{
	uint64_t cumulative = 0;

	for (uint32_t i = 0; i <= bound_count; i++) {
		cumulative += h->buckets[i];
		smart_str_appendl(out, name, name_len);
		smart_str_appendl(out, "_bucket{", sizeof("_bucket{") - 1);
		if (labels_len) {
			smart_str_appendl(out, labels, labels_len);
			smart_str_appendc(out, ',');
		}
		smart_str_appendl(out, "le=\"", 4);
		if (i < bound_count) {
			perf_metrics_append_number(out, bounds[i]);
		} else {
			smart_str_appendl(out, "+Inf", 4);
		}
		smart_str_append_printf(out, "\"} %" PRIu64 "\n", i < bound_count ? cumulative : MAX(cumulative, h->count));
	}
	append_series_name(out, name, name_len, ZEND_STRL("_sum"), labels, labels_len);
	smart_str_appendc(out, ' ');
	perf_metrics_append_number(out, h->sum);
	smart_str_appendc(out, '\n');
	append_series_name(out, name, name_len, ZEND_STRL("_count"), labels, labels_len);
	smart_str_append_printf(out, " %" PRIu64 "\n", MAX(cumulative, h->count));
}

static void append_histogram(smart_str *out, const char *name, const char *help,
	const double *bounds, uint32_t bound_count, const perf_metrics_histogram *h)
{
	append_header(out, name, help, "histogram");
	perf_metrics_append_histogram_series(out, name, strlen(name), NULL, 0, bounds, bound_count, h);
}

static void append_cache(smart_str *out)
{
	static const struct {
		perf_cache_counter counter;
		const char *op;
		const char *result;
	} map[] = {
		{PERF_CACHE_HITS, "get", "hit"},
		{PERF_CACHE_MISSES, "get", "miss"},
		{PERF_CACHE_STALE_SERVES, "get", "stale"},
		{PERF_CACHE_STORES, "set", "stored"},
		{PERF_CACHE_DELETES, "delete", "deleted"},
		{PERF_CACHE_ERRORS, "any", "error"},
	};
	static const char *const drivers[PERF_CACHE_DRIVER_COUNT] = {"memory", "file", "redis"};

	append_header(out, "perf_cache_operations_total",
		"Cache operations by driver, operation and result (op=\"any\" for backend errors of any operation).", "counter");
	for (int d = 0; d < PERF_CACHE_DRIVER_COUNT; d++) {
		for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
			smart_str_append_printf(out, "perf_cache_operations_total{driver=\"%s\",op=\"%s\",result=\"%s\"} %" PRIu64 "\n",
				drivers[d], map[i].op, map[i].result, perf_metrics_cache_total(d, map[i].counter));
		}
	}
	append_header(out, "perf_cache_evictions_total", "Entries evicted to make room, by driver.", "counter");
	for (int d = 0; d < PERF_CACHE_DRIVER_COUNT; d++) {
		smart_str_append_printf(out, "perf_cache_evictions_total{driver=\"%s\"} %" PRIu64 "\n",
			drivers[d], perf_metrics_cache_total(d, PERF_CACHE_EVICTIONS));
	}

	zval stats;
	if (perf_cache_driver_memory.available()) {
		array_init(&stats);
		perf_cache_driver_memory.stats(&stats);
		zval *size = zend_hash_str_find(Z_ARRVAL(stats), ZEND_STRL("memory_size"));
		zval *used = zend_hash_str_find(Z_ARRVAL(stats), ZEND_STRL("memory_used"));
		append_header(out, "perf_cache_memory_size_bytes", "Size of the memory driver's shared segment for values.", "gauge");
		append_sample_u(out, ZEND_STRL("perf_cache_memory_size_bytes"), ZEND_STRL("driver=\"memory\""), size ? (uint64_t) zval_get_long(size) : 0);
		append_header(out, "perf_cache_memory_used_bytes", "Bytes of the memory driver's segment holding values.", "gauge");
		append_sample_u(out, ZEND_STRL("perf_cache_memory_used_bytes"), ZEND_STRL("driver=\"memory\""), used ? (uint64_t) zval_get_long(used) : 0);
		zval_ptr_dtor(&stats);
	}
}

static void append_opcache(smart_str *out)
{
	perf_opcache_figures op;

	append_header(out, "perf_opcache_enabled", "Whether OPcache is enabled and its status readable (1) or not (0).", "gauge");
	if (!perf_stats_opcache_figures(&op) || !op.enabled) {
		append_sample_u(out, ZEND_STRL("perf_opcache_enabled"), NULL, 0, 0);
		return;
	}
	append_sample_u(out, ZEND_STRL("perf_opcache_enabled"), NULL, 0, 1);
	append_header(out, "perf_opcache_hit_ratio", "OPcache hits over lookups since it started (0 to 1).", "gauge");
	perf_metrics_append_sample_d(out, ZEND_STRL("perf_opcache_hit_ratio"), NULL, 0,
		op.hits + op.misses ? (double) op.hits / (double) (op.hits + op.misses) : 0.0);
	append_header(out, "perf_opcache_memory_used_bytes", "OPcache shared memory in use.", "gauge");
	append_sample_u(out, ZEND_STRL("perf_opcache_memory_used_bytes"), NULL, 0, op.memory_used);
	append_header(out, "perf_opcache_memory_free_bytes", "OPcache shared memory free.", "gauge");
	append_sample_u(out, ZEND_STRL("perf_opcache_memory_free_bytes"), NULL, 0, op.memory_free);
	append_header(out, "perf_opcache_memory_wasted_bytes", "OPcache shared memory wasted by replaced scripts.", "gauge");
	append_sample_u(out, ZEND_STRL("perf_opcache_memory_wasted_bytes"), NULL, 0, op.memory_wasted);
	append_header(out, "perf_opcache_cached_scripts", "Scripts in OPcache.", "gauge");
	append_sample_u(out, ZEND_STRL("perf_opcache_cached_scripts"), NULL, 0, op.cached_scripts);
	append_header(out, "perf_opcache_restarts_total", "OPcache restarts by reason.", "counter");
	append_sample_u(out, ZEND_STRL("perf_opcache_restarts_total"), ZEND_STRL("reason=\"oom\""), op.restarts_oom);
	append_sample_u(out, ZEND_STRL("perf_opcache_restarts_total"), ZEND_STRL("reason=\"hash\""), op.restarts_hash);
	append_sample_u(out, ZEND_STRL("perf_opcache_restarts_total"), ZEND_STRL("reason=\"manual\""), op.restarts_manual);
}

static zend_string *render(void)
{
	smart_str out = {0};
	perf_metrics_snapshot *snap = emalloc(sizeof(*snap));
	const double *buckets = PERF_G(settings.metrics.buckets);
	uint32_t bucket_count = PERF_G(settings.metrics.bucket_count);

	perf_metrics_read(snap);
	append_header(&out, "perf_requests_total", "Requests finished, by HTTP status class.", "counter");
	for (int class = 1; class < 10; class++) {
		if ((class >= 2 && class <= 5) || snap->requests[class]) {
			smart_str_append_printf(&out, "perf_requests_total{status=\"%dxx\"} %" PRIu64 "\n", class, snap->requests[class]);
		}
	}
	append_histogram(&out, "perf_request_duration_seconds", "Time from request start to its end.",
		buckets, bucket_count, &snap->request_duration);
	append_counter(&out, "perf_slow_requests_total", "Requests slower than perf.slow_request_ms.", snap->slow_requests);
	append_histogram(&out, "perf_request_memory_peak_bytes", "Peak memory of each request.",
		perf_metrics_memory_bounds, PERF_METRICS_MEMORY_BUCKETS, &snap->request_memory);
	append_cache(&out);
	append_counter(&out, "perf_db_queries_total", "Database queries run.", snap->db_queries);
	append_counter(&out, "perf_db_slow_queries_total", "Database queries slower than the slow-query threshold.",
		snap->db_slow_queries);
	append_histogram(&out, "perf_db_query_duration_seconds", "Time of each database query.",
		buckets, bucket_count, &snap->db_duration);
	append_opcache(&out);
	append_header(&out, "perf_metrics_series", "Application series slots taken (perf.metrics_max_series is the limit).", "gauge");
	append_sample_u(&out, ZEND_STRL("perf_metrics_series"), NULL, 0, snap->series_used);
	append_header(&out, "perf_metrics_series_limit", "perf.metrics_max_series.", "gauge");
	append_sample_u(&out, ZEND_STRL("perf_metrics_series_limit"), NULL, 0, snap->series_capacity);
	append_counter(&out, "perf_metrics_series_dropped_total",
		"Application updates dropped because perf.metrics_max_series was reached.", snap->series_dropped);
	perf_metrics_series_render(&out);
	efree(snap);

	smart_str_0(&out);
	return out.s;
}

ZEND_FUNCTION(perf_metrics)
{
	ZEND_PARSE_PARAMETERS_NONE();

	if (!perf_metrics_active()) {
		RETURN_STRING(PERF_G(settings.metrics.enabled) ? "# perf metrics: no segment (see the warning, or perf.cache_name in the CLI)\n"
			: "# perf metrics are off (perf.metrics_enabled=0)\n");
	}
	RETURN_STR(render());
}

/*
 * Application series are removed too, so that a flood of unwanted series (a label fed from user
 * input) can be cleared without restarting the master: the next update of a series creates it again.
 */
ZEND_FUNCTION(perf_metrics_reset)
{
	ZEND_PARSE_PARAMETERS_NONE();

	/* The request's queries so far were recorded before the reset. */
	memset(&PERF_G(state.metrics), 0, sizeof(PERF_G(state.metrics)));
	if (!perf_metrics_active()) {
		return;
	}
	for (uint32_t s = 0; s < METRICS_STRIPES; s++) {
		shm_stripe *stripe = &shm->stripes[s];

		for (int i = 0; i < 10; i++) {
			PERF_METRICS_STORE(&stripe->requests[i], 0);
		}
		perf_metrics_reset_histogram(&stripe->request_duration);
		perf_metrics_reset_histogram(&stripe->request_memory);
		perf_metrics_reset_histogram(&stripe->db_duration);
		PERF_METRICS_STORE(&stripe->slow_requests, 0);
		PERF_METRICS_STORE(&stripe->db_queries, 0);
		PERF_METRICS_STORE(&stripe->db_slow_queries, 0);
		for (int i = 0; i < PERF_METRICS_RATE_SECONDS; i++) {
			PERF_METRICS_STORE(&stripe->rate[i], 0);
		}
	}
	for (int d = 0; d < PERF_CACHE_DRIVER_COUNT; d++) {
		for (int c = 0; c < PERF_CACHE_COUNTER_COUNT; c++) {
			PERF_METRICS_STORE(&shm->cache_base[d][c], perf_cache_counter_total(d, c));
		}
	}
	for (int i = 0; i < PERF_METRICS_SLOW_RING; i++) {
		PERF_METRICS_STORE(&shm->slow[i].seq, 0);
	}
	perf_metrics_series_reset();
}

void perf_metrics_minfo(void)
{
	char buf[64];

	php_info_print_table_row(2, "Metrics", shm ? "enabled (shared memory)" : "off");
	if (shm) {
		uint32_t used, capacity;
		uint64_t dropped;
		perf_metrics_series_figures(&used, &capacity, &dropped);
		snprintf(buf, sizeof(buf), "%u of %u", used, capacity);
		php_info_print_table_row(2, "Metrics application series", buf);
	}
}
