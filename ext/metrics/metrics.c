/*
 * Metrics aggregated across every worker of a pool, in one shared segment mapped in MINIT (before
 * php-fpm forks its workers) and exported in the Prometheus text format.
 *
 * Built-in series are plain 64-bit counters updated with atomic adds: no lock on the request path.
 * Application series live in fixed slots found through an open-addressed index: a lookup reads
 * published slots only, without a lock; creating a series takes a robust process-shared mutex,
 * takes a slot, fills it and then publishes it with one release store, so a process killed at any
 * instruction leaves at worst an unused slot and never a held lock or a half-visible series.
 * A second index maps each metric name to the first series of that name, so that checking a new
 * series' type against the others of its name is one probe, not a walk over every series.
 *
 * perf_metrics_reset() empties both indexes and hands the slots out again. A slot carries a
 * sequence number, odd while it is being filled: a lock-free reader that sees it odd or changed
 * looks again under the lock, and rendering skips it, so a key is never read half-written. An
 * update that found its series just before a reset may still land in the slot's next series.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <sys/mman.h>
#include <time.h>

#include "php.h"
#include "SAPI.h"
#include "ext/standard/info.h"
#include "zend_smart_str.h"

#include "php_perf.h"
#include "metrics/metrics.h"
#include "metrics/metrics_private.h"
#include "stats/stats.h"
#include "lib/ini.h"

/* Name and rendered labels of an application series together. */
#define SERIES_KEY_MAX 256
#define SERIES_MAX_LABELS 16
#define MAX_SERIES_LIMIT 100000

typedef enum {
	SERIES_COUNTER = 1,
	SERIES_GAUGE,
	SERIES_HISTOGRAM,
} series_type;

/* Histogram sums are doubles kept as their bits and added with a CAS loop. */
typedef struct {
	uint64_t buckets[PERF_METRICS_MAX_BUCKETS + 1];
	uint64_t count;
	uint64_t sum_bits;
} shm_histogram;

typedef struct {
	int64_t time_ms;
	double seconds;
	uint32_t status;
	char method[PERF_METRICS_SLOW_METHOD_LEN + 1];
	char uri[PERF_METRICS_SLOW_URI_LEN + 1];
} slow_data;

#define SLOW_WORDS ((sizeof(slow_data) + 7) / 8)

/* Slow-request entries are read and written as whole words under a per-entry sequence number. */
typedef union {
	slow_data data;
	uint64_t words[SLOW_WORDS];
} slow_payload;

typedef struct {
	/* Odd while a writer is filling the entry. */
	uint64_t seq;
	uint64_t words[SLOW_WORDS];
} shm_slow_entry;

/*
 * Complete before its index entry is stored (with release), and never changed after but for the
 * values, until perf_metrics_reset() hands the slot out again.
 */
typedef struct {
	/* Odd while the slot is being filled (under the lock). */
	uint32_t seq;
	uint8_t type;
	uint16_t name_len;
	uint16_t key_len;
	uint64_t hash;
	/* The name, a NUL, then the labels as rendered inside braces (escaped, sorted by name). */
	char key[SERIES_KEY_MAX];
	/* Counters and gauges: a double's bits. */
	uint64_t value_bits;
	shm_histogram histogram;
} shm_series;

typedef struct {
	uint64_t requests[10];
	shm_histogram request_duration;
	shm_histogram request_memory;
	shm_histogram db_duration;
	uint64_t slow_requests;
	uint64_t db_queries;
	uint64_t db_slow_queries;
	/* The cache's own counters at the last reset: rendered as differences, never counted twice. */
	uint64_t cache_base[PERF_CACHE_DRIVER_COUNT][PERF_CACHE_COUNTER_COUNT];
	/* Per second: the second (low 32 bits of the Unix time) in the high half, the count in the low. */
	uint64_t rate[PERF_METRICS_RATE_SECONDS];
	uint64_t slow_next;
	shm_slow_entry slow[PERF_METRICS_SLOW_RING];
	uint64_t series_dropped;
	uint32_t series_used;
	uint32_t series_capacity;
	uint32_t index_mask;
	pthread_mutex_t series_lock;
} shm_header;

const double perf_metrics_memory_bounds[PERF_METRICS_MEMORY_BUCKETS] = {
	1 << 20, 2 << 20, 4 << 20, 8 << 20, 16 << 20, 32 << 20, 64 << 20, 128 << 20, 256 << 20, 512 << 20,
};

static shm_header *shm;
static size_t shm_size;
/* Slot numbers plus one, 0 = empty: by name and labels, and by name alone (the first series of the name). */
static uint32_t *series_index;
static uint32_t *name_index;
static shm_series *series;

