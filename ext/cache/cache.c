/*
 * The cache API: perf_cache_*() functions and the Perf\Cache class, both thin over a driver table.
 * Validation lives here so every driver rejects the same input the same way.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <time.h>
#include <unistd.h>

#include "php.h"
#include "SAPI.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_smart_str.h"
#include "ext/standard/info.h"
#include "ext/standard/php_var.h"
#include "ext/standard/sha1.h"

#include "ext/date/php_date.h"
#include "php_perf.h"
#include "cache/cache.h"
#include "cache/value.h"
#include "lib/ini.h"
#include "shm/segment.h"

/* A lease outlives any sane computation; a dead holder's lease is taken over at once anyway. */
#define PERF_CACHE_LEASE_HOLD_MS 30000
#define PERF_CACHE_POLL_US 1000
#define PERF_CACHE_MAX_NAMESPACE_LEN 200
#define PERF_CACHE_MAX_TAGS 64
/* perf.cache_memory: the segment's tables need 1M; past 16G mmap fails on most hosts, at startup, unnoticed. */
#define PERF_CACHE_MEMORY_MIN ((zend_long) 1 << 20)
#define PERF_CACHE_MEMORY_MAX ((zend_long) 16 << 30)

typedef struct {
	const perf_cache_driver *driver;
	zend_object std;
} perf_cache_object;

static zend_class_entry *perf_cache_ce;
static zend_object_handlers perf_cache_handlers;
static bool zero_copy_sapi;

static const perf_cache_driver *const drivers[] = {
	&perf_cache_driver_memory,
	&perf_cache_driver_file,
#ifdef PERF_HAVE_HIREDIS
	&perf_cache_driver_redis,
#endif
};

#ifdef PERF_HAVE_HIREDIS
# define PERF_CACHE_DRIVER_NAMES "\"memory\", \"file\" or \"redis\""
#else
# define PERF_CACHE_DRIVER_NAMES "\"memory\" or \"file\" (this build has no hiredis, so no \"redis\")"
#endif

static const perf_cache_driver *driver_by_name(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(drivers) / sizeof(drivers[0]); i++) {
		if (strlen(drivers[i]->name) == len && strncasecmp(drivers[i]->name, name, len) == 0) {
			return drivers[i];
		}
	}
	return NULL;
}

