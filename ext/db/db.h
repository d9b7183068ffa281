#ifndef PERF_DB_H
#define PERF_DB_H

#include "php.h"
#include "php_ini.h"

typedef enum {
	PERF_DB_TEXT_NORMALIZED,
	PERF_DB_TEXT_FULL,
	PERF_DB_TEXT_NONE,
} perf_db_text_mode;

typedef struct {
	bool hooks;
	zend_long slow_query_ms;
	zend_long log_query_text;
	zend_long n_plus_one_threshold;
	/* Path parts of library code, skipped when naming a record's caller. */
	char *caller_skip;
} perf_db_settings;

typedef struct _perf_db_statement perf_db_statement;

/* An SQL string the request keeps alive (the reference pins its address) and its statement. */
typedef struct {
	zend_string *sql;
	perf_db_statement *statement;
} perf_db_known_sql;

/* Entries of known_sql used last, by address: most requests run a handful of statements in a loop. */
#define PERF_DB_RECENT 8

typedef struct {
	/* Whether database functions are wrapped and the request has not ended. */
	bool active;
	/* Whether a query was counted since the figures were last cleared: most requests run none. */
	bool touched;
	zend_long queries;
	zend_long slow;
	double time_ms;
	/* Normalized statement -> perf_db_statement, for N+1 detection; NULL until the first query. */
	HashTable *statements;
	/* Address of an SQL string the request keeps (interned, or a statement's) -> its statement, so a
	 * prepared statement executed again is not normalized again. */
	HashTable *known_sql;
	perf_db_known_sql *recent[PERF_DB_RECENT];
	/* mysqli_stmt object handle -> the SQL it was prepared with (mysqli keeps no copy of it). */
	HashTable *prepared;
	/* Output of the normalizer, reused by every query of the request. */
	char *buffer;
	size_t buffer_size;
} perf_db_state;

ZEND_INI_MH(perf_db_ini_update_slow_ms);
ZEND_INI_MH(perf_db_ini_update_text);
ZEND_INI_MH(perf_db_ini_update_n_plus_one);

void perf_db_minit(void);
void perf_db_mshutdown(void);
void perf_db_rinit(void);
void perf_db_rshutdown(void);
void perf_db_minfo(void);

#endif