static const char *const type_names[] = {"", "counter", "gauge", "histogram"};

#define LOAD(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define ADD(p, v) __atomic_fetch_add((p), (v), __ATOMIC_RELAXED)

/* ---- settings ---- */

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
			zend_error(E_WARNING, "Invalid value \"%s\" for perf.metrics_buckets: must be a comma-separated list of "
				"1 to %d positive numbers of seconds in increasing order", ZSTR_VAL(new_value), PERF_METRICS_MAX_BUCKETS);
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
		zend_error(E_WARNING, "Invalid value \"%s\" for perf.metrics_buckets: must be a comma-separated list of "
			"1 to %d positive numbers of seconds in increasing order", ZSTR_VAL(new_value), PERF_METRICS_MAX_BUCKETS);
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

static uint64_t align_up(uint64_t value, uint64_t to)
{
	return (value + to - 1) & ~(to - 1);
}

void perf_metrics_minit(void)
{
	if (!PERF_G(settings.metrics.enabled)) {
		return;
	}
	uint32_t capacity = (uint32_t) PERF_G(settings.metrics.max_series);
	uint32_t index_size = 16;
	while (index_size < capacity * 2) {
		index_size <<= 1;
	}
	size_t index_off = align_up(sizeof(shm_header), 64);
	size_t name_index_off = align_up(index_off + index_size * sizeof(uint32_t), 64);
	size_t series_off = align_up(name_index_off + index_size * sizeof(uint32_t), 64);
	size_t size = series_off + (size_t) capacity * sizeof(shm_series);

	void *mem = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED) {
		zend_error(E_WARNING, "perf: cannot map %zu bytes of shared memory for metrics: %s", size, strerror(errno));
		return;
	}
	shm = mem;
	shm_size = size;
	series_index = (uint32_t *) ((char *) mem + index_off);
	name_index = (uint32_t *) ((char *) mem + name_index_off);
	series = (shm_series *) ((char *) mem + series_off);
	shm->series_capacity = capacity;
	shm->index_mask = index_size - 1;

	pthread_mutexattr_t attr;
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&shm->series_lock, &attr);
	pthread_mutexattr_destroy(&attr);
}

void perf_metrics_mshutdown(void)
{
	if (shm) {
		munmap(shm, shm_size);
		shm = NULL;
	}
}

bool perf_metrics_active(void)
{
	return shm != NULL;
}

/* ---- recording ---- */

static void add_double(uint64_t *bits, double value)
{
	uint64_t seen = LOAD(bits), next;
	do {
		double current;
		memcpy(&current, &seen, sizeof(double));
		current += value;
		memcpy(&next, &current, sizeof(double));
	} while (!__atomic_compare_exchange_n(bits, &seen, next, true, __ATOMIC_RELAXED, __ATOMIC_RELAXED));
}

static double bits_to_double(uint64_t bits)
{
	double value;
	memcpy(&value, &bits, sizeof(double));
	return value;
}

static void observe(shm_histogram *h, const double *bounds, uint32_t bound_count, double value)
{
	uint32_t i = 0;
	while (i < bound_count && value > bounds[i]) {
		i++;
	}
	ADD(&h->buckets[i], 1);
	ADD(&h->count, 1);
	add_double(&h->sum_bits, value);
}

static void reset_histogram(shm_histogram *h)
{
	for (uint32_t i = 0; i <= PERF_METRICS_MAX_BUCKETS; i++) {
		STORE(&h->buckets[i], 0);
	}
	STORE(&h->count, 0);
	STORE(&h->sum_bits, 0);
}

static void count_second(void)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME_COARSE, &now);
	uint64_t second = (uint32_t) now.tv_sec;
	uint64_t *cell = &shm->rate[now.tv_sec % PERF_METRICS_RATE_SECONDS];
	uint64_t seen = LOAD(cell), next;
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
	shm_slow_entry *entry = &shm->slow[ADD(&shm->slow_next, 1) % PERF_METRICS_SLOW_RING];

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
	uint64_t seq = LOAD(&entry->seq);
	if ((seq & 1) || !__atomic_compare_exchange_n(&entry->seq, &seq, seq + 1, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
		return;
	}
	__atomic_thread_fence(__ATOMIC_RELEASE);
	for (size_t i = 0; i < SLOW_WORDS; i++) {
		STORE(&entry->words[i], payload.words[i]);
	}
	__atomic_store_n(&entry->seq, seq + 2, __ATOMIC_RELEASE);
}

