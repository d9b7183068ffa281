/*
 * Parsing and rejecting INI values the same way for every setting: one warning that names the
 * setting and what it accepts, and the previous value kept.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "php_ini.h"
#include "zend_smart_str.h"

#include "lib/ini.h"

bool perf_ini_parse_whole_number(const zend_string *value, zend_long min, zend_long max, zend_long *out)
{
	const char *p = ZSTR_VAL(value), *end = p + ZSTR_LEN(value);
	bool negative = p < end && *p == '-' && min < 0;
	zend_ulong magnitude = 0;
	/* The largest magnitude the sign allows: |ZEND_LONG_MIN| is one more than ZEND_LONG_MAX. */
	zend_ulong limit = negative ? (zend_ulong) ZEND_LONG_MAX + 1 : (zend_ulong) ZEND_LONG_MAX;

	if (negative) {
		p++;
	}
	if (p == end) {
		return false;
	}
	for (; p < end; p++) {
		if (*p < '0' || *p > '9') {
			return false;
		}
		zend_ulong digit = (zend_ulong) (*p - '0');
		if (magnitude > (limit - digit) / 10) {
			return false;
		}
		magnitude = magnitude * 10 + digit;
	}
	/* Negated one short of the magnitude first, so that ZEND_LONG_MIN never overflows on the way. */
	zend_long number = negative && magnitude ? -(zend_long) (magnitude - 1) - 1 : (zend_long) magnitude;
	if (number < min || number > max) {
		return false;
	}
	*out = number;
	return true;
}

/* Control bytes are shown as \xNN: a NUL would cut the message short, CR/LF would forge log lines. */
void perf_ini_warn_invalid(const zend_ini_entry *entry, const zend_string *value, const char *accepted)
{
	smart_str shown = {0};

	for (size_t i = 0; i < ZSTR_LEN(value); i++) {
		unsigned char c = (unsigned char) ZSTR_VAL(value)[i];
		if (c < 0x20 || c == 0x7f) {
			smart_str_append_printf(&shown, "\\x%02X", c);
		} else {
			smart_str_appendc(&shown, (char) c);
		}
	}
	smart_str_0(&shown);
	zend_error(E_WARNING, "Invalid value \"%s\" for %s: must be %s", shown.s ? ZSTR_VAL(shown.s) : "",
		ZSTR_VAL(entry->name), accepted);
	smart_str_free(&shown);
}

zend_result perf_ini_update_whole_number(const zend_ini_entry *entry, const zend_string *value, zend_long *addr,
	zend_long min, zend_long max, const char *accepted)
{
	zend_long number;

	if (!perf_ini_parse_whole_number(value, min, max, &number)) {
		perf_ini_warn_invalid(entry, value, accepted);
		return FAILURE;
	}
	*addr = number;
	return SUCCESS;
}

ZEND_INI_MH(perf_ini_update_non_negative)
{
	return perf_ini_update_whole_number(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(), 0, ZEND_LONG_MAX,
		"a whole number, 0 or more");
}

zend_result perf_ini_update_bytes(const zend_ini_entry *entry, zend_string *value, zend_long *addr,
	zend_long min, zend_long max, const char *accepted)
{
	zend_string *error = NULL;
	/* The non-warning parser: its own warning would be a second one, and would name no setting. */
	zend_long bytes = zend_ini_parse_quantity(value, &error);

	if (error) {
		zend_string_release(error);
		perf_ini_warn_invalid(entry, value, accepted);
		return FAILURE;
	}
	if (bytes < min || bytes > max) {
		perf_ini_warn_invalid(entry, value, accepted);
		return FAILURE;
	}
	*addr = bytes;
	return SUCCESS;
}
