#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "SAPI.h"
#include "ext/standard/info.h"
#include "ext/standard/php_math.h"

#include "php_perf.h"
#include "request/request.h"
#include "stats/stats.h"

static double round3(double value)
{
	return _php_math_round(value, 3, PHP_ROUND_HALF_UP);
}

ZEND_FUNCTION(perf_stats)
{
	zval request, memory;
	perf_cpu_times cpu;

	ZEND_PARSE_PARAMETERS_NONE();

	perf_request_cpu_used(&cpu);

	array_init_size(&request, 3);
	add_assoc_double(&request, "time_ms", round3(perf_request_elapsed_ms()));
	add_assoc_double(&request, "cpu_user_ms", round3(cpu.user_us / 1000.0));
	add_assoc_double(&request, "cpu_sys_ms", round3(cpu.sys_us / 1000.0));

	array_init_size(&memory, 5);
	add_assoc_long(&memory, "usage", (zend_long) zend_memory_usage(false));
	add_assoc_long(&memory, "peak", (zend_long) zend_memory_peak_usage(false));
	add_assoc_long(&memory, "real_usage", (zend_long) zend_memory_usage(true));
	add_assoc_long(&memory, "real_peak", (zend_long) zend_memory_peak_usage(true));
	/* -1 when memory_limit is unlimited, as in php.ini. */
	add_assoc_long(&memory, "limit", PG(memory_limit));

	array_init_size(return_value, 3);
	add_assoc_zval(return_value, "request", &request);
	add_assoc_zval(return_value, "memory", &memory);
	perf_request_figures(return_value, 3);
}

/* opcache_get_status() warns when restrict_api excludes the script; perf_opcache_stats() must not. */
static bool opcache_api_allowed(void)
{
	const char *restrict_api = zend_ini_string_ex("opcache.restrict_api", sizeof("opcache.restrict_api") - 1, 0, NULL);
	const char *script = SG(request_info).path_translated;

	if (!restrict_api || !*restrict_api) {
		return true;
	}
	return script && strncmp(script, restrict_api, strlen(restrict_api)) == 0;
}

static zval *find_path(zval *status, const char *section, const char *key)
{
	zval *group = section ? zend_hash_str_find(Z_ARRVAL_P(status), section, strlen(section)) : status;

	if (!group || Z_TYPE_P(group) != IS_ARRAY) {
		return NULL;
	}
	return zend_hash_str_find(Z_ARRVAL_P(group), key, strlen(key));
}

static zend_long long_at(zval *status, const char *section, const char *key)
{
	zval *value = find_path(status, section, key);
	return value ? zval_get_long(value) : 0;
}

static double double_at(zval *status, const char *section, const char *key)
{
	zval *value = find_path(status, section, key);
	return value ? zval_get_double(value) : 0.0;
}

static bool bool_at(zval *status, const char *section, const char *key)
{
	zval *value = find_path(status, section, key);
	return value && zend_is_true(value);
}

static void normalize_opcache_status(zval *status, zval *result)
{
	zval memory, interned, restarts, jit;
	zend_long hits = long_at(status, "opcache_statistics", "hits");
	zend_long misses = long_at(status, "opcache_statistics", "misses");

	array_init(result);
	add_assoc_bool(result, "enabled", bool_at(status, NULL, "opcache_enabled"));
	add_assoc_double(result, "hit_rate", hits + misses > 0 ? round3(100.0 * hits / (hits + misses)) : 0.0);
	add_assoc_long(result, "hits", hits);
	add_assoc_long(result, "misses", misses);
	add_assoc_long(result, "cached_scripts", long_at(status, "opcache_statistics", "num_cached_scripts"));
	add_assoc_long(result, "max_cached_keys", long_at(status, "opcache_statistics", "max_cached_keys"));

	array_init(&memory);
	add_assoc_long(&memory, "used", long_at(status, "memory_usage", "used_memory"));
	add_assoc_long(&memory, "free", long_at(status, "memory_usage", "free_memory"));
	add_assoc_long(&memory, "wasted", long_at(status, "memory_usage", "wasted_memory"));
	add_assoc_double(&memory, "wasted_percent", round3(double_at(status, "memory_usage", "current_wasted_percentage")));
	add_assoc_zval(result, "memory", &memory);

	array_init(&interned);
	add_assoc_long(&interned, "used", long_at(status, "interned_strings_usage", "used_memory"));
	add_assoc_long(&interned, "free", long_at(status, "interned_strings_usage", "free_memory"));
	add_assoc_zval(result, "interned_strings", &interned);

	array_init(&restarts);
	add_assoc_long(&restarts, "oom", long_at(status, "opcache_statistics", "oom_restarts"));
	add_assoc_long(&restarts, "hash", long_at(status, "opcache_statistics", "hash_restarts"));
	add_assoc_long(&restarts, "manual", long_at(status, "opcache_statistics", "manual_restarts"));
	add_assoc_zval(result, "restarts", &restarts);

	array_init(&jit);
	add_assoc_bool(&jit, "enabled", bool_at(status, "jit", "enabled") && bool_at(status, "jit", "on"));
	add_assoc_long(&jit, "buffer_size", long_at(status, "jit", "buffer_size"));
	add_assoc_long(&jit, "buffer_free", long_at(status, "jit", "buffer_free"));
	add_assoc_zval(result, "jit", &jit);
}

