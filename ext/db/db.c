/*
 * Slow queries: PDO and mysqli calls timed by wrapping their handlers (db/wrap.c), slow ones
 * logged on the `database` channel, per-request figures, and statements repeated within one
 * request (N+1).
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <time.h>

#include "php.h"
#include "zend_exceptions.h"
#include "ext/standard/info.h"
#include "ext/standard/php_math.h"
#include "ext/pdo/php_pdo_driver.h"

#include "php_perf.h"
#include "db/db.h"
#include "db/normalize.h"
#include "db/wrap.h"
#include "log/log.h"
#include "request/request.h"
#include "lib/ini.h"

/* Distinct statements tracked per request for N+1 detection; later ones are timed and logged but not grouped. */
#define PERF_DB_MAX_STATEMENTS 1000

typedef enum {
	PERF_DB_OP_QUERY,
	PERF_DB_OP_EXECUTE,
	PERF_DB_OP_PREPARE,
} perf_db_operation;

static const char *const operation_names[] = {"query", "execute", "prepare"};

/* The connection a query went to: its driver is named only when a record or a new statement needs it. */
typedef struct {
	bool pdo;
	/* PDO's handle, connected; NULL for mysqli. */
	const pdo_dbh_t *dbh;
} perf_db_target;

#define MYSQLI_TARGET ((perf_db_target) {false, NULL})

/* The driver, as PDO::getAttribute(PDO::ATTR_DRIVER_NAME) gives it (read straight from PDO's handle), "mysql" for mysqli. */
static void driver_name(perf_db_target target, const char **name, size_t *len)
{
	if (target.pdo) {
		*name = target.dbh->driver->driver_name;
		*len = target.dbh->driver->driver_name_len;
	} else {
		*name = "mysql";
		*len = sizeof("mysql") - 1;
	}
}

/*
 * How the normalizer reads this connection's SQL. MySQL's NO_BACKSLASH_ESCAPES is not looked up:
 * both readings are assumed, which hides more where they disagree.
 */
static uint32_t sql_dialect(perf_db_target target)
{
	const char *name;
	size_t len;

	driver_name(target, &name, &len);
	return perf_db_sql_dialect(name, len, PERF_DB_BACKSLASHES_UNKNOWN);
}

/* A record's caller (the application's line) and innermost_caller (see callers_of()). */
typedef struct {
	zend_string *app;
	zend_string *innermost;
} perf_db_callers;

struct _perf_db_statement {
	zend_long count;
	double total_ms;
	/* Its key in the statements table, owned by the table. */
	zend_string *normalized;
	/* The first text seen, for perf.log_query_text=full. */
	zend_string *full;
	/* Where the call that reached the threshold came from. */
	perf_db_callers callers;
	const char *driver;
	size_t driver_len;
};

/* Whether some database function is wrapped (perf.db_hooks=1 and PDO or mysqli loaded). */
static bool wrapping;

ZEND_INI_MH(perf_db_ini_update_slow_ms)
{
	return perf_ini_update_whole_number(entry, new_value, (zend_long *) ZEND_INI_GET_ADDR(), 0, ZEND_LONG_MAX,
		"a whole number of milliseconds, 0 or more (0 turns the slow-query log off)");
}

ZEND_INI_MH(perf_db_ini_update_n_plus_one)
{
	zend_long value;

	if (!perf_ini_parse_whole_number(new_value, 0, ZEND_LONG_MAX, &value) || value == 1) {
		perf_ini_warn_invalid(entry, new_value, "2 or more (runs of the same statement in one request), "
			"or 0 to turn N+1 detection off");
		return FAILURE;
	}
	*(zend_long *) ZEND_INI_GET_ADDR() = value;
	return SUCCESS;
}