void perf_metrics_request(double seconds, int status, bool slow, const char *method, const char *uri, size_t uri_len)
{
	if (!shm) {
		return;
	}
	uint32_t class = status == 0 ? 2 : (uint32_t) status / 100;
	ADD(&shm->requests[class < 10 ? class : 9], 1);
	observe(&shm->request_duration, PERF_G(settings.metrics.buckets), PERF_G(settings.metrics.bucket_count), seconds);
	observe(&shm->request_memory, perf_metrics_memory_bounds, PERF_METRICS_MEMORY_BUCKETS,
		(double) zend_memory_peak_usage(false));
	count_second();
	if (slow) {
		ADD(&shm->slow_requests, 1);
		remember_slow(seconds, status ? (uint32_t) status : 200, method, uri, uri_len);
	}
}

void perf_metrics_db_query(double seconds, bool slow)
{
	if (!shm) {
		return;
	}
	ADD(&shm->db_queries, 1);
	if (slow) {
		ADD(&shm->db_slow_queries, 1);
	}
	observe(&shm->db_duration, PERF_G(settings.metrics.buckets), PERF_G(settings.metrics.bucket_count), seconds);
}

/* ---- reading ---- */

static void read_histogram(const shm_histogram *from, perf_metrics_histogram *to)
{
	for (uint32_t i = 0; i <= PERF_METRICS_MAX_BUCKETS; i++) {
		to->buckets[i] = LOAD(&from->buckets[i]);
	}
	/* Read last so that count is never below the buckets' total when updates run concurrently. */
	to->count = LOAD(&from->count);
	to->sum = bits_to_double(LOAD(&from->sum_bits));
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
			out->words[i] = LOAD(&entry->words[i]);
		}
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (LOAD(&entry->seq) == before) {
			out->data.method[sizeof(out->data.method) - 1] = '\0';
			out->data.uri[sizeof(out->data.uri) - 1] = '\0';
			return true;
		}
	}
	return false;
}

void perf_metrics_read(perf_metrics_snapshot *snap)
{
	memset(snap, 0, sizeof(*snap));
	if (!shm) {
		return;
	}
	for (int i = 0; i < 10; i++) {
		snap->requests[i] = LOAD(&shm->requests[i]);
	}
	read_histogram(&shm->request_duration, &snap->request_duration);
	read_histogram(&shm->request_memory, &snap->request_memory);
	read_histogram(&shm->db_duration, &snap->db_duration);
	snap->slow_requests = LOAD(&shm->slow_requests);
	snap->db_queries = LOAD(&shm->db_queries);
	snap->db_slow_queries = LOAD(&shm->db_slow_queries);
	snap->series_dropped = LOAD(&shm->series_dropped);
	snap->series_used = __atomic_load_n(&shm->series_used, __ATOMIC_ACQUIRE);

	struct timespec now;
	clock_gettime(CLOCK_REALTIME_COARSE, &now);
	for (uint32_t i = 0; i < PERF_METRICS_RATE_SECONDS; i++) {
		int64_t second = now.tv_sec - (PERF_METRICS_RATE_SECONDS - 1) + i;
		uint64_t cell = LOAD(&shm->rate[second % PERF_METRICS_RATE_SECONDS]);
		snap->rate[i] = (cell >> 32) == (uint32_t) second ? (cell & 0xffffffffu) : 0;
	}

	uint64_t next = LOAD(&shm->slow_next);
	for (uint32_t i = 0; i < PERF_METRICS_SLOW_RING && i < next; i++) {
		slow_payload payload;
		if (read_slow_entry(&shm->slow[(next - 1 - i) % PERF_METRICS_SLOW_RING], &payload)) {
			perf_metrics_slow_request *out = &snap->slow[snap->slow_count++];
			out->time_ms = payload.data.time_ms;
			out->seconds = payload.data.seconds;
			out->status = payload.data.status;
			memcpy(out->method, payload.data.method, sizeof(out->method));
			memcpy(out->uri, payload.data.uri, sizeof(out->uri));
		}
	}
}

uint64_t perf_metrics_cache_total(perf_cache_driver_id driver, perf_cache_counter counter)
{
	uint64_t total = perf_cache_counter_total(driver, counter);
	uint64_t base = shm ? LOAD(&shm->cache_base[driver][counter]) : 0;
	return total > base ? total - base : 0;
}

/* ---- application series ---- */

static void lock_series(void)
{
	if (pthread_mutex_lock(&shm->series_lock) == EOWNERDEAD) {
		/* The owner died while creating a series; an unpublished slot is all it can have left. */
		pthread_mutex_consistent(&shm->series_lock);
	}
}

