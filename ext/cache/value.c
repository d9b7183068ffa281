#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "ext/standard/php_var.h"

#include "php_perf.h"
#include "perf_compat.h"
#include "cache/cache.h"
#include "cache/value.h"

#define PERF_VALUE_MAX_DEPTH 256
#define ALIGNED(size) ZEND_MM_ALIGNED_SIZE(size)

/*
 * write_string() and write_array() build zend_string, zend_array and Bucket by hand in shared
 * memory, field by field, and mark them with flags that keep the engine from ever writing to them.
 * A field added to one of these structures would be left uninitialised, and a flag that changed
 * meaning would let the engine refcount shared memory: either stops the build here instead.
 */
ZEND_STATIC_ASSERT(offsetof(zend_string, val) == sizeof(zend_refcounted_h) + sizeof(zend_ulong) + sizeof(size_t),
	"zend_string has a field write_string() does not set");
ZEND_STATIC_ASSERT(sizeof(zend_array) == sizeof(zend_refcounted_h) + 6 * sizeof(uint32_t) + sizeof(Bucket *)
	+ sizeof(zend_long) + sizeof(dtor_func_t), "zend_array has a field write_array() does not set");
ZEND_STATIC_ASSERT(sizeof(Bucket) == sizeof(zval) + sizeof(zend_ulong) + sizeof(zend_string *),
	"Bucket has a field write_array() does not set");
ZEND_STATIC_ASSERT(IS_STR_INTERNED == GC_IMMUTABLE && IS_ARRAY_IMMUTABLE == GC_IMMUTABLE,
	"interned strings and immutable arrays are no longer the engine's never-written structures");
ZEND_STATIC_ASSERT((((IS_STR_INTERNED | IS_STR_PERMANENT | IS_ARRAY_IMMUTABLE | GC_NOT_COLLECTABLE) << GC_FLAGS_SHIFT)
	& ~GC_FLAGS_MASK) == 0, "the string and array flags no longer fit the GC flag bits");
ZEND_STATIC_ASSERT(HT_MIN_MASK == (uint32_t) -2, "the minimal hash part of a packed array changed");

typedef struct {
	size_t size;
	bool has_object;
	bool has_resource;
	bool too_deep;
	/* The top-level array has a string key, or an element that is not a plain scalar. */
	bool top_not_flat;
} measure_state;

static bool array_is_dense_list(const zend_array *ht)
{
	return HT_IS_PACKED(ht) && ht->nNumUsed == ht->nNumOfElements;
}

static uint32_t table_size_for(uint32_t count)
{
	uint32_t size = HT_MIN_SIZE;
	while (size < count) {
		size <<= 1;
	}
	return size;
}

static size_t string_image_size(const zend_string *str)
{
	return ALIGNED(_ZSTR_STRUCT_SIZE(ZSTR_LEN(str)));
}

static void measure(zval *value, measure_state *state, int depth)
{
	ZVAL_DEREF(value);
	switch (Z_TYPE_P(value)) {
		case IS_STRING:
			state->size += string_image_size(Z_STR_P(value));
			break;
		case IS_ARRAY: {
			zend_array *ht = Z_ARRVAL_P(value);
			uint32_t count = zend_hash_num_elements(ht);
			if (depth >= PERF_VALUE_MAX_DEPTH) {
				state->too_deep = true;
				return;
			}
			state->size += ALIGNED(sizeof(zend_array));
			if (count == 0) {
				state->size += ALIGNED(HT_HASH_SIZE(HT_MIN_MASK));
			} else if (array_is_dense_list(ht)) {
				state->size += ALIGNED(HT_HASH_SIZE(HT_MIN_MASK) + (size_t) count * sizeof(zval));
			} else {
				state->size += ALIGNED(HT_HASH_SIZE(HT_SIZE_TO_MASK(table_size_for(count))) + (size_t) count * sizeof(Bucket));
			}
			zend_string *key;
			zval *item;
			ZEND_HASH_FOREACH_STR_KEY_VAL(ht, key, item) {
				/* Scalars take no room beyond their zval: no call for them, the common case of big lists. */
				if (!key && Z_TYPE_P(item) < IS_STRING) {
					continue;
				}
				if (depth == 0) {
					state->top_not_flat = true;
				}
				if (key) {
					state->size += string_image_size(key);
				}
				measure(item, state, depth + 1);
				/* An object does not end the walk: a resource later in the array must still be refused. */
				if (state->has_resource || state->too_deep) {
					return;
				}
			} ZEND_HASH_FOREACH_END();
			break;
		}
		case IS_OBJECT:
			state->has_object = true;
			break;
		case IS_RESOURCE:
			state->has_resource = true;
			break;
		default:
			break;
	}
}