ZEND_INI_MH(perf_db_ini_update_text)
{
	zend_long *mode = (zend_long *) ZEND_INI_GET_ADDR();

	if (zend_string_equals_literal_ci(new_value, "normalized")) {
		*mode = PERF_DB_TEXT_NORMALIZED;
	} else if (zend_string_equals_literal_ci(new_value, "full")) {
		*mode = PERF_DB_TEXT_FULL;
	} else if (zend_string_equals_literal_ci(new_value, "none") || ZSTR_LEN(new_value) == 0) {
		/* php.ini reads an unquoted none as the empty string. */
		*mode = PERF_DB_TEXT_NONE;
	} else {
		zend_error(E_WARNING, "Invalid value \"%s\" for perf.log_query_text: must be \"normalized\", \"full\" "
			"or \"none\"", ZSTR_VAL(new_value));
		return FAILURE;
	}
	return SUCCESS;
}

/* ---- Per-request state --------------------------------------------------------------------- */

static void callers_release(perf_db_callers *callers)
{
	if (callers->app) {
		zend_string_release(callers->app);
	}
	if (callers->innermost) {
		zend_string_release(callers->innermost);
	}
	callers->app = callers->innermost = NULL;
}

static void statement_free(zval *zv)
{
	perf_db_statement *statement = Z_PTR_P(zv);

	zend_string_release(statement->full);
	callers_release(&statement->callers);
	efree(statement);
}

static void known_sql_free(zval *zv)
{
	perf_db_known_sql *known = Z_PTR_P(zv);

	zend_string_release(known->sql);
	efree(known);
}

/* Forgets the figures of the request (or logical request) that ended. */
static void clear_state(perf_db_state *state)
{
	state->touched = false;
	state->queries = 0;
	state->slow = 0;
	state->time_ms = 0.0;
	/* recent and known_sql point into statements: they go first. */
	if (state->known_sql) {
		memset(state->recent, 0, sizeof(state->recent));
		zend_hash_destroy(state->known_sql);
		FREE_HASHTABLE(state->known_sql);
		state->known_sql = NULL;
	}
	if (state->statements) {
		zend_hash_destroy(state->statements);
		FREE_HASHTABLE(state->statements);
		state->statements = NULL;
	}
	if (state->buffer) {
		efree(state->buffer);
		state->buffer = NULL;
		state->buffer_size = 0;
	}
}

/* mysqli statements outlive perf_request_end(): what they were prepared with is dropped only at request end. */
static void forget_prepared(perf_db_state *state)
{
	if (state->prepared) {
		zend_hash_destroy(state->prepared);
		FREE_HASHTABLE(state->prepared);
		state->prepared = NULL;
	}
}

static HashTable *new_table(dtor_func_t dtor)
{
	HashTable *table;

	ALLOC_HASHTABLE(table);
	zend_hash_init(table, 16, NULL, dtor, 0);
	return table;
}

/* ---- Records ------------------------------------------------------------------------------- */

/* "file:line" of the line user frame ex is at. */
static zend_string *frame_location(zend_execute_data *ex)
{
	const zend_op *opline = ex->opline;

	if (EG(exception) && opline && opline->opcode == ZEND_HANDLE_EXCEPTION && opline->lineno == 0
		&& EG(opline_before_exception)) {
		opline = EG(opline_before_exception);
	}
	return zend_strpprintf(0, "%s:%" PRIu32, ZSTR_VAL(ex->func->op_array.filename),
		opline ? opline->lineno : ex->func->op_array.line_start);
}

/* Whether file is library code by perf.db_caller_skip: a comma-separated list of path parts. */
static bool is_library_file(const zend_string *file)
{
	const char *list = PERF_G(settings.db.caller_skip);
	const char *file_end = ZSTR_VAL(file) + ZSTR_LEN(file);

	while (list && *list) {
		const char *comma = strchr(list, ',');
		size_t len = comma ? (size_t) (comma - list) : strlen(list);
		if (len && zend_memnstr(ZSTR_VAL(file), list, len, file_end)) {
			return true;
		}
		list = comma ? comma + 1 : NULL;
	}
	return false;
}

/*
 * Where a query came from: the innermost user frame that led to the call (often the framework's
 * database layer) and the innermost one outside library code (the application's line; the
 * innermost frame again when only library code ran it). NULL when no user code ran it. Only
 * called for records, so no query pays for the walk.
 */
