#ifndef PERF_REQUEST_H
#define PERF_REQUEST_H

#include "php.h"
#include "php_ini.h"

typedef struct {
	bool enabled;
	bool enable_cli;
	char *response_header;
	bool server_timing;
	zend_long slow_request_ms;
	bool log_all_requests;
} perf_request_settings;

typedef struct {
	zend_long user_us;
	zend_long sys_us;
} perf_cpu_times;

typedef struct {
	/* Whether this request is timed: perf.enabled, and not CLI unless perf.enable_cli. */
	bool timed;
	uint64_t start_ns;
	perf_cpu_times start_cpu;
	/* perf_annotate() keys; NULL until the first call so requests without annotations allocate nothing. */
	HashTable *annotations;
	/* Inside perf_request_begin() ... perf_request_end(). */
	bool explicit_request;
} perf_request_state;

ZEND_INI_MH(perf_request_ini_update_header_name);
ZEND_INI_MH(perf_request_ini_update_slow_ms);

void perf_request_minit(void);
void perf_request_mshutdown(void);
void perf_request_rinit(void);
void perf_request_rshutdown(void);
void perf_request_minfo(void);

/* Milliseconds since the request started, for any SAPI. */
double perf_request_elapsed_ms(void);
void perf_request_cpu_used(perf_cpu_times *used);

/* Whether this request is timed now (perf.enabled, the CLI gate, between perf_request_begin()/end()). */
bool perf_request_timed(void);

/* Add the request's url and its perf_annotate() keys (never replacing a key already there) to a record's context. */
void perf_request_add_url(zval *context);
void perf_request_add_annotations(zval *context);

#endif