static zend_result serialize_value(zval *value, bool igbinary, perf_value_plan *plan)
{
	if (igbinary) {
		zval function, result;
		ZVAL_STRINGL(&function, "igbinary_serialize", sizeof("igbinary_serialize") - 1);
		zend_result ok = call_user_function(NULL, NULL, &function, &result, 1, value);
		zval_ptr_dtor(&function);
		if (ok != SUCCESS || EG(exception) || Z_TYPE(result) != IS_STRING) {
			zval_ptr_dtor(&result);
			return FAILURE;
		}
		plan->serialized = Z_STR(result);
		plan->encoding = PERF_VALUE_IGBINARY;
	} else {
		php_serialize_data_t var_hash;
		smart_str buf = {0};
		PHP_VAR_SERIALIZE_INIT(var_hash);
		php_var_serialize(&buf, value, &var_hash);
		PHP_VAR_SERIALIZE_DESTROY(var_hash);
		if (EG(exception)) {
			smart_str_free(&buf);
			return FAILURE;
		}
		plan->serialized = smart_str_extract(&buf);
		plan->encoding = PERF_VALUE_PHP_SERIALIZED;
	}
	plan->size = string_image_size(plan->serialized);
	return SUCCESS;
}

/* Skips a length-prefixed run at *p: N:"<N bytes>" for strings and class names, N:{<N bytes>} for C: payloads. */
static bool skip_counted(const char **p, const char *end, char open, char close)
{
	char *after;
	zend_ulong n = ZEND_STRTOUL(*p, &after, 10);

	if (after == *p || after + 2 > end || after[0] != ':' || after[1] != open || (size_t) (end - after - 2) < n + 1
		|| after[2 + n] != close) {
		return false;
	}
	*p = after + 3 + n;
	return true;
}

/*
 * How deeply arrays and objects nest in a PHP-serialized payload (each a:…{ and O:…{ is a
 * level). Objects hide their properties from measure(), so a deep array inside one is found
 * here: unserialize() would refuse it past unserialize_max_depth, and every read would miss.
 * Strings, class names and Serializable payloads are skipped by their length, so their bytes
 * never count.
 */
int perf_value_serialized_depth(const zend_string *serialized)
{
	const char *p = ZSTR_VAL(serialized), *end = p + ZSTR_LEN(serialized);
	int depth = 0, deepest = 0;

	while (p < end) {
		char c = *p;
		if (p + 2 < end && p[1] == ':' && (c == 's' || c == 'S' || c == 'O' || c == 'C' || c == 'E')) {
			p += 2;
			if (!skip_counted(&p, end, '"', '"')) {
				return deepest;
			}
			if (c == 'C' && (p >= end || *p != ':' || (++p, !skip_counted(&p, end, '{', '}')))) {
				return deepest;
			}
			continue;
		}
		if (c == '{' && ++depth > deepest) {
			deepest = depth;
		} else if (c == '}') {
			depth--;
		}
		p++;
	}
	return deepest;
}

