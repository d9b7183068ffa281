#ifndef PERF_LOG_H
#define PERF_LOG_H

#include "php.h"
#include "php_ini.h"
#include <sys/types.h>

typedef enum {
	PERF_LOG_FORMAT_JSON,
	PERF_LOG_FORMAT_LINE,
} perf_log_format;

/* Monolog's numeric levels, so log shippers that know Monolog read them as-is. */
typedef enum {
	PERF_LOG_DEBUG = 100,
	PERF_LOG_INFO = 200,
	PERF_LOG_NOTICE = 250,
	PERF_LOG_WARNING = 300,
	PERF_LOG_ERROR = 400,
	PERF_LOG_CRITICAL = 500,
	PERF_LOG_ALERT = 550,
	PERF_LOG_EMERGENCY = 600,
} perf_log_level;

typedef struct {
	char *file;
	zend_long format;
} perf_log_settings;

/* The log descriptor stays open for the life of the worker; dev/ino tell a rotation apart. */
typedef struct {
	int fd;
	dev_t dev;
	ino_t ino;
	char *path;
	/* fd is the process's stdout or stderr: never closed, never rotated. */
	bool standard_stream;
	bool warned;
	zend_ulong records;
	zend_ulong errors;
} perf_log_worker;

ZEND_INI_MH(perf_log_ini_update_format);

void perf_log_ginit(perf_log_worker *worker);
void perf_log_gshutdown(perf_log_worker *worker);
void perf_log_minfo(void);

/* Returns false for a name Monolog does not know. */
bool perf_log_level_from_name(const zend_string *name, perf_log_level *level);

/* Writes one record with one write(); context must be an array. */
zend_result perf_log_write(perf_log_level level, const char *channel, size_t channel_len,
	const char *message, size_t message_len, zval *context);

#endif
