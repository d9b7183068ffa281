/*
 * Application series (perf_counter_inc(), perf_gauge_set(), perf_histogram_observe()) in the
 * metrics segment, after the built-in metrics (metrics.c maps it and lays this part out here).
 *
 * Series live in fixed slots found through an open-addressed index: a lookup reads published
 * slots only, without a lock; creating a series takes a robust process-shared mutex, takes a slot,
 * fills it and then publishes it with one release store, so a process killed at any instruction
 * leaves at worst an unused slot and never a held lock or a half-visible series. A second index
 * maps each metric name to the first series of that name, so that checking a new series' type
 * against the others of its name is one probe, not a walk over every series.
 *
 * perf_metrics_reset() empties both indexes and hands the slots out again. A slot carries a
 * sequence number, odd while it is being filled: a lock-free reader that sees it odd or changed
 * looks again under the lock, and rendering skips it, so a key is never read half-written. An
 * update that found its series just before a reset may still land in the slot's next series.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <pthread.h>

#include "php.h"
#include "zend_smart_str.h"

#include "php_perf.h"
#include "metrics/metrics.h"
#include "metrics/metrics_private.h"
#include "shm/segment.h"

/* Name and rendered labels of a series together. */
#define SERIES_KEY_MAX 256
#define SERIES_MAX_LABELS 16

typedef enum {
	SERIES_COUNTER = 1,
	SERIES_GAUGE,
	SERIES_HISTOGRAM,
} series_type;

/*
 * Complete before its index entry is stored (with release), and never changed after but for the
 * values, until perf_metrics_reset() hands the slot out again.
 */
typedef struct {
	/* Odd while the slot is being filled (under the lock). */
	uint32_t seq;
	uint8_t type;
	uint16_t name_len;
	uint16_t key_len;
	uint64_t hash;
	/* The name, a NUL, then the labels as rendered inside braces (escaped, sorted by name). */
	char key[SERIES_KEY_MAX];
	/* Counters and gauges: a double's bits. */
	uint64_t value_bits;
	perf_metrics_shm_histogram histogram;
} shm_series;

typedef struct {
	pthread_mutex_t lock;
	uint64_t dropped;
	/* Slots taken, in order: the next series takes slot number "used". */
	uint32_t used;
	uint32_t capacity;
	/* Both indexes have index_mask + 1 buckets, at least twice the capacity. */
	uint32_t index_mask;
	/* Set while a reset empties the indexes, so that the next owner of the lock finishes one cut short. */
	uint32_t resetting;
} series_header;

static series_header *seg;
/* Slot numbers plus one, 0 = empty: by name and labels, and by name alone (the first series of the name). */
static uint32_t *series_index;
static uint32_t *name_index;
static shm_series *series;

static const char *const type_names[] = {"", "counter", "gauge", "histogram"};

/* ---- the segment ---- */

static size_t align_up(size_t value, size_t to)
{
	return (value + to - 1) & ~(to - 1);
}

static size_t index_size_for(uint32_t capacity)
{
	uint32_t index_size = 16;
	while (index_size < capacity * 2) {
		index_size <<= 1;
	}
	return index_size;
}

/* Where each part lies for a capacity: the same in every process. */
static void offsets(uint32_t capacity, size_t *index_off, size_t *name_index_off, size_t *series_off)
{
	size_t index_size = index_size_for(capacity);
	*index_off = align_up(sizeof(series_header), 64);
	*name_index_off = align_up(*index_off + index_size * sizeof(uint32_t), 64);
	*series_off = align_up(*name_index_off + index_size * sizeof(uint32_t), 64);
}

size_t perf_metrics_series_size(uint32_t capacity)
{
	size_t index_off, name_index_off, series_off;
	offsets(capacity, &index_off, &name_index_off, &series_off);
	return series_off + (size_t) capacity * sizeof(shm_series);
}

void perf_metrics_series_layout(void *mem, uint32_t capacity)
{
	series_header *h = mem;
	h->capacity = capacity;
	h->index_mask = (uint32_t) index_size_for(capacity) - 1;
	perf_segment_mutex_init(&h->lock);
}

