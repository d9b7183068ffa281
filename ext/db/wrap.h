#ifndef PERF_DB_WRAP_H
#define PERF_DB_WRAP_H

#include "php.h"

/* Runs in place of a wrapped function: calls original(INTERNAL_FUNCTION_PARAM_PASSTHRU) itself. */
typedef void (*perf_wrap_around)(zif_handler original, const void *data, INTERNAL_FUNCTION_PARAMETERS);

/*
 * Has func's handler run through around(original, data, ...) once perf_wrap_install() ran. Every
 * function with the same handler (aliases such as mysqli::query and mysqli_query) shares one
 * wrapping: asking again with the same around and data succeeds, with others fails.
 */
zend_result perf_wrap_function(const zend_function *func, perf_wrap_around around, const void *data);

/* Puts the wrappers into every function table: functions, and the methods of every class so far. */
void perf_wrap_install(void);

/* Puts the original handlers back (module shutdown) and forgets the wrappings. */
void perf_wrap_uninstall(void);

#endif
