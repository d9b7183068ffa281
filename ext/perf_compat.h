/*
 * The Zend APIs perf uses that differ between the PHP versions it supports (8.2 to 8.5), each behind
 * one name here, so that feature code carries no version checks of its own.
 *
 * APIs later versions removed are not wrapped but avoided everywhere in ext/ (the replacement works
 * on 8.2 already); tests/package/compat_api.phpt fails when one comes back:
 *   zend_exception_get_default()          removed in 8.5, use zend_ce_exception
 *   ext/standard/php_smart_string.h       removed in 8.5, use zend_smart_string.h
 *   XtOffsetOf()                          removed in 8.6, use offsetof()
 *   INI_STR(), INI_INT(), INI_FLT(), INI_BOOL()   removed in 8.6, use zend_ini_*()
 *   zend_binary_zval_strcmp(), ..._strncmp()      removed in 8.6, use zend_binary_strcmp()
 *   ext/standard/php_rand.h, php_mt_rand.h, php_lcg.h, php_random.h
 *                                         removed in 8.4, use ext/random/php_random.h
 */

#ifndef PERF_COMPAT_H
#define PERF_COMPAT_H

#include "php.h"

/* Checked at compile time; the engine's macro came with 8.3. */
#ifndef ZEND_STATIC_ASSERT
#define ZEND_STATIC_ASSERT(condition, message) _Static_assert(condition, message)
#endif

/* The CSPRNG (php_random_bytes_silent()): 8.4 gave it a header of its own. */
#if PHP_VERSION_ID >= 80400
#include "ext/random/php_random_csprng.h"
#else
#include "ext/random/php_random.h"
#endif

#endif
