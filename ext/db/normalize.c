/*
 * The SQL normalizer: literals become ?, comments go, whitespace collapses, so that statements
 * group together and records carry no data. Plain C with no PHP dependency, so that
 * tests/db/normalize_dialects.phpt can build it alone and drive every dialect.
 */

#include <string.h>

#include "db/normalize.h"

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool is_hex_digit(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Bytes of an identifier or keyword; $ for MySQL names and PostgreSQL's $1 placeholders, >= 0x80 for UTF-8 names. */
static bool is_word(unsigned char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}

uint32_t perf_db_sql_dialect(const char *driver, size_t driver_len, perf_db_backslashes backslashes)
{
	static const uint32_t either = PERF_DB_SQL_BACKSLASH_ESCAPES | PERF_DB_SQL_STANDARD_STRINGS;

	if (driver_len == sizeof("sqlite") - 1 && memcmp(driver, "sqlite", driver_len) == 0) {
		return PERF_DB_SQL_STANDARD_STRINGS | PERF_DB_SQL_QUOTED_IDENTIFIERS;
	}
	if (driver_len == sizeof("mysql") - 1 && memcmp(driver, "mysql", driver_len) == 0) {
		return PERF_DB_SQL_HASH_COMMENTS | (backslashes == PERF_DB_BACKSLASHES_ESCAPE ? PERF_DB_SQL_BACKSLASH_ESCAPES
			: backslashes == PERF_DB_BACKSLASHES_PLAIN ? PERF_DB_SQL_STANDARD_STRINGS : either);
	}
	if (driver_len == sizeof("pgsql") - 1 && memcmp(driver, "pgsql", driver_len) == 0) {
		/* Standard strings, but E'…' strings (and standard_conforming_strings=off) take backslash escapes. */
		return PERF_DB_SQL_DOLLAR_QUOTES | PERF_DB_SQL_NESTED_COMMENTS | PERF_DB_SQL_QUOTED_IDENTIFIERS | either;
	}
	/* Any other driver: every rule at once, which can only hide more, never less. */
	return PERF_DB_SQL_HASH_COMMENTS | PERF_DB_SQL_DOLLAR_QUOTES | PERF_DB_SQL_NESTED_COMMENTS | either;
}

/*
 * Index just past the string literal (or "quoted identifier") opening at i, len when it runs to
 * the end. Doubled quotes stay inside. A backslash escapes the next byte under backslash rules
 * and is an ordinary byte under standard ones. When both may apply (the connection's mode is not
 * known), a backslash right before a quote is where the two readings part ways: neither can be
 * trusted to find the literal's end, so everything up to the end of the statement is literal.
 */
static size_t skip_quoted(const char *s, size_t len, size_t i, uint32_t dialect)
{
	char quote = s[i++];

	while (i < len) {
		if (s[i] == '\\' && (dialect & PERF_DB_SQL_BACKSLASH_ESCAPES)) {
			if ((dialect & PERF_DB_SQL_STANDARD_STRINGS) && i + 1 < len && s[i + 1] == quote) {
				return len;
			}
			i += 2;
		} else if (s[i] == quote) {
			if (i + 1 < len && s[i + 1] == quote) {
				i += 2;
			} else {
				return i + 1;
			}
		} else {
			i++;
		}
	}
	return len;
}

/*
 * Length of the opening "$$" or "$tag$" of a PostgreSQL dollar-quoted string at i (a tag is an
 * identifier that does not start with a digit, so $1 is a placeholder), or 0 when there is none.
 */
static size_t dollar_tag_length(const char *s, size_t len, size_t i)
{
	size_t j = i + 1;

	if (j < len && is_digit((unsigned char) s[j])) {
		return 0;
	}
	while (j < len && is_word((unsigned char) s[j]) && s[j] != '$') {
		j++;
	}
	return j < len && s[j] == '$' ? j + 1 - i : 0;
}

/* Index just past the dollar-quoted string whose opening tag (tag_len bytes) is at i; len when unterminated. */
static size_t skip_dollar_quoted(const char *s, size_t len, size_t i, size_t tag_len)
{
	for (size_t j = i + tag_len; j + tag_len <= len; j++) {
		if (s[j] == '$' && memcmp(s + j, s + i, tag_len) == 0) {
			return j + tag_len;
		}
	}
	return len;
}

/*
 * Index just past the comment starting at i, or i when none starts there: -- and (MySQL) # to the
 * end of the line, slash-star to star-slash, nested in PostgreSQL. An unterminated comment runs to
 * the end. MySQL's executable and hint comments are comments here too.
 */
static size_t skip_comment(const char *s, size_t len, size_t i, uint32_t dialect)
{
	if ((s[i] == '-' && i + 1 < len && s[i + 1] == '-') || (s[i] == '#' && (dialect & PERF_DB_SQL_HASH_COMMENTS))) {
		while (i < len && s[i] != '\n') {
			i++;
		}
		return i;
	}
	if (s[i] == '/' && i + 1 < len && s[i + 1] == '*') {
		size_t depth = 1;
		for (i += 2; i < len; i++) {
			if (s[i] == '*' && i + 1 < len && s[i + 1] == '/') {
				i++;
				if (--depth == 0) {
					return i + 1;
				}
			} else if (s[i] == '/' && i + 1 < len && s[i + 1] == '*' && (dialect & PERF_DB_SQL_NESTED_COMMENTS)) {
				i++;
				depth++;
			}
		}
		return len;
	}
	return i;
}

/* Index just past the number starting at i: 0x1F, 0b101, 12, 1.5, .5, 1e-3. */
static size_t skip_number(const char *s, size_t len, size_t i)
{
	if (s[i] == '0' && i + 2 < len && (s[i + 1] == 'x' || s[i + 1] == 'X') && is_hex_digit(s[i + 2])) {
		for (i += 2; i < len && is_hex_digit(s[i]); i++);
		return i;
	}
	if (s[i] == '0' && i + 2 < len && (s[i + 1] == 'b' || s[i + 1] == 'B') && (s[i + 2] == '0' || s[i + 2] == '1')) {
		for (i += 2; i < len && (s[i] == '0' || s[i] == '1'); i++);
		return i;
	}
	for (; i < len && is_digit(s[i]); i++);
	if (i < len && s[i] == '.') {
		for (i++; i < len && is_digit(s[i]); i++);
	}
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		size_t j = i + 1;
		if (j < len && (s[j] == '+' || s[j] == '-')) {
			j++;
		}
		if (j < len && is_digit(s[j])) {
			for (i = j; i < len && is_digit(s[i]); i++);
		}
	}
	return i;
}

