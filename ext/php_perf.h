/*
 * perf: request timing, slow-request log, runtime stats, metrics and cache.
 */

#ifndef PHP_PERF_H
#define PHP_PERF_H

#include "php.h"

#include "request/request.h"
#include "log/log.h"
#include "cache/cache.h"
#include "db/db.h"
#include "metrics/metrics.h"

extern zend_module_entry perf_module_entry;
#define phpext_perf_ptr &perf_module_entry

#define PHP_PERF_VERSION "0.1.0"

ZEND_BEGIN_MODULE_GLOBALS(perf)
	/* From INI, grouped by feature. */
	struct {
		perf_request_settings request;
		perf_log_settings log;
		perf_cache_settings cache;
		perf_redis_settings redis;
		perf_db_settings db;
		perf_metrics_settings metrics;
	} settings;
	/* Reset at every request start. */
	struct {
		perf_request_state request;
		perf_cache_state cache;
		perf_redis_state redis;
		perf_db_state db;
		perf_metrics_state metrics;
	} state;
	/* Lives as long as the worker process (or thread). */
	struct {
		perf_log_worker log;
	} worker;
ZEND_END_MODULE_GLOBALS(perf)

ZEND_EXTERN_MODULE_GLOBALS(perf)
#define PERF_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(perf, v)

#if defined(ZTS) && defined(COMPILE_DL_PERF)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif
