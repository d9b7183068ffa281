#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <string.h>

#include "php.h"
#ifdef HAVE_GETRUSAGE
#include <sys/resource.h>
#endif
#include "SAPI.h"
#include "php_variables.h"
#include "ext/standard/info.h"
#include "ext/standard/php_math.h"
#include "zend_smart_str.h"

#include "php_perf.h"
#include "request/request.h"
#include "log/log.h"
#include "lib/ini.h"

static int (*original_send_headers)(sapi_headers_struct *headers);
static bool sapi_is_cli;

/* RFC 9110 tchar: a header name is one or more of these bytes, so no NUL, space, colon or CR/LF. */
static bool is_header_token_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		|| (c != '\0' && memchr("!#$%&'*+-.^_`|~", c, sizeof("!#$%&'*+-.^_`|~") - 1) != NULL);
}

/* Longer names are no HTTP header anyone reads; the bound lets both headers be built on the stack. */
#define PERF_HEADER_NAME_MAX 128

ZEND_INI_MH(perf_request_ini_update_header_name)
{
	bool valid = ZSTR_LEN(new_value) <= PERF_HEADER_NAME_MAX;

	for (size_t i = 0; valid && i < ZSTR_LEN(new_value); i++) {
		valid = is_header_token_char((unsigned char) ZSTR_VAL(new_value)[i]);
	}
	if (!valid) {
		perf_ini_warn_invalid(entry, new_value, "an HTTP header name of at most 128 bytes (letters, digits and "
			"!#$%&'*+-.^_`|~) or empty to disable the header");
		return FAILURE;
	}
	if (OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage) == FAILURE) {
		return FAILURE;
	}
	*(size_t *) (ZEND_INI_GET_BASE() + offsetof(zend_perf_globals, settings.request.response_header_len)) = ZSTR_LEN(new_value);
	return SUCCESS;
}

ZEND_INI_MH(perf_request_ini_update_slow_ms)
{
	return perf_ini_update_whole_number(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(), 0, ZEND_LONG_MAX,
		"a whole number of milliseconds, 0 or more (0 turns the slow-request log off)");
}

/*
 * The CPU time of the thread serving the request: under ZTS the process's would count every
 * thread's requests, and the thread's is the cheaper system call (~360 ns here against ~610 ns
 * for the process's, paid at every request start).
 */
#ifdef RUSAGE_THREAD
# define PERF_RUSAGE_WHO RUSAGE_THREAD
#else
# define PERF_RUSAGE_WHO RUSAGE_SELF
#endif

static void read_cpu_times(perf_cpu_times *times)
{
#ifdef HAVE_GETRUSAGE
	struct rusage usage;
	if (getrusage(PERF_RUSAGE_WHO, &usage) == 0) {
		times->user_us = (zend_long) usage.ru_utime.tv_sec * 1000000 + usage.ru_utime.tv_usec;
		times->sys_us = (zend_long) usage.ru_stime.tv_sec * 1000000 + usage.ru_stime.tv_usec;
		return;
	}
#endif
	times->user_us = 0;
	times->sys_us = 0;
}

double perf_request_elapsed_ms(void)
{
	return (double) (perf_hrtime_ns() - PERF_G(state.request.start_ns)) / 1e6;
}

void perf_request_cpu_used(perf_cpu_times *used)
{
	perf_cpu_times now;
	read_cpu_times(&now);
	used->user_us = now.user_us - PERF_G(state.request.start_cpu.user_us);
	used->sys_us = now.sys_us - PERF_G(state.request.start_cpu.sys_us);
}

/* Whether the line is a header called name (case-insensitive). */
static zend_always_inline bool is_header(const sapi_header_struct *h, const char *name, size_t name_len)
{
	return h->header_len > name_len && h->header[name_len] == ':'
		&& zend_binary_strncasecmp(h->header, name_len, name, name_len, name_len) == 0;
}

#define HAS_RESPONSE_TIME 1
#define HAS_SERVER_TIMING 2

/* Which of perf's headers the application set itself: one pass over the list, without its iterator calls. */
static unsigned int headers_present(const sapi_headers_struct *headers, const char *name, size_t name_len)
{
	unsigned int present = 0;

	for (const zend_llist_element *e = headers->headers.head; e; e = e->next) {
		const sapi_header_struct *h = (const sapi_header_struct *) e->data;

		if (name_len && is_header(h, name, name_len)) {
			present |= HAS_RESPONSE_TIME;
		}
		if (is_header(h, ZEND_STRL("Server-Timing"))) {
			present |= HAS_SERVER_TIMING;
		}
	}
	return present;
}

