/*
 * perf.cache_preload: a PHP file returning key => value (or key => [value, ttl, tags]) that is
 * loaded into the memory driver's segment once after the segment was made, by the first request
 * of any process that makes a memory-cache call (driver_memory.c hands the claim to exactly one
 * process). The file runs inside that call, as an include would, but in a scope of its own.
 * Whatever goes wrong in it is one warning naming the file and line: the request goes on, and no
 * other request tries again, so a broken file costs one warning per segment, not one per request.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <unistd.h>

#include "php.h"
#include "zend_exceptions.h"
#include "zend_execute.h"
#include "zend_observer.h"

#include "php_perf.h"
#include "cache/cache.h"
#include "lib/ini.h"

ZEND_INI_MH(perf_cache_ini_update_preload)
{
	/* A relative path would name another file in every working directory a worker starts in. */
	if (ZSTR_LEN(new_value) > 0 && !IS_ABSOLUTE_PATH(ZSTR_VAL(new_value), ZSTR_LEN(new_value))) {
		perf_ini_warn_invalid(entry, new_value, "an absolute path to a PHP file, or empty");
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

/*
 * exit() in the file, or a fatal error the engine unwinds the stack for (memory_limit): not the
 * file's data at fault but the request's end, which it stays. Nothing catches or clears it.
 */
static bool unwinding(void)
{
	return EG(exception) && zend_is_unwind_exit(EG(exception));
}

/*
 * Takes the pending exception away (user code may run in the warning: an error handler must not
 * see it pending) and reports it, with where it was thrown.
 */
static void report_exception(void)
{
	zend_object *ex = EG(exception);
	zend_class_entry *base = zend_get_exception_base(ex);
	zval rv, *property;

	GC_ADDREF(ex);
	zend_clear_exception();
	property = zend_read_property_ex(base, ex, ZSTR_KNOWN(ZEND_STR_MESSAGE), true, &rv);
	zend_string *message = zval_get_string(property);
	property = zend_read_property_ex(base, ex, ZSTR_KNOWN(ZEND_STR_FILE), true, &rv);
	zend_string *file = zval_get_string(property);
	property = zend_read_property_ex(base, ex, ZSTR_KNOWN(ZEND_STR_LINE), true, &rv);
	zend_error(E_WARNING, "perf.cache_preload: %s: %s in %s on line " ZEND_LONG_FMT ", nothing was preloaded",
		ZSTR_VAL(ex->ce->name), ZSTR_VAL(message), ZSTR_VAL(file), zval_get_long(property));
	zend_string_release(file);
	zend_string_release(message);
	OBJ_RELEASE(ex);
}

/*
 * Runs the file's code inside the current internal call, like include, but with a symbol table of
 * its own: the file neither sees nor overwrites the variables of the code whose cache call ran it.
 */
static void execute(zend_op_array *op_array, zval *result)
{
	zend_array *symbols = zend_new_array(0);
	zend_execute_data *call = zend_vm_stack_push_call_frame(ZEND_CALL_TOP_CODE | ZEND_CALL_HAS_SYMBOL_TABLE,
		(zend_function *) op_array, 0, NULL);

	call->symbol_table = symbols;
	zend_init_code_execute_data(call, op_array, result);
	ZEND_OBSERVER_FCALL_BEGIN(call);
	zend_execute_ex(call);
	zend_vm_stack_free_call_frame(call);
	zend_array_destroy(symbols);
}

/*
 * [value, ttl, tags]: a list of exactly three whose second element can be a TTL and whose third is
 * an array. A plain value of that shape is written [$value, null, []].
 */
static bool is_entry_with_options(zval *value)
{
	if (Z_TYPE_P(value) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(value)) != 3
		|| !zend_array_is_list(Z_ARRVAL_P(value))) {
		return false;
	}
	zval *ttl = zend_hash_index_find_deref(Z_ARRVAL_P(value), 1);
	zval *tags = zend_hash_index_find_deref(Z_ARRVAL_P(value), 2);
	return (Z_TYPE_P(ttl) == IS_NULL || Z_TYPE_P(ttl) == IS_LONG || Z_TYPE_P(ttl) == IS_STRING)
		&& Z_TYPE_P(tags) == IS_ARRAY;
}

/* An entry the file got wrong: counted in the driver's errors, like a store that does not fit. */
static const char *refuse(const perf_cache_driver *driver, const char *why)
{
	if (!unwinding()) {
		zend_clear_exception();
	}
	driver->count(PERF_CACHE_ERRORS);
	return why;
}

