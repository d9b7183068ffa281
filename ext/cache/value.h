#ifndef PERF_CACHE_VALUE_H
#define PERF_CACHE_VALUE_H

#include "php.h"

/*
 * How a value is kept in shared memory. NATIVE values are stored as the engine's own structures:
 * an immutable zend_string or zend_array (GC_IMMUTABLE, never refcounted, like OPcache's
 * literals), laid out in one block at an address every worker of the pool shares. A later fetch
 * can copy them with one memcpy per array, or hand them out as they are. Values with objects go
 * through a serializer.
 */
typedef enum {
	PERF_VALUE_NATIVE = 0,
	PERF_VALUE_PHP_SERIALIZED = 1,
	PERF_VALUE_IGBINARY = 2,
} perf_value_encoding;

typedef struct {
	perf_value_encoding encoding;
	/* Bytes the image needs after its zval. */
	size_t size;
	/* An array of scalars under int keys only: its copy needs no fix-up after the memcpy. */
	bool flat;
	zend_string *serialized;
} perf_value_plan;

/*
 * Checks that the value can be stored and measures it. Throws (TypeError for a resource,
 * ValueError for nesting deeper than the limit, the serializer's Exception for a Closure or an
 * anonymous class) and returns FAILURE when it cannot.
 */
zend_result perf_value_plan_make(zval *value, bool igbinary, uint32_t arg_num, perf_value_plan *plan);
void perf_value_plan_release(perf_value_plan *plan);

/* Deepest nesting of arrays and objects in a PHP-serialized payload (1 for a flat array or object). */
int perf_value_serialized_depth(const zend_string *serialized);

/*
 * Writes the value's image: *image gets the zval, dest (plan->size bytes) the data it points to.
 * Never writes past plan->size: FAILURE when the value no longer matches what was measured (user
 * code changed it through a reference since), and the image must then be discarded.
 */
zend_result perf_value_write(const perf_value_plan *plan, zval *value, zval *image, char *dest);

/*
 * serialize() of a value as the cache stores it: references inside arrays become the values they
 * point to, as the memory driver stores them, so every driver hands back the same thing.
 */
zend_string *perf_value_serialize(zval *value);

/* Copies an image into request memory. FAILURE only for a serialized value that no longer decodes. */
zend_result perf_value_read(const zval *image, perf_value_encoding encoding, bool flat, zval *out);

#endif
