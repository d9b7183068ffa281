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

/*
 * Records one finished request: status 0 (no status set, as in the CLI) counts as 200.
 * method and uri are read only when slow, for the ring of recent slow requests.
 */
void perf_metrics_request(double seconds, int status, bool slow, const char *method, const char *uri, size_t uri_len);

/* Records one database query; the DB hooks call it for every query they time. */
void perf_metrics_db_query(double seconds, bool slow);

#endif
