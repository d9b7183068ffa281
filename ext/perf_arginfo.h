/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 29017cf5865cb63a69b4d2256cf8921b7fd3e649 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_annotate, 0, 2, IS_VOID, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, value, MAY_BE_STRING|MAY_BE_LONG|MAY_BE_DOUBLE|MAY_BE_BOOL|MAY_BE_NULL, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_request_time, 0, 0, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_request_begin, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_request_end, 0, 0, IS_DOUBLE, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, status, IS_LONG, 1, "null")
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

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_cache_get, 0, 1, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, default, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_cache_set, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_MIXED, 0)
	ZEND_ARG_TYPE_MASK(0, ttl, MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, tags, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_perf_cache_add arginfo_perf_cache_set

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_cache_has, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_perf_cache_delete arginfo_perf_cache_has

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_cache_clear, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_cache_get_multiple, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, keys, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, default, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_cache_set_multiple, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, values, IS_ARRAY, 0)
	ZEND_ARG_TYPE_MASK(0, ttl, MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL, "null")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, tags, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_cache_delete_multiple, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, keys, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_perf_cache_increment, 0, 1, MAY_BE_LONG|MAY_BE_FALSE)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, step, IS_LONG, 0, "1")
	ZEND_ARG_TYPE_MASK(0, ttl, MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

#define arginfo_perf_cache_decrement arginfo_perf_cache_increment

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_cache_remember, 0, 3, IS_MIXED, 0)
	ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
	ZEND_ARG_TYPE_MASK(0, ttl, MAY_BE_LONG|MAY_BE_STRING|MAY_BE_NULL, NULL)
	ZEND_ARG_TYPE_INFO(0, compute, IS_CALLABLE, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, tags, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_cache_invalidate_tags, 0, 1, IS_LONG, 0)
	ZEND_ARG_TYPE_MASK(0, tags, MAY_BE_STRING|MAY_BE_ARRAY, NULL)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_cache_key, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, namespace, IS_STRING, 0)
	ZEND_ARG_VARIADIC_TYPE_INFO(0, parts, IS_MIXED, 0)
ZEND_END_ARG_INFO()

#define arginfo_perf_cache_stats arginfo_perf_stats

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_cache_prune, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_metrics, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

#define arginfo_perf_metrics_reset arginfo_perf_request_begin

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_counter_inc, 0, 1, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, by, IS_DOUBLE, 0, "1")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, labels, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_perf_gauge_set, 0, 2, _IS_BOOL, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, value, IS_DOUBLE, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, labels, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

#define arginfo_perf_histogram_observe arginfo_perf_gauge_set

#define arginfo_perf_dashboard arginfo_perf_metrics

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Perf_Cache___construct, 0, 0, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, driver, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

#define arginfo_class_Perf_Cache_driver arginfo_perf_metrics

#define arginfo_class_Perf_Cache_get arginfo_perf_cache_get

#define arginfo_class_Perf_Cache_set arginfo_perf_cache_set

#define arginfo_class_Perf_Cache_add arginfo_perf_cache_set

#define arginfo_class_Perf_Cache_has arginfo_perf_cache_has

#define arginfo_class_Perf_Cache_delete arginfo_perf_cache_has

#define arginfo_class_Perf_Cache_clear arginfo_perf_cache_clear

#define arginfo_class_Perf_Cache_getMultiple arginfo_perf_cache_get_multiple

#define arginfo_class_Perf_Cache_setMultiple arginfo_perf_cache_set_multiple

#define arginfo_class_Perf_Cache_deleteMultiple arginfo_perf_cache_delete_multiple

#define arginfo_class_Perf_Cache_increment arginfo_perf_cache_increment

#define arginfo_class_Perf_Cache_decrement arginfo_perf_cache_increment

#define arginfo_class_Perf_Cache_remember arginfo_perf_cache_remember

#define arginfo_class_Perf_Cache_invalidateTags arginfo_perf_cache_invalidate_tags

#define arginfo_class_Perf_Cache_stats arginfo_perf_stats

#define arginfo_class_Perf_Cache_prune arginfo_perf_cache_prune