zend_result perf_value_plan_make(zval *value, bool igbinary, uint32_t arg_num, perf_value_plan *plan)
{
	measure_state state = {0};

	memset(plan, 0, sizeof(*plan));
	measure(value, &state, 0);
	if (state.has_resource) {
		zend_argument_type_error(arg_num, "must not contain a resource, which cannot be cached");
		return FAILURE;
	}
	if (state.too_deep) {
		zend_argument_value_error(arg_num, "must not be nested deeper than %d levels (or contain a reference to itself)",
			PERF_VALUE_MAX_DEPTH);
		return FAILURE;
	}
	if (state.has_object) {
		if (serialize_value(value, igbinary, plan) != SUCCESS) {
			return FAILURE;
		}
		if (plan->encoding == PERF_VALUE_PHP_SERIALIZED && perf_value_serialized_depth(plan->serialized) > PERF_VALUE_MAX_DEPTH) {
			perf_value_plan_release(plan);
			zend_argument_value_error(arg_num, "must not be nested deeper than %d levels (or contain a reference to itself)",
				PERF_VALUE_MAX_DEPTH);
			return FAILURE;
		}
		return SUCCESS;
	}
	plan->encoding = PERF_VALUE_NATIVE;
	plan->size = state.size;
	ZVAL_DEREF(value);
	plan->flat = Z_TYPE_P(value) == IS_ARRAY && !state.top_not_flat;
	return SUCCESS;
}

static bool has_references(zval *value, int depth)
{
	zval *item;

	if (Z_TYPE_P(value) != IS_ARRAY || depth > PERF_VALUE_MAX_DEPTH) {
		return false;
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), item) {
		if (Z_ISREF_P(item) || has_references(item, depth + 1)) {
			return true;
		}
	} ZEND_HASH_FOREACH_END();
	return false;
}

static void copy_without_references(zval *dst, zval *src, int depth)
{
	ZVAL_DEREF(src);
	if (Z_TYPE_P(src) != IS_ARRAY || depth > PERF_VALUE_MAX_DEPTH) {
		ZVAL_COPY(dst, src);
		return;
	}
	zend_ulong h;
	zend_string *key;
	zval *item;
	array_init_size(dst, zend_hash_num_elements(Z_ARRVAL_P(src)));
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(src), h, key, item) {
		zval copy;
		copy_without_references(&copy, item, depth + 1);
		if (key) {
			zend_hash_add_new(Z_ARRVAL_P(dst), key, &copy);
		} else {
			zend_hash_index_add_new(Z_ARRVAL_P(dst), h, &copy);
		}
	} ZEND_HASH_FOREACH_END();
}

zend_string *perf_value_serialize(zval *value)
{
	php_serialize_data_t var_hash;
	smart_str buf = {0};
	zval plain;

	ZVAL_DEREF(value);
	if (has_references(value, 0)) {
		copy_without_references(&plain, value, 0);
	} else {
		ZVAL_COPY(&plain, value);
	}
	PHP_VAR_SERIALIZE_INIT(var_hash);
	php_var_serialize(&buf, &plain, &var_hash);
	PHP_VAR_SERIALIZE_DESTROY(var_hash);
	zval_ptr_dtor(&plain);
	return buf.s ? smart_str_extract(&buf) : ZSTR_EMPTY_ALLOC();
}

void perf_value_plan_release(perf_value_plan *plan)
{
	if (plan->serialized) {
		zend_string_release(plan->serialized);
		plan->serialized = NULL;
	}
}

typedef struct {
	char *cursor;
	/* The block ends here: a value that grew since it was measured is never written past it. */
	char *end;
	/* The value is a flat array (see perf_value_plan): a dense list of it is copied in one go. */
	bool flat;
} write_state;

/* NULL once the measured size is used up. */
static void *take(write_state *state, size_t size)
{
	void *at = state->cursor;
	if (ALIGNED(size) > (size_t) (state->end - state->cursor)) {
		state->cursor = state->end;
		return NULL;
	}
	state->cursor += ALIGNED(size);
	return at;
}

