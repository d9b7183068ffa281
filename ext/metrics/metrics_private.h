#ifndef PERF_METRICS_PRIVATE_H
#define PERF_METRICS_PRIVATE_H

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
	/* Requests finished in each of the last seconds, oldest first, the current second last. */
	uint64_t rate[PERF_METRICS_RATE_SECONDS];
	/* Newest first. */
	perf_metrics_slow_request slow[PERF_METRICS_SLOW_RING];
	uint32_t slow_count;
} perf_metrics_snapshot;

extern const double perf_metrics_memory_bounds[PERF_METRICS_MEMORY_BUCKETS];

/* False when perf.metrics_enabled=0 or the segment could not be made. */
bool perf_metrics_active(void);
void perf_metrics_read(perf_metrics_snapshot *snapshot);
/* A cache counter since the last perf_metrics_reset(). */
uint64_t perf_metrics_cache_total(perf_cache_driver_id driver, perf_cache_counter counter);

#endif