ZEND_INI_MH(perf_cache_ini_update_driver)
{
	if (!driver_by_name(ZSTR_VAL(new_value), ZSTR_LEN(new_value))) {
		zend_error(E_WARNING, "Invalid value \"%s\" for perf.cache_driver: must be " PERF_CACHE_DRIVER_NAMES,
			ZSTR_VAL(new_value));
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

/* perf.cache_name: empty (an anonymous segment), or a name that can be part of a file name. */
ZEND_INI_MH(perf_cache_ini_update_name)
{
	if (ZSTR_LEN(new_value) && !perf_segment_name_valid(ZSTR_VAL(new_value), ZSTR_LEN(new_value))) {
		perf_ini_warn_invalid(entry, new_value, "empty, or 1 to " ZEND_TOSTR(PERF_SEGMENT_NAME_MAX)
			" characters among A-Z, a-z, 0-9, '.', '_' and '-'");
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

ZEND_INI_MH(perf_cache_ini_update_memory)
{
	return perf_ini_update_bytes(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(),
		PERF_CACHE_MEMORY_MIN, PERF_CACHE_MEMORY_MAX, "a size from 1M to 16G (K, M and G suffixes allowed)");
}

/* The TTL settings: default_ttl, the short/medium/long tiers and stale_ttl. */
ZEND_INI_MH(perf_cache_ini_update_ttl)
{
	return perf_ini_update_whole_number(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(), 0, ZEND_LONG_MAX,
		"a whole number, 0 or more");
}

ZEND_INI_MH(perf_cache_ini_update_port)
{
	return perf_ini_update_whole_number(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(), 1, 65535,
		"a TCP port number from 1 to 65535");
}

/* perf.cache_clock_offset: seconds added to the clock, either way. */
ZEND_INI_MH(perf_cache_ini_update_clock_offset)
{
	return perf_ini_update_whole_number(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(), ZEND_LONG_MIN,
		ZEND_LONG_MAX, "a whole number of seconds (negative allowed)");
}

/* perf.cache_clock: a fixed Unix time, or 0 for the real clock. */
ZEND_INI_MH(perf_cache_ini_update_clock)
{
	return perf_ini_update_whole_number(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(), 0, ZEND_LONG_MAX,
		"a Unix time in seconds, or 0 for the real clock");
}

ZEND_INI_MH(perf_cache_ini_update_serializer)
{
	if (!zend_string_equals_literal_ci(new_value, "php") && !zend_string_equals_literal_ci(new_value, "igbinary")) {
		zend_error(E_WARNING, "Invalid value \"%s\" for perf.cache_serializer: must be \"php\" or \"igbinary\"",
			ZSTR_VAL(new_value));
		return FAILURE;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

/*
 * perf.cache_allowed_classes: "*" allows every class; a comma-separated list allows those; "none"
 * and the empty value (which is also what unquoted none, null, off or false give in php.ini) allow
 * none. Only the one explicit spelling opens it up, so no typo or INI quirk fails open.
 */
static bool valid_class_name(const char *name, size_t len)
{
	bool start = true;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char) name[i];
		if (c == '\\' && !start && i + 1 < len) {
			start = true;
			continue;
		}
		if (!(isalpha(c) || c == '_' || c >= 0x80 || (!start && isdigit(c)))) {
			return false;
		}
		start = false;
	}
	return len > 0;
}

/* Calls visit for every name of a list (spaces and a leading backslash trimmed, empty items skipped). */
static bool each_class_name(const char *list, bool (*visit)(const char *name, size_t len, void *arg), void *arg)
{
	const char *start = list;

	while (*start) {
		const char *end = strchr(start, ',');
		size_t len = end ? (size_t) (end - start) : strlen(start);
		const char *next = end ? end + 1 : start + len;
		while (len && *start == ' ') {
			start++;
			len--;
		}
		if (len && *start == '\\') {
			start++;
			len--;
		}
		while (len && start[len - 1] == ' ') {
			len--;
		}
		if (len && !visit(start, len, arg)) {
			return false;
		}
		start = next;
	}
	return true;
}

static bool check_class_name(const char *name, size_t len, void *arg)
{
	(void) arg;
	return valid_class_name(name, len);
}

static bool allows_all_classes(const char *list)
{
	return strcmp(list, "*") == 0;
}

ZEND_INI_MH(perf_cache_ini_update_allowed_classes)
{
	const char *list = ZSTR_VAL(new_value);

	if (!allows_all_classes(list) && strcasecmp(list, "none") != 0 && !each_class_name(list, check_class_name, NULL)) {
		/* At request end the engine puts the startup value back: it was reported at startup already. */
		if (stage != ZEND_INI_STAGE_DEACTIVATE) {
			zend_error(E_WARNING, "Invalid value \"%s\" for perf.cache_allowed_classes: must be \"*\" (every class), "
				"\"none\" or empty (no class), or a comma-separated list of class names", list);
		}
		if (stage == ZEND_INI_STAGE_RUNTIME) {
			return FAILURE;
		}
		/* In php.ini or per directory, keeping the default would fail open: a value meant as a restriction allows none. */
		PERF_G(settings.cache.allowed_classes) = (char *) "none";
		if (PERF_G(state.cache.allowed_classes)) {
			zend_array_release(PERF_G(state.cache.allowed_classes));
			PERF_G(state.cache.allowed_classes) = NULL;
		}
		return SUCCESS;
	}
	/*
	 * The request's parsed table goes; a decoder still using it (an autoloader can call ini_set()
	 * in the middle of unserialize()) holds its own reference, so it is freed only after that.
	 */
	if (stage == ZEND_INI_STAGE_RUNTIME && PERF_G(state.cache.allowed_classes)) {
		zend_array_release(PERF_G(state.cache.allowed_classes));
		PERF_G(state.cache.allowed_classes) = NULL;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

/*
 * PHP's own clock (gettimeofday), as time() in PHP code reads it: glibc's time(NULL) reads a coarse
 * clock that lags it by up to a tick, so around a second boundary an expiry computed by the
 * application from time() could disagree with the cache's by a whole second.
 */
zend_long perf_cache_now(void)
{
	zend_long fixed = PERF_G(settings.cache.clock);
	return (fixed ? fixed : (zend_long) php_time()) + PERF_G(settings.cache.clock_offset);
}

/* igbinary cannot filter classes: under a class list, values are written with PHP's serializer, which can. */
static bool use_igbinary(void)
{
	return strcasecmp(PERF_G(settings.cache.serializer), "igbinary") == 0 && !perf_cache_allowed_classes()
		&& zend_hash_str_exists(CG(function_table), ZEND_STRL("igbinary_serialize"));
}

/* ---- argument checks shared by the functions and the methods ---- */

static bool check_key(zend_string *key, uint32_t arg_num)
{
	if (ZSTR_LEN(key) == 0) {
		zend_argument_value_error(arg_num, "must not be empty");
		return false;
	}
	if (ZSTR_LEN(key) > PERF_CACHE_MAX_KEY_LEN) {
		zend_argument_value_error(arg_num, "must be at most %d bytes long, %zu bytes given",
			PERF_CACHE_MAX_KEY_LEN, ZSTR_LEN(key));
		return false;
	}
	return true;
}

/* A key inside an array argument: the error names the key, not the array (which is not empty). */
static bool check_list_key(zend_string *key, uint32_t arg_num)
{
	if (ZSTR_LEN(key) == 0) {
		zend_argument_value_error(arg_num, "must not contain an empty key");
		return false;
	}
	if (ZSTR_LEN(key) > PERF_CACHE_MAX_KEY_LEN) {
		zend_argument_value_error(arg_num, "must contain only keys of at most %d bytes, a key of %zu bytes given",
			PERF_CACHE_MAX_KEY_LEN, ZSTR_LEN(key));
		return false;
	}
	return true;
}

/* Cache keys in arrays may be ints (PHP turns "42" into 42): they are the same key as the string. */
static zend_string *key_from_zval(zval *value, uint32_t arg_num)
{
	ZVAL_DEREF(value);
	if (Z_TYPE_P(value) == IS_LONG) {
		return zend_long_to_str(Z_LVAL_P(value));
	}
	if (Z_TYPE_P(value) != IS_STRING) {
		zend_argument_type_error(arg_num, "must contain only string keys, %s given", zend_zval_type_name(value));
		return NULL;
	}
	if (!check_list_key(Z_STR_P(value), arg_num)) {
		return NULL;
	}
	return zend_string_copy(Z_STR_P(value));
}

static zend_string *key_from_bucket(zend_string *str_key, zend_ulong num_key, uint32_t arg_num)
{
	if (!str_key) {
		return zend_long_to_str((zend_long) num_key);
	}
	return check_list_key(str_key, arg_num) ? zend_string_copy(str_key) : NULL;
}

static bool resolve_ttl(zend_string *tier, zend_long seconds, bool is_null, uint32_t arg_num, zend_long *ttl)
{
	if (is_null) {
		*ttl = PERF_G(settings.cache.default_ttl);
		return true;
	}
	if (!tier) {
		if (seconds < 0) {
			zend_argument_value_error(arg_num, "must be 0 or more seconds (0 means no expiry), " ZEND_LONG_FMT " given", seconds);
			return false;
		}
		*ttl = seconds;
		return true;
	}
	zend_long numeric;
	if (is_numeric_string(ZSTR_VAL(tier), ZSTR_LEN(tier), &numeric, NULL, false) == IS_LONG) {
		return resolve_ttl(NULL, numeric, false, arg_num, ttl);
	}
	if (zend_string_equals_literal(tier, "short")) {
		*ttl = PERF_G(settings.cache.ttl_short);
	} else if (zend_string_equals_literal(tier, "medium")) {
		*ttl = PERF_G(settings.cache.ttl_medium);
	} else if (zend_string_equals_literal(tier, "long")) {
		*ttl = PERF_G(settings.cache.ttl_long);
	} else {
		zend_argument_value_error(arg_num, "must be a number of seconds or one of \"short\", \"medium\" or \"long\", \"%s\" given",
			ZSTR_VAL(tier));
		return false;
	}
	return true;
}

static void tags_release(perf_cache_tags *tags)
{
	if (tags->ids) {
		efree(tags->ids);
		tags->ids = NULL;
	}
}

/* A second hash, independent of the engine's DJB hash (under which "Ez" and "FY" collide). */
static uint64_t fnv1a64(const char *data, size_t len)
{
	uint64_t hash = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < len; i++) {
		hash ^= (unsigned char) data[i];
		hash *= 0x100000001b3ULL;
	}
	return hash;
}

static bool tags_from_array(HashTable *names, uint32_t arg_num, perf_cache_tags *tags)
{
	zval *name;
	uint32_t i = 0;

	tags->count = 0;
	tags->ids = NULL;
	if (!names || zend_hash_num_elements(names) == 0) {
		return true;
	}
	if (zend_hash_num_elements(names) > PERF_CACHE_MAX_TAGS) {
		zend_argument_value_error(arg_num, "must not hold more than %d tags", PERF_CACHE_MAX_TAGS);
		return false;
	}
	tags->ids = emalloc(sizeof(perf_cache_tag_id) * zend_hash_num_elements(names));
	ZEND_HASH_FOREACH_VAL(names, name) {
		ZVAL_DEREF(name);
		if (Z_TYPE_P(name) != IS_STRING) {
			zend_argument_type_error(arg_num, "must contain only strings, %s given", zend_zval_type_name(name));
			tags_release(tags);
			return false;
		}
		if (Z_STRLEN_P(name) == 0) {
			zend_argument_value_error(arg_num, "must not contain an empty tag");
			tags_release(tags);
			return false;
		}
		perf_cache_tag_id id = {zend_string_hash_val(Z_STR_P(name)), fnv1a64(Z_STRVAL_P(name), Z_STRLEN_P(name))};
		bool seen = false;
		for (uint32_t j = 0; j < i && !seen; j++) {
			seen = tags->ids[j].h1 == id.h1 && tags->ids[j].h2 == id.h2;
		}
		if (!seen) {
			tags->ids[i++] = id;
		}
	} ZEND_HASH_FOREACH_END();
	tags->count = i;
	return true;
}



static bool driver_ready(const perf_cache_driver *driver)
{
	return driver->available();
}

/* ---- operations ---- */

static void cache_get(const perf_cache_driver *driver, zend_string *key, zval *def, zval *return_value)
{
	if (driver_ready(driver) && driver->get(key, return_value, false) == PERF_CACHE_HIT) {
		return;
	}
	if (def) {
		ZVAL_COPY(return_value, def);
	} else {
		ZVAL_NULL(return_value);
	}
}

static bool cache_store_planned(const perf_cache_driver *driver, zend_string *key, zval *value,
	const perf_value_plan *plan, zend_long ttl, const perf_cache_tags *tags, perf_cache_set_mode mode)
{
	bool stored = false;

	if (driver_ready(driver)) {
		driver->set(key, value, plan, ttl, tags, mode, &stored);
	}
	return stored;
}

static bool cache_store(const perf_cache_driver *driver, zend_string *key, zval *value, uint32_t value_arg,
	zend_long ttl, const perf_cache_tags *tags, perf_cache_set_mode mode)
{
	perf_value_plan plan;

	if (perf_value_plan_make(value, use_igbinary(), value_arg, &plan) != SUCCESS) {
		return false;
	}
	bool stored = cache_store_planned(driver, key, value, &plan, ttl, tags, mode);
	perf_value_plan_release(&plan);
	return stored;
}

/* The set path as perf_cache_set() takes it, for preload.c. */
bool perf_cache_resolve_ttl(zend_string *tier, zend_long seconds, bool is_null, uint32_t arg_num, zend_long *ttl)
{
	return resolve_ttl(tier, seconds, is_null, arg_num, ttl);
}

bool perf_cache_tags_from_array(HashTable *names, uint32_t arg_num, perf_cache_tags *tags)
{
	return tags_from_array(names, arg_num, tags);
}

void perf_cache_tags_release(perf_cache_tags *tags)
{
	tags_release(tags);
}

bool perf_cache_store(const perf_cache_driver *driver, zend_string *key, zval *value, uint32_t value_arg,
	zend_long ttl, const perf_cache_tags *tags)
{
	return cache_store(driver, key, value, value_arg, ttl, tags, PERF_CACHE_SET);
}

static void cache_set_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS, perf_cache_set_mode mode)
{
	zend_string *key, *tier = NULL;
	zend_long seconds = 0, ttl;
	bool ttl_null = true;
	zval *value;
	HashTable *tag_names = NULL;
	perf_cache_tags tags;

	ZEND_PARSE_PARAMETERS_START(2, 4)
		Z_PARAM_STR(key)
		Z_PARAM_ZVAL(value)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_LONG_OR_NULL(tier, seconds, ttl_null)
		Z_PARAM_ARRAY_HT(tag_names)
	ZEND_PARSE_PARAMETERS_END();

	if (!check_key(key, 1) || !resolve_ttl(tier, seconds, ttl_null, 3, &ttl) || !tags_from_array(tag_names, 4, &tags)) {
		RETURN_THROWS();
	}
	bool stored = cache_store(driver, key, value, 2, ttl, &tags, mode);
	tags_release(&tags);
	if (EG(exception)) {
		RETURN_THROWS();
	}
	RETURN_BOOL(stored);
}

static void cache_get_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key;
	zval *def = NULL;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_STR(key)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(def)
	ZEND_PARSE_PARAMETERS_END();

	if (!check_key(key, 1)) {
		RETURN_THROWS();
	}
	cache_get(driver, key, def, return_value);
}

static void cache_has_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(key)
	ZEND_PARSE_PARAMETERS_END();

	if (!check_key(key, 1)) {
		RETURN_THROWS();
	}
	RETURN_BOOL(driver_ready(driver) && driver->has(key));
}

static void cache_delete_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(key)
	ZEND_PARSE_PARAMETERS_END();

	if (!check_key(key, 1)) {
		RETURN_THROWS();
	}
	RETURN_BOOL(driver_ready(driver) && driver->delete(key));
}

static void cache_clear_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();

	RETURN_BOOL(driver_ready(driver) && driver->clear() == SUCCESS);
}