/* mem: a laid-out part of a mapped segment (metrics.c), or NULL when it is left. */
void perf_metrics_series_bind(void *mem)
{
	size_t index_off, name_index_off, series_off;

	seg = mem;
	if (!mem) {
		return;
	}
	offsets(seg->capacity, &index_off, &name_index_off, &series_off);
	series_index = (uint32_t *) ((char *) mem + index_off);
	name_index = (uint32_t *) ((char *) mem + name_index_off);
	series = (shm_series *) ((char *) mem + series_off);
}

void perf_metrics_series_figures(uint32_t *used, uint32_t *capacity, uint64_t *dropped)
{
	*used = seg ? __atomic_load_n(&seg->used, __ATOMIC_ACQUIRE) : 0;
	*capacity = seg ? seg->capacity : 0;
	*dropped = seg ? PERF_METRICS_LOAD(&seg->dropped) : 0;
}

/* ---- finding and creating series ---- */

/*
 * Empties both indexes and frees every slot. Called with the lock held. An index emptied only in
 * part would break probe sequences in the middle, and a series found no more would be created a
 * second time next to its old self: whoever takes the lock next finishes the job.
 */
static void remove_all(void)
{
	seg->resetting = 1;
	for (uint32_t i = 0; i <= seg->index_mask; i++) {
		__atomic_store_n(&series_index[i], 0, __ATOMIC_RELEASE);
		__atomic_store_n(&name_index[i], 0, __ATOMIC_RELEASE);
	}
	__atomic_store_n(&seg->used, 0, __ATOMIC_RELEASE);
	PERF_METRICS_STORE(&seg->dropped, 0);
	seg->resetting = 0;
}

static void lock_series(void)
{
	if (pthread_mutex_lock(&seg->lock) == EOWNERDEAD) {
		/* The owner died creating a series (an unpublished slot is all it can leave) or in a reset. */
		if (seg->resetting) {
			remove_all();
		}
		pthread_mutex_consistent(&seg->lock);
	}
}

static bool is_name_char(unsigned char c, bool first, bool colon)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (colon && c == ':')
		|| (!first && c >= '0' && c <= '9');
}

static bool valid_name(const char *name, size_t len, bool colon)
{
	if (len == 0) {
		return false;
	}
	for (size_t i = 0; i < len; i++) {
		if (!is_name_char((unsigned char) name[i], i == 0, colon)) {
			return false;
		}
	}
	return true;
}

/* Prometheus rejects a scrape with a label value that is not UTF-8. */
static bool valid_utf8(const unsigned char *p, size_t len)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = p[i];
		size_t extra;
		uint32_t cp;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xc2 && c <= 0xdf) {
			extra = 1;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			extra = 2;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			extra = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (len - i <= extra) {
			return false;
		}
		for (size_t k = 1; k <= extra; k++) {
			if ((p[i + k] & 0xc0) != 0x80) {
				return false;
			}
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		/* Overlong forms, surrogates and code points past U+10FFFF. */
		if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) {
			return false;
		}
		i += extra + 1;
	}
	return true;
}

/* Backslash and double quote are escaped; control characters never get this far (see build_key). */
static void append_escaped_label_value(smart_str *out, const char *value, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (value[i] == '\\' || value[i] == '"') {
			smart_str_appendc(out, '\\');
		}
		smart_str_appendc(out, value[i]);
	}
}

/* NUL and the other C0 controls (tab and newline included): they have no place in a label value. */
static bool has_control_char(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char) p[i] < 0x20) {
			return true;
		}
	}
	return false;
}

static int compare_labels(Bucket *a, Bucket *b)
{
	return zend_binary_strcmp(ZSTR_VAL(a->key), ZSTR_LEN(a->key), ZSTR_VAL(b->key), ZSTR_LEN(b->key));
}

/*
 * Checks the name and labels and builds the series key: the name, a NUL, the labels sorted by
 * name as they appear between the braces. Throws a ValueError and returns false when invalid.
 */
