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

ZEND_INI_MH(perf_metrics_ini_update_buckets);
ZEND_INI_MH(perf_metrics_ini_update_max_series);

void perf_metrics_minit(void);
void perf_metrics_mshutdown(void);
void perf_metrics_minfo(void);


#endif