static void cache_get_multiple_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS)
{
	HashTable *keys;
	zval *def = NULL, *item;

	ZEND_PARSE_PARAMETERS_START(1, 2)
		Z_PARAM_ARRAY_HT(keys)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(def)
	ZEND_PARSE_PARAMETERS_END();

	ZEND_HASH_FOREACH_VAL(keys, item) {
		zend_string *key = key_from_zval(item, 1);
		if (!key) {
			RETURN_THROWS();
		}
		zend_string_release(key);
	} ZEND_HASH_FOREACH_END();

	uint32_t count = zend_hash_num_elements(keys), i = 0;
	zend_string **names = safe_emalloc(count ? count : 1, sizeof(zend_string *), 0);
	ZEND_HASH_FOREACH_VAL(keys, item) {
		names[i++] = key_from_zval(item, 1);
	} ZEND_HASH_FOREACH_END();

	array_init_size(return_value, count);
	if (driver->get_multiple && driver_ready(driver) && count > 0) {
		/* One round trip for every key. */
		zval *values = safe_emalloc(count, sizeof(zval), 0);
		perf_cache_lookup *found = safe_emalloc(count, sizeof(perf_cache_lookup), 0);
		driver->get_multiple(names, count, values, found);
		for (i = 0; i < count; i++) {
			zval value;
			if (found[i] == PERF_CACHE_HIT) {
				ZVAL_COPY_VALUE(&value, &values[i]);
			} else if (def) {
				ZVAL_COPY(&value, def);
			} else {
				ZVAL_NULL(&value);
			}
			zend_symtable_update(Z_ARRVAL_P(return_value), names[i], &value);
		}
		efree(found);
		efree(values);
	} else {
		for (i = 0; i < count; i++) {
			zval value;
			cache_get(driver, names[i], def, &value);
			zend_symtable_update(Z_ARRVAL_P(return_value), names[i], &value);
		}
	}
	for (i = 0; i < count; i++) {
		zend_string_release(names[i]);
	}
	efree(names);
}

