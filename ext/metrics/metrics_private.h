#ifndef PERF_METRICS_PRIVATE_H
#define PERF_METRICS_PRIVATE_H

#include "zend_smart_str.h"

#include "metrics/metrics.h"
#include "cache/cache.h"

/* Most recent slow requests kept for the dashboard, and how much of each URI. */
#define PERF_METRICS_SLOW_RING 32
#define PERF_METRICS_SLOW_URI_LEN 191
#define PERF_METRICS_SLOW_METHOD_LEN 15
/* Per-second request counts kept for the dashboard's rate chart. */
#define PERF_METRICS_RATE_SECONDS 120
#define PERF_METRICS_MEMORY_BUCKETS 10

typedef struct {
	/* Non-cumulative, the last one above every bound (+Inf). */
	uint64_t buckets[PERF_METRICS_MAX_BUCKETS + 1];
	uint64_t count;
	double sum;
} perf_metrics_histogram;

typedef struct {
	int64_t time_ms;
	double seconds;
	uint32_t status;
	char method[PERF_METRICS_SLOW_METHOD_LEN + 1];
	char uri[PERF_METRICS_SLOW_URI_LEN + 1];
} perf_metrics_slow_request;

/* Everything the segment holds except application series, copied out for rendering. */
typedef struct {
	/* By status class: [2] is 2xx. */
	uint64_t requests[10];
	perf_metrics_histogram request_duration;
	perf_metrics_histogram request_memory;
	perf_metrics_histogram db_duration;
	uint64_t slow_requests;
	uint64_t db_queries;
	uint64_t db_slow_queries;
	uint64_t series_dropped;
	uint32_t series_used;
	uint32_t series_capacity;
	/* Requests finished in each of the last seconds, oldest first, the current second last. */
	uint64_t rate[PERF_METRICS_RATE_SECONDS];
	/* Newest first. */
	perf_metrics_slow_request slow[PERF_METRICS_SLOW_RING];
	uint32_t slow_count;
} perf_metrics_snapshot;

extern const double perf_metrics_memory_bounds[PERF_METRICS_MEMORY_BUCKETS];

/* False when perf.metrics_enabled=0 or there is no segment (attached at the first call). */
bool perf_metrics_active(void);
void perf_metrics_read(perf_metrics_snapshot *snapshot);
/* A cache counter since the last perf_metrics_reset(). */
uint64_t perf_metrics_cache_total(perf_cache_driver_id driver, perf_cache_counter counter);

/* ---- shared by metrics.c and series.c ---- */

#define PERF_METRICS_LOAD(p) __atomic_load_n((p), __ATOMIC_RELAXED)
#define PERF_METRICS_STORE(p, v) __atomic_store_n((p), (v), __ATOMIC_RELAXED)
#define PERF_METRICS_ADD(p, v) __atomic_fetch_add((p), (v), __ATOMIC_RELAXED)

/* A histogram in shared memory. The sum is a double kept as its bits and added with a CAS loop. */
typedef struct {
	/* Non-cumulative, the last one above every bound (+Inf). */
	uint64_t buckets[PERF_METRICS_MAX_BUCKETS + 1];
	uint64_t count;
	uint64_t sum_bits;
} perf_metrics_shm_histogram;

void perf_metrics_add_double(uint64_t *bits, double value);
double perf_metrics_bits_to_double(uint64_t bits);
/* The bucket value falls in: the first bound it does not exceed, bound_count (+Inf) past the last. */
static inline uint32_t perf_metrics_bucket(const double *bounds, uint32_t bound_count, double value)
{
	uint32_t i = 0;

	while (i < bound_count && value > bounds[i]) {
		i++;
	}
	return i;
}

void perf_metrics_observe(perf_metrics_shm_histogram *h, const double *bounds, uint32_t bound_count, double value);
void perf_metrics_reset_histogram(perf_metrics_shm_histogram *h);
void perf_metrics_read_histogram(const perf_metrics_shm_histogram *from, perf_metrics_histogram *to);

/* Prometheus text: names and labels (without braces, may be empty) always with their lengths. */
void perf_metrics_append_sample_d(smart_str *out, const char *name, size_t name_len, const char *labels,
	size_t labels_len, double value);
void perf_metrics_append_histogram_series(smart_str *out, const char *name, size_t name_len, const char *labels,
	size_t labels_len, const double *bounds, uint32_t bound_count, const perf_metrics_histogram *h);

/* series.c: the application series' part of the segment. */
size_t perf_metrics_series_size(uint32_t capacity);
void perf_metrics_series_layout(void *mem, uint32_t capacity);
void perf_metrics_series_bind(void *mem);
void perf_metrics_series_figures(uint32_t *used, uint32_t *capacity, uint64_t *dropped);
/* Appends every series, sorted by name then labels, with one HELP and TYPE per name. */
void perf_metrics_series_render(smart_str *out);
/* Removes every series (for every process): each comes back at its next update. */
void perf_metrics_series_reset(void);

#endif