static bool build_key(zend_string *name, HashTable *labels, series_type type, uint32_t labels_arg, smart_str *key)
{
	if (!valid_name(ZSTR_VAL(name), ZSTR_LEN(name), true)) {
		zend_argument_value_error(1, "must be a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)");
		return false;
	}
	if (ZSTR_LEN(name) >= 5 && strncmp(ZSTR_VAL(name), "perf_", 5) == 0) {
		zend_argument_value_error(1, "must not start with \"perf_\" (reserved for perf's own metrics)");
		return false;
	}
	if (zend_hash_num_elements(labels) > SERIES_MAX_LABELS) {
		zend_argument_value_error(labels_arg, "must have at most %d labels", SERIES_MAX_LABELS);
		return false;
	}

	zend_string *label;
	zval *value;
	ZEND_HASH_FOREACH_STR_KEY_VAL(labels, label, value) {
		if (!label || !valid_name(ZSTR_VAL(label), ZSTR_LEN(label), false)
			|| (ZSTR_LEN(label) >= 2 && ZSTR_VAL(label)[0] == '_' && ZSTR_VAL(label)[1] == '_')) {
			zend_argument_value_error(labels_arg, "must have valid Prometheus label names as keys "
				"([a-zA-Z_][a-zA-Z0-9_]*, not starting with \"__\")");
			return false;
		}
		if (type == SERIES_HISTOGRAM && zend_string_equals_literal(label, "le")) {
			zend_argument_value_error(labels_arg, "must not have a label named \"le\" for a histogram");
			return false;
		}
		ZVAL_DEREF(value);
		if (Z_TYPE_P(value) != IS_STRING) {
			zend_argument_value_error(labels_arg, "must have string values");
			return false;
		}
		if (has_control_char(Z_STRVAL_P(value), Z_STRLEN_P(value))) {
			zend_argument_value_error(labels_arg, "must have values without control characters (NUL, tab, newline "
				"or any other byte below 0x20)");
			return false;
		}
		if (!valid_utf8((const unsigned char *) Z_STRVAL_P(value), Z_STRLEN_P(value))) {
			zend_argument_value_error(labels_arg, "must have valid UTF-8 values");
			return false;
		}
	} ZEND_HASH_FOREACH_END();

	smart_str_append(key, name);
	smart_str_appendc(key, '\0');
	if (zend_hash_num_elements(labels)) {
		HashTable *sorted = zend_array_dup(labels);
		zend_hash_sort(sorted, compare_labels, false);
		bool first = true;
		ZEND_HASH_FOREACH_STR_KEY_VAL(sorted, label, value) {
			ZVAL_DEREF(value);
			if (!first) {
				smart_str_appendc(key, ',');
			}
			first = false;
			smart_str_append(key, label);
			smart_str_appendl(key, "=\"", 2);
			append_escaped_label_value(key, Z_STRVAL_P(value), Z_STRLEN_P(value));
			smart_str_appendc(key, '"');
		} ZEND_HASH_FOREACH_END();
		zend_array_destroy(sorted);
	}
	smart_str_0(key);
	if (ZSTR_LEN(key->s) > SERIES_KEY_MAX) {
		zend_argument_value_error(labels_arg, "makes the series too long (name and labels at most %d bytes)",
			SERIES_KEY_MAX);
		return false;
	}
	return true;
}

/* Where a hash's probe sequence starts: the high bits of a multiplicative mix spread similar keys. */
static uint32_t first_bucket(uint64_t hash)
{
	return (uint32_t) ((hash * UINT64_C(0x9E3779B97F4A7C15)) >> 32) & seg->index_mask;
}

/*
 * Lock-free: only published slots are looked at, and a slot that is being filled again after a
 * reset (odd or changed sequence) counts as not found, which sends the caller to create_series()
 * to look again under the lock. *type is the type the slot had while its key matched.
 */