/*
 * headers_sent is already set when send_headers runs, so header() cannot be used here.
 * This does what SAPI's own add operation does: let the SAPI's header handler see the header
 * (apache2handler copies it into headers_out there) and keep it in the list the others send.
 * The line is copied into request memory, exactly sized (the SAPI frees it with the list): a
 * line this short then comes from a size class the request already uses.
 */
static void add_header(sapi_headers_struct *headers, const char *line, size_t len)
{
	sapi_header_struct header = {estrndup(line, len), len};

	if (!sapi_module.header_handler
		|| (sapi_module.header_handler(&header, SAPI_HEADER_ADD, headers) & SAPI_HEADER_ADD)) {
		zend_llist_add_element(&headers->headers, &header);
	} else {
		efree(header.header);
	}
}

/* "12.34": ns in milliseconds, rounded to hundredths, in integers (printf's float conversion would cost more than the rest of the hook). */
static size_t format_ms_ns(char *out, uint64_t ns)
{
	uint64_t hundredths = (ns + 5000) / 10000;
	uint64_t whole = hundredths / 100;
	unsigned int fraction = (unsigned int) (hundredths - whole * 100);
	size_t len = 1;
	char *p;

	for (uint64_t rest = whole; rest >= 10; rest /= 10) {
		len++;
	}
	p = out + len;
	do {
		*--p = (char) ('0' + whole % 10);
		whole /= 10;
	} while (whole);
	out[len] = '.';
	out[len + 1] = (char) ('0' + fraction / 10);
	out[len + 2] = (char) ('0' + fraction % 10);
	return len + 3;
}

size_t perf_request_format_ms(char *out, double ms)
{
	/* Past 10^12 ms (31 years) the conversion to an integer would overflow. */
	return format_ms_ns(out, ms > 0 ? (uint64_t) (MIN(ms, 1e12) * 1e6) : 0);
}

/*
 * Writes "<name><infix><ms><suffix>" (ms already formatted) at out; returns its length. Inlined
 * into each caller, so the constant infix is copied without a call to memcpy. name is at most
 * PERF_HEADER_NAME_MAX bytes (perf.response_header's check), so a header always fits the block.
 */
static zend_always_inline size_t build_line(char *out, const char *name, size_t name_len,
	const char *infix, size_t infix_len, const char *ms, size_t ms_len, const char *suffix, size_t suffix_len)
{
	char *p = out;

	memcpy(p, name, name_len);
	p += name_len;
	memcpy(p, infix, infix_len);
	p += infix_len;
	memcpy(p, ms, ms_len);
	p += ms_len;
	if (suffix_len) {
		memcpy(p, suffix, suffix_len);
		p += suffix_len;
	}
	return (size_t) (p - out);
}

#define HOOKS_MAX 8

/* Each callback kind in a list of its own, so the request pays no test for the features without one. */
static size_t (*server_timing_hooks[HOOKS_MAX])(char *out, size_t room);
static size_t server_timing_hook_count;
static void (*figures_hooks[HOOKS_MAX])(zval *array, int precision);
static size_t figures_hook_count;
static void (*ended_hooks[HOOKS_MAX])(const perf_request_summary *summary);
static size_t ended_hook_count;
static void (*boundary_hooks[HOOKS_MAX])(void);
static size_t boundary_hook_count;
static void (*query_hooks[HOOKS_MAX])(double seconds, bool slow);
static size_t query_hook_count;

#define PERF_REQUEST_ADD_HOOK(list, hook) do { \
		if (hook) { \
			ZEND_ASSERT(list##_hook_count < HOOKS_MAX); \
			list##_hooks[list##_hook_count++] = (hook); \
		} \
	} while (0)

void perf_request_register(const perf_request_hooks *feature)
{
	PERF_REQUEST_ADD_HOOK(server_timing, feature->server_timing);
	PERF_REQUEST_ADD_HOOK(figures, feature->figures);
	PERF_REQUEST_ADD_HOOK(ended, feature->ended);
	PERF_REQUEST_ADD_HOOK(boundary, feature->boundary);
	PERF_REQUEST_ADD_HOOK(query, feature->query);
}

void perf_request_query(double seconds, bool slow)
{
	for (size_t i = 0; i < query_hook_count; i++) {
		query_hooks[i](seconds, slow);
	}
}

void perf_request_figures(zval *array, int precision)
{
	for (size_t i = 0; i < figures_hook_count; i++) {
		figures_hooks[i](array, precision);
	}
}

static void request_boundary(void)
{
	for (size_t i = 0; i < boundary_hook_count; i++) {
		boundary_hooks[i]();
	}
}

