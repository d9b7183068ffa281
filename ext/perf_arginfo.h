/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: ebe574c6028e82c9a20fe7319ba158214dc47d31 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_annotate, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, value, MAY_BE_STRING|MAY_BE_LONG|MAY_BE_DOUBLE|MAY_BE_BOOL|MAY_BE_NULL, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_request_time, 0, 0, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_stats, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_perf_opcache_stats, 0, 0, MAY_BE_ARRAY|MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_log, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, message, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, context, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, level, IS_STRING, 0, "\"info\"")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, channel, IS_STRING, 0, "\"performance\"")
ZEND_END_ARG_INFO()


ZEND_FUNCTION(perf_annotate);
ZEND_FUNCTION(perf_request_time);
ZEND_FUNCTION(perf_stats);
ZEND_FUNCTION(perf_opcache_stats);
ZEND_FUNCTION(perf_log);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(perf_annotate, arginfo_perf_annotate)
	ZEND_FE(perf_request_time, arginfo_perf_request_time)
	ZEND_FE(perf_stats, arginfo_perf_stats)
	ZEND_FE(perf_opcache_stats, arginfo_perf_opcache_stats)
	ZEND_FE(perf_log, arginfo_perf_log)
	ZEND_FE_END
};
