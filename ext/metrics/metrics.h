#ifndef PERF_METRICS_H
#define PERF_METRICS_H

#include "php.h"
#include "php_ini.h"

/* Upper bounds a histogram may have besides +Inf: fixes the size of every histogram in the segment. */
#define PERF_METRICS_MAX_BUCKETS 30

typedef struct {
	bool enabled;
	zend_long max_series;
	/* perf.metrics_buckets, parsed: upper bounds in seconds, strictly increasing. */
	double buckets[PERF_METRICS_MAX_BUCKETS];
	uint32_t bucket_count;
} perf_metrics_settings;

/*
 * This request's database queries, added to the pool's series once, when the request ends (or
 * perf_metrics() reads them first): per query a few adds in process memory, instead of atomics on
 * cache lines that every worker of the pool writes.
 */
typedef struct {
	uint32_t count;
	uint32_t slow;
	double sum;
	uint32_t buckets[PERF_METRICS_MAX_BUCKETS + 1];
} perf_metrics_state;

ZEND_INI_MH(perf_metrics_ini_update_buckets);
ZEND_INI_MH(perf_metrics_ini_update_max_series);

void perf_metrics_minit(void);
void perf_metrics_mshutdown(void);
void perf_metrics_minfo(void);


#endif