/*
 * How perf's lines reach the client. php-cgi and php-fpm write the header block as plain CGI lines,
 * in any order (their send_headers look only at an entry's start, for Status: and Content-Type:),
 * so there perf writes its lines itself just before the SAPI writes its list: no list entry, no
 * allocation, none of the SAPI's work per entry. Order would matter only where the SAPI puts an
 * HTTP status line first (cgi.rfc2616_headers with a "HTTP/1.1 ..." header from the application,
 * which sets http_status_line); then, and in the other SAPIs (apache2handler copies each entry into
 * its own table), the lines go into the list as the application's headers do.
 */
static bool sapi_writes_cgi_lines;

/*
 * Ends the header line of len bytes at line: written directly, it gets its CRLF and stays in the
 * block (returns its new length, the block has room); otherwise it goes into the list (returns 0).
 */
static size_t end_line(sapi_headers_struct *headers, char *line, size_t len, bool direct)
{
	if (!direct) {
		add_header(headers, line, len);
		return 0;
	}
	memcpy(line + len, "\r\n", 2);
	return len + 2;
}

/* One clock read and one formatting for both headers, one pass to see which the application set. */
static void add_timing_headers(sapi_headers_struct *headers)
{
	const char *name = PERF_G(settings.request.response_header);
	size_t name_len = PERF_G(settings.request.response_header_len);
	bool server_timing = PERF_G(settings.request.server_timing);
	bool direct = sapi_writes_cgi_lines && !SG(sapi_headers).http_status_line;
	unsigned int present;
	char ms[24], block[512];
	size_t ms_len, block_len = 0;

	if (!name_len && !server_timing) {
		return;
	}
	ms_len = format_ms_ns(ms, perf_hrtime_ns() - PERF_G(state.request.start_ns));
	present = headers_present(headers, name, name_len);
	if (name_len && !(present & HAS_RESPONSE_TIME)) {
		/* perf.response_header=Server-Timing: that header is there now. */
		if (name_len == sizeof("Server-Timing") - 1 && zend_binary_strcasecmp(name, name_len, ZEND_STRL("Server-Timing")) == 0) {
			present |= HAS_SERVER_TIMING;
		}
		block_len = end_line(headers, block, build_line(block, name, name_len, ZEND_STRL(": "), ms, ms_len, "ms", 2),
			direct);
	}
	if (server_timing && !(present & HAS_SERVER_TIMING)) {
		char entries[256];
		size_t entries_len = 0;

		for (size_t i = 0; i < server_timing_hook_count; i++) {
			entries_len += server_timing_hooks[i](entries + entries_len, sizeof(entries) - entries_len);
		}
		block_len += end_line(headers, block + block_len, build_line(block + block_len, ZEND_STRL("Server-Timing"),
			ZEND_STRL(": app;dur="), ms, ms_len, entries, entries_len), direct);
	}
	if (block_len) {
		php_output_write_unbuffered(block, block_len);
	}
}

/* perf.enabled is PHP_INI_ALL: ini_set('perf.enabled', '0') during the request still counts. */
bool perf_request_timed(void)
{
	return PERF_G(state.request.timed) && PERF_G(settings.request.enabled);
}

static int perf_send_headers(sapi_headers_struct *headers)
{
	if (perf_request_timed()) {
		add_timing_headers(headers);
	}
	return original_send_headers(headers);
}

void perf_request_minit(void)
{
	sapi_is_cli = strcmp(sapi_module.name, "cli") == 0 || strcmp(sapi_module.name, "phpdbg") == 0;
	sapi_writes_cgi_lines = strcmp(sapi_module.name, "cgi-fcgi") == 0 || strcmp(sapi_module.name, "fpm-fcgi") == 0;

	/* A SAPI without send_headers gets the default content type only while it stays NULL. */
	if (sapi_module.send_headers) {
		original_send_headers = sapi_module.send_headers;
		sapi_module.send_headers = perf_send_headers;
	}
}

void perf_request_mshutdown(void)
{
	if (original_send_headers && sapi_module.send_headers == perf_send_headers) {
		sapi_module.send_headers = original_send_headers;
	}
	original_send_headers = NULL;
}

void perf_request_rinit(void)
{
	perf_request_state *state = &PERF_G(state.request);

	state->start_ns = perf_hrtime_ns();
	read_cpu_times(&state->start_cpu);
	state->annotations = NULL;
	state->explicit_request = false;
	state->timed = PERF_G(settings.request.enabled) && (!sapi_is_cli || PERF_G(settings.request.enable_cli));
}