static perf_db_callers callers_of(zend_execute_data *call)
{
	perf_db_callers callers = {NULL, NULL};
	zend_execute_data *innermost = NULL;

	for (zend_execute_data *ex = call->prev_execute_data; ex; ex = ex->prev_execute_data) {
		if (!ex->func || !ZEND_USER_CODE(ex->func->type)) {
			continue;
		}
		if (!innermost) {
			innermost = ex;
		}
		if (!is_library_file(ex->func->op_array.filename)) {
			callers.app = frame_location(ex);
			break;
		}
	}
	if (innermost) {
		callers.innermost = frame_location(innermost);
		if (!callers.app) {
			callers.app = zend_string_copy(callers.innermost);
		}
	}
	return callers;
}

/* Adds caller and innermost_caller, taking over the strings. */
static void add_callers(zval *context, perf_db_callers callers)
{
	if (callers.app) {
		add_assoc_str(context, "caller", callers.app);
	} else {
		add_assoc_null(context, "caller");
	}
	if (callers.innermost) {
		add_assoc_str(context, "innermost_caller", callers.innermost);
	} else {
		add_assoc_null(context, "innermost_caller");
	}
}

static perf_db_callers callers_copy(perf_db_callers callers)
{
	return (perf_db_callers) {
		callers.app ? zend_string_copy(callers.app) : NULL,
		callers.innermost ? zend_string_copy(callers.innermost) : NULL,
	};
}

/*
 * The record is written while the application runs, maybe with its exception in flight: that
 * exception is set aside (so building the record sees a clean engine) and the application's
 * error handler too (a handler that turns warnings into exceptions would make a log failure
 * fail the query).
 */
static void write_record(perf_log_level level, const char *message, size_t message_len, zval *context)
{
	zend_object *exception = EG(exception);
	zval error_handler;

	EG(exception) = NULL;
	ZVAL_COPY_VALUE(&error_handler, &EG(user_error_handler));
	ZVAL_UNDEF(&EG(user_error_handler));
	perf_request_add_url(context);
	perf_request_add_annotations(context);
	perf_log_write(level, ZEND_STRL("database"), message, message_len, context);
	ZVAL_COPY_VALUE(&EG(user_error_handler), &error_handler);
	if (EG(exception)) {
		zend_clear_exception();
	}
	EG(exception) = exception;
}

static void add_rounded(zval *context, const char *key, double value)
{
	add_assoc_double(context, key, _php_math_round(value, 2, PHP_ROUND_HALF_UP));
}

/* The text as perf.log_query_text wants it: normalized (from the statement or normalized now), verbatim, or not at all. */
static void add_sql(zval *context, zend_string *sql, const char *normalized, size_t normalized_len, uint32_t dialect)
{
	switch (PERF_G(settings.db.log_query_text)) {
		case PERF_DB_TEXT_NONE:
			return;
		case PERF_DB_TEXT_FULL:
			if (sql) {
				add_assoc_str(context, "sql", zend_string_copy(sql));
				return;
			}
			break;
		default:
			if (normalized) {
				add_assoc_stringl(context, "sql", normalized, normalized_len);
				return;
			}
			if (sql) {
				zend_string *out = zend_string_alloc(ZSTR_LEN(sql), 0);
				ZSTR_LEN(out) = perf_db_normalize(ZSTR_VAL(sql), ZSTR_LEN(sql), ZSTR_VAL(out), dialect);
				ZSTR_VAL(out)[ZSTR_LEN(out)] = '\0';
				add_assoc_str(context, "sql", out);
				return;
			}
			break;
	}
	add_assoc_null(context, "sql");
}