/* Stores one entry through perf_cache_set()'s path; NULL once stored, else why it was not. */
static const char *store_entry(const perf_cache_driver *driver, zend_string *key, zval *value)
{
	zend_long ttl = PERF_G(settings.cache.default_ttl);
	perf_cache_tags tags = {0};
	const char *why = NULL;

	if (ZSTR_LEN(key) == 0 || ZSTR_LEN(key) > PERF_CACHE_MAX_KEY_LEN) {
		return refuse(driver, "its key must be 1 to " ZEND_TOSTR(PERF_CACHE_MAX_KEY_LEN) " bytes long");
	}
	ZVAL_DEREF(value);
	if (is_entry_with_options(value)) {
		zval *ttl_arg = zend_hash_index_find_deref(Z_ARRVAL_P(value), 1);
		zval *tags_arg = zend_hash_index_find_deref(Z_ARRVAL_P(value), 2);
		if (!perf_cache_resolve_ttl(Z_TYPE_P(ttl_arg) == IS_STRING ? Z_STR_P(ttl_arg) : NULL,
				Z_TYPE_P(ttl_arg) == IS_LONG ? Z_LVAL_P(ttl_arg) : 0, Z_TYPE_P(ttl_arg) == IS_NULL, 3, &ttl)) {
			return refuse(driver, "its TTL must be null, 0 or more seconds, or \"short\", \"medium\" or \"long\"");
		}
		if (!perf_cache_tags_from_array(Z_ARRVAL_P(tags_arg), 4, &tags)) {
			return refuse(driver, "its tags must be at most " ZEND_TOSTR(PERF_CACHE_MAX_TAGS_STORED) " non-empty strings");
		}
		value = zend_hash_index_find_deref(Z_ARRVAL_P(value), 0);
	}
	if (!perf_cache_store(driver, key, value, 2, ttl, &tags)) {
		/* The value's check threw (a resource, a Closure, nesting too deep, a throwing __serialize), or the store failed. */
		why = EG(exception) ? refuse(driver, "its value cannot be cached") : "it does not fit in perf.cache_memory";
	}
	perf_cache_tags_release(&tags);
	return why;
}

static void store_all(const perf_cache_driver *driver, const char *path, HashTable *entries)
{
	zend_string *str_key, *first_key = NULL;
	zend_ulong num_key;
	zval *value;
	const char *first_why = NULL;
	uint32_t failed = 0;

	ZEND_HASH_FOREACH_KEY_VAL(entries, num_key, str_key, value) {
		zend_string *key = str_key ? zend_string_copy(str_key) : zend_long_to_str((zend_long) num_key);
		const char *why = store_entry(driver, key, value);
		if (unwinding()) {
			zend_string_release(key);
			break;
		}
		if (why) {
			if (!first_key) {
				first_key = zend_string_copy(key);
				first_why = why;
			}
			failed++;
		}
		zend_string_release(key);
	} ZEND_HASH_FOREACH_END();
	if (failed) {
		zend_error(E_WARNING, "perf.cache_preload: %" PRIu32 " of %" PRIu32 " entries of %s were not stored, "
			"the first with key \"%s\": %s", failed, zend_hash_num_elements(entries), path, ZSTR_VAL(first_key), first_why);
		zend_string_release(first_key);
	}
}

static void load(const perf_cache_driver *driver, const char *path)
{
	zend_file_handle handle;
	zval result;

	/* The engine's own message would name the include() that is not there. */
	if (access(path, R_OK) != 0) {
		zend_error(E_WARNING, "perf.cache_preload: cannot read %s: %s, nothing was preloaded", path, strerror(errno));
		return;
	}
	zend_stream_init_filename(&handle, path);
	zend_op_array *op_array = zend_compile_file(&handle, ZEND_INCLUDE);
	zend_destroy_file_handle(&handle);
	if (!op_array) {
		if (unwinding()) {
			return;
		}
		if (EG(exception)) {
			report_exception();
		} else {
			zend_error(E_WARNING, "perf.cache_preload: %s does not compile, nothing was preloaded", path);
		}
		return;
	}
	ZVAL_UNDEF(&result);
	execute(op_array, &result);
	zend_destroy_static_vars(op_array);
	destroy_op_array(op_array);
	efree_size(op_array, sizeof(zend_op_array));
	if (EG(exception)) {
		zval_ptr_dtor(&result);
		if (!unwinding()) {
			report_exception();
		}
		return;
	}
	if (Z_TYPE(result) != IS_ARRAY) {
		zend_error(E_WARNING, "perf.cache_preload: %s must return an array of key => value, %s returned, "
			"nothing was preloaded", path, zend_zval_type_name(&result));
	} else {
		store_all(driver, path, Z_ARRVAL(result));
	}
	zval_ptr_dtor(&result);
}

zend_result perf_cache_preload_run(const perf_cache_driver *driver)
{
	if (perf_cache_memory_preload_claim() != PERF_CACHE_PRELOAD_CLAIMED) {
		return SUCCESS;
	}
	/*
	 * A fatal error in the file (out of memory, a redeclared class: a bailout or an unwinding
	 * exit) or exit() ends this request as anywhere else; the claim is given up as done first, so
	 * other processes neither wait for it nor run the file again.
	 */
	zend_try {
		load(driver, PERF_G(settings.cache.preload));
	} zend_catch {
		perf_cache_memory_preload_done();
		zend_bailout();
	} zend_end_try();
	perf_cache_memory_preload_done();
	return EG(exception) ? FAILURE : SUCCESS;
}