/*
 * Interned but not IS_STR_PERMANENT: the engine's own mark for strings that do not relive the
 * request (its request-interned literals), so nothing that outlives the request keeps the pointer
 * instead of a copy. The refcount is never touched, which keeps readers from writing to the block.
 */
static zend_string *write_string(write_state *state, const zend_string *str, bool with_hash)
{
	zend_string *copy = take(state, _ZSTR_STRUCT_SIZE(ZSTR_LEN(str)));

	if (!copy) {
		return NULL;
	}
	GC_SET_REFCOUNT(copy, 2);
	GC_TYPE_INFO(copy) = GC_STRING | (IS_STR_INTERNED << GC_FLAGS_SHIFT);
	/* Interned strings are expected to carry their hash: the engine would otherwise write it into shared memory. */
	ZSTR_H(copy) = with_hash ? zend_string_hash_val((zend_string *) str) : 0;
	ZSTR_LEN(copy) = ZSTR_LEN(str);
	memcpy(ZSTR_VAL(copy), ZSTR_VAL(str), ZSTR_LEN(str) + 1);
	return copy;
}

static bool write_zval(write_state *state, zval *dst, zval *src);

static zend_array *write_array(write_state *state, zend_array *src)
{
	uint32_t count = zend_hash_num_elements(src);
	zend_array *ht = take(state, sizeof(zend_array));
	void *data;

	if (!ht) {
		return NULL;
	}
	GC_SET_REFCOUNT(ht, 2);
	GC_TYPE_INFO(ht) = GC_ARRAY | ((IS_ARRAY_IMMUTABLE | GC_NOT_COLLECTABLE) << GC_FLAGS_SHIFT);
	/*
	 * No function pointer of this binary: an immutable array is never destroyed, and a copy made
	 * to change it (zend_array_dup) sets its own destructor. OPcache leaves it NULL the same way.
	 */
	ht->pDestructor = NULL;
	ht->nInternalPointer = 0;
	ht->nNumUsed = count;
	ht->nNumOfElements = count;
	ht->nTableSize = table_size_for(count);
	/* $a[] = … on the fetched copy must pick the same key as on the array that was stored. */
	ht->nNextFreeElement = src->nNextFreeElement;

	if (count == 0) {
		/* Like the engine's uninitialized arrays: a minimal hash part, so lookups find nothing. */
		HT_FLAGS(ht) = HASH_FLAG_UNINITIALIZED;
		ht->nTableMask = HT_MIN_MASK;
		ht->nTableSize = HT_MIN_SIZE;
		if (!(data = take(state, HT_HASH_SIZE(HT_MIN_MASK)))) {
			return NULL;
		}
		HT_SET_DATA_ADDR(ht, data);
		HT_HASH_RESET_PACKED(ht);
		return ht;
	}
	if (array_is_dense_list(src)) {
		HT_FLAGS(ht) = HASH_FLAG_PACKED | HASH_FLAG_STATIC_KEYS;
		ht->nTableMask = HT_MIN_MASK;
		if (!(data = take(state, HT_HASH_SIZE(HT_MIN_MASK) + (size_t) count * sizeof(zval)))) {
			return NULL;
		}
		HT_SET_DATA_ADDR(ht, data);
		HT_HASH_RESET_PACKED(ht);
		if (state->flat) {
			memcpy(ht->arPacked, src->arPacked, (size_t) count * sizeof(zval));
			state->flat = false;
			return ht;
		}
		zval *item, *dst = ht->arPacked;
		ZEND_HASH_PACKED_FOREACH_VAL(src, item) {
			if (Z_TYPE_P(item) < IS_STRING) {
				ZVAL_COPY_VALUE(dst, item);
				dst++;
			} else if (!write_zval(state, dst++, item)) {
				return NULL;
			}
		} ZEND_HASH_FOREACH_END();
		return ht;
	}

	HT_FLAGS(ht) = HASH_FLAG_STATIC_KEYS;
	ht->nTableMask = HT_SIZE_TO_MASK(ht->nTableSize);
	if (!(data = take(state, HT_HASH_SIZE(ht->nTableMask) + (size_t) count * sizeof(Bucket)))) {
		return NULL;
	}
	HT_SET_DATA_ADDR(ht, data);
	HT_HASH_RESET(ht);

	uint32_t idx = 0;
	zend_ulong h;
	zend_string *key;
	zval *item;
	ZEND_HASH_FOREACH_KEY_VAL(src, h, key, item) {
		Bucket *p = ht->arData + idx;
		if (idx == count) {
			/* More elements than measured. */
			return NULL;
		}
		if (key) {
			if (!(p->key = write_string(state, key, true))) {
				return NULL;
			}
			p->h = ZSTR_H(p->key);
		} else {
			p->key = NULL;
			p->h = h;
		}
		if (!write_zval(state, &p->val, item)) {
			return NULL;
		}
		uint32_t slot = (uint32_t) p->h | ht->nTableMask;
		Z_NEXT(p->val) = HT_HASH(ht, slot);
		HT_HASH(ht, slot) = HT_IDX_TO_HASH(idx);
		idx++;
	} ZEND_HASH_FOREACH_END();
	return ht;
}