static void cache_set_multiple_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS)
{
	HashTable *values, *tag_names = NULL;
	zend_string *tier = NULL, *str_key;
	zend_ulong num_key;
	zend_long seconds = 0, ttl;
	bool ttl_null = true, all = true;
	zval *value;
	perf_cache_tags tags;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_ARRAY_HT(values)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_LONG_OR_NULL(tier, seconds, ttl_null)
		Z_PARAM_ARRAY_HT(tag_names)
	ZEND_PARSE_PARAMETERS_END();

	if (!resolve_ttl(tier, seconds, ttl_null, 2, &ttl)) {
		RETURN_THROWS();
	}
	/* Every key and value is checked (and objects serialized, once) before the first store: bad input stores nothing. */
	uint32_t count = zend_hash_num_elements(values), i = 0;
	perf_value_plan *plans = safe_emalloc(count ? count : 1, sizeof(perf_value_plan), 0);
	bool valid = true;
	ZEND_HASH_FOREACH_KEY_VAL(values, num_key, str_key, value) {
		zend_string *key = key_from_bucket(str_key, num_key, 1);
		if (!key) {
			valid = false;
			break;
		}
		zend_string_release(key);
		if (perf_value_plan_make(value, use_igbinary(), 1, &plans[i]) != SUCCESS) {
			valid = false;
			break;
		}
		i++;
	} ZEND_HASH_FOREACH_END();
	if (valid && !tags_from_array(tag_names, 3, &tags)) {
		valid = false;
	}
	if (valid) {
		uint32_t n = 0;
		ZEND_HASH_FOREACH_KEY_VAL(values, num_key, str_key, value) {
			perf_value_plan *plan = &plans[n++];
			/*
			 * Serializing a later value ran user code (__serialize, __sleep), which can change this one
			 * through a reference: a native value is measured again just before it is written, with no
			 * user code in between, so the write never outgrows its block.
			 */
			if (plan->encoding == PERF_VALUE_NATIVE && perf_value_plan_make(value, use_igbinary(), 1, plan) != SUCCESS) {
				valid = false;
				break;
			}
			zend_string *key = key_from_bucket(str_key, num_key, 1);
			all = cache_store_planned(driver, key, value, plan, ttl, &tags, PERF_CACHE_SET) && all;
			zend_string_release(key);
		} ZEND_HASH_FOREACH_END();
		tags_release(&tags);
	}
	while (i > 0) {
		perf_value_plan_release(&plans[--i]);
	}
	efree(plans);
	if (!valid) {
		RETURN_THROWS();
	}
	RETURN_BOOL(all);
}

