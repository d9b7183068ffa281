/*
 * libFuzzer target for the SQL normalizer: whatever the bytes and the dialect (chosen by the first
 * byte), it reads and writes inside its buffers (ASan), writes no more than the input's length,
 * and its output, normalized again, stays the same length or shorter.
 */
#include <stdlib.h>
#include <string.h>

#include "../ext/db/normalize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0) {
		return 0;
	}
	uint32_t dialect = data[0] & (PERF_DB_SQL_BACKSLASH_ESCAPES | PERF_DB_SQL_STANDARD_STRINGS
		| PERF_DB_SQL_HASH_COMMENTS | PERF_DB_SQL_DOLLAR_QUOTES | PERF_DB_SQL_NESTED_COMMENTS);
	size_t len = size - 1;
	/* Exactly sized copies, so that ASan sees any read or write past them. */
	char *sql = malloc(len ? len : 1);
	char *out = malloc(len ? len : 1);
	memcpy(sql, data + 1, len);

	size_t written = perf_db_normalize(sql, len, out, dialect);
	if (written > len) {
		abort();
	}
	char *again = malloc(written ? written : 1);
	if (perf_db_normalize(out, written, again, dialect) > written) {
		abort();
	}
	free(again);
	free(out);
	free(sql);
	return 0;
}
