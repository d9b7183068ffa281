#ifndef PERF_REQUEST_H
#define PERF_REQUEST_H

#include <time.h>

#include "php.h"
#include "php_ini.h"

/*
 * The monotonic clock, as PHP's hrtime() reads it on Linux (CLOCK_MONOTONIC), read directly: the
 * request path reads it three times and each query twice, and PHP's wrapper (which 8.3 moved from
 * ext/standard into the engine) would add a call through the PLT each time. The request's
 * start, perf_request_time() and the database timings all read this clock.
 */
static zend_always_inline uint64_t perf_hrtime_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000000u + (uint64_t) ts.tv_nsec;
}

typedef struct {
	bool enabled;
	bool enable_cli;
	char *response_header;
	/* strlen(response_header), kept by the setting's handler: the header is built at every request. */
	size_t response_header_len;
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

/* A request as it ended, for the features' ended hooks. */
typedef struct {
	double seconds;
	/* The HTTP status, 0 when none was set. */
	int status;
	/* At or over perf.slow_request_ms: method and uri are set only then. */
	bool slow;
	const char *method;
	const char *uri;
	size_t uri_len;
} perf_request_summary;

/*
 * What a feature adds to the request. The request module calls every registered table in the
 * order of registration (the features' MINIT order in perf.c) and knows no feature itself, so
 * features depend on the request module and never on each other. Every member may be NULL.
 */
typedef struct {
	/* Writes its Server-Timing entries (', db;dur=4.10;desc="3 queries"') into out; returns their length (at most room). */
	size_t (*server_timing)(char *out, size_t room);
	/* Adds its figures of the request so far to array (the request record, perf_stats()); times with precision decimals. */
	void (*figures)(zval *array, int precision);
	/* A timed request ended (also one marked by perf_request_end()). */
	void (*ended)(const perf_request_summary *summary);
	/* Ends what it keeps for the logical request: after the request record, before the annotations go. */
	void (*boundary)(void);
	/* A database query ended: features that aggregate queries count it. */
	void (*query)(double seconds, bool slow);
} perf_request_hooks;

/* In MINIT. */
void perf_request_register(const perf_request_hooks *hooks);
/* Tells every registered feature that a database query ended. */
void perf_request_query(double seconds, bool slow);
/* Every registered feature's figures of the request so far. */
void perf_request_figures(zval *array, int precision);
/* ms with two decimals ("12.34"), at most 23 bytes; returns the length. */
size_t perf_request_format_ms(char *out, double ms);

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