static void cache_delete_multiple_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS)
{
	HashTable *keys;
	zval *item;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT(keys)
	ZEND_PARSE_PARAMETERS_END();

	ZEND_HASH_FOREACH_VAL(keys, item) {
		zend_string *key = key_from_zval(item, 1);
		if (!key) {
			RETURN_THROWS();
		}
		zend_string_release(key);
	} ZEND_HASH_FOREACH_END();
	if (!driver_ready(driver)) {
		RETURN_FALSE;
	}
	ZEND_HASH_FOREACH_VAL(keys, item) {
		zend_string *key = key_from_zval(item, 1);
		driver->delete(key);
		zend_string_release(key);
	} ZEND_HASH_FOREACH_END();
	RETURN_TRUE;
}

static void cache_increment_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS, zend_long sign)
{
	zend_string *key, *tier = NULL;
	zend_long step = 1, seconds = 0, ttl, result;
	bool ttl_null = true;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_STR(key)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(step)
		Z_PARAM_STR_OR_LONG_OR_NULL(tier, seconds, ttl_null)
	ZEND_PARSE_PARAMETERS_END();

	if (!check_key(key, 1) || !resolve_ttl(tier, seconds, ttl_null, 3, &ttl)) {
		RETURN_THROWS();
	}
	if (sign < 0 && step == ZEND_LONG_MIN) {
		zend_argument_value_error(2, "must be greater than " ZEND_LONG_FMT, ZEND_LONG_MIN);
		RETURN_THROWS();
	}
	if (!driver_ready(driver) || driver->increment(key, sign * step, ttl, &result) != SUCCESS) {
		RETURN_FALSE;
	}
	RETURN_LONG(result);
}

/* Leases this request holds, released at request end if a fatal error cut remember() short. */
static void lease_remember(const perf_cache_driver *driver, zend_string *key)
{
	HashTable **held = &PERF_G(state.cache.held_leases);
	if (!*held) {
		ALLOC_HASHTABLE(*held);
		zend_hash_init(*held, 4, NULL, NULL, 0);
	}
	zend_hash_add_ptr(*held, key, (void *) driver);
}

static void lease_forget(zend_string *key)
{
	if (PERF_G(state.cache.held_leases)) {
		zend_hash_del(PERF_G(state.cache.held_leases), key);
	}
}

static void cache_remember_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *key, *tier = NULL;
	zend_long seconds = 0, ttl;
	bool ttl_null = true, waited = false;
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	HashTable *tag_names = NULL;
	perf_cache_tags tags;
	zval stale, computed;

	ZEND_PARSE_PARAMETERS_START(3, 4)
		Z_PARAM_STR(key)
		Z_PARAM_STR_OR_LONG_OR_NULL(tier, seconds, ttl_null)
		Z_PARAM_FUNC(fci, fcc)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(tag_names)
	ZEND_PARSE_PARAMETERS_END();

	if (!check_key(key, 1) || !resolve_ttl(tier, seconds, ttl_null, 2, &ttl) || !tags_from_array(tag_names, 4, &tags)) {
		RETURN_THROWS();
	}
	ZVAL_UNDEF(&stale);
	perf_cache_lease lease = PERF_CACHE_LEASE_UNAVAILABLE;
	if (driver_ready(driver)) {
		perf_cache_lookup found = driver->get(key, return_value, true);
		if (found == PERF_CACHE_HIT) {
			tags_release(&tags);
			return;
		}
		if (found == PERF_CACHE_STALE) {
			ZVAL_COPY_VALUE(&stale, return_value);
			ZVAL_UNDEF(return_value);
		}
		/* One process computes; the others wait for that key only, or take the stale copy at once. */
		struct timespec start;
		clock_gettime(CLOCK_MONOTONIC, &start);
		for (;;) {
			lease = driver->lease_acquire(key, PERF_CACHE_LEASE_HOLD_MS);
			if (lease != PERF_CACHE_LEASE_HELD) {
				break;
			}
			if (!Z_ISUNDEF(stale)) {
				driver->count(PERF_CACHE_STALE_SERVES);
				tags_release(&tags);
				RETURN_COPY_VALUE(&stale);
			}
			if (!waited) {
				driver->count(PERF_CACHE_LOCK_WAITS);
				waited = true;
			}
			struct timespec now;
			clock_gettime(CLOCK_MONOTONIC, &now);
			/* Whole milliseconds of a non-negative nanosecond count: truncating a negative nanosecond difference ran up to 1 ms ahead. */
			int64_t elapsed_ns = (int64_t) (now.tv_sec - start.tv_sec) * 1000000000 + (now.tv_nsec - start.tv_nsec);
			if (elapsed_ns / 1000000 >= PERF_G(settings.cache.lock_wait_ms)) {
				break;
			}
			usleep(PERF_CACHE_POLL_US);
			if (driver->has(key) && driver->get(key, return_value, false) == PERF_CACHE_HIT) {
				tags_release(&tags);
				return;
			}
		}
	}
	zval_ptr_dtor(&stale);
	if (lease == PERF_CACHE_LEASE_ACQUIRED) {
		lease_remember(driver, key);
	}

	fci.retval = &computed;
	fci.param_count = 0;
	zend_result called = zend_call_function(&fci, &fcc);
	if (called == SUCCESS && !EG(exception) && !Z_ISUNDEF(computed)) {
		cache_store(driver, key, &computed, 3, ttl, &tags, PERF_CACHE_SET);
	}
	if (lease == PERF_CACHE_LEASE_ACQUIRED) {
		driver->lease_release(key);
		lease_forget(key);
	}
	tags_release(&tags);
	if (called != SUCCESS || EG(exception)) {
		if (called == SUCCESS) {
			zval_ptr_dtor(&computed);
		}
		RETURN_THROWS();
	}
	RETURN_COPY_VALUE(&computed);
}