static shm_series *find_series(uint64_t hash, const char *key, size_t key_len, uint8_t *type)
{
	uint32_t start = first_bucket(hash);

	for (uint32_t i = 0; i <= seg->index_mask; i++) {
		uint32_t entry = __atomic_load_n(&series_index[(start + i) & seg->index_mask], __ATOMIC_ACQUIRE);
		if (entry == 0) {
			return NULL;
		}
		shm_series *s = &series[entry - 1];
		uint32_t seq = __atomic_load_n(&s->seq, __ATOMIC_ACQUIRE);
		if (seq & 1) {
			return NULL;
		}
		bool same = s->hash == hash && s->key_len == key_len && memcmp(s->key, key, key_len) == 0;
		uint8_t seen = s->type;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (PERF_METRICS_LOAD(&s->seq) != seq) {
			return NULL;
		}
		if (same) {
			*type = seen;
			return s;
		}
	}
	return NULL;
}

/* The first series created with this name, or NULL. Called with the lock held. */
static shm_series *find_name(uint64_t name_hash, const char *name, size_t name_len)
{
	uint32_t start = first_bucket(name_hash);

	for (uint32_t i = 0; i <= seg->index_mask; i++) {
		uint32_t entry = __atomic_load_n(&name_index[(start + i) & seg->index_mask], __ATOMIC_ACQUIRE);
		if (entry == 0) {
			return NULL;
		}
		shm_series *s = &series[entry - 1];
		if (s->name_len == name_len && memcmp(s->key, name, name_len) == 0) {
			return s;
		}
	}
	return NULL;
}

/* Stores a slot number (plus one) in the first free bucket of the probe sequence. Called with the lock held. */
static void index_insert(uint32_t *index, uint64_t hash, uint32_t number)
{
	uint32_t start = first_bucket(hash), i = 0;

	while (__atomic_load_n(&index[(start + i) & seg->index_mask], __ATOMIC_ACQUIRE) != 0) {
		i++;
	}
	__atomic_store_n(&index[(start + i) & seg->index_mask], number + 1, __ATOMIC_RELEASE);
}

/* Takes the next free slot and fills it; NULL when every slot is taken. Called with the lock held. */
static shm_series *take_slot(series_type type, uint64_t hash, const char *key, size_t key_len, size_t name_len)
{
	if (seg->used >= seg->capacity) {
		return NULL;
	}
	/* The slot is taken first: a creator that dies from here on wastes it, never hands it out twice. */
	uint32_t number = seg->used;
	__atomic_store_n(&seg->used, number + 1, __ATOMIC_RELEASE);
	shm_series *s = &series[number];

	/* Odd, also when a creator that died left it odd: a reader still holding the slot's last series skips it. */
	uint32_t seq = PERF_METRICS_LOAD(&s->seq) | 1;
	PERF_METRICS_STORE(&s->seq, seq);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	s->type = (uint8_t) type;
	s->name_len = (uint16_t) name_len;
	s->key_len = (uint16_t) key_len;
	s->hash = hash;
	memcpy(s->key, key, key_len);
	PERF_METRICS_STORE(&s->value_bits, 0);
	perf_metrics_reset_histogram(&s->histogram);
	__atomic_store_n(&s->seq, seq + 1, __ATOMIC_RELEASE);
	return s;
}

/*
 * NULL with a ValueError thrown when the name has another type, NULL alone when the cap is reached.
 * Every step is a constant number of probes: the type of the name comes from the name index.
 */
static shm_series *create_series(series_type type, uint64_t hash, const char *key, size_t key_len, size_t name_len)
{
	shm_series *s;
	uint8_t existing;

	lock_series();
	s = find_series(hash, key, key_len, &existing);
	if (!s) {
		uint64_t name_hash = zend_hash_func(key, name_len);
		shm_series *named = find_name(name_hash, key, name_len);
		existing = named ? named->type : 0;
		if (!existing || existing == type) {
			s = take_slot(type, hash, key, key_len, name_len);
			if (s) {
				/* The name first: a creator killed in between leaves a name with no series, never two types for one name. */
				if (!named) {
					index_insert(name_index, name_hash, (uint32_t) (s - series));
				}
				index_insert(series_index, hash, (uint32_t) (s - series));
			}
		}
	}
	pthread_mutex_unlock(&seg->lock);
	if (existing && existing != type) {
		zend_argument_value_error(1, "is already registered as a %s", type_names[existing]);
		return NULL;
	}
	if (!s) {
		PERF_METRICS_ADD(&seg->dropped, 1);
	}
	return s;
}