static void log_slow_query(zend_execute_data *call, perf_db_operation op, zend_string *sql,
	const char *normalized, size_t normalized_len, perf_db_target target, double ms)
{
	zval context;
	const char *driver;
	size_t driver_len;

	driver_name(target, &driver, &driver_len);
	array_init(&context);
	add_sql(&context, sql, normalized, normalized_len, sql_dialect(target));
	add_rounded(&context, "time_ms", ms);
	add_assoc_stringl(&context, "driver", driver, driver_len);
	add_assoc_string(&context, "operation", operation_names[op]);
	add_callers(&context, callers_of(call));
	write_record(PERF_LOG_WARNING, ZEND_STRL("Slow query detected"), &context);
	zval_ptr_dtor(&context);
}

static void log_repeated_statements(perf_db_state *state)
{
	zend_long threshold = PERF_G(settings.db.n_plus_one_threshold);
	zend_string *normalized;
	perf_db_statement *statement;

	if (!state->statements || threshold == 0) {
		return;
	}
	ZEND_HASH_FOREACH_STR_KEY_PTR(state->statements, normalized, statement) {
		zval context;

		if (statement->count < threshold) {
			continue;
		}
		array_init(&context);
		add_sql(&context, statement->full, ZSTR_VAL(normalized), ZSTR_LEN(normalized),
			perf_db_sql_dialect(statement->driver, statement->driver_len, PERF_DB_BACKSLASHES_UNKNOWN));
		add_assoc_long(&context, "count", statement->count);
		add_rounded(&context, "total_time_ms", statement->total_ms);
		add_assoc_stringl(&context, "driver", statement->driver, statement->driver_len);
		add_callers(&context, callers_copy(statement->callers));
		write_record(PERF_LOG_WARNING, ZEND_STRL("Repeated query detected"), &context);
		zval_ptr_dtor(&context);
	} ZEND_HASH_FOREACH_END();
}

/* ---- Accounting ---------------------------------------------------------------------------- */

/*
 * Every finished query passes here, once: the per-request figures (perf_stats(), Server-Timing,
 * the slow-request record). A prepare is time spent on the database but not a query run.
 */
static zend_always_inline void account_query(double ms, bool slow, perf_db_operation op, perf_db_target target)
{
	perf_db_state *state = &PERF_G(state.db);

	state->touched = true;
	state->time_ms += ms;
	if (op != PERF_DB_OP_PREPARE) {
		state->queries++;
		perf_request_query(ms / 1000.0, slow);
	}
	if (slow) {
		state->slow++;
	}
}

/* Normalizes sql into the request's buffer; returns its length. */
static size_t normalize_into_buffer(perf_db_state *state, const zend_string *sql, perf_db_target target)
{
	if (state->buffer_size < ZSTR_LEN(sql)) {
		size_t size = MAX(ZSTR_LEN(sql), 256);
		state->buffer = state->buffer ? erealloc(state->buffer, size) : emalloc(size);
		state->buffer_size = size;
	}
	return perf_db_normalize(ZSTR_VAL(sql), ZSTR_LEN(sql), state->buffer, sql_dialect(target));
}

/*
 * The statement of sql, created on first sight (NULL once the request tracks PERF_DB_MAX_STATEMENTS).
 * A string the request keeps at a stable address (interned, or held by a prepared statement) is
 * remembered by address, so executing the same statement again costs one lookup, not a normalization.
 */
static perf_db_statement *find_statement(perf_db_state *state, zend_string *sql, bool stable, perf_db_target target)
{
	perf_db_known_sql *known;
	perf_db_statement *statement;
	zend_ulong address = (zend_ulong) (uintptr_t) sql;
	perf_db_known_sql **slot = &state->recent[(address >> 5) % PERF_DB_RECENT];

	stable = stable || ZSTR_IS_INTERNED(sql);
	if (stable && state->known_sql && (known = zend_hash_index_find_ptr(state->known_sql, address))) {
		*slot = known;
		return known->statement;
	}
	size_t len = normalize_into_buffer(state, sql, target);
	if (!state->statements) {
		state->statements = new_table(statement_free);
	}
	statement = zend_hash_str_find_ptr(state->statements, state->buffer, len);
	if (!statement) {
		if (zend_hash_num_elements(state->statements) >= PERF_DB_MAX_STATEMENTS) {
			return NULL;
		}
		statement = ecalloc(1, sizeof(*statement));
		statement->normalized = zend_string_init(state->buffer, len, 0);
		statement->full = zend_string_copy(sql);
		driver_name(target, &statement->driver, &statement->driver_len);
		zend_hash_add_new_ptr(state->statements, statement->normalized, statement);
		zend_string_release(statement->normalized);
	}
	if (stable) {
		if (!state->known_sql) {
			state->known_sql = new_table(known_sql_free);
		}
		if (zend_hash_num_elements(state->known_sql) < PERF_DB_MAX_STATEMENTS) {
			known = emalloc(sizeof(*known));
			known->sql = zend_string_copy(sql);
			known->statement = statement;
			zend_hash_index_add_new_ptr(state->known_sql, address, known);
			*slot = known;
		}
	}
	return statement;
}