static void cache_invalidate_tags_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS)
{
	zend_string *one = NULL;
	HashTable *many = NULL;
	perf_cache_tags tags;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_ARRAY_HT_OR_STR(many, one)
	ZEND_PARSE_PARAMETERS_END();

	if (one) {
		zval name;
		HashTable single;
		zend_hash_init(&single, 1, NULL, NULL, 0);
		ZVAL_STR(&name, one);
		zend_hash_next_index_insert(&single, &name);
		bool ok = tags_from_array(&single, 1, &tags);
		zend_hash_destroy(&single);
		if (!ok) {
			RETURN_THROWS();
		}
	} else if (!tags_from_array(many, 1, &tags)) {
		RETURN_THROWS();
	}
	zend_long invalidated = driver_ready(driver) ? driver->invalidate_tags(&tags) : 0;
	tags_release(&tags);
	RETURN_LONG(invalidated);
}

static void cache_stats_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();

	array_init(return_value);
	add_assoc_string(return_value, "driver", (char *) driver->name);
	add_assoc_bool(return_value, "available", driver_ready(driver));
	if (driver_ready(driver)) {
		driver->stats(return_value);
	}
}

static void cache_prune_impl(const perf_cache_driver *driver, INTERNAL_FUNCTION_PARAMETERS)
{
	ZEND_PARSE_PARAMETERS_NONE();

	RETURN_LONG(driver_ready(driver) ? driver->prune() : 0);
}

static const perf_cache_driver *default_driver(void)
{
	const char *name = PERF_G(settings.cache.driver);
	const perf_cache_driver *driver = driver_by_name(name, strlen(name));

	PERF_G(state.cache.used) = PERF_G(state.cache.used_in_request) = true;
	return driver ? driver : &perf_cache_driver_memory;
}

/*
 * The first memory-driver call of a request runs perf.cache_preload if the segment needs it (cold).
 * false when the file ended the request (exit(), a fatal error): the call does nothing more.
 */
static ZEND_COLD bool preload_start(const perf_cache_driver *driver)
{
	if (driver != &perf_cache_driver_memory) {
		return true;
	}
	PERF_G(state.cache.preload_pending) = false;
	return !driver->available() || perf_cache_preload_run(driver) == SUCCESS;
}

/* Without perf.cache_preload, one load of a flag that stays false. */
static zend_always_inline bool preload_check(const perf_cache_driver *driver)
{
	return EXPECTED(!PERF_G(state.cache.preload_pending)) || preload_start(driver);
}

#define PERF_CACHE_FUNCTION(name, impl) \
	ZEND_FUNCTION(name) { \
		const perf_cache_driver *driver = default_driver(); \
		if (!preload_check(driver)) { RETURN_THROWS(); } \
		impl(driver, INTERNAL_FUNCTION_PARAM_PASSTHRU); \
	}
#define PERF_CACHE_FUNCTION_EX(name, impl, arg) \
	ZEND_FUNCTION(name) { \
		const perf_cache_driver *driver = default_driver(); \
		if (!preload_check(driver)) { RETURN_THROWS(); } \
		impl(driver, INTERNAL_FUNCTION_PARAM_PASSTHRU, arg); \
	}

PERF_CACHE_FUNCTION(perf_cache_get, cache_get_impl)
PERF_CACHE_FUNCTION_EX(perf_cache_set, cache_set_impl, PERF_CACHE_SET)
PERF_CACHE_FUNCTION_EX(perf_cache_add, cache_set_impl, PERF_CACHE_ADD)
PERF_CACHE_FUNCTION(perf_cache_has, cache_has_impl)
PERF_CACHE_FUNCTION(perf_cache_delete, cache_delete_impl)
PERF_CACHE_FUNCTION(perf_cache_clear, cache_clear_impl)
PERF_CACHE_FUNCTION(perf_cache_get_multiple, cache_get_multiple_impl)
PERF_CACHE_FUNCTION(perf_cache_set_multiple, cache_set_multiple_impl)
PERF_CACHE_FUNCTION(perf_cache_delete_multiple, cache_delete_multiple_impl)
PERF_CACHE_FUNCTION_EX(perf_cache_increment, cache_increment_impl, 1)
PERF_CACHE_FUNCTION_EX(perf_cache_decrement, cache_increment_impl, -1)
PERF_CACHE_FUNCTION(perf_cache_remember, cache_remember_impl)
PERF_CACHE_FUNCTION(perf_cache_invalidate_tags, cache_invalidate_tags_impl)
PERF_CACHE_FUNCTION(perf_cache_stats, cache_stats_impl)
PERF_CACHE_FUNCTION(perf_cache_prune, cache_prune_impl)