/* Validates, then finds or creates the series. Returns NULL (with an exception when one was thrown). */
static shm_series *lookup(series_type type, zend_string *name, HashTable *labels, bool *failed)
{
	smart_str key = {0};
	shm_series *s = NULL;
	uint8_t existing;

	*failed = !build_key(name, labels, type, 3, &key);
	if (!*failed && perf_metrics_active()) {
		size_t key_len = ZSTR_LEN(key.s);
		uint64_t hash = zend_hash_func(ZSTR_VAL(key.s), key_len);
		s = find_series(hash, ZSTR_VAL(key.s), key_len, &existing);
		if (!s) {
			s = create_series(type, hash, ZSTR_VAL(key.s), key_len, ZSTR_LEN(name));
			*failed = EG(exception) != NULL;
		} else if (existing != type) {
			zend_argument_value_error(1, "is already registered as a %s", type_names[existing]);
			*failed = true;
			s = NULL;
		}
	}
	smart_str_free(&key);
	return s;
}

ZEND_FUNCTION(perf_counter_inc)
{
	zend_string *name;
	double by = 1;
	HashTable *labels = (HashTable *) &zend_empty_array;
	bool failed;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_STR(name)
		Z_PARAM_OPTIONAL
		Z_PARAM_DOUBLE(by)
		Z_PARAM_ARRAY_HT(labels)
	ZEND_PARSE_PARAMETERS_END();

	if (zend_isnan(by) || by < 0 || !zend_finite(by)) {
		zend_argument_value_error(2, "must be a finite number, 0 or more");
		RETURN_THROWS();
	}
	shm_series *s = lookup(SERIES_COUNTER, name, labels, &failed);
	if (failed) {
		RETURN_THROWS();
	}
	if (s) {
		perf_metrics_add_double(&s->value_bits, by);
	}
	RETURN_BOOL(s != NULL);
}

/*
 * perf_gauge_set() and perf_histogram_observe(): (name, value, labels). false when an exception
 * was thrown; otherwise *series is the series, or NULL when it cannot be made (no segment, or
 * perf.metrics_max_series reached).
 */
static bool value_series(INTERNAL_FUNCTION_PARAMETERS, series_type type, double *value, shm_series **series)
{
	zend_string *name;
	HashTable *labels = (HashTable *) &zend_empty_array;
	bool failed;

	ZEND_PARSE_PARAMETERS_START(2, 3)
		Z_PARAM_STR(name)
		Z_PARAM_DOUBLE(*value)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(labels)
	ZEND_PARSE_PARAMETERS_END_EX(return false);

	if (zend_isnan(*value)) {
		zend_argument_value_error(2, "must not be NAN");
		return false;
	}
	*series = lookup(type, name, labels, &failed);
	return !failed;
}

ZEND_FUNCTION(perf_gauge_set)
{
	double value;
	shm_series *s;

	if (!value_series(INTERNAL_FUNCTION_PARAM_PASSTHRU, SERIES_GAUGE, &value, &s)) {
		RETURN_THROWS();
	}
	if (s) {
		uint64_t bits;
		memcpy(&bits, &value, sizeof(double));
		PERF_METRICS_STORE(&s->value_bits, bits);
	}
	RETURN_BOOL(s != NULL);
}

ZEND_FUNCTION(perf_histogram_observe)
{
	double value;
	shm_series *s;

	if (!value_series(INTERNAL_FUNCTION_PARAM_PASSTHRU, SERIES_HISTOGRAM, &value, &s)) {
		RETURN_THROWS();
	}
	if (s) {
		perf_metrics_observe(&s->histogram, PERF_G(settings.metrics.buckets), PERF_G(settings.metrics.bucket_count), value);
	}
	RETURN_BOOL(s != NULL);
}

/* ---- rendering and reset ---- */

/* A series copied out of its slot for rendering: the key points into the copy of every key. */
typedef struct {
	uint32_t slot;
	uint8_t type;
	uint16_t name_len;
	uint16_t key_len;
	union {
		size_t offset;
		const char *key;
	} at;
} series_copy;

