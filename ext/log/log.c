#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "php.h"
#include "ext/standard/info.h"
#include "ext/json/php_json.h"
#include "ext/date/php_date.h"
#include "zend_smart_str.h"

#include "php_perf.h"
#include "log/log.h"

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif

/* Invalid UTF-8 becomes U+FFFD and unencodable values (NAN, INF) become 0, so every record is one valid JSON line. */
#define PERF_LOG_JSON_OPTIONS (PHP_JSON_UNESCAPED_SLASHES | PHP_JSON_UNESCAPED_UNICODE \
	| PHP_JSON_INVALID_UTF8_SUBSTITUTE | PHP_JSON_PARTIAL_OUTPUT_ON_ERROR | PHP_JSON_PRESERVE_ZERO_FRACTION)
#define PERF_LOG_JSON_DEPTH 64

typedef struct {
	const char *name;
	perf_log_level level;
} perf_log_level_name;

static const perf_log_level_name level_names[] = {
	{"DEBUG", PERF_LOG_DEBUG},
	{"INFO", PERF_LOG_INFO},
	{"NOTICE", PERF_LOG_NOTICE},
	{"WARNING", PERF_LOG_WARNING},
	{"ERROR", PERF_LOG_ERROR},
	{"CRITICAL", PERF_LOG_CRITICAL},
	{"ALERT", PERF_LOG_ALERT},
	{"EMERGENCY", PERF_LOG_EMERGENCY},
};

ZEND_INI_MH(perf_log_ini_update_format)
{
	zend_long *format = (zend_long *) ZEND_INI_GET_ADDR();

	if (zend_string_equals_literal_ci(new_value, "json")) {
		*format = PERF_LOG_FORMAT_JSON;
	} else if (zend_string_equals_literal_ci(new_value, "line")) {
		*format = PERF_LOG_FORMAT_LINE;
	} else {
		zend_error(E_WARNING, "Invalid value \"%s\" for perf.log_format: must be \"json\" or \"line\"",
			ZSTR_VAL(new_value));
		return FAILURE;
	}
	return SUCCESS;
}

bool perf_log_level_from_name(const zend_string *name, perf_log_level *level)
{
	for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
		if (zend_binary_strcasecmp(ZSTR_VAL(name), ZSTR_LEN(name), level_names[i].name, strlen(level_names[i].name)) == 0) {
			*level = level_names[i].level;
			return true;
		}
	}
	return false;
}

static const char *level_name(perf_log_level level)
{
	for (size_t i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++) {
		if (level_names[i].level == level) {
			return level_names[i].name;
		}
	}
	return "WARNING";
}

void perf_log_ginit(perf_log_worker *worker)
{
	memset(worker, 0, sizeof(*worker));
	worker->fd = -1;
}

static void close_log(perf_log_worker *worker)
{
	if (worker->fd >= 0 && !worker->standard_stream) {
		close(worker->fd);
	}
	worker->fd = -1;
	worker->standard_stream = false;
	if (worker->path) {
		free(worker->path);
		worker->path = NULL;
	}
}

void perf_log_gshutdown(perf_log_worker *worker)
{
	close_log(worker);
}

static void warn_once(perf_log_worker *worker, const char *path, const char *what, int err)
{
	worker->errors++;
	if (worker->warned) {
		return;
	}
	worker->warned = true;
	php_error_docref(NULL, E_WARNING,
		"perf.log_file \"%s\": %s: %s (further failures in this process are only counted)",
		path, what, strerror(err));
}

/*
 * The descriptor is reused while the path still names the same file. Once logrotate renames
 * the file away, the path names another file (or none) and the next record opens it anew.
 * O_NOFOLLOW: a symlink planted at the log path is refused, not written through.
 */
static bool ensure_open(perf_log_worker *worker, const char *path)
{
	struct stat st;

	/* Containers log to the process's own streams; they are symlinks under /proc, so they are named, not opened. */
	if (strcmp(path, "/dev/stdout") == 0 || strcmp(path, "/dev/stderr") == 0) {
		if (!worker->standard_stream || strcmp(worker->path, path) != 0) {
			close_log(worker);
			worker->fd = strcmp(path, "/dev/stdout") == 0 ? STDOUT_FILENO : STDERR_FILENO;
			worker->standard_stream = true;
			worker->path = strdup(path);
		}
		return true;
	}
	if (worker->fd >= 0 && !worker->standard_stream && worker->path && strcmp(worker->path, path) == 0) {
		if (lstat(path, &st) == 0 && st.st_ino == worker->ino && st.st_dev == worker->dev) {
			return true;
		}
	}
	close_log(worker);

	/* O_NONBLOCK: a FIFO planted at the path without a reader fails here instead of hanging the worker. */
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0640);
	if (fd < 0) {
		warn_once(worker, path, "cannot open", errno);
		return false;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		warn_once(worker, path, "not a regular file", EINVAL);
		return false;
	}
	worker->fd = fd;
	worker->dev = st.st_dev;
	worker->ino = st.st_ino;
	worker->path = strdup(path);
	return true;
}

/* Monolog's default date format, Y-m-d\TH:i:s.uP, in the configured date.timezone. */
static void append_datetime(smart_str *buf)
{
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);

	zend_string *date = php_format_date("Y-m-d\\TH:i:s", sizeof("Y-m-d\\TH:i:s") - 1, now.tv_sec, true);
	zend_string *offset = php_format_date("P", 1, now.tv_sec, true);
	smart_str_append(buf, date);
	smart_str_append_printf(buf, ".%06ld", (long) (now.tv_nsec / 1000));
	smart_str_append(buf, offset);
	zend_string_release(date);
	zend_string_release(offset);
}