/* Short, stable across processes and restarts, and valid for every driver: namespace:sha1(parts). */
ZEND_FUNCTION(perf_cache_key)
{
	zend_string *ns;
	zval *parts = NULL, list;
	uint32_t count = 0;
	php_serialize_data_t var_hash;
	smart_str buf = {0};
	PHP_SHA1_CTX context;
	unsigned char digest[20];
	char hex[41];

	ZEND_PARSE_PARAMETERS_START(1, -1)
		Z_PARAM_STR(ns)
		Z_PARAM_VARIADIC('*', parts, count)
	ZEND_PARSE_PARAMETERS_END();

	if (ZSTR_LEN(ns) == 0) {
		zend_argument_value_error(1, "must not be empty");
		RETURN_THROWS();
	}
	if (ZSTR_LEN(ns) > PERF_CACHE_MAX_NAMESPACE_LEN) {
		zend_argument_value_error(1, "must be at most %d bytes long", PERF_CACHE_MAX_NAMESPACE_LEN);
		RETURN_THROWS();
	}
	array_init_size(&list, count);
	for (uint32_t i = 0; i < count; i++) {
		Z_TRY_ADDREF(parts[i]);
		add_next_index_zval(&list, &parts[i]);
	}
	PHP_VAR_SERIALIZE_INIT(var_hash);
	php_var_serialize(&buf, &list, &var_hash);
	PHP_VAR_SERIALIZE_DESTROY(var_hash);
	zval_ptr_dtor(&list);
	if (EG(exception)) {
		smart_str_free(&buf);
		RETURN_THROWS();
	}
	PHP_SHA1Init(&context);
	if (buf.s) {
		PHP_SHA1Update(&context, (unsigned char *) ZSTR_VAL(buf.s), ZSTR_LEN(buf.s));
	}
	PHP_SHA1Final(digest, &context);
	smart_str_free(&buf);
	make_sha1_digest(hex, digest);
	/* Binary-safe: a NUL byte in the namespace does not cut it short. */
	zend_string *key = zend_string_alloc(ZSTR_LEN(ns) + 1 + 40, 0);
	memcpy(ZSTR_VAL(key), ZSTR_VAL(ns), ZSTR_LEN(ns));
	ZSTR_VAL(key)[ZSTR_LEN(ns)] = ':';
	memcpy(ZSTR_VAL(key) + ZSTR_LEN(ns) + 1, hex, 41);
	RETURN_NEW_STR(key);
}

/* ---- Perf\Cache ---- */

static perf_cache_object *cache_object(zend_object *obj)
{
	return (perf_cache_object *) ((char *) obj - offsetof(perf_cache_object, std));
}

static zend_object *cache_object_create(zend_class_entry *ce)
{
	perf_cache_object *intern = zend_object_alloc(sizeof(perf_cache_object), ce);

	intern->driver = NULL;
	zend_object_std_init(&intern->std, ce);
	object_properties_init(&intern->std, ce);
	intern->std.handlers = &perf_cache_handlers;
	return &intern->std;
}

static const perf_cache_driver *this_driver(zend_execute_data *execute_data)
{
	const perf_cache_driver *driver = cache_object(Z_OBJ_P(ZEND_THIS))->driver;

	PERF_G(state.cache.used) = PERF_G(state.cache.used_in_request) = true;
	if (!driver) {
		zend_throw_error(NULL, "Perf\\Cache object is not initialized: call its constructor");
	}
	return driver;
}

#define PERF_CACHE_METHOD(name, impl) \
	ZEND_METHOD(Perf_Cache, name) { \
		const perf_cache_driver *driver = this_driver(execute_data); \
		if (!driver || !preload_check(driver)) { RETURN_THROWS(); } \
		impl(driver, INTERNAL_FUNCTION_PARAM_PASSTHRU); \
	}
#define PERF_CACHE_METHOD_EX(name, impl, arg) \
	ZEND_METHOD(Perf_Cache, name) { \
		const perf_cache_driver *driver = this_driver(execute_data); \
		if (!driver || !preload_check(driver)) { RETURN_THROWS(); } \
		impl(driver, INTERNAL_FUNCTION_PARAM_PASSTHRU, arg); \
	}

ZEND_METHOD(Perf_Cache, __construct)
{
	zend_string *name = NULL;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR_OR_NULL(name)
	ZEND_PARSE_PARAMETERS_END();

	const perf_cache_driver *driver = name ? driver_by_name(ZSTR_VAL(name), ZSTR_LEN(name)) : default_driver();
	if (!driver) {
		zend_argument_value_error(1, "must be " PERF_CACHE_DRIVER_NAMES ", \"%s\" given", ZSTR_VAL(name));
		RETURN_THROWS();
	}
	cache_object(Z_OBJ_P(ZEND_THIS))->driver = driver;
}

ZEND_METHOD(Perf_Cache, driver)
{
	ZEND_PARSE_PARAMETERS_NONE();
	const perf_cache_driver *driver = this_driver(execute_data);
	if (!driver) {
		RETURN_THROWS();
	}
	RETURN_STRING(driver->name);
}

PERF_CACHE_METHOD(get, cache_get_impl)
PERF_CACHE_METHOD_EX(set, cache_set_impl, PERF_CACHE_SET)
PERF_CACHE_METHOD_EX(add, cache_set_impl, PERF_CACHE_ADD)
PERF_CACHE_METHOD(has, cache_has_impl)
PERF_CACHE_METHOD(delete, cache_delete_impl)
PERF_CACHE_METHOD(clear, cache_clear_impl)
PERF_CACHE_METHOD(getMultiple, cache_get_multiple_impl)
PERF_CACHE_METHOD(setMultiple, cache_set_multiple_impl)
PERF_CACHE_METHOD(deleteMultiple, cache_delete_multiple_impl)
PERF_CACHE_METHOD_EX(increment, cache_increment_impl, 1)
PERF_CACHE_METHOD_EX(decrement, cache_increment_impl, -1)
PERF_CACHE_METHOD(remember, cache_remember_impl)
PERF_CACHE_METHOD(invalidateTags, cache_invalidate_tags_impl)
PERF_CACHE_METHOD(stats, cache_stats_impl)
PERF_CACHE_METHOD(prune, cache_prune_impl)

/* ---- lifecycle ---- */