static int compare_series(const void *a, const void *b)
{
	const series_copy *x = a, *y = b;
	int by_name = zend_binary_strcmp(x->at.key, x->name_len, y->at.key, y->name_len);
	if (by_name) {
		return by_name;
	}
	return zend_binary_strcmp(x->at.key + x->name_len + 1, x->key_len - x->name_len - 1,
		y->at.key + y->name_len + 1, y->key_len - y->name_len - 1);
}

/*
 * Copies the key of a published slot into keys, unless the slot is being filled again after a
 * reset (odd or changed sequence) or what was read does not hold together.
 */
static bool copy_series(uint32_t slot, smart_str *keys, series_copy *copy)
{
	const shm_series *s = &series[slot];
	uint32_t seq = __atomic_load_n(&s->seq, __ATOMIC_ACQUIRE);
	size_t start = keys->s ? ZSTR_LEN(keys->s) : 0;

	if (seq & 1) {
		return false;
	}
	copy->slot = slot;
	copy->type = s->type;
	copy->name_len = s->name_len;
	copy->key_len = s->key_len;
	copy->at.offset = start;
	if (copy->type < SERIES_COUNTER || copy->type > SERIES_HISTOGRAM || copy->name_len == 0
		|| copy->key_len > SERIES_KEY_MAX || copy->name_len >= copy->key_len) {
		return false;
	}
	smart_str_appendl(keys, s->key, copy->key_len);
	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	if (PERF_METRICS_LOAD(&s->seq) != seq) {
		ZSTR_LEN(keys->s) = start;
		return false;
	}
	return true;
}

void perf_metrics_series_render(smart_str *out)
{
	smart_str keys = {0};
	uint32_t count = 0;
	series_copy *list = safe_emalloc(MAX(seg->capacity, 1), sizeof(series_copy), 0);

	for (uint32_t i = 0; i <= seg->index_mask && count < seg->capacity; i++) {
		uint32_t entry = __atomic_load_n(&series_index[i], __ATOMIC_ACQUIRE);
		if (entry && copy_series(entry - 1, &keys, &list[count])) {
			count++;
		}
	}
	for (uint32_t i = 0; i < count; i++) {
		list[i].at.key = ZSTR_VAL(keys.s) + list[i].at.offset;
	}
	qsort(list, count, sizeof(series_copy), compare_series);

	const series_copy *previous = NULL;
	for (uint32_t i = 0; i < count; i++) {
		const series_copy *c = &list[i];
		const shm_series *s = &series[c->slot];
		const char *labels = c->at.key + c->name_len + 1;
		size_t labels_len = c->key_len - c->name_len - 1;

		if (!previous || previous->name_len != c->name_len || memcmp(previous->at.key, c->at.key, c->name_len) != 0) {
			smart_str_appendl(out, "# HELP ", 7);
			smart_str_appendl(out, c->at.key, c->name_len);
			smart_str_appendl(out, " Application metric.\n# TYPE ", sizeof(" Application metric.\n# TYPE ") - 1);
			smart_str_appendl(out, c->at.key, c->name_len);
			smart_str_appendc(out, ' ');
			smart_str_appends(out, type_names[c->type]);
			smart_str_appendc(out, '\n');
		}
		previous = c;
		if (c->type == SERIES_HISTOGRAM) {
			perf_metrics_histogram h;
			perf_metrics_read_histogram(&s->histogram, &h);
			perf_metrics_append_histogram_series(out, c->at.key, c->name_len, labels, labels_len, PERF_G(settings.metrics.buckets),
				PERF_G(settings.metrics.bucket_count), &h);
		} else {
			perf_metrics_append_sample_d(out, c->at.key, c->name_len, labels, labels_len,
				perf_metrics_bits_to_double(PERF_METRICS_LOAD(&s->value_bits)));
		}
	}
	smart_str_free(&keys);
	efree(list);
}

void perf_metrics_series_reset(void)
{
	if (!seg) {
		return;
	}
	lock_series();
	remove_all();
	pthread_mutex_unlock(&seg->lock);
}