/*
 * One pass, no allocation: string literals (dollar-quoted ones included) and numbers become ?,
 * comments and runs of whitespace one space, and a list of placeholders after IN collapses to
 * IN (?) so that lists of any length group together. Identifiers (t1, `quoted`, and "quoted" where
 * the dialect says so) and placeholders (?, :name, $1) are kept. Comments are dropped because they
 * can hold anything, data included.
 * dialect (perf_db_sql_dialect()) says how literals end and which comments exist; where it leaves
 * a doubt, more is hidden, never less. The output is never longer than the input.
 */
size_t perf_db_normalize(const char *s, size_t len, char *out, uint32_t dialect)
{
	enum { LIST_NONE, LIST_OPEN, LIST_ITEM, LIST_COMMA } list = LIST_NONE;
	size_t i = 0, o = 0, item_end = 0;
	bool after_in = false, space = false;

	while (i < len) {
		unsigned char c = (unsigned char) s[i];
		size_t start, tag_len = 0;

		if (is_space(c)) {
			space = true;
			i++;
			continue;
		}
		start = skip_comment(s, len, i, dialect);
		if (start != i) {
			space = true;
			i = start;
			continue;
		}
		/* No space inside the parentheses or before a comma: IN ( 1 ,2 ) and IN (1, 2) group together. */
		if (space && o > 0 && out[o - 1] != '(' && c != ')' && c != ',') {
			out[o++] = ' ';
		}
		space = false;

		bool word_before = i > 0 && is_word((unsigned char) s[i - 1]);
		bool string_quote = c == '\'' || (c == '"' && !(dialect & PERF_DB_SQL_QUOTED_IDENTIFIERS));
		if (c == '$' && !word_before && (dialect & PERF_DB_SQL_DOLLAR_QUOTES)) {
			tag_len = dollar_tag_length(s, len, i);
		}
		if (string_quote || c == '?' || tag_len
			|| ((is_digit(c) || (c == '.' && i + 1 < len && is_digit((unsigned char) s[i + 1]))) && !word_before)) {
			if (string_quote) {
				i = skip_quoted(s, len, i, dialect);
			} else if (tag_len) {
				i = skip_dollar_quoted(s, len, i, tag_len);
			} else if (c == '?') {
				i++;
			} else {
				size_t end = skip_number(s, len, i);
				/* MySQL allows names that start with digits (1st_table): a word, not a number (.5a stays a number). */
				if (end < len && is_word((unsigned char) s[end]) && is_digit(c)) {
					for (start = i; i < len && is_word((unsigned char) s[i]); i++);
					memcpy(out + o, s + start, i - start);
					o += i - start;
					list = LIST_NONE;
					after_in = false;
					continue;
				}
				i = end;
			}
			if (list == LIST_COMMA) {
				/* Another item of IN (?, ...): drop the ", " written since the first one. */
				o = item_end;
				list = LIST_ITEM;
			} else {
				out[o++] = '?';
				if (list == LIST_OPEN) {
					list = LIST_ITEM;
					item_end = o;
				} else {
					list = LIST_NONE;
				}
			}
			after_in = false;
			continue;
		}

		start = i;
		if (c == '`' || c == '"') {
			/* A quoted identifier: kept, so records name their tables and columns ("users"."id"). */
			for (i++; i < len; i++) {
				if (s[i] == (char) c) {
					if (i + 1 < len && s[i + 1] == (char) c) {
						i++;
					} else {
						i++;
						break;
					}
				}
			}
		} else if (is_word(c)) {
			for (; i < len && is_word((unsigned char) s[i]); i++);
			memcpy(out + o, s + start, i - start);
			o += i - start;
			after_in = i - start == 2 && (s[start] == 'i' || s[start] == 'I') && (s[start + 1] == 'n' || s[start + 1] == 'N');
			list = LIST_NONE;
			continue;
		} else {
			i++;
			out[o++] = (char) c;
			if (c == '(') {
				list = after_in ? LIST_OPEN : LIST_NONE;
			} else if (c == ',' && list == LIST_ITEM) {
				list = LIST_COMMA;
			} else {
				list = LIST_NONE;
			}
			after_in = false;
			continue;
		}
		memcpy(out + o, s + start, i - start);
		o += i - start;
		list = LIST_NONE;
		after_in = false;
	}
	return o;
}
