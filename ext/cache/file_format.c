#include <string.h>

#include "file_format.h"

static const uint8_t magic[4] = {'P', 'F', 'C', PERF_FILE_VERSION};

static void put_u32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++) {
		p[i] = (uint8_t) (v >> (8 * i));
	}
}

static void put_u64(uint8_t *p, uint64_t v)
{
	for (int i = 0; i < 8; i++) {
		p[i] = (uint8_t) (v >> (8 * i));
	}
}

static uint32_t get_u32(const uint8_t *p)
{
	uint32_t v = 0;
	for (int i = 0; i < 4; i++) {
		v |= (uint32_t) p[i] << (8 * i);
	}
	return v;
}

static uint64_t get_u64(const uint8_t *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++) {
		v |= (uint64_t) p[i] << (8 * i);
	}
	return v;
}

uint32_t perf_file_crc32(uint32_t crc, const uint8_t *data, size_t len)
{
	static uint32_t table[256];
	static int ready;

	if (!ready) {
		for (uint32_t i = 0; i < 256; i++) {
			uint32_t c = i;
			for (int k = 0; k < 8; k++) {
				c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
			}
			table[i] = c;
		}
		ready = 1;
	}
	crc = ~crc;
	for (size_t i = 0; i < len; i++) {
		crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
	}
	return ~crc;
}

static perf_file_crc32_fn crc32_impl = perf_file_crc32;

void perf_file_set_crc32(perf_file_crc32_fn fn)
{
	crc32_impl = fn;
}

size_t perf_file_entry_size(uint32_t key_len, uint32_t tag_count, uint64_t value_len)
{
	return PERF_FILE_HEADER_SIZE + (size_t) key_len + (size_t) tag_count * PERF_FILE_TAG_SIZE + (size_t) value_len;
}

void perf_file_entry_encode(uint8_t *buf, uint8_t encoding, int64_t expires_at, const uint8_t *key, uint32_t key_len,
	const perf_file_tag *tags, uint32_t tag_count, const uint8_t *value, uint64_t value_len)
{
	uint8_t *p = buf + PERF_FILE_HEADER_SIZE;
	size_t size = perf_file_entry_size(key_len, tag_count, value_len);

	memset(buf, 0, PERF_FILE_HEADER_SIZE);
	memcpy(buf, magic, 4);
	buf[4] = encoding;
	put_u64(buf + 8, (uint64_t) expires_at);
	put_u32(buf + 16, key_len);
	put_u32(buf + 20, tag_count);
	put_u64(buf + 24, value_len);
	memcpy(p, key, key_len);
	p += key_len;
	for (uint32_t i = 0; i < tag_count; i++, p += PERF_FILE_TAG_SIZE) {
		put_u64(p, tags[i].h1);
		put_u64(p + 8, tags[i].h2);
		put_u64(p + 16, tags[i].version);
	}
	if (value_len) {
		memcpy(p, value, value_len);
	}
	put_u32(buf + 32, crc32_impl(0, buf, size));
}

int perf_file_entry_decode(const uint8_t *buf, size_t len, perf_file_entry *out)
{
	uint8_t header[PERF_FILE_HEADER_SIZE];

	if (len < PERF_FILE_HEADER_SIZE || memcmp(buf, magic, 4) != 0) {
		return -1;
	}
	uint32_t key_len = get_u32(buf + 16);
	uint32_t tag_count = get_u32(buf + 20);
	uint64_t value_len = get_u64(buf + 24);
	if (key_len == 0 || key_len > PERF_FILE_MAX_KEY || tag_count > PERF_FILE_MAX_TAGS
		|| value_len > len || perf_file_entry_size(key_len, tag_count, value_len) != len) {
		return -1;
	}
	/* The checksum covers the header with its own field zeroed, then everything after it. */
	memcpy(header, buf, PERF_FILE_HEADER_SIZE);
	memset(header + 32, 0, 4);
	uint32_t crc = crc32_impl(0, header, PERF_FILE_HEADER_SIZE);
	crc = crc32_impl(crc, buf + PERF_FILE_HEADER_SIZE, len - PERF_FILE_HEADER_SIZE);
	if (crc != get_u32(buf + 32)) {
		return -1;
	}
	out->encoding = buf[4];
	out->expires_at = (int64_t) get_u64(buf + 8);
	out->key = buf + PERF_FILE_HEADER_SIZE;
	out->key_len = key_len;
	out->tags = out->key + key_len;
	out->tag_count = tag_count;
	out->value = out->tags + (size_t) tag_count * PERF_FILE_TAG_SIZE;
	out->value_len = value_len;
	return 0;
}

perf_file_tag perf_file_entry_tag(const perf_file_entry *entry, uint32_t i)
{
	const uint8_t *p = entry->tags + (size_t) i * PERF_FILE_TAG_SIZE;
	perf_file_tag tag = {get_u64(p), get_u64(p + 8), get_u64(p + 16)};
	return tag;
}