static bool is_name_char(unsigned char c, bool first, bool colon)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':')
		|| (!first && c >= '0' && c <= '9');
}

static bool valid_name(const char *name, size_t len, bool colon)
{
	if (len == 0) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		if (!is_name_char((unsigned char) name[i], i == 0, colon)) {
			return false;
		}
	}
	return true;
}

/* Prometheus rejects a scrape with a label value that is not UTF-8. */
static bool valid_utf8(const unsigned char *p, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = p[i];
		size_t extra;
		uint32_t cp;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xc2 && c <= 0xdf) {
			extra = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			extra = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			extra = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (len - i <= extra) {
			return false;
		}
		for (size_t k = 1; k <= extra; k++) {
			if ((p[i + k] & 0xc0) != 0x80) {
				return false;
			}
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		/* Overlong forms, surrogates and code points past U+10FFFF. */
		if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) {
			return false;
		}
		i += extra + 1;
	}
	return true;
}

/* Backslash and double quote are escaped; control characters never get this far (see build_key). */
static void append_escaped_label_value(smart_str *out, const char *value, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (value[i] == '\\' || value[i] == '"') {
			smart_str_appendc(out, '\\');
		}
		smart_str_appendc(out, value[i]);
	}
}

/* NUL and the other C0 controls (tab and newline included): they have no place in a label value. */
static bool has_control_char(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char) p[i] < 0x20) {
			return true;
		}
	}
	return false;
}

static int compare_labels(Bucket *a, Bucket *b)
{
	return zend_binary_strcmp(ZSTR_VAL(a->key), ZSTR_LEN(a->key), ZSTR_VAL(b->key), ZSTR_LEN(b->key));
}

/*
 * Checks the name and labels and builds the series key: the name, a NUL, the labels sorted by
 * name as they appear between the braces. Throws a ValueError and returns false when invalid.
 */
static bool build_key(zend_string *name, HashTable *labels, series_type type, uint32_t labels_arg, smart_str *key)
{
	if (!valid_name(ZSTR_VAL(name), ZSTR_LEN(name), true)) {
		zend_argument_value_error(1, "must be a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)");
		return false;
	}
	if (ZSTR_LEN(name) >= 5 && strncmp(ZSTR_VAL(name), "perf_", 5) == 0) {
		zend_argument_value_error(1, "must not start with \"perf_\" (reserved for perf's own metrics)");
		return false;
	}
	if (zend_hash_num_elements(labels) > SERIES_MAX_LABELS) {
		zend_argument_value_error(labels_arg, "must have at most %d labels", SERIES_MAX_LABELS);
		return false;
	}

	zend_string *label;
	zval *value;
	ZEND_HASH_FOREACH_STR_KEY_VAL(labels, label, value) {
		if (!label || !valid_name(ZSTR_VAL(label), ZSTR_LEN(label), false)
			|| (ZSTR_LEN(label) >= 2 && ZSTR_VAL(label)[0] == '_' && ZSTR_VAL(label)[1] == '_')) {
			zend_argument_value_error(labels_arg, "must have valid Prometheus label names as keys "
				"([a-zA-Z_][a-zA-Z0-9_]*, not starting with \"__\")");
			return false;
		}
		if (type == SERIES_HISTOGRAM && zend_string_equals_literal(label, "le")) {
			zend_argument_value_error(labels_arg, "must not have a label named \"le\" for a histogram");
			return false;
		}
		ZVAL_DEREF(value);
		if (Z_TYPE_P(value) != IS_STRING) {
			zend_argument_value_error(labels_arg, "must have string values");
			return false;
		}
		if (has_control_char(Z_STRVAL_P(value), Z_STRLEN_P(value))) {
			zend_argument_value_error(labels_arg, "must have values without control characters (NUL, tab, newline "
				"or any other byte below 0x20)");
			return false;
		}
		if (!valid_utf8((const unsigned char *) Z_STRVAL_P(value), Z_STRLEN_P(value))) {
			zend_argument_value_error(labels_arg, "must have valid UTF-8 values");
			return false;
		}
	} ZEND_HASH_FOREACH_END();

	smart_str_append(key, name);
	smart_str_appendc(key, '\0');
	if (zend_hash_num_elements(labels)) {
		HashTable *sorted = zend_array_dup(labels);
		zend_hash_sort(sorted, compare_labels, false);
		bool first = true;
		ZEND_HASH_FOREACH_STR_KEY_VAL(sorted, label, value) {
			ZVAL_DEREF(value);
			if (!first) {
				smart_str_appendc(key, ',');
			}
			first = false;
			smart_str_append(key, label);
			smart_str_appendl(key, "=\"", 2);
			append_escaped_label_value(key, Z_STRVAL_P(value), Z_STRLEN_P(value));
			smart_str_appendc(key, '"');
		} ZEND_HASH_FOREACH_END();
		zend_array_destroy(sorted);
	}
	smart_str_0(key);
	if (ZSTR_LEN(key->s) > SERIES_KEY_MAX) {
		zend_argument_value_error(labels_arg, "makes the series too long (name and labels at most %d bytes)",
			SERIES_KEY_MAX);
		return false;
	}
	return true;
}

