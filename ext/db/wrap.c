/*
 * Wrapping internal functions' handlers, once at startup: zend_internal_function.handler is
 * replaced by a wrapper that calls perf's code around the original. No observer is registered,
 * so the engine runs every other function exactly as without perf.
 *
 * The engine copies zend_internal_function structs whole: aliases (mysqli::query is mysqli_query),
 * methods inherited by internal classes (PHP 8.4's Pdo\Sqlite) and by user classes (arena copies,
 * and OPcache's shared-memory copies of those), closures and first-class callables (whose
 * trampoline calls the handler the copy holds). The wrapped functions are named one by one,
 * aliases included; copies internal subclasses made before perf_wrap_install() are patched by
 * walking those subclasses; copies made after carry the wrapper along, and the JIT, which calls a
 * known internal function's handler directly, compiles after startup too.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"

#include "db/wrap.h"

/* Distinct handlers perf may wrap: the PDO and mysqli entry points need 12. */
#define WRAP_SLOTS 16

typedef struct {
	zif_handler original;
	perf_wrap_around around;
	const void *data;
} wrap_slot;

static wrap_slot slots[WRAP_SLOTS];
static uint32_t slots_used;

/* The functions asked for (PDO and mysqli list 20), patched in place. */
#define WRAP_TARGETS 32
static zend_function *targets[WRAP_TARGETS];
static uint32_t targets_used;
static bool installed;

/* One wrapper per slot: the handler signature has no room for data, so the slot is in the code. */
#define WRAPPER(n) \
	static ZEND_NAMED_FUNCTION(wrapper_##n) \
	{ \
		slots[n].around(slots[n].original, slots[n].data, INTERNAL_FUNCTION_PARAM_PASSTHRU); \
	}

WRAPPER(0) WRAPPER(1) WRAPPER(2) WRAPPER(3) WRAPPER(4) WRAPPER(5) WRAPPER(6) WRAPPER(7)
WRAPPER(8) WRAPPER(9) WRAPPER(10) WRAPPER(11) WRAPPER(12) WRAPPER(13) WRAPPER(14) WRAPPER(15)

static const zif_handler wrappers[WRAP_SLOTS] = {
	wrapper_0, wrapper_1, wrapper_2, wrapper_3, wrapper_4, wrapper_5, wrapper_6, wrapper_7,
	wrapper_8, wrapper_9, wrapper_10, wrapper_11, wrapper_12, wrapper_13, wrapper_14, wrapper_15,
};

zend_result perf_wrap_function(zend_function *func, perf_wrap_around around, const void *data)
{
	zif_handler handler;
	uint32_t i;

	if (func->type != ZEND_INTERNAL_FUNCTION || installed || targets_used == WRAP_TARGETS) {
		return FAILURE;
	}
	handler = func->internal_function.handler;
	for (i = 0; i < slots_used && slots[i].original != handler; i++);
	if (i < slots_used) {
		if (slots[i].around != around || slots[i].data != data) {
			return FAILURE;
		}
	} else if (slots_used == WRAP_SLOTS) {
		return FAILURE;
	} else {
		slots[slots_used++] = (wrap_slot) {handler, around, data};
	}
	targets[targets_used++] = func;
	return SUCCESS;
}

/* Replaces every handler equal to a from[i] by to[i]. */
static void patch_function(zend_function *func, const zif_handler *from, const zif_handler *to)
{
	if (func->type != ZEND_INTERNAL_FUNCTION) {
		return;
	}
	for (uint32_t i = 0; i < slots_used; i++) {
		if (func->internal_function.handler == from[i]) {
			func->internal_function.handler = to[i];
			return;
		}
	}
}

/* Whether ce inherits from the class of a wrapped method (and so may hold copies of it). */
static bool inherits_wrapped(const zend_class_entry *ce)
{
	for (const zend_class_entry *parent = ce->parent; parent; parent = parent->parent) {
		for (uint32_t i = 0; i < targets_used; i++) {
			if (targets[i]->common.scope == parent) {
				return true;
			}
		}
	}
	return false;
}

/*
 * The wrapped functions themselves, and the copies internal subclasses made of them (their
 * methods of the same handler): only classes descending from a wrapped method's class are
 * visited, so startup does not walk every method of every extension.
 */
static void patch_all(const zif_handler *from, const zif_handler *to)
{
	zend_class_entry *ce;
	zend_function *func;

	for (uint32_t i = 0; i < targets_used; i++) {
		patch_function(targets[i], from, to);
	}
	ZEND_HASH_MAP_FOREACH_PTR(CG(class_table), ce) {
		if (ce->type == ZEND_INTERNAL_CLASS && inherits_wrapped(ce)) {
			ZEND_HASH_MAP_FOREACH_PTR(&ce->function_table, func) {
				patch_function(func, from, to);
			} ZEND_HASH_FOREACH_END();
		}
	} ZEND_HASH_FOREACH_END();
}

void perf_wrap_install(void)
{
	zif_handler originals[WRAP_SLOTS];

	if (installed || !slots_used) {
		return;
	}
	for (uint32_t i = 0; i < slots_used; i++) {
		originals[i] = slots[i].original;
	}
	patch_all(originals, wrappers);
	installed = true;
}

void perf_wrap_uninstall(void)
{
	zif_handler originals[WRAP_SLOTS];

	if (installed) {
		for (uint32_t i = 0; i < slots_used; i++) {
			originals[i] = slots[i].original;
		}
		patch_all(wrappers, originals);
	}
	installed = false;
	slots_used = 0;
	targets_used = 0;
}