static zend_always_inline void finish_query(zend_execute_data *call, double ms, perf_db_operation op, zend_string *sql, bool stable,
	perf_db_target target)
{
	perf_db_state *state = &PERF_G(state.db);
	zend_long slow_ms = PERF_G(settings.db.slow_query_ms);
	zend_long threshold = PERF_G(settings.db.n_plus_one_threshold);
	bool slow = slow_ms > 0 && ms >= (double) slow_ms;
	perf_db_statement *statement = NULL;

	/* PDO::query() or mysqli_query() without its SQL argument failed before reaching the database. */
	if (!sql && op == PERF_DB_OP_QUERY) {
		return;
	}
	account_query(ms, slow, op, target);

	if (sql && threshold > 0 && op != PERF_DB_OP_PREPARE) {
		perf_db_known_sql *recent = state->recent[((zend_ulong) (uintptr_t) sql >> 5) % PERF_DB_RECENT];

		statement = recent && recent->sql == sql ? recent->statement : find_statement(state, sql, stable, target);
		if (statement) {
			statement->count++;
			statement->total_ms += ms;
			if (statement->count == threshold && !statement->callers.innermost) {
				statement->callers = callers_of(call);
			}
		}
	}
	if (slow) {
		zend_string *normalized = statement ? statement->normalized : NULL;
		log_slow_query(call, op, sql, normalized ? ZSTR_VAL(normalized) : NULL, normalized ? ZSTR_LEN(normalized) : 0,
			target, ms);
	}
}

/* ---- Calls --------------------------------------------------------------------------------- */

/* What runs after a database call returned or threw: call is its frame, arguments still in place; ms < 0 if untimed. */
typedef void (*perf_db_end)(zend_execute_data *call, zval *retval, double ms);

static zval *call_arg(zend_execute_data *call, uint32_t n)
{
	return n <= ZEND_CALL_NUM_ARGS(call) ? ZEND_CALL_ARG(call, n) : NULL;
}

static zend_string *string_arg(zend_execute_data *call, uint32_t n)
{
	zval *arg = call_arg(call, n);

	if (arg) {
		ZVAL_DEREF(arg);
	}
	return arg && Z_TYPE_P(arg) == IS_STRING ? Z_STR_P(arg) : NULL;
}

static zend_object *this_object(zend_execute_data *call)
{
	return Z_TYPE(call->This) == IS_OBJECT ? Z_OBJ(call->This) : NULL;
}

static void pdo_end(zend_execute_data *call, perf_db_operation op, double ms)
{
	zend_object *object = this_object(call);
	pdo_dbh_t *dbh = object ? php_pdo_dbh_fetch_inner(object) : NULL;

	/* A PDO object whose constructor never ran fails before any database. */
	if (!dbh || !dbh->driver) {
		return;
	}
	finish_query(call, ms, op, string_arg(call, 1), false, (perf_db_target) {true, dbh});
}

static void pdo_query_end(zend_execute_data *call, zval *retval, double ms)
{
	pdo_end(call, PERF_DB_OP_QUERY, ms);
}

static void pdo_prepare_end(zend_execute_data *call, zval *retval, double ms)
{
	pdo_end(call, PERF_DB_OP_PREPARE, ms);
}