/* Where a hash's probe sequence starts: the high bits of a multiplicative mix spread similar keys. */
static uint32_t first_bucket(uint64_t hash)
{
	return (uint32_t) ((hash * UINT64_C(0x9E3779B97F4A7C15)) >> 32) & shm->index_mask;
}

/*
 * Lock-free: only published slots are looked at, and a slot that is being filled again after a
 * reset (odd or changed sequence) counts as not found, which sends the caller to create_series()
 * to look again under the lock. *type is the type the slot had while its key matched.
 */
static shm_series *find_series(uint64_t hash, const char *key, size_t key_len, uint8_t *type)
{
	uint32_t start = first_bucket(hash);

	for (uint32_t i = 0; i <= shm->index_mask; i++) {
		uint32_t entry = __atomic_load_n(&series_index[(start + i) & shm->index_mask], __ATOMIC_ACQUIRE);
		if (entry == 0) {
			return NULL;
		}
		shm_series *s = &series[entry - 1];
		uint32_t seq = __atomic_load_n(&s->seq, __ATOMIC_ACQUIRE);
		if (seq & 1) {
			return NULL;
		}
		bool same = s->hash == hash && s->key_len == key_len && memcmp(s->key, key, key_len) == 0;
		uint8_t seen = s->type;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (LOAD(&s->seq) != seq) {
			return NULL;
		}
		if (same) {
			*type = seen;
			return s;
		}
	}
	return NULL;
}

/* The first series created with this name, or NULL. Called with the lock held. */
static shm_series *find_name(uint64_t name_hash, const char *name, size_t name_len)
{
	uint32_t start = first_bucket(name_hash);

	for (uint32_t i = 0; i <= shm->index_mask; i++) {
		uint32_t entry = __atomic_load_n(&name_index[(start + i) & shm->index_mask], __ATOMIC_ACQUIRE);
		if (entry == 0) {
			return NULL;
		}
		shm_series *s = &series[entry - 1];
		if (s->name_len == name_len && memcmp(s->key, name, name_len) == 0) {
			return s;
		}
	}
	return NULL;
}

/* Stores a slot number (plus one) in the first free bucket of the probe sequence. Called with the lock held. */
static void index_insert(uint32_t *index, uint64_t hash, uint32_t number)
{
	uint32_t start = first_bucket(hash), i = 0;

	while (__atomic_load_n(&index[(start + i) & shm->index_mask], __ATOMIC_ACQUIRE) != 0) {
		i++;
	}
	__atomic_store_n(&index[(start + i) & shm->index_mask], number + 1, __ATOMIC_RELEASE);
}

/* Takes the next free slot and fills it; NULL when every slot is taken. Called with the lock held. */
static shm_series *take_slot(series_type type, uint64_t hash, const char *key, size_t key_len, size_t name_len)
{
	if (shm->series_used >= shm->series_capacity) {
		return NULL;
	}
	/* The slot is taken first: a creator that dies from here on wastes it, never hands it out twice. */
	uint32_t number = shm->series_used;
	__atomic_store_n(&shm->series_used, number + 1, __ATOMIC_RELEASE);
	shm_series *s = &series[number];

	/* Odd, also when a creator that died left it odd: a reader still holding the slot's last series skips it. */
	uint32_t seq = LOAD(&s->seq) | 1;
	STORE(&s->seq, seq);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	s->type = (uint8_t) type;
	s->name_len = (uint16_t) name_len;
	s->key_len = (uint16_t) key_len;
	s->hash = hash;
	memcpy(s->key, key, key_len);
	STORE(&s->value_bits, 0);
	reset_histogram(&s->histogram);
	__atomic_store_n(&s->seq, seq + 1, __ATOMIC_RELEASE);
	return s;
}

/*
 * NULL with a ValueError thrown when the name has another type, NULL alone when the cap is reached.
 * Every step is a constant number of probes: the type of the name comes from the name index.
 */
