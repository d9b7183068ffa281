/*
 * libFuzzer target for the file driver's entry decoder: whatever the bytes, the decoder either
 * rejects them or returns pointers and lengths that stay inside the buffer, and what it accepts
 * encodes back to the same bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "../ext/cache/file_format.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	perf_file_entry entry;

	if (perf_file_entry_decode(data, size, &entry) != 0) {
		return 0;
	}
	if (entry.key < data || entry.value + entry.value_len > data + size) {
		abort();
	}
	perf_file_tag tags[PERF_FILE_MAX_TAGS];
	for (uint32_t i = 0; i < entry.tag_count; i++) {
		tags[i] = perf_file_entry_tag(&entry, i);
	}
	uint8_t *again = malloc(size);
	perf_file_entry_encode(again, entry.encoding, entry.expires_at, entry.key, entry.key_len, tags, entry.tag_count,
		entry.value, entry.value_len);
	/* Bytes 5..7 and 36..39 are reserved: an accepted file must have them zero to round-trip. */
	if (memcmp(again + PERF_FILE_HEADER_SIZE, data + PERF_FILE_HEADER_SIZE, size - PERF_FILE_HEADER_SIZE) != 0) {
		abort();
	}
	free(again);
	return 0;
}