static void pdo_statement_execute_end(zend_execute_data *call, zval *retval, double ms)
{
	zend_object *object = this_object(call);
	pdo_stmt_t *stmt = object ? php_pdo_stmt_fetch_object(object) : NULL;

	/* A statement PDO did not make (new on a PDOStatement subclass) has no connection. */
	if (!stmt || !stmt->dbh || !stmt->dbh->driver) {
		return;
	}
	finish_query(call, ms, PERF_DB_OP_EXECUTE, stmt->query_string, true, (perf_db_target) {true, stmt->dbh});
}

/* Methods take the SQL first; the procedural functions take the link first. */
static uint32_t mysqli_sql_arg(zend_execute_data *call)
{
	return call->func->common.scope ? 1 : 2;
}

static void mysqli_query_end(zend_execute_data *call, zval *retval, double ms)
{
	finish_query(call, ms, PERF_DB_OP_QUERY, string_arg(call, mysqli_sql_arg(call)), false, MYSQLI_TARGET);
}

static void remember_prepared(zend_object *stmt, zend_string *sql)
{
	perf_db_state *state = &PERF_G(state.db);
	zval value;

	if (!stmt || !sql || !state->active) {
		return;
	}
	if (!state->prepared) {
		state->prepared = new_table(ZVAL_PTR_DTOR);
	}
	ZVAL_STR_COPY(&value, sql);
	zend_hash_index_update(state->prepared, stmt->handle, &value);
}

static zend_string *prepared_sql(zend_object *stmt)
{
	perf_db_state *state = &PERF_G(state.db);
	zval *sql;

	if (!stmt || !state->prepared || !(sql = zend_hash_index_find(state->prepared, stmt->handle))) {
		return NULL;
	}
	return Z_STR_P(sql);
}

/* The statement object of a mysqli_stmt method or function: $this, or the first argument. */
static zend_object *mysqli_stmt_object(zend_execute_data *call)
{
	zval *arg;

	if (call->func->common.scope) {
		return this_object(call);
	}
	arg = call_arg(call, 1);
	return arg && Z_TYPE_P(arg) == IS_OBJECT ? Z_OBJ_P(arg) : NULL;
}

/* mysqli::prepare() and mysqli_prepare(): the new statement is the return value. */
static void mysqli_prepare_end(zend_execute_data *call, zval *retval, double ms)
{
	zend_string *sql = string_arg(call, mysqli_sql_arg(call));

	if (retval && Z_TYPE_P(retval) == IS_OBJECT) {
		remember_prepared(Z_OBJ_P(retval), sql);
	}
	if (ms >= 0) {
		finish_query(call, ms, PERF_DB_OP_PREPARE, sql, false, MYSQLI_TARGET);
	}
}

/* mysqli_stmt::prepare() and mysqli_stmt_prepare(): the statement is $this or the first argument. */
static void mysqli_stmt_prepare_end(zend_execute_data *call, zval *retval, double ms)
{
	zend_string *sql = string_arg(call, mysqli_sql_arg(call));

	remember_prepared(mysqli_stmt_object(call), sql);
	if (ms >= 0) {
		finish_query(call, ms, PERF_DB_OP_PREPARE, sql, false, MYSQLI_TARGET);
	}
}

/* new mysqli_stmt($mysql, $query) prepares $query at once. */
static void mysqli_stmt_construct_end(zend_execute_data *call, zval *retval, double ms)
{
	zend_string *sql = string_arg(call, 2);

	remember_prepared(this_object(call), sql);
	if (ms >= 0 && sql) {
		finish_query(call, ms, PERF_DB_OP_PREPARE, sql, false, MYSQLI_TARGET);
	}
}

static void mysqli_stmt_execute_end(zend_execute_data *call, zval *retval, double ms)
{
	finish_query(call, ms, PERF_DB_OP_EXECUTE, prepared_sql(mysqli_stmt_object(call)), true, MYSQLI_TARGET);
}

