/*
 * Drives ext/db/normalize.c alone for tests/db/normalize_dialects.phpt: reads SQL statements
 * separated by NUL bytes on stdin and writes each normalized, also NUL-separated, for the dialect
 * of the driver named in argv[1] ("mysql", "pgsql", "sqlite", anything else) with MySQL's
 * backslash rule in argv[2] ("unknown", "escape" or "plain").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/normalize.h"

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s DRIVER unknown|escape|plain < statements\n", argv[0]);
		return 2;
	}
	perf_db_backslashes backslashes = strcmp(argv[2], "escape") == 0 ? PERF_DB_BACKSLASHES_ESCAPE
		: strcmp(argv[2], "plain") == 0 ? PERF_DB_BACKSLASHES_PLAIN : PERF_DB_BACKSLASHES_UNKNOWN;
	uint32_t dialect = perf_db_sql_dialect(argv[1], strlen(argv[1]), backslashes);

	size_t size = 0, capacity = 1 << 16;
	char *input = malloc(capacity);
	size_t n;
	while (input && (n = fread(input + size, 1, capacity - size, stdin)) > 0) {
		size += n;
		if (size == capacity) {
			capacity *= 2;
			input = realloc(input, capacity);
		}
	}
	if (!input) {
		return 1;
	}
	char *out = malloc(size + 1);
	for (size_t start = 0; start < size;) {
		char *end = memchr(input + start, '\0', size - start);
		size_t len = end ? (size_t) (end - (input + start)) : size - start;
		/* The normalizer writes at most len bytes: the guard byte past them must survive. */
		out[len] = 'G';
		size_t written = perf_db_normalize(input + start, len, out, dialect);
		if (written > len || out[len] != 'G') {
			fprintf(stderr, "output overran the input length\n");
			return 1;
		}
		fwrite(out, 1, written, stdout);
		fputc('\0', stdout);
		start += len + 1;
	}
	free(out);
	free(input);
	return 0;
}
