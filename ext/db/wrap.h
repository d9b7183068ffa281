#ifndef PERF_DB_WRAP_H
#define PERF_DB_WRAP_H

#include "php.h"

/* Runs in place of a wrapped function: calls original(INTERNAL_FUNCTION_PARAM_PASSTHRU) itself. */
typedef void (*perf_wrap_around)(zif_handler original, const void *data, INTERNAL_FUNCTION_PARAMETERS);

/*
 * Has func's handler run through around(original, data, ...) once perf_wrap_install() ran. Every
 * function named with the same handler (aliases such as mysqli::query and mysqli_query) shares
 * one wrapping: the same around and data succeed, others fail.
 */
zend_result perf_wrap_function(zend_function *func, perf_wrap_around around, const void *data);

/* Puts the wrappers into the named functions and the copies internal subclasses made of them. */
void perf_wrap_install(void);

/* Puts the original handlers back (module shutdown) and forgets the wrappings. */
void perf_wrap_uninstall(void);

#endif