/*
 * What a wrapped function does after the call. The mysqli prepares also run untimed (ms < 0):
 * a statement prepared while the request is not timed (a worker before perf_request_begin())
 * is still named when it executes later.
 */
typedef struct {
	perf_db_end end;
	bool untimed_too;
} perf_db_kind;

static const perf_db_kind pdo_query = {pdo_query_end, false};
static const perf_db_kind pdo_prepare = {pdo_prepare_end, false};
static const perf_db_kind pdo_statement_execute = {pdo_statement_execute_end, false};
static const perf_db_kind mysqli_query = {mysqli_query_end, false};
static const perf_db_kind mysqli_prepare = {mysqli_prepare_end, true};
static const perf_db_kind mysqli_stmt_prepare = {mysqli_stmt_prepare_end, true};
static const perf_db_kind mysqli_stmt_construct = {mysqli_stmt_construct_end, true};
static const perf_db_kind mysqli_stmt_execute = {mysqli_stmt_execute_end, false};

/*
 * The wrapper of every database entry point. Its start time lives on the C stack, so a query
 * run from a user function the database calls back (a sqlite function, a fiber suspended in
 * one) nests without bookkeeping. An exception thrown by the call passes through and the call
 * still counts; a bailout (exit, fatal error) skips the record, as the request is over.
 */
static void timed_call(zif_handler original, const void *data, INTERNAL_FUNCTION_PARAMETERS)
{
	const perf_db_kind *kind = data;
	uint64_t start;

	/* perf_request_timed(), read in place: this runs before every query. */
	if (!PERF_G(state.db.active) || !PERF_G(state.request.timed) || !PERF_G(settings.request.enabled)) {
		original(INTERNAL_FUNCTION_PARAM_PASSTHRU);
		if (kind->untimed_too) {
			kind->end(execute_data, return_value, -1.0);
		}
		return;
	}
	start = perf_hrtime_ns();
	original(INTERNAL_FUNCTION_PARAM_PASSTHRU);
	/* A call can outlive perf's request end (a fiber suspended inside it, unwound at executor
	 * shutdown): there is no request left to record it into. */
	if (PERF_G(state.db.active)) {
		kind->end(execute_data, return_value, (double) (perf_hrtime_ns() - start) / 1e6);
	}
}

/* ---- Wrapping ------------------------------------------------------------------------------ */

typedef struct {
	/* Lowercase class name, NULL for a function. */
	const char *class_name;
	const char *name;
	const perf_db_kind *kind;
} perf_db_hook;

/* Methods and functions that share a handler (mysqli::query is mysqli_query) share a kind. */
static const perf_db_hook hooks[] = {
	{"pdo", "exec", &pdo_query},
	{"pdo", "query", &pdo_query},
	{"pdo", "prepare", &pdo_prepare},
	{"pdostatement", "execute", &pdo_statement_execute},
	{"mysqli", "query", &mysqli_query},
	{"mysqli", "real_query", &mysqli_query},
	{"mysqli", "multi_query", &mysqli_query},
	{"mysqli", "execute_query", &mysqli_query},
	{"mysqli", "prepare", &mysqli_prepare},
	{"mysqli_stmt", "execute", &mysqli_stmt_execute},
	{"mysqli_stmt", "prepare", &mysqli_stmt_prepare},
	{"mysqli_stmt", "__construct", &mysqli_stmt_construct},
	{NULL, "mysqli_query", &mysqli_query},
	{NULL, "mysqli_real_query", &mysqli_query},
	{NULL, "mysqli_multi_query", &mysqli_query},
	{NULL, "mysqli_execute_query", &mysqli_query},
	{NULL, "mysqli_prepare", &mysqli_prepare},
	{NULL, "mysqli_stmt_prepare", &mysqli_stmt_prepare},
	{NULL, "mysqli_stmt_execute", &mysqli_stmt_execute},
	{NULL, "mysqli_execute", &mysqli_stmt_execute},
};