static bool write_zval(write_state *state, zval *dst, zval *src)
{
	ZVAL_DEREF(src);
	switch (Z_TYPE_P(src)) {
		case IS_STRING: {
			zend_string *str = write_string(state, Z_STR_P(src), false);
			if (!str) {
				return false;
			}
			ZVAL_INTERNED_STR(dst, str);
			return true;
		}
		case IS_ARRAY: {
			/*
			 * Even an empty array is the block's own, never the engine's zend_empty_array: a segment
			 * outlives the process and is shared with other binaries (php-fpm and the CLI), where that
			 * address means nothing.
			 */
			zend_array *ht = write_array(state, Z_ARRVAL_P(src));
			if (!ht) {
				return false;
			}
			ZVAL_ARR(dst, ht);
			Z_TYPE_FLAGS_P(dst) = 0;
			return true;
		}
		case IS_OBJECT:
		case IS_RESOURCE:
			/* Only a value changed since it was measured can bring these here. */
			return false;
		default:
			ZVAL_COPY_VALUE(dst, src);
			return true;
	}
}

zend_result perf_value_write(const perf_value_plan *plan, zval *value, zval *image, char *dest)
{
	write_state state = {dest, dest + plan->size, plan->flat};

	if (plan->encoding != PERF_VALUE_NATIVE) {
		zend_string *str = write_string(&state, plan->serialized, false);
		if (!str) {
			return FAILURE;
		}
		ZVAL_INTERNED_STR(image, str);
		return SUCCESS;
	}
	return write_zval(&state, image, value) ? SUCCESS : FAILURE;
}

static void copy_out(zval *zv);

/* zend_array_dup() copies an immutable array with one memcpy; what it shares with shared memory is then copied. */
static zend_array *copy_array(zend_array *src, bool flat)
{
	zend_array *ht = zend_array_dup(src);

	if (flat) {
		return ht;
	}
	if (HT_IS_PACKED(ht)) {
		zval *item;
		ZEND_HASH_PACKED_FOREACH_VAL(ht, item) {
			copy_out(item);
		} ZEND_HASH_FOREACH_END();
		return ht;
	}
	bool refcounted_keys = false;
	Bucket *p;
	ZEND_HASH_MAP_FOREACH_BUCKET(ht, p) {
		if (p->key) {
			/* Keys the script also uses as literals are interned already: no allocation for them. */
			zend_string *key = zend_string_init_existing_interned(ZSTR_VAL(p->key), ZSTR_LEN(p->key), 0);
			refcounted_keys = refcounted_keys || !ZSTR_IS_INTERNED(key);
			p->key = key;
		}
		copy_out(&p->val);
	} ZEND_HASH_FOREACH_END();
	if (refcounted_keys) {
		HT_FLAGS(ht) &= ~HASH_FLAG_STATIC_KEYS;
	}
	return ht;
}