/* Reads OPcache through its own API so perf needs no build-time dependency on it. */
static bool fetch_opcache_status(zval *status)
{
	zval function, arg;

	/* Only OPcache's own function: a userland polyfill of the same name would report made-up figures. */
	zend_function *status_function = zend_hash_str_find_ptr(CG(function_table), ZEND_STRL("opcache_get_status"));
	if (!status_function || status_function->type != ZEND_INTERNAL_FUNCTION || !opcache_api_allowed()) {
		return false;
	}
	ZVAL_STRINGL(&function, "opcache_get_status", sizeof("opcache_get_status") - 1);
	ZVAL_FALSE(&arg);
	bool ok = call_user_function(NULL, NULL, &function, status, 1, &arg) == SUCCESS && Z_TYPE_P(status) == IS_ARRAY;
	zval_ptr_dtor(&function);
	if (!ok) {
		zval_ptr_dtor(status);
	}
	return ok;
}

static uint64_t count_at(zval *status, const char *section, const char *key)
{
	zend_long value = long_at(status, section, key);
	return value > 0 ? (uint64_t) value : 0;
}

bool perf_stats_opcache_figures(perf_opcache_figures *figures)
{
	zval status;

	if (!fetch_opcache_status(&status)) {
		return false;
	}
	figures->enabled = bool_at(&status, NULL, "opcache_enabled");
	figures->hits = count_at(&status, "opcache_statistics", "hits");
	figures->misses = count_at(&status, "opcache_statistics", "misses");
	figures->cached_scripts = count_at(&status, "opcache_statistics", "num_cached_scripts");
	figures->memory_used = count_at(&status, "memory_usage", "used_memory");
	figures->memory_free = count_at(&status, "memory_usage", "free_memory");
	figures->memory_wasted = count_at(&status, "memory_usage", "wasted_memory");
	figures->restarts_oom = count_at(&status, "opcache_statistics", "oom_restarts");
	figures->restarts_hash = count_at(&status, "opcache_statistics", "hash_restarts");
	figures->restarts_manual = count_at(&status, "opcache_statistics", "manual_restarts");
	zval_ptr_dtor(&status);
	return true;
}

ZEND_FUNCTION(perf_opcache_stats)
{
	zval status;

	ZEND_PARSE_PARAMETERS_NONE();

	if (!fetch_opcache_status(&status)) {
		RETURN_FALSE;
	}
	normalize_opcache_status(&status, return_value);
	zval_ptr_dtor(&status);
}

void perf_stats_minfo(void)
{
	zval status, stats;
	char buf[64];

	if (!fetch_opcache_status(&status)) {
		php_info_print_table_row(2, "OPcache", "not available");
		return;
	}
	normalize_opcache_status(&status, &stats);
	snprintf(buf, sizeof(buf), "%.2f %%", double_at(&stats, NULL, "hit_rate"));
	php_info_print_table_row(2, "OPcache hit rate", buf);
	snprintf(buf, sizeof(buf), ZEND_LONG_FMT " bytes", long_at(&stats, "memory", "used"));
	php_info_print_table_row(2, "OPcache memory used", buf);
	zval_ptr_dtor(&status);
	zval_ptr_dtor(&stats);
}