/*
 * Zero-copy values stay valid until the request's memory is destroyed (post-deactivate), so they
 * are handed out only by SAPIs that destroy everything of a request at its end: the classic web
 * SAPIs. Everywhere else a value can outlive the request and would one day show another entry's
 * bytes, so reads copy: the CLI (also inside perf_request_begin()/end(), whose worker loops keep
 * values in statics), SAPIs with worker modes or that this list does not know (FrankenPHP), ZTS.
 */
static bool sapi_frees_requests(const char *name)
{
#ifdef ZTS
	(void) name;
	return false;
#else
	static const char *const known[] = {"fpm-fcgi", "cgi-fcgi", "apache2handler", "cli-server", "litespeed"};
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
		if (strcmp(name, known[i]) == 0) {
			return true;
		}
	}
	return false;
#endif
}

void perf_cache_register_class(zend_class_entry *ce)
{
	perf_cache_ce = ce;
	perf_cache_ce->create_object = cache_object_create;
	memcpy(&perf_cache_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	perf_cache_handlers.offset = offsetof(perf_cache_object, std);
	perf_cache_handlers.clone_obj = NULL;
}

/* Each request (and each logical request of a worker loop) looks once whether the segment needs its preload. */
static void preload_arm(void)
{
	PERF_G(state.cache.preload_pending) = PERF_G(settings.cache.preload)[0] != '\0';
}

/* Ends what the cache holds for the current logical request (leases). */
static void request_boundary(void)
{
	HashTable *held = PERF_G(state.cache.held_leases);

	/* Most requests never touch the cache: nothing to release, no driver to visit. */
	if (!PERF_G(state.cache.used)) {
		return;
	}
	PERF_G(state.cache.used) = false;
	if (held) {
		zend_string *key;
		const perf_cache_driver *driver;
		ZEND_HASH_FOREACH_STR_KEY_PTR(held, key, driver) {
			driver->lease_release(key);
		} ZEND_HASH_FOREACH_END();
		zend_hash_destroy(held);
		FREE_HASHTABLE(held);
		PERF_G(state.cache.held_leases) = NULL;
	}
	for (size_t i = 0; i < sizeof(drivers) / sizeof(drivers[0]); i++) {
		if (drivers[i]->request_end) {
			drivers[i]->request_end();
		}
	}
}

/* The request's end, and perf_request_begin()/perf_request_end(), end the leases of the logical request. */
static void cache_boundary(void)
{
	request_boundary();
	preload_arm();
}

static const perf_request_hooks cache_hooks = {
	.boundary = cache_boundary,
};

void perf_cache_minit(void)
{
	perf_request_register(&cache_hooks);
	zero_copy_sapi = sapi_frees_requests(sapi_module.name);
	perf_redis_password_minit();
	perf_cache_file_startup();
#ifdef PERF_HAVE_HIREDIS
	perf_cache_redis_startup();
#endif
	perf_cache_counters_startup();
	perf_cache_memory_startup();
}

/* A thread of a ZTS SAPI ends (and the process, once): its own Redis connection goes with it. */
void perf_cache_gshutdown(void)
{
#ifdef PERF_HAVE_HIREDIS
	perf_cache_redis_shutdown();
#endif
}

void perf_cache_mshutdown(void)
{
#ifdef PERF_HAVE_HIREDIS
	perf_cache_redis_shutdown();
#endif
	perf_redis_password_mshutdown();
	perf_cache_memory_shutdown();
	perf_cache_counters_shutdown();
}

bool perf_cache_zero_copy_allowed(void)
{
	return zero_copy_sapi && PERF_G(settings.cache.zero_copy);
}

void perf_cache_rinit(void)
{
	perf_cache_counters_request_start();
	perf_cache_memory_request_start();
	perf_redis_password_rinit();
	PERF_G(state.cache.held_leases) = NULL;
	PERF_G(state.cache.allowed_classes) = NULL;
	PERF_G(state.cache.used) = false;
	preload_arm();
}

static bool add_class_name(const char *name, size_t len, void *arg)
{
	zend_string *lower = zend_string_init(name, len, 0);

	zend_str_tolower(ZSTR_VAL(lower), len);
	zend_hash_add_empty_element((HashTable *) arg, lower);
	zend_string_release(lower);
	return true;
}

HashTable *perf_cache_allowed_classes(void)
{
	const char *list = PERF_G(settings.cache.allowed_classes);
	HashTable *classes = PERF_G(state.cache.allowed_classes);

	if (list && allows_all_classes(list)) {
		return NULL;
	}
	if (!classes) {
		classes = zend_new_array(8);
		/* "none" and the empty value: not class names, so no class at all. */
		if (list && strcasecmp(list, "none") != 0) {
			each_class_name(list, add_class_name, classes);
		}
		PERF_G(state.cache.allowed_classes) = classes;
	}
	return classes;
}

void perf_cache_rshutdown(void)
{
	if (PERF_G(state.cache.allowed_classes)) {
		zend_array_release(PERF_G(state.cache.allowed_classes));
		PERF_G(state.cache.allowed_classes) = NULL;
	}
}

void perf_cache_post_deactivate(void)
{
	if (!PERF_G(state.cache.used_in_request)) {
		return;
	}
	PERF_G(state.cache.used_in_request) = false;
	for (size_t i = 0; i < sizeof(drivers) / sizeof(drivers[0]); i++) {
		if (drivers[i]->release_values) {
			drivers[i]->release_values();
		}
	}
}

void perf_cache_minfo(void)
{
#ifdef PERF_HAVE_HIREDIS
	php_info_print_table_row(2, "Cache drivers", "memory, file, redis (hiredis)");
#else
	php_info_print_table_row(2, "Cache drivers", "memory, file (built without hiredis)");
#endif
	perf_cache_memory_minfo();
	perf_cache_counters_minfo();
}