static void copy_out(zval *zv)
{
	if (Z_TYPE_P(zv) == IS_STRING) {
		ZVAL_STRINGL(zv, Z_STRVAL_P(zv), Z_STRLEN_P(zv));
	} else if (Z_TYPE_P(zv) == IS_ARRAY && Z_ARR_P(zv) != &zend_empty_array) {
		ZVAL_ARR(zv, copy_array(Z_ARR_P(zv), false));
	}
}

/*
 * igbinary cannot filter classes, and the encoding byte comes from the stored data, which anyone
 * who can write to Redis or the cache directory controls. An igbinary payload is therefore
 * decoded only by a reader configured for it (perf.cache_serializer=igbinary) while every class
 * is allowed; elsewhere it is a miss. PHP-serialized payloads always go through the class list.
 */
static bool igbinary_decodable(void)
{
	return strcasecmp(PERF_G(settings.cache.serializer), "igbinary") == 0 && !perf_cache_allowed_classes()
		&& zend_hash_str_exists(CG(function_table), ZEND_STRL("igbinary_unserialize"));
}

static zend_result unserialize_value(const zend_string *data, perf_value_encoding encoding, zval *out)
{
	if (encoding == PERF_VALUE_IGBINARY) {
		zval function, arg;
		if (!igbinary_decodable()) {
			return FAILURE;
		}
		ZVAL_STRINGL(&function, "igbinary_unserialize", sizeof("igbinary_unserialize") - 1);
		ZVAL_STRINGL(&arg, ZSTR_VAL(data), ZSTR_LEN(data));
		zend_result ok = call_user_function(NULL, NULL, &function, out, 1, &arg);
		zval_ptr_dtor(&function);
		zval_ptr_dtor(&arg);
		return ok;
	}
	if (encoding != PERF_VALUE_PHP_SERIALIZED) {
		return FAILURE;
	}
	php_unserialize_data_t var_hash;
	const unsigned char *p = (const unsigned char *) ZSTR_VAL(data);
	/* A cache shared with other code (Redis, a directory) must not revive arbitrary classes if told so. */
	HashTable *allowed = perf_cache_allowed_classes();
	/* Ours for the whole parse: an autoloader it runs may ini_set() the list, which drops the request's reference. */
	if (allowed) {
		GC_ADDREF(allowed);
	}
	PHP_VAR_UNSERIALIZE_INIT(var_hash);
	php_var_unserialize_set_allowed_classes(var_hash, allowed);
	bool ok = php_var_unserialize(out, &p, p + ZSTR_LEN(data), &var_hash);
	PHP_VAR_UNSERIALIZE_DESTROY(var_hash);
	if (allowed) {
		zend_array_release(allowed);
	}
	if (!ok) {
		zval_ptr_dtor(out);
		ZVAL_UNDEF(out);
		return FAILURE;
	}
	return SUCCESS;
}

zend_result perf_value_read(const zval *image, perf_value_encoding encoding, bool flat, zval *out)
{
	if (encoding != PERF_VALUE_NATIVE) {
		return unserialize_value(Z_STR_P(image), encoding, out);
	}
	if (Z_TYPE_P(image) == IS_ARRAY && Z_ARR_P(image) != &zend_empty_array) {
		ZVAL_ARR(out, copy_array(Z_ARR_P(image), flat));
		return SUCCESS;
	}
	ZVAL_COPY_VALUE(out, image);
	copy_out(out);
	return SUCCESS;
}
