/* Writes a few valid entries as the fuzzer's starting corpus: random bytes would never pass the CRC. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../ext/cache/file_format.h"

static void write_seed(const char *dir, int n, uint8_t encoding, int64_t expires_at, const char *key,
	const perf_file_tag *tags, uint32_t tag_count, const char *value, size_t value_len)
{
	size_t size = perf_file_entry_size((uint32_t) strlen(key), tag_count, value_len);
	uint8_t *buf = malloc(size);
	char path[4096];

	perf_file_entry_encode(buf, encoding, expires_at, (const uint8_t *) key, (uint32_t) strlen(key), tags, tag_count,
		(const uint8_t *) value, value_len);
	snprintf(path, sizeof(path), "%s/seed%d", dir, n);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, size, f) != size) {
		perror(path);
		exit(1);
	}
	fclose(f);
	free(buf);
}

int main(int argc, char **argv)
{
	perf_file_tag tags[2] = {{1, 2, 3}, {0xffffffffffffffffULL, 7, 0}};

	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	write_seed(argv[1], 0, PERF_FILE_RAW_STRING, 0, "k", NULL, 0, "v", 1);
	write_seed(argv[1], 1, 1, 1800000000, "user:42", tags, 2, "a:1:{i:0;s:1:\"x\";}", 18);
	write_seed(argv[1], 2, 2, -1, "binary\001key", tags, 1, "", 0);
	return 0;
}