static shm_series *create_series(series_type type, uint64_t hash, const char *key, size_t key_len, size_t name_len)
{
	shm_series *s;
	uint8_t existing;

	lock_series();
	s = find_series(hash, key, key_len, &existing);
	if (!s) {
		uint64_t name_hash = zend_hash_func(key, name_len);
		shm_series *named = find_name(name_hash, key, name_len);
		existing = named ? named->type : 0;
		if (!existing || existing == type) {
			s = take_slot(type, hash, key, key_len, name_len);
			if (s) {
				/* The name first: a creator killed in between leaves a name with no series, never two types for one name. */
				if (!named) {
					index_insert(name_index, name_hash, (uint32_t) (s - series));
				}
				index_insert(series_index, hash, (uint32_t) (s - series));
			}
		}
	}
	pthread_mutex_unlock(&shm->series_lock);
	if (existing && existing != type) {
		zend_argument_value_error(1, "is already registered as a %s", type_names[existing]);
		return NULL;
	}
	if (!s) {
		ADD(&shm->series_dropped, 1);
	}
	return s;
}

/* Validates, then finds or creates the series. Returns NULL (with an exception when one was thrown). */
static shm_series *lookup(series_type type, zend_string *name, HashTable *labels, bool *failed)
{
	smart_str key = {0};
	shm_series *s = NULL;
	uint8_t existing;

	*failed = !build_key(name, labels, type, 3, &key);
	if (!*failed && shm) {
		size_t key_len = ZSTR_LEN(key.s);
		uint64_t hash = zend_hash_func(ZSTR_VAL(key.s), key_len);
		s = find_series(hash, ZSTR_VAL(key.s), key_len, &existing);
		if (!s) {
			s = create_series(type, hash, ZSTR_VAL(key.s), key_len, ZSTR_LEN(name));
			*failed = EG(exception) != NULL;
		} else if (existing != type) {
			zend_argument_value_error(1, "is already registered as a %s", type_names[existing]);
			*failed = true;
			s = NULL;
		}
	}
	smart_str_free(&key);
	return s;
}

ZEND_FUNCTION(perf_counter_inc)
{
	zend_string *name;
	double by = 1;
	HashTable *labels = (HashTable *) &zend_empty_array;
	bool failed;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_STR(name)
		Z_PARAM_OPTIONAL
		Z_PARAM_DOUBLE(by)
		Z_PARAM_ARRAY_HT(labels)
	ZEND_PARSE_PARAMETERS_END();

	if (zend_isnan(by) || by < 0 || !zend_finite(by)) {
		zend_argument_value_error(2, "must be a finite number, 0 or more");
		RETURN_THROWS();
	}
	shm_series *s = lookup(SERIES_COUNTER, name, labels, &failed);
	if (failed) {
		RETURN_THROWS();
	}
	if (s) {
		add_double(&s->value_bits, by);
	}
	RETURN_BOOL(s != NULL);
}

ZEND_FUNCTION(perf_gauge_set)
{
	zend_string *name;
	double value;
	HashTable *labels = (HashTable *) &zend_empty_array;
	bool failed;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(name)
		Z_PARAM_DOUBLE(value)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(labels)
	ZEND_PARSE_PARAMETERS_END();

	if (zend_isnan(value)) {
		zend_argument_value_error(2, "must not be NAN");
		RETURN_THROWS();
	}
	shm_series *s = lookup(SERIES_GAUGE, name, labels, &failed);
	if (failed) {
		RETURN_THROWS();
	}
	if (s) {
		uint64_t bits;
		memcpy(&bits, &value, sizeof(double));
		STORE(&s->value_bits, bits);
	}
	RETURN_BOOL(s != NULL);
}

ZEND_FUNCTION(perf_histogram_observe)
{
	zend_string *name;
	double value;
	HashTable *labels = (HashTable *) &zend_empty_array;
	bool failed;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(name)
		Z_PARAM_DOUBLE(value)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(labels)
	ZEND_PARSE_PARAMETERS_END();

	if (zend_isnan(value)) {
		zend_argument_value_error(2, "must not be NAN");
		RETURN_THROWS();
	}
	shm_series *s = lookup(SERIES_HISTOGRAM, name, labels, &failed);
	if (failed) {
		RETURN_THROWS();
	}
	if (s) {
		observe(&s->histogram, PERF_G(settings.metrics.buckets), PERF_G(settings.metrics.bucket_count), value);
	}
	RETURN_BOOL(s != NULL);
}

/* ---- rendering ---- */

static void append_number(smart_str *out, double value)
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

