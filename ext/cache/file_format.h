#ifndef PERF_CACHE_FILE_FORMAT_H
#define PERF_CACHE_FILE_FORMAT_H

/*
 * The file driver's entry format, in plain C with no PHP dependency so the fuzzer can drive the
 * decoder on its own. All integers are little-endian.
 *
 *   0  magic "PFC" and format version (1)
 *   4  value encoding (perf_value_encoding numbering, or PERF_FILE_RAW_STRING)
 *   5  three zero bytes
 *   8  expires_at, int64, seconds of the wall clock (0: never)
 *  16  key length, uint32
 *  20  tag count, uint32
 *  24  value length, uint64
 *  32  CRC-32 of the whole file with these 4 bytes as zero
 *  36  four zero bytes
 *  40  key, then tag count x {h1 uint64, h2 uint64, version uint64}, then the value
 */

#include <stddef.h>
#include <stdint.h>

#define PERF_FILE_HEADER_SIZE 40
#define PERF_FILE_TAG_SIZE 24
#define PERF_FILE_VERSION 1
#define PERF_FILE_RAW_STRING 100
#define PERF_FILE_MAX_TAGS 64
#define PERF_FILE_MAX_KEY 250

typedef struct {
	uint8_t encoding;
	int64_t expires_at;
	const uint8_t *key;
	uint32_t key_len;
	const uint8_t *tags;
	uint32_t tag_count;
	const uint8_t *value;
	uint64_t value_len;
} perf_file_entry;

typedef struct {
	uint64_t h1;
	uint64_t h2;
	uint64_t version;
} perf_file_tag;

/* Bytes an entry takes on disk. */
size_t perf_file_entry_size(uint32_t key_len, uint32_t tag_count, uint64_t value_len);

/* Writes the entry into buf (perf_file_entry_size() bytes); tags is tag_count records. */
void perf_file_entry_encode(uint8_t *buf, uint8_t encoding, int64_t expires_at, const uint8_t *key, uint32_t key_len,
	const perf_file_tag *tags, uint32_t tag_count, const uint8_t *value, uint64_t value_len);

/* 0 when buf holds one whole, intact entry (out then points into buf); -1 for anything else. */
int perf_file_entry_decode(const uint8_t *buf, size_t len, perf_file_entry *out);

/* The i-th tag of a decoded entry. */
perf_file_tag perf_file_entry_tag(const perf_file_entry *entry, uint32_t i);

uint32_t perf_file_crc32(uint32_t crc, const uint8_t *data, size_t len);

/*
 * The CRC-32 every encode and decode uses: a byte-wise table by default (for the fuzzer, which
 * links no PHP); the extension installs PHP's own, which is several times faster on big entries.
 * Both compute the same CRC-32 (the zlib/PHP crc32() polynomial).
 */
typedef uint32_t (*perf_file_crc32_fn)(uint32_t crc, const uint8_t *data, size_t len);
void perf_file_set_crc32(perf_file_crc32_fn fn);

#endif