/* json_last_error() belongs to the application: encoding a log record must not change it. */
static void append_json(smart_str *buf, zval *value)
{
	php_json_error_code saved = JSON_G(error_code);
	php_json_encode_ex(buf, value, PERF_LOG_JSON_OPTIONS, PERF_LOG_JSON_DEPTH);
	JSON_G(error_code) = saved;
}

static void append_json_string(smart_str *buf, const char *str, size_t len)
{
	zval tmp;
	ZVAL_STRINGL(&tmp, str, len);
	append_json(buf, &tmp);
	zval_ptr_dtor(&tmp);
}

/* Monolog's LineFormatter puts each record on one line: each line break ("\r\n", "\r" or "\n") becomes a space. */
static void append_single_line(smart_str *buf, const char *str, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (str[i] == '\r' && i + 1 < len && str[i + 1] == '\n') {
			i++;
		}
		smart_str_appendc(buf, (str[i] == '\n' || str[i] == '\r') ? ' ' : str[i]);
	}
}

static void format_json(smart_str *buf, perf_log_level level, const char *channel, size_t channel_len,
	const char *message, size_t message_len, zval *context)
{
	smart_str_appends(buf, "{\"message\":");
	append_json_string(buf, message, message_len);
	smart_str_appends(buf, ",\"context\":");
	if (zend_hash_num_elements(Z_ARRVAL_P(context)) == 0) {
		smart_str_appends(buf, "{}");
	} else {
		append_json(buf, context);
	}
	smart_str_append_printf(buf, ",\"level\":%d,\"level_name\":\"%s\",\"channel\":", (int) level, level_name(level));
	append_json_string(buf, channel, channel_len);
	smart_str_appends(buf, ",\"datetime\":\"");
	append_datetime(buf);
	smart_str_appends(buf, "\",\"extra\":{}}\n");
}

static void format_line(smart_str *buf, perf_log_level level, const char *channel, size_t channel_len,
	const char *message, size_t message_len, zval *context)
{
	smart_str_appendc(buf, '[');
	append_datetime(buf);
	smart_str_appends(buf, "] ");
	append_single_line(buf, channel, channel_len);
	smart_str_appendc(buf, '.');
	smart_str_appends(buf, level_name(level));
	smart_str_appends(buf, ": ");
	append_single_line(buf, message, message_len);
	smart_str_appendc(buf, ' ');
	if (zend_hash_num_elements(Z_ARRVAL_P(context)) == 0) {
		smart_str_appends(buf, "[]");
	} else {
		append_json(buf, context);
	}
	smart_str_appends(buf, " []\n");
}

zend_result perf_log_write(perf_log_level level, const char *channel, size_t channel_len,
	const char *message, size_t message_len, zval *context)
{
	perf_log_worker *worker = &PERF_G(worker.log);
	const char *path = PERF_G(settings.log.file);
	smart_str buf = {0};
	zend_result result = FAILURE;

	if (!path || !*path) {
		return FAILURE;
	}
	if (PERF_G(settings.log.format) == PERF_LOG_FORMAT_LINE) {
		format_line(&buf, level, channel, channel_len, message, message_len, context);
	} else {
		format_json(&buf, level, channel, channel_len, message, message_len, context);
	}
	smart_str_0(&buf);

	if (ensure_open(worker, path)) {
		/* One write() on an O_APPEND descriptor: records from concurrent workers never interleave. */
		ssize_t written = write(worker->fd, ZSTR_VAL(buf.s), ZSTR_LEN(buf.s));
		if (written == (ssize_t) ZSTR_LEN(buf.s)) {
			worker->records++;
			result = SUCCESS;
		} else {
			warn_once(worker, path, "write failed", written < 0 ? errno : ENOSPC);
		}
	}
	smart_str_free(&buf);
	return result;
}

void perf_log_minfo(void)
{
	perf_log_worker *worker = &PERF_G(worker.log);
	char buf[32];

	snprintf(buf, sizeof(buf), ZEND_ULONG_FMT, worker->records);
	php_info_print_table_row(2, "Log records written by this process", buf);
	snprintf(buf, sizeof(buf), ZEND_ULONG_FMT, worker->errors);
	php_info_print_table_row(2, "Log write failures in this process", buf);
}

ZEND_FUNCTION(perf_log)
{
	zend_string *message, *level_name = NULL, *channel = NULL;
	zval *context = NULL, empty_context;
	perf_log_level level = PERF_LOG_INFO;

	ZEND_PARSE_PARAMETERS_START(1, 4)
		Z_PARAM_STR(message)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY(context)
		Z_PARAM_STR(level_name)
		Z_PARAM_STR(channel)
	ZEND_PARSE_PARAMETERS_END();

	if (level_name && !perf_log_level_from_name(level_name, &level)) {
		zend_argument_value_error(3, "must be one of \"debug\", \"info\", \"notice\", \"warning\", \"error\", "
			"\"critical\", \"alert\" or \"emergency\"");
		RETURN_THROWS();
	}
	if (channel && ZSTR_LEN(channel) == 0) {
		zend_argument_value_error(4, "must not be empty");
		RETURN_THROWS();
	}
	if (!context) {
		ZVAL_EMPTY_ARRAY(&empty_context);
		context = &empty_context;
	}
	RETURN_BOOL(perf_log_write(level,
		channel ? ZSTR_VAL(channel) : "performance", channel ? ZSTR_LEN(channel) : sizeof("performance") - 1,
		ZSTR_VAL(message), ZSTR_LEN(message), context) == SUCCESS);
}