/* "name{labels}" or "name": both with their lengths, as application series keep them. */
static void append_series_name(smart_str *out, const char *name, size_t name_len, const char *labels, size_t labels_len)
{
	smart_str_appendl(out, name, name_len);
	if (labels_len) {
		smart_str_appendc(out, '{');
		smart_str_appendl(out, labels, labels_len);
		smart_str_appendc(out, '}');
	}
}

static void append_sample_u(smart_str *out, const char *name, size_t name_len, const char *labels, size_t labels_len,
	uint64_t value)
{
	append_series_name(out, name, name_len, labels, labels_len);
	smart_str_append_printf(out, " %" PRIu64 "\n", value);
}

static void append_sample_d(smart_str *out, const char *name, size_t name_len, const char *labels, size_t labels_len,
	double value)
{
	append_series_name(out, name, name_len, labels, labels_len);
	smart_str_appendc(out, ' ');
	append_number(out, value);
	smart_str_appendc(out, '\n');
}

static void append_counter(smart_str *out, const char *name, const char *help, uint64_t value)
{
	append_header(out, name, help, "counter");
	append_sample_u(out, name, strlen(name), NULL, 0, value);
}

/* The buckets of one histogram series, cumulated; labels (without braces) may be empty. */
static void append_histogram_series(smart_str *out, const char *name, size_t name_len, const char *labels,
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
			append_number(out, bounds[i]);
		} else {
			smart_str_appendl(out, "+Inf", 4);
		}
		smart_str_append_printf(out, "\"} %" PRIu64 "\n", i < bound_count ? cumulative : MAX(cumulative, h->count));
	}
	smart_str_appendl(out, name, name_len);
	smart_str_appendl(out, "_sum", 4);
	if (labels_len) {
		smart_str_appendc(out, '{');
		smart_str_appendl(out, labels, labels_len);
		smart_str_appendc(out, '}');
	}
	smart_str_appendc(out, ' ');
	append_number(out, h->sum);
	smart_str_appendc(out, '\n');
	smart_str_appendl(out, name, name_len);
	smart_str_appendl(out, "_count", 6);
	if (labels_len) {
		smart_str_appendc(out, '{');
		smart_str_appendl(out, labels, labels_len);
		smart_str_appendc(out, '}');
	}
	smart_str_append_printf(out, " %" PRIu64 "\n", MAX(cumulative, h->count));
}