static zval *server_var(const char *name, size_t name_len)
{
	zval *server = &PG(http_globals)[TRACK_VARS_SERVER];

	/* With auto_globals_jit, $_SERVER exists only if the script used it. */
	if (Z_TYPE_P(server) != IS_ARRAY) {
		zend_is_auto_global_str(ZEND_STRL("_SERVER"));
	}
	if (Z_TYPE_P(server) != IS_ARRAY) {
		return NULL;
	}
	return zend_hash_str_find_deref(Z_ARRVAL_P(server), name, name_len);
}

static void add_server_var(zval *context, const char *key, const char *name, size_t name_len)
{
	zval *value = server_var(name, name_len);

	if (value && Z_TYPE_P(value) == IS_STRING) {
		add_assoc_str(context, key, zend_string_copy(Z_STR_P(value)));
	} else {
		add_assoc_null(context, key);
	}
}

static void add_rounded(zval *context, const char *key, double value)
{
	add_assoc_double(context, key, _php_math_round(value, 2, PHP_ROUND_HALF_UP));
}

/* REQUEST_URI as the client sent it, else what the SAPI knows; NULL when there is none. */
static const char *request_url(size_t *len)
{
	zval *uri = server_var(ZEND_STRL("REQUEST_URI"));
	const char *url = NULL;

	if (uri && Z_TYPE_P(uri) == IS_STRING) {
		*len = Z_STRLEN_P(uri);
		return Z_STRVAL_P(uri);
	}
	if (SG(request_info).request_uri) {
		url = SG(request_info).request_uri;
	} else if (SG(request_info).path_translated) {
		url = SG(request_info).path_translated;
	}
	*len = url ? strlen(url) : 0;
	return url;
}

static const char *request_method(void)
{
	if (SG(request_info).request_method) {
		return SG(request_info).request_method;
	}
	return sapi_is_cli ? "CLI" : "GET";
}

void perf_request_add_url(zval *context)
{
	size_t len;
	const char *url = request_url(&len);

	if (url) {
		add_assoc_stringl(context, "url", url, len);
	} else {
		add_assoc_null(context, "url");
	}
}

/* Annotations add to the measured fields; they never overwrite one. */
void perf_request_add_annotations(zval *context)
{
	HashTable *annotations = PERF_G(state.request.annotations);
	zend_string *key;
	zend_ulong index;
	zval *value;

	if (!annotations) {
		return;
	}
	ZEND_HASH_FOREACH_KEY_VAL(annotations, index, key, value) {
		if (key ? zend_hash_add(Z_ARRVAL_P(context), key, value) : zend_hash_index_add(Z_ARRVAL_P(context), index, value)) {
			Z_TRY_ADDREF_P(value);
		}
	} ZEND_HASH_FOREACH_END();
}

static void write_request_record(double elapsed_ms)
{
	perf_request_state *state = &PERF_G(state.request);
	perf_cpu_times cpu;
	zval context, *route = NULL;

	perf_request_cpu_used(&cpu);
	array_init(&context);

	add_assoc_string(&context, "method", (char *) request_method());
	perf_request_add_url(&context);
	if (state->annotations) {
		route = zend_hash_str_find(state->annotations, ZEND_STRL("route"));
	}
	if (route) {
		Z_TRY_ADDREF_P(route);
		add_assoc_zval(&context, "route", route);
	} else {
		add_assoc_null(&context, "route");
	}
	if (SG(sapi_headers).http_response_code) {
		add_assoc_long(&context, "status", SG(sapi_headers).http_response_code);
	} else {
		add_assoc_null(&context, "status");
	}
	add_rounded(&context, "execution_time_ms", elapsed_ms);
	add_rounded(&context, "cpu_user_ms", cpu.user_us / 1000.0);
	add_rounded(&context, "cpu_sys_ms", cpu.sys_us / 1000.0);
	add_rounded(&context, "memory_peak_mb", zend_memory_peak_usage(false) / (1024.0 * 1024.0));
	add_server_var(&context, "ip", ZEND_STRL("REMOTE_ADDR"));
	perf_request_figures(&context, 2);
	perf_request_add_annotations(&context);

	perf_log_write(PERF_LOG_WARNING, ZEND_STRL("performance"), ZEND_STRL("Slow request detected"), &context);
	zval_ptr_dtor(&context);
}