ZEND_FUNCTION(perf_annotate);
ZEND_FUNCTION(perf_request_time);
ZEND_FUNCTION(perf_request_begin);
ZEND_FUNCTION(perf_request_end);
ZEND_FUNCTION(perf_stats);
ZEND_FUNCTION(perf_opcache_stats);
ZEND_FUNCTION(perf_log);
ZEND_FUNCTION(perf_cache_get);
ZEND_FUNCTION(perf_cache_set);
ZEND_FUNCTION(perf_cache_add);
ZEND_FUNCTION(perf_cache_has);
ZEND_FUNCTION(perf_cache_delete);
ZEND_FUNCTION(perf_cache_clear);
ZEND_FUNCTION(perf_cache_get_multiple);
ZEND_FUNCTION(perf_cache_set_multiple);
ZEND_FUNCTION(perf_cache_delete_multiple);
ZEND_FUNCTION(perf_cache_increment);
ZEND_FUNCTION(perf_cache_decrement);
ZEND_FUNCTION(perf_cache_remember);
ZEND_FUNCTION(perf_cache_invalidate_tags);
ZEND_FUNCTION(perf_cache_key);
ZEND_FUNCTION(perf_cache_stats);
ZEND_FUNCTION(perf_cache_prune);
ZEND_FUNCTION(perf_metrics);
ZEND_FUNCTION(perf_metrics_reset);
ZEND_FUNCTION(perf_counter_inc);
ZEND_FUNCTION(perf_gauge_set);
ZEND_FUNCTION(perf_histogram_observe);
ZEND_FUNCTION(perf_dashboard);
ZEND_METHOD(Perf_Cache, __construct);
ZEND_METHOD(Perf_Cache, driver);
ZEND_METHOD(Perf_Cache, get);
ZEND_METHOD(Perf_Cache, set);
ZEND_METHOD(Perf_Cache, add);
ZEND_METHOD(Perf_Cache, has);
ZEND_METHOD(Perf_Cache, delete);
ZEND_METHOD(Perf_Cache, clear);
ZEND_METHOD(Perf_Cache, getMultiple);
ZEND_METHOD(Perf_Cache, setMultiple);
ZEND_METHOD(Perf_Cache, deleteMultiple);
ZEND_METHOD(Perf_Cache, increment);
ZEND_METHOD(Perf_Cache, decrement);
ZEND_METHOD(Perf_Cache, remember);
ZEND_METHOD(Perf_Cache, invalidateTags);
ZEND_METHOD(Perf_Cache, stats);
ZEND_METHOD(Perf_Cache, prune);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(perf_annotate, arginfo_perf_annotate)
	ZEND_FE(perf_request_time, arginfo_perf_request_time)
	ZEND_FE(perf_request_begin, arginfo_perf_request_begin)
	ZEND_FE(perf_request_end, arginfo_perf_request_end)
	ZEND_FE(perf_stats, arginfo_perf_stats)
	ZEND_FE(perf_opcache_stats, arginfo_perf_opcache_stats)
	ZEND_FE(perf_log, arginfo_perf_log)
	ZEND_FE(perf_cache_get, arginfo_perf_cache_get)
	ZEND_FE(perf_cache_set, arginfo_perf_cache_set)
	ZEND_FE(perf_cache_add, arginfo_perf_cache_add)
	ZEND_FE(perf_cache_has, arginfo_perf_cache_has)
	ZEND_FE(perf_cache_delete, arginfo_perf_cache_delete)
	ZEND_FE(perf_cache_clear, arginfo_perf_cache_clear)
	ZEND_FE(perf_cache_get_multiple, arginfo_perf_cache_get_multiple)
	ZEND_FE(perf_cache_set_multiple, arginfo_perf_cache_set_multiple)
	ZEND_FE(perf_cache_delete_multiple, arginfo_perf_cache_delete_multiple)
	ZEND_FE(perf_cache_increment, arginfo_perf_cache_increment)
	ZEND_FE(perf_cache_decrement, arginfo_perf_cache_decrement)
	ZEND_FE(perf_cache_remember, arginfo_perf_cache_remember)
	ZEND_FE(perf_cache_invalidate_tags, arginfo_perf_cache_invalidate_tags)
	ZEND_FE(perf_cache_key, arginfo_perf_cache_key)
	ZEND_FE(perf_cache_stats, arginfo_perf_cache_stats)
	ZEND_FE(perf_cache_prune, arginfo_perf_cache_prune)
	ZEND_FE(perf_metrics, arginfo_perf_metrics)
	ZEND_FE(perf_metrics_reset, arginfo_perf_metrics_reset)
	ZEND_FE(perf_counter_inc, arginfo_perf_counter_inc)
	ZEND_FE(perf_gauge_set, arginfo_perf_gauge_set)
	ZEND_FE(perf_histogram_observe, arginfo_perf_histogram_observe)
	ZEND_FE(perf_dashboard, arginfo_perf_dashboard)
	ZEND_FE_END
};


static const zend_function_entry class_Perf_Cache_methods[] = {
	ZEND_ME(Perf_Cache, __construct, arginfo_class_Perf_Cache___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, driver, arginfo_class_Perf_Cache_driver, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, get, arginfo_class_Perf_Cache_get, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, set, arginfo_class_Perf_Cache_set, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, add, arginfo_class_Perf_Cache_add, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, has, arginfo_class_Perf_Cache_has, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, delete, arginfo_class_Perf_Cache_delete, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, clear, arginfo_class_Perf_Cache_clear, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, getMultiple, arginfo_class_Perf_Cache_getMultiple, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, setMultiple, arginfo_class_Perf_Cache_setMultiple, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, deleteMultiple, arginfo_class_Perf_Cache_deleteMultiple, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, increment, arginfo_class_Perf_Cache_increment, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, decrement, arginfo_class_Perf_Cache_decrement, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, remember, arginfo_class_Perf_Cache_remember, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, invalidateTags, arginfo_class_Perf_Cache_invalidateTags, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, stats, arginfo_class_Perf_Cache_stats, ZEND_ACC_PUBLIC)
	ZEND_ME(Perf_Cache, prune, arginfo_class_Perf_Cache_prune, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Perf_Cache(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Perf", "Cache", class_Perf_Cache_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);

	return class_entry;
}