static void append_histogram(smart_str *out, const char *name, const char *help,
	const double *bounds, uint32_t bound_count, const perf_metrics_histogram *h)
{
	append_header(out, name, help, "histogram");
	append_histogram_series(out, name, strlen(name), NULL, 0, bounds, bound_count, h);
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
	append_sample_d(out, ZEND_STRL("perf_opcache_hit_ratio"), NULL, 0,
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

/* A series copied out of its slot for rendering: the key points into the copy of every key. */
typedef struct {
	uint32_t slot;
	uint8_t type;
	uint16_t name_len;
	uint16_t key_len;
	union {
		size_t offset;
		const char *key;
	} at;
} series_copy;

static int compare_series(const void *a, const void *b)
{
	const series_copy *x = a, *y = b;
	int by_name = zend_binary_strcmp(x->at.key, x->name_len, y->at.key, y->name_len);
	if (by_name) {
		return by_name;
	}
	return zend_binary_strcmp(x->at.key + x->name_len + 1, x->key_len - x->name_len - 1,
		y->at.key + y->name_len + 1, y->key_len - y->name_len - 1);
}

/*
 * Copies the key of a published slot into keys, unless the slot is being filled again after a
 * reset (odd or changed sequence) or what was read does not hold together.
 */
static bool copy_series(uint32_t slot, smart_str *keys, series_copy *copy)
{
	const shm_series *s = &series[slot];
	uint32_t seq = __atomic_load_n(&s->seq, __ATOMIC_ACQUIRE);
	size_t start = keys->s ? ZSTR_LEN(keys->s) : 0;

	if (seq & 1) {
		return false;
	}
	copy->slot = slot;
	copy->type = s->type;
	copy->name_len = s->name_len;
	copy->key_len = s->key_len;
	copy->at.offset = start;
	if (copy->type < SERIES_COUNTER || copy->type > SERIES_HISTOGRAM || copy->name_len == 0
		|| copy->key_len > SERIES_KEY_MAX || copy->name_len >= copy->key_len) {
		return false;
	}
	smart_str_appendl(keys, s->key, copy->key_len);
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	if (LOAD(&s->seq) != seq) {
		ZSTR_LEN(keys->s) = start;
		return false;
	}
	return true;
}

static void append_app_series(smart_str *out)
{
	smart_str keys = {0};
	uint32_t count = 0;
	series_copy *list = safe_emalloc(MAX(shm->series_capacity, 1), sizeof(series_copy), 0);

	for (uint32_t i = 0; i <= shm->index_mask && count < shm->series_capacity; i++) {
		uint32_t entry = __atomic_load_n(&series_index[i], __ATOMIC_ACQUIRE);
		if (entry && copy_series(entry - 1, &keys, &list[count])) {
			count++;
		}
	}
	for (uint32_t i = 0; i < count; i++) {
		list[i].at.key = ZSTR_VAL(keys.s) + list[i].at.offset;
	}
	qsort(list, count, sizeof(series_copy), compare_series);

	const series_copy *previous = NULL;
	for (uint32_t i = 0; i < count; i++) {
		const series_copy *c = &list[i];
		const shm_series *s = &series[c->slot];
		const char *labels = c->at.key + c->name_len + 1;
		size_t labels_len = c->key_len - c->name_len - 1;

		if (!previous || previous->name_len != c->name_len || memcmp(previous->at.key, c->at.key, c->name_len) != 0) {
			smart_str_appendl(out, "# HELP ", 7);
			smart_str_appendl(out, c->at.key, c->name_len);
			smart_str_appendl(out, " Application metric.\n# TYPE ", sizeof(" Application metric.\n# TYPE ") - 1);
			smart_str_appendl(out, c->at.key, c->name_len);
			smart_str_appendc(out, ' ');
			smart_str_appends(out, type_names[c->type]);
			smart_str_appendc(out, '\n');
		}
		previous = c;
		if (c->type == SERIES_HISTOGRAM) {
			perf_metrics_histogram h;
			read_histogram(&s->histogram, &h);
			append_histogram_series(out, c->at.key, c->name_len, labels, labels_len, PERF_G(settings.metrics.buckets),
				PERF_G(settings.metrics.bucket_count), &h);
		} else {
			append_sample_d(out, c->at.key, c->name_len, labels, labels_len, bits_to_double(LOAD(&s->value_bits)));
		}
	}
	smart_str_free(&keys);
	efree(list);
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
	append_sample_u(&out, ZEND_STRL("perf_metrics_series_limit"), NULL, 0, shm->series_capacity);
	append_counter(&out, "perf_metrics_series_dropped_total",
		"Application updates dropped because perf.metrics_max_series was reached.", snap->series_dropped);
	append_app_series(&out);
	efree(snap);

	smart_str_0(&out);
	return out.s;
}

ZEND_FUNCTION(perf_metrics)
{
	ZEND_PARSE_PARAMETERS_NONE();

	if (!shm) {
		RETURN_STRING("# perf metrics are off (perf.metrics_enabled=0)\n");
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

	if (!shm) {
		return;
	}
	for (int i = 0; i < 10; i++) {
		STORE(&shm->requests[i], 0);
	}
	reset_histogram(&shm->request_duration);
	reset_histogram(&shm->request_memory);
	reset_histogram(&shm->db_duration);
	STORE(&shm->slow_requests, 0);
	STORE(&shm->db_queries, 0);
	STORE(&shm->db_slow_queries, 0);
	STORE(&shm->series_dropped, 0);
	for (int d = 0; d < PERF_CACHE_DRIVER_COUNT; d++) {
		for (int c = 0; c < PERF_CACHE_COUNTER_COUNT; c++) {
			STORE(&shm->cache_base[d][c], perf_cache_counter_total(d, c));
		}
	}
	for (int i = 0; i < PERF_METRICS_RATE_SECONDS; i++) {
		STORE(&shm->rate[i], 0);
	}
	for (int i = 0; i < PERF_METRICS_SLOW_RING; i++) {
		STORE(&shm->slow[i].seq, 0);
	}
	lock_series();
	for (uint32_t i = 0; i <= shm->index_mask; i++) {
		__atomic_store_n(&series_index[i], 0, __ATOMIC_RELEASE);
		__atomic_store_n(&name_index[i], 0, __ATOMIC_RELEASE);
	}
	__atomic_store_n(&shm->series_used, 0, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&shm->series_lock);
}

void perf_metrics_minfo(void)
{
	char buf[64];

	php_info_print_table_row(2, "Metrics", shm ? "enabled (shared memory)" : "off");
	if (shm) {
		snprintf(buf, sizeof(buf), "%u of %u", __atomic_load_n(&shm->series_used, __ATOMIC_ACQUIRE), shm->series_capacity);
		php_info_print_table_row(2, "Metrics application series", buf);
	}
}