static zend_function *find_hooked(const perf_db_hook *hook)
{
	HashTable *functions = CG(function_table);

	if (hook->class_name) {
		zend_class_entry *ce = zend_hash_str_find_ptr(CG(class_table), hook->class_name, strlen(hook->class_name));

		if (!ce) {
			return NULL;
		}
		functions = &ce->function_table;
	}
	return zend_hash_str_find_ptr(functions, hook->name, strlen(hook->name));
}

/* ---- Lifecycle ----------------------------------------------------------------------------- */

/*
 * PDO and mysqli started before perf (optional module dependencies), so their functions exist;
 * a module that is not loaded (or a function this PHP lacks, such as execute_query before 8.2)
 * is skipped. Nothing is wrapped with perf.db_hooks=0.
 */
static const perf_request_hooks db_hooks;

void perf_db_minit(void)
{
	perf_request_register(&db_hooks);
	if (!PERF_G(settings.db.hooks)) {
		return;
	}
	for (size_t i = 0; i < sizeof(hooks) / sizeof(hooks[0]); i++) {
		zend_function *func = find_hooked(&hooks[i]);

		if (func && perf_wrap_function(func, timed_call, hooks[i].kind) == SUCCESS) {
			wrapping = true;
		}
	}
	perf_wrap_install();
}

void perf_db_mshutdown(void)
{
	perf_wrap_uninstall();
	wrapping = false;
}

/* The previous request's end left the figures clear (the globals start zeroed). */
void perf_db_rinit(void)
{
	PERF_G(state.db.active) = wrapping;
}

/* Writes one record per repeated statement, then forgets this request's figures. */
static void db_request_boundary(void)
{
	perf_db_state *state = &PERF_G(state.db);

	if (UNEXPECTED(state->touched)) {
		log_repeated_statements(state);
		clear_state(state);
	}
}

/* After the request's boundary: what is left is a query run after it (a destructor) and prepared statements. */
void perf_db_rshutdown(void)
{
	perf_db_state *state = &PERF_G(state.db);

	if (UNEXPECTED(state->touched)) {
		clear_state(state);
	}
	if (UNEXPECTED(state->prepared)) {
		forget_prepared(state);
	}
	state->active = false;
}

static void db_figures(zval *array, int precision)
{
	perf_db_state *state = &PERF_G(state.db);
	zval db;

	array_init_size(&db, 3);
	add_assoc_long(&db, "queries", state->queries);
	add_assoc_double(&db, "time_ms", _php_math_round(state->time_ms, precision, PHP_ROUND_HALF_UP));
	add_assoc_long(&db, "slow", state->slow);
	add_assoc_zval(array, "db", &db);
}

/* ', db;dur=4.10;desc="3 queries"'. */
static zend_never_inline size_t format_server_timing(const perf_db_state *state, char *out, size_t room)
{
	char entry[96];
	size_t len = sizeof(", db;dur=") - 1;

	memcpy(entry, ", db;dur=", len);
	len += perf_request_format_ms(entry + len, state->time_ms);
	len += (size_t) snprintf(entry + len, sizeof(entry) - len, ";desc=\"" ZEND_LONG_FMT " %s\"", state->queries,
		state->queries == 1 ? "query" : "queries");
	if (len > room) {
		return 0;
	}
	memcpy(out, entry, len);
	return len;
}

/* An entry only for a request that ran queries before its headers went out; most ran none, and pay one test. */
static size_t db_server_timing(char *out, size_t room)
{
	const perf_db_state *state = &PERF_G(state.db);

	return state->queries ? format_server_timing(state, out, room) : 0;
}

static const perf_request_hooks db_hooks = {
	.server_timing = db_server_timing,
	.figures = db_figures,
	.boundary = db_request_boundary,
};

void perf_db_minfo(void)
{
	const char *hooks = "off (perf.db_hooks=0)";

	if (wrapping) {
		hooks = "PDO, mysqli (wrapped handlers)";
	} else if (PERF_G(settings.db.hooks)) {
		hooks = "none (neither PDO nor mysqli is loaded)";
	}
	php_info_print_table_row(2, "Database hooks", hooks);
}
