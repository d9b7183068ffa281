#ifndef PERF_DB_NORMALIZE_H
#define PERF_DB_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How string literals end and which comments and quotes exist, for perf_db_normalize(). */
/* Backslash escapes the next byte inside '...' and "..." (MySQL's default sql_mode). */
#define PERF_DB_SQL_BACKSLASH_ESCAPES (1u << 0)
/* Backslash is an ordinary byte (SQLite, PostgreSQL, MySQL with NO_BACKSLASH_ESCAPES). */
#define PERF_DB_SQL_STANDARD_STRINGS (1u << 1)
/* # starts a comment (MySQL). */
#define PERF_DB_SQL_HASH_COMMENTS (1u << 2)
/* $$...$$ and $tag$...$tag$ strings (PostgreSQL). */
#define PERF_DB_SQL_DOLLAR_QUOTES (1u << 3)
/* Block comments nest (PostgreSQL). */
#define PERF_DB_SQL_NESTED_COMMENTS (1u << 4)
/* "..." quotes an identifier, not a string (SQLite, PostgreSQL: the SQL standard). */
#define PERF_DB_SQL_QUOTED_IDENTIFIERS (1u << 5)

/* Whether a MySQL connection treats backslash as an escape, when the caller knows its sql_mode. */
typedef enum {
	PERF_DB_BACKSLASHES_UNKNOWN,
	PERF_DB_BACKSLASHES_ESCAPE,
	/* sql_mode has NO_BACKSLASH_ESCAPES (mysqlnd: SERVER_STATUS_NO_BACKSLASH_ESCAPES in the server status). */
	PERF_DB_BACKSLASHES_PLAIN,
} perf_db_backslashes;

/*
 * The dialect flags of a driver named as PDO names it ("mysql" for mysqli too). Where a rule is
 * not known (MySQL's mode, PostgreSQL's E'' strings, other drivers), both readings are set and
 * the normalizer hides whatever either would call a literal or a comment.
 */
uint32_t perf_db_sql_dialect(const char *driver, size_t driver_len, perf_db_backslashes backslashes);

/*
 * Normalizes len bytes of SQL into out (at least len bytes); returns the length written. Literals
 * become ?, comments are dropped: no literal or comment text of the input reaches the output.
 */
size_t perf_db_normalize(const char *sql, size_t len, char *out, uint32_t dialect);

#endif
