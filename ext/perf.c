/*
 * Module entry: the INI table and the lifecycle hooks, each of which only hands over to the features.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "ext/standard/info.h"

#include "php_perf.h"
#include "perf_arginfo.h"
#include "request/request.h"
#include "log/log.h"
#include "stats/stats.h"
#include "cache/cache.h"
#include "db/db.h"
#include "metrics/metrics.h"
#include "lib/ini.h"

ZEND_DECLARE_MODULE_GLOBALS(perf)

PHP_INI_BEGIN()
	/* request */
	STD_PHP_INI_BOOLEAN("perf.enabled", "1", PHP_INI_ALL, OnUpdateBool,
		settings.request.enabled, zend_perf_globals, perf_globals)
	STD_PHP_INI_BOOLEAN("perf.enable_cli", "0", PHP_INI_SYSTEM, OnUpdateBool,
		settings.request.enable_cli, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.response_header", "X-Response-Time", PHP_INI_ALL, perf_request_ini_update_header_name,
		settings.request.response_header, zend_perf_globals, perf_globals)
	STD_PHP_INI_BOOLEAN("perf.server_timing", "1", PHP_INI_ALL, OnUpdateBool,
		settings.request.server_timing, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.slow_request_ms", "1000", PHP_INI_ALL, perf_request_ini_update_slow_ms,
		settings.request.slow_request_ms, zend_perf_globals, perf_globals)
	STD_PHP_INI_BOOLEAN("perf.log_all_requests", "0", PHP_INI_ALL, OnUpdateBool,
		settings.request.log_all_requests, zend_perf_globals, perf_globals)
	/* db */
	STD_PHP_INI_BOOLEAN("perf.db_hooks", "1", PHP_INI_SYSTEM, OnUpdateBool,
		settings.db.hooks, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.slow_query_ms", "500", PHP_INI_ALL, perf_db_ini_update_slow_ms,
		settings.db.slow_query_ms, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.log_query_text", "normalized", PHP_INI_ALL, perf_db_ini_update_text,
		settings.db.log_query_text, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.n_plus_one_threshold", "10", PHP_INI_ALL, perf_db_ini_update_n_plus_one,
		settings.db.n_plus_one_threshold, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.db_caller_skip", "/vendor/,/usr/share/php/", PHP_INI_ALL, OnUpdateString,
		settings.db.caller_skip, zend_perf_globals, perf_globals)
	/* log */
	STD_PHP_INI_ENTRY("perf.log_file", "/tmp/performance.log", PHP_INI_SYSTEM | PHP_INI_PERDIR, OnUpdateString,
		settings.log.file, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.log_format", "json", PHP_INI_ALL, perf_log_ini_update_format,
		settings.log.format, zend_perf_globals, perf_globals)
	/* cache */
	STD_PHP_INI_ENTRY("perf.cache_driver", "memory", PHP_INI_ALL, perf_cache_ini_update_driver,
		settings.cache.driver, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_dir", "", PHP_INI_ALL, OnUpdateString,
		settings.cache.dir, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_name", "default", PHP_INI_SYSTEM, perf_cache_ini_update_name,
		settings.cache.name, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_memory", "64M", PHP_INI_SYSTEM, perf_cache_ini_update_memory,
		settings.cache.memory, zend_perf_globals, perf_globals)
	STD_PHP_INI_BOOLEAN("perf.cache_enable_cli", "0", PHP_INI_SYSTEM, OnUpdateBool,
		settings.cache.enable_cli, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_default_ttl", "0", PHP_INI_ALL, perf_cache_ini_update_ttl,
		settings.cache.default_ttl, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_ttl_short", "300", PHP_INI_ALL, perf_cache_ini_update_ttl,
		settings.cache.ttl_short, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_ttl_medium", "1800", PHP_INI_ALL, perf_cache_ini_update_ttl,
		settings.cache.ttl_medium, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_ttl_long", "86400", PHP_INI_ALL, perf_cache_ini_update_ttl,
		settings.cache.ttl_long, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_lock_wait_ms", "3000", PHP_INI_ALL, perf_ini_update_non_negative,
		settings.cache.lock_wait_ms, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_stale_ttl", "60", PHP_INI_ALL, perf_cache_ini_update_ttl,
		settings.cache.stale_ttl, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_serializer", "php", PHP_INI_ALL, perf_cache_ini_update_serializer,
		settings.cache.serializer, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_clock_offset", "0", PHP_INI_ALL, perf_cache_ini_update_clock_offset,
		settings.cache.clock_offset, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_clock", "0", PHP_INI_ALL, perf_cache_ini_update_clock,
		settings.cache.clock, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_allowed_classes", "*", PHP_INI_ALL, perf_cache_ini_update_allowed_classes,
		settings.cache.allowed_classes, zend_perf_globals, perf_globals)
	STD_PHP_INI_BOOLEAN("perf.cache_zero_copy", "1", PHP_INI_SYSTEM | PHP_INI_PERDIR, OnUpdateBool,
		settings.cache.zero_copy, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.cache_preload", "", PHP_INI_SYSTEM, perf_cache_ini_update_preload,
		settings.cache.preload, zend_perf_globals, perf_globals)
	/* redis driver */
	STD_PHP_INI_ENTRY("perf.redis_host", "127.0.0.1", PHP_INI_ALL, OnUpdateString,
		settings.redis.host, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.redis_port", "6379", PHP_INI_ALL, perf_cache_ini_update_port,
		settings.redis.port, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.redis_socket", "", PHP_INI_ALL, OnUpdateString,
		settings.redis.socket, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.redis_username", "", PHP_INI_ALL, OnUpdateString,
		settings.redis.username, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY_EX("perf.redis_password", "", PHP_INI_SYSTEM | PHP_INI_PERDIR, perf_redis_ini_update_password,
		settings.redis.password, zend_perf_globals, perf_globals, perf_redis_ini_display_password)
	STD_PHP_INI_ENTRY("perf.redis_database", "0", PHP_INI_ALL, perf_ini_update_non_negative,
		settings.redis.database, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.redis_prefix", "perf:", PHP_INI_ALL, OnUpdateString,
		settings.redis.prefix, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.redis_connect_timeout_ms", "1000", PHP_INI_ALL, perf_ini_update_non_negative,
		settings.redis.connect_timeout_ms, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.redis_read_timeout_ms", "1000", PHP_INI_ALL, perf_ini_update_non_negative,
		settings.redis.read_timeout_ms, zend_perf_globals, perf_globals)
	STD_PHP_INI_BOOLEAN("perf.redis_persistent", "1", PHP_INI_ALL, OnUpdateBool,
		settings.redis.persistent, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.redis_breaker_failures", "5", PHP_INI_ALL, perf_ini_update_non_negative,
		settings.redis.breaker_failures, zend_perf_globals, perf_globals)
	STD_PHP_INI_ENTRY("perf.redis_breaker_cooldown_ms", "5000", PHP_INI_ALL, perf_ini_update_non_negative,
		settings.redis.breaker_cooldown_ms, zend_perf_globals, perf_globals)
	/* metrics */
	STD_PHP_INI_BOOLEAN("perf.metrics_enabled", "1", PHP_INI_SYSTEM, OnUpdateBool,
		settings.metrics.enabled, zend_perf_globals, perf_globals)
	PHP_INI_ENTRY("perf.metrics_buckets", "0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5,10", PHP_INI_SYSTEM,
		perf_metrics_ini_update_buckets)
	STD_PHP_INI_ENTRY("perf.metrics_max_series", "1000", PHP_INI_SYSTEM, perf_metrics_ini_update_max_series,
		settings.metrics.max_series, zend_perf_globals, perf_globals)
PHP_INI_END()

static PHP_GINIT_FUNCTION(perf)
{
#if defined(COMPILE_DL_PERF) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(perf_globals, 0, sizeof(*perf_globals));
	perf_log_ginit(&perf_globals->worker.log);
}

static PHP_GSHUTDOWN_FUNCTION(perf)
{
	perf_cache_gshutdown();
	perf_log_gshutdown(&perf_globals->worker.log);
}

static PHP_MINIT_FUNCTION(perf)
{
	REGISTER_INI_ENTRIES();
	perf_cache_register_class(register_class_Perf_Cache());
	perf_request_minit();
	perf_db_minit();
	perf_cache_minit();
	perf_metrics_minit();
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(perf)
{
	perf_metrics_mshutdown();
	perf_cache_mshutdown();
	perf_request_mshutdown();
	perf_db_mshutdown();
	UNREGISTER_INI_ENTRIES();
	return SUCCESS;
}

static PHP_RINIT_FUNCTION(perf)
{
#if defined(COMPILE_DL_PERF) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	perf_request_rinit();
	perf_db_rinit();
	perf_cache_rinit();
	return SUCCESS;
}

static PHP_RSHUTDOWN_FUNCTION(perf)
{
	perf_request_rshutdown();
	perf_db_rshutdown();
	perf_cache_rshutdown();
	return SUCCESS;
}

/* After every module's RSHUTDOWN and the destruction of the request's globals. */
static ZEND_MODULE_POST_ZEND_DEACTIVATE_D(perf)
{
	perf_cache_post_deactivate();
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(perf)
{
	php_info_print_table_start();
	php_info_print_table_row(2, "perf support", "enabled");
	php_info_print_table_row(2, "Version", PHP_PERF_VERSION);
	perf_request_minfo();
	perf_log_minfo();
	perf_stats_minfo();
	perf_db_minfo();
	perf_cache_minfo();
	perf_metrics_minfo();
	php_info_print_table_end();

	DISPLAY_INI_ENTRIES();
}

/* Started before perf when loaded, so that perf_db_minit() finds their functions to wrap. */
static const zend_module_dep perf_deps[] = {
	ZEND_MOD_OPTIONAL("pdo")
	ZEND_MOD_OPTIONAL("mysqli")
	ZEND_MOD_END
};

zend_module_entry perf_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	perf_deps,
	"perf",
	ext_functions,
	PHP_MINIT(perf),
	PHP_MSHUTDOWN(perf),
	PHP_RINIT(perf),
	PHP_RSHUTDOWN(perf),
	PHP_MINFO(perf),
	PHP_PERF_VERSION,
	PHP_MODULE_GLOBALS(perf),
	PHP_GINIT(perf),
	PHP_GSHUTDOWN(perf),
	ZEND_MODULE_POST_ZEND_DEACTIVATE_N(perf),
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_PERF
#ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
#endif
ZEND_GET_MODULE(perf)
#endif
