#ifndef PERF_LIB_INI_H
#define PERF_LIB_INI_H

#include "php.h"
#include "php_ini.h"

/*
 * Shared by the INI handlers of every feature. A handler that refuses a value warns exactly once
 * and returns FAILURE, which makes the engine keep the setting's previous value.
 */

/*
 * A whole number from min to max: decimal digits only, with a leading minus only where min is
 * negative (no spaces, plus sign, suffix or overflow).
 */
bool perf_ini_parse_whole_number(const zend_string *value, zend_long min, zend_long max, zend_long *out);

/* The one warning for a refused value: 'Invalid value "<value>" for <setting>: must be <accepted>'. */
void perf_ini_warn_invalid(const zend_ini_entry *entry, const zend_string *value, const char *accepted);

/* Stores a whole number from min to max at addr, or warns (accepted says what is allowed) and fails. */
zend_result perf_ini_update_whole_number(const zend_ini_entry *entry, const zend_string *value, zend_long *addr,
	zend_long min, zend_long max, const char *accepted);

/* For any setting that takes a whole number from 0 up, with nothing more to say about it. */
ZEND_INI_MH(perf_ini_update_non_negative);

/* The same for a byte size with an optional K, M or G suffix (as memory_limit takes it). */
zend_result perf_ini_update_bytes(const zend_ini_entry *entry, zend_string *value, zend_long *addr,
	zend_long min, zend_long max, const char *accepted);

#endif