/* Writes the record if the request was slow (or every request is logged), then forgets its annotations. */
static void finish_request(void)
{
	perf_request_state *state = &PERF_G(state.request);

	if (perf_request_timed()) {
		double elapsed_ms = perf_request_elapsed_ms();
		zend_long threshold = PERF_G(settings.request.slow_request_ms);
		bool slow = threshold > 0 && elapsed_ms >= (double) threshold;

		perf_request_summary summary = {elapsed_ms / 1000.0, SG(sapi_headers).http_response_code, slow, NULL, NULL, 0};

		if (slow) {
			summary.method = request_method();
			summary.uri = request_url(&summary.uri_len);
		}
		for (size_t i = 0; i < ended_hook_count; i++) {
			ended_hooks[i](&summary);
		}
		if (PERF_G(settings.request.log_all_requests) || slow) {
			/* The request is over: a write failure's warning must not run the application's error handler now. */
			zval error_handler;
			ZVAL_COPY_VALUE(&error_handler, &EG(user_error_handler));
			ZVAL_UNDEF(&EG(user_error_handler));
			write_request_record(elapsed_ms);
			ZVAL_COPY_VALUE(&EG(user_error_handler), &error_handler);
		}
	}
	/* After the request record, which carries the features' figures, and before the annotations their records carry go. */
	request_boundary();
	if (state->annotations) {
		zend_hash_destroy(state->annotations);
		FREE_HASHTABLE(state->annotations);
		state->annotations = NULL;
	}
}

void perf_request_rshutdown(void)
{
	finish_request();
}

void perf_request_minfo(void)
{
	php_info_print_table_row(2, "Timing headers", original_send_headers ? "added by this SAPI" : "not available in this SAPI");
}

ZEND_FUNCTION(perf_annotate)
{
	zend_string *key;
	zval *value;
	perf_request_state *state = &PERF_G(state.request);

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_STR(key)
		Z_PARAM_ZVAL(value)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(key) == 0) {
		zend_argument_value_error(1, "must not be empty");
		RETURN_THROWS();
	}
	/* Internal functions get no engine type check: the log takes scalars only, and Stringable objects as strings. */
	zval stored;
	if (Z_TYPE_P(value) == IS_OBJECT && Z_OBJCE_P(value)->__tostring) {
		zend_string *str = zval_try_get_string(value);
		if (!str) {
			RETURN_THROWS();
		}
		ZVAL_STR(&stored, str);
	} else if (Z_TYPE_P(value) > IS_STRING) {
		zend_argument_type_error(2, "must be of type string|int|float|bool|null, %s given", zend_zval_type_name(value));
		RETURN_THROWS();
	} else {
		ZVAL_COPY(&stored, value);
	}
	if (!state->annotations) {
		ALLOC_HASHTABLE(state->annotations);
		zend_hash_init(state->annotations, 8, NULL, ZVAL_PTR_DTOR, 0);
	}
	zend_symtable_update(state->annotations, key, &stored);
}

/*
 * Long-running workers (FrankenPHP worker mode, queue consumers) serve many requests in one PHP
 * request: these mark where each begins and ends, so timing, the slow-request log, annotations
 * and the cache's per-request resources follow the application's requests.
 */
ZEND_FUNCTION(perf_request_begin)
{
	perf_request_state *state = &PERF_G(state.request);

	ZEND_PARSE_PARAMETERS_NONE();

	if (PERF_G(state.request.explicit_request)) {
		finish_request();
	} else {
		/* What the script did before its first request (queries) is not that request's. */
		request_boundary();
	}
	state->start_ns = perf_hrtime_ns();
	read_cpu_times(&state->start_cpu);
	state->timed = PERF_G(settings.request.enabled);
	PERF_G(state.request.explicit_request) = true;
}

ZEND_FUNCTION(perf_request_end)
{
	zend_long status = 0;
	bool status_is_null = true;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG_OR_NULL(status, status_is_null)
	ZEND_PARSE_PARAMETERS_END();

	if (!status_is_null && (status < 100 || status > 999)) {
		zend_argument_value_error(1, "must be an HTTP status code (100 to 999) or null");
		RETURN_THROWS();
	}
	double elapsed_ms = perf_request_elapsed_ms();
	int saved_status = SG(sapi_headers).http_response_code;
	if (!status_is_null) {
		SG(sapi_headers).http_response_code = (int) status;
	}
	finish_request();
	SG(sapi_headers).http_response_code = saved_status;
	PERF_G(state.request.explicit_request) = false;
	/* Until the next perf_request_begin(), the rest of the script is not a request. */
	PERF_G(state.request.timed) = false;
	RETURN_DOUBLE(elapsed_ms);
}

ZEND_FUNCTION(perf_request_time)
{
	ZEND_PARSE_PARAMETERS_NONE();

	RETURN_DOUBLE(perf_request_elapsed_ms());
}
