/*
 * The redis driver, over hiredis (0.14 and 1.x share the calls used here).
 *
 * - One connection per worker, reused across requests (perf.redis_persistent). After any timeout,
 *   I/O or protocol error the connection is closed and never used again, so a reply that arrives
 *   late can never be read as the answer to the next command (phpredis #614, #1082).
 * - A circuit breaker shared by every worker (in the cache core's statistics segment, counters.c):
 *   after perf.redis_breaker_failures consecutive failures, calls fail at once for
 *   perf.redis_breaker_cooldown_ms; then one process probes and reopens it.
 * - Values: integers as plain decimal strings (so INCRBY works on them); everything else behind a
 *   small header (kind, logical expiry, tags) so remember() can serve a stale copy while one
 *   process recomputes: Redis keeps an entry perf.cache_stale_ttl seconds past its TTL.
 * - Tags are version keys (<prefix>t:<id>), made by the first store that uses them and bumped
 *   with INCR.
 * - remember() locks with SET NX PX and an owner token, released by compare-and-delete; a waiter on
 *   the owner's machine takes over the lock of an owner that was killed.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "zend_smart_str.h"
#include "ext/standard/php_var.h"
#include "perf_compat.h"
#include "ext/standard/sha1.h"
#include "ext/random/php_random.h"

#include "php_perf.h"
#include "cache/cache.h"
#include "cache/value.h"

#ifdef PERF_HAVE_HIREDIS

#include <hiredis/hiredis.h>
#include <pthread.h>
#include <time.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#define REDIS_DRIVER PERF_CACHE_DRIVER_REDIS
/* Kinds 1 and 2 are perf_value_encoding's PHP and igbinary serializers; a plain decimal starts above 3. */
#define KIND_STRING 3
#define FRAME_HEADER 10
#define FRAME_TAG 24
#define SCAN_BATCH "1000"
/* About 31 million years: far inside what SET EX accepts. */
#define REDIS_MAX_EXPIRE_SECONDS ((zend_long) 1000000000000000)

/*
 * Lua, for the scripts of add() and increment(): whether a stored value is live (a plain integer always; a frame by its
 * logical expiry and its tags' versions, read from the keys under tags) and where its payload starts.
 * Scripts run atomically in Redis: nothing changes between the check and the write.
 */
#define LUA_LIVE \
	"local function live(v, now, tags) " \
	"  local kind = string.byte(v, 1) " \
	"  if kind == nil then return false, 0 end " \
	"  if kind > 3 then return true, 1 end " \
	"  if #v < 10 then return false, 0 end " \
	"  local exp = 0 " \
	"  for i = 9, 2, -1 do exp = exp * 256 + string.byte(v, i) end " \
	"  if exp ~= 0 and exp <= now then return false, 0 end " \
	"  local off = 11 " \
	"  for t = 1, string.byte(v, 10) do " \
	"    local hex = '' " \
	"    for i = off + 7, off, -1 do hex = hex .. string.format('%02x', string.byte(v, i)) end " \
	"    for i = off + 15, off + 8, -1 do hex = hex .. string.format('%02x', string.byte(v, i)) end " \
	"    local version = 0 " \
	"    for i = off + 23, off + 16, -1 do version = version * 256 + string.byte(v, i) end " \
	"    if (tonumber(redis.call('get', tags .. hex)) or 0) ~= version then return false, 0 end " \
	"    off = off + 24 " \
	"  end " \
	"  return true, off " \
	"end "

static PERF_CACHE_LOCAL redisContext *conn;
/*
 * What conn was made for: host, port, socket, database, user and password, each NUL-terminated.
 * Settings may differ from one request to the next (per-directory or per-vhost values): a
 * connection authenticated as one tenant is never reused for another.
 */
static PERF_CACHE_LOCAL char *conn_identity;
static PERF_CACHE_LOCAL size_t conn_identity_len;
/* Owner tokens of the remember() locks this request holds, by key. */
static PERF_CACHE_LOCAL HashTable *held_locks;

static void count(perf_cache_counter counter)
{
	perf_cache_count(REDIS_DRIVER, counter);
}

static struct timeval ms_to_timeval(zend_long ms)
{
	struct timeval tv = {(time_t) (ms / 1000), (suseconds_t) ((ms % 1000) * 1000)};
	return tv;
}

static void forget_identity(void)
{
	if (conn_identity) {
		/* It holds the password: wiped before it goes back to the allocator. */
		ZEND_SECURE_ZERO(conn_identity, conn_identity_len);
		pefree(conn_identity, 1);
		conn_identity = NULL;
		conn_identity_len = 0;
	}
}

static void disconnect(void)
{
	if (conn) {
		redisFree(conn);
		conn = NULL;
	}
	forget_identity();
}

/* The settings a connection depends on, as one string to compare; persistent when kept with conn. */
static char *identity(size_t *len, bool persistent)
{
	char port[MAX_LENGTH_OF_LONG], database[MAX_LENGTH_OF_LONG];
	const char *parts[6] = {PERF_G(settings.redis.host), port, PERF_G(settings.redis.socket), database,
		PERF_G(settings.redis.username), PERF_G(settings.redis.password)};
	size_t lens[6];

	snprintf(port, sizeof(port), ZEND_LONG_FMT, PERF_G(settings.redis.port));
	snprintf(database, sizeof(database), ZEND_LONG_FMT, PERF_G(settings.redis.database));
	*len = 0;
	for (int i = 0; i < 6; i++) {
		lens[i] = parts[i] ? strlen(parts[i]) : 0;
		*len += lens[i] + 1;
	}
	char *out = pemalloc(*len, persistent), *p = out;
	for (int i = 0; i < 6; i++) {
		memcpy(p, parts[i] ? parts[i] : "", lens[i]);
		p[lens[i]] = '\0';
		p += lens[i] + 1;
	}
	return out;
}

/* A failed command: the connection is dropped, and the failure counts towards opening the breaker. */
static void failed(void)
{
	disconnect();
	count(PERF_CACHE_ERRORS);
	perf_cache_breaker_failure(PERF_G(settings.redis.breaker_failures), PERF_G(settings.redis.breaker_cooldown_ms));
}

static bool setup_connection(redisContext *c)
{
	const char *user = PERF_G(settings.redis.username);
	const char *password = PERF_G(settings.redis.password);
	redisReply *reply = NULL;

	if (password && *password) {
		const char *argv[3] = {"AUTH", user, password};
		size_t lens[3] = {4, user ? strlen(user) : 0, strlen(password)};
		if (user && *user) {
			reply = redisCommandArgv(c, 3, argv, lens);
		} else {
			argv[1] = password;
			lens[1] = lens[2];
			reply = redisCommandArgv(c, 2, argv, lens);
		}
		if (!reply || reply->type == REDIS_REPLY_ERROR) {
			if (reply && !PERF_G(state.redis.auth_warned)) {
				/* A wrong password is a configuration error: say so once per request, never fatally. */
				PERF_G(state.redis.auth_warned) = true;
				php_error_docref(NULL, E_WARNING, "perf redis driver: authentication failed: %.*s",
					(int) reply->len, reply->str);
			}
			if (reply) {
				freeReplyObject(reply);
			}
			return false;
		}
		freeReplyObject(reply);
	}
	if (PERF_G(settings.redis.database) != 0) {
		char db[32];
		int len = snprintf(db, sizeof(db), ZEND_LONG_FMT, PERF_G(settings.redis.database));
		const char *argv[2] = {"SELECT", db};
		size_t lens[2] = {6, (size_t) len};
		reply = redisCommandArgv(c, 2, argv, lens);
		bool ok = reply && reply->type != REDIS_REPLY_ERROR;
		if (reply) {
			freeReplyObject(reply);
		}
		if (!ok) {
			return false;
		}
	}
	return true;
}

/* The worker's connection, made when needed; NULL while the breaker is open or Redis is unreachable. */
static redisContext *connection(void)
{
	if (conn) {
		size_t len;
		char *wanted = identity(&len, false);
		bool same = len == conn_identity_len && memcmp(wanted, conn_identity, len) == 0;
		ZEND_SECURE_ZERO(wanted, len);
		efree(wanted);
		if (same) {
			return conn;
		}
		disconnect();
	}
	if (!perf_cache_breaker_allow()) {
		return NULL;
	}
	struct timeval connect_timeout = ms_to_timeval(PERF_G(settings.redis.connect_timeout_ms));
	const char *socket_path = PERF_G(settings.redis.socket);
	redisContext *c = socket_path && *socket_path
		? redisConnectUnixWithTimeout(socket_path, connect_timeout)
		: redisConnectWithTimeout(PERF_G(settings.redis.host), (int) PERF_G(settings.redis.port), connect_timeout);
	if (!c || c->err || redisSetTimeout(c, ms_to_timeval(PERF_G(settings.redis.read_timeout_ms))) != REDIS_OK
		|| !setup_connection(c)) {
		if (c) {
			redisFree(c);
		}
		count(PERF_CACHE_ERRORS);
		perf_cache_breaker_failure(PERF_G(settings.redis.breaker_failures), PERF_G(settings.redis.breaker_cooldown_ms));
		return NULL;
	}
	conn = c;
	conn_identity = identity(&conn_identity_len, true);
	return conn;
}

/* One command; NULL on any failure. An error reply from Redis leaves the connection in sync. */
static redisReply *command(int argc, const char **argv, const size_t *lens)
{
	redisContext *c = connection();
	if (!c) {
		return NULL;
	}
	redisReply *reply = redisCommandArgv(c, argc, argv, lens);
	if (!reply) {
		failed();
		return NULL;
	}
	perf_cache_breaker_success();
	return reply;
}

static zend_string *prefixed(const char *part, size_t part_len, zend_string *key)
{
	const char *prefix = PERF_G(settings.redis.prefix);
	size_t prefix_len = prefix ? strlen(prefix) : 0;
	zend_string *full = zend_string_alloc(prefix_len + part_len + ZSTR_LEN(key), 0);

	memcpy(ZSTR_VAL(full), prefix, prefix_len);
	memcpy(ZSTR_VAL(full) + prefix_len, part, part_len);
	memcpy(ZSTR_VAL(full) + prefix_len + part_len, ZSTR_VAL(key), ZSTR_LEN(key));
	ZSTR_VAL(full)[ZSTR_LEN(full)] = '\0';
	return full;
}

/*
 * Under the prefix, entries live under "k:", tag versions under "t:" and remember() locks under
 * "l:": a cache key such as "l:report" can never be mistaken for the lock of the key "report".
 */
static zend_string *data_key(zend_string *key)
{
	return prefixed("k:", 2, key);
}

static zend_string *tag_key(const perf_cache_tag_id *id)
{
	char hex[33];
	snprintf(hex, sizeof(hex), "%016" PRIx64 "%016" PRIx64, id->h1, id->h2);
	zend_string *name = zend_string_init(hex, 32, 0);
	zend_string *full = prefixed("t:", 2, name);
	zend_string_release(name);
	return full;
}

/*
 * The Redis TTL (EX seconds) for ttl; 0 for none. Redis refuses an expiry past its millisecond
 * clock's range (about 9.2e15 s): longer TTLs get no Redis TTL, and the entry's logical expiry,
 * kept in its frame, still applies, as on the other drivers.
 */
static zend_long redis_expire_seconds(zend_long ttl)
{
	return ttl > 0 && ttl <= REDIS_MAX_EXPIRE_SECONDS ? ttl : 0;
}

static void put_u64(char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++) {
		p[i] = (char) (v >> (8 * i));
	}
}

static uint64_t get_u64(const char *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++) {
		v |= (uint64_t) (unsigned char) p[i] << (8 * i);
	}
	return v;
}

/* Reads the current versions of the tags (missing version keys are 0). */
/* Sends head followed by the version keys of the tags: MGET of them, or a script over them. */
static redisReply *tag_command(int head_count, const char **head, const size_t *head_lens, const perf_cache_tag_id *ids,
	uint32_t n)
{
	const char **argv = emalloc(sizeof(char *) * (n + head_count));
	size_t *lens = emalloc(sizeof(size_t) * (n + head_count));
	zend_string **keys = emalloc(sizeof(zend_string *) * n);

	memcpy(argv, head, sizeof(char *) * head_count);
	memcpy(lens, head_lens, sizeof(size_t) * head_count);
	for (uint32_t i = 0; i < n; i++) {
		keys[i] = tag_key(&ids[i]);
		argv[i + head_count] = ZSTR_VAL(keys[i]);
		lens[i + head_count] = ZSTR_LEN(keys[i]);
	}
	redisReply *reply = command((int) n + head_count, argv, lens);
	for (uint32_t i = 0; i < n; i++) {
		zend_string_release(keys[i]);
	}
	efree(keys);
	efree(lens);
	efree(argv);
	return reply;
}

static bool tag_versions(const perf_cache_tag_id *ids, uint32_t n, uint64_t *versions)
{
	static const char *head[1] = {"MGET"};
	static const size_t head_lens[1] = {4};

	if (n == 0) {
		return true;
	}
	redisReply *reply = tag_command(1, head, head_lens, ids, n);
	bool ok = reply && reply->type == REDIS_REPLY_ARRAY && reply->elements == n;
	for (uint32_t i = 0; ok && i < n; i++) {
		redisReply *r = reply->element[i];
		versions[i] = r->type == REDIS_REPLY_STRING ? (uint64_t) ZEND_STRTOUL(r->str, NULL, 10) : 0;
	}
	if (reply) {
		freeReplyObject(reply);
	}
	return ok;
}

/* Frame: kind (1 byte), expires_at (int64, 0 = never), tag count (1 byte), tags, payload. */
static zend_string *frame(uint8_t kind, int64_t expires_at, const perf_cache_tags *tags, const uint64_t *versions,
	const char *payload, size_t payload_len)
{
	uint32_t n = tags ? tags->count : 0;
	zend_string *out = zend_string_alloc(FRAME_HEADER + n * FRAME_TAG + payload_len, 0);
	char *p = ZSTR_VAL(out);

	p[0] = (char) kind;
	put_u64(p + 1, (uint64_t) expires_at);
	p[9] = (char) n;
	p += FRAME_HEADER;
	for (uint32_t i = 0; i < n; i++, p += FRAME_TAG) {
		put_u64(p, tags->ids[i].h1);
		put_u64(p + 8, tags->ids[i].h2);
		put_u64(p + 16, versions[i]);
	}
	memcpy(p, payload, payload_len);
	ZSTR_VAL(out)[ZSTR_LEN(out)] = '\0';
	return out;
}

typedef enum {
	STORED_MISSING,
	STORED_FRESH,
	STORED_EXPIRED,
	STORED_DEAD,
} stored_state;

/* The tags a framed value was stored with; 0 for a plain integer or a value that is not a frame. */
static uint32_t frame_tags(const char *data, size_t len, perf_cache_tag_id *ids)
{
	if (len < FRAME_HEADER || (unsigned char) data[0] > 3) {
		return 0;
	}
	uint32_t n = (uint8_t) data[9];
	if (n > PERF_CACHE_MAX_TAGS_STORED || len < FRAME_HEADER + (size_t) n * FRAME_TAG) {
		return 0;
	}
	for (uint32_t i = 0; i < n; i++) {
		ids[i].h1 = get_u64(data + FRAME_HEADER + i * FRAME_TAG);
		ids[i].h2 = get_u64(data + FRAME_HEADER + i * FRAME_TAG + 8);
	}
	return n;
}

/*
 * Checks a stored reply's frame and decodes its value. versions are the current versions of the
 * frame's tags when the caller read them already (get_multiple reads all of them at once); NULL
 * reads them here.
 */
static stored_state unframe(const char *data, size_t len, zval *value, bool decode, const uint64_t *versions)
{
	/* A plain decimal is an integer (written by INCRBY or as one); it has no frame. */
	if (len > 0 && (unsigned char) data[0] > 3) {
		zend_long number;
		if (is_numeric_string(data, len, &number, NULL, false) != IS_LONG) {
			return STORED_MISSING;
		}
		if (decode) {
			ZVAL_LONG(value, number);
		}
		return STORED_FRESH;
	}
	if (len < FRAME_HEADER) {
		return STORED_MISSING;
	}
	uint8_t kind = (uint8_t) data[0];
	int64_t expires_at = (int64_t) get_u64(data + 1);
	uint32_t n = (uint8_t) data[9];
	if (n > PERF_CACHE_MAX_TAGS_STORED || len < FRAME_HEADER + (size_t) n * FRAME_TAG) {
		return STORED_MISSING;
	}
	if (n > 0) {
		uint64_t read[PERF_CACHE_MAX_TAGS_STORED];
		if (!versions) {
			perf_cache_tag_id ids[PERF_CACHE_MAX_TAGS_STORED];
			frame_tags(data, len, ids);
			if (!tag_versions(ids, n, read)) {
				return STORED_MISSING;
			}
			versions = read;
		}
		for (uint32_t i = 0; i < n; i++) {
			if (versions[i] != get_u64(data + FRAME_HEADER + i * FRAME_TAG + 16)) {
				return STORED_DEAD;
			}
		}
	}
	stored_state state = STORED_FRESH;
	if (expires_at && perf_cache_now() >= expires_at) {
		state = STORED_EXPIRED;
	}
	if (decode) {
		const char *payload = data + FRAME_HEADER + (size_t) n * FRAME_TAG;
		size_t payload_len = len - FRAME_HEADER - (size_t) n * FRAME_TAG;
		if (kind == KIND_STRING) {
			ZVAL_STRINGL(value, payload, payload_len);
		} else {
			zval image;
			ZVAL_STRINGL(&image, payload, payload_len);
			zend_result ok = perf_value_read(&image, (perf_value_encoding) kind, false, value);
			zval_ptr_dtor(&image);
			if (ok != SUCCESS) {
				return STORED_MISSING;
			}
		}
	}
	return state;
}

static perf_cache_lookup lookup_reply(redisReply *r, zval *value, bool allow_stale, const uint64_t *versions)
{
	if (!r || r->type != REDIS_REPLY_STRING) {
		return PERF_CACHE_MISS;
	}
	zval decoded;
	stored_state state = unframe(r->str, r->len, &decoded, true, versions);
	if (state == STORED_FRESH || (state == STORED_EXPIRED && allow_stale)) {
		ZVAL_COPY_VALUE(value, &decoded);
		return state == STORED_FRESH ? PERF_CACHE_HIT : PERF_CACHE_STALE;
	}
	/* Only an expired entry was decoded; a dead one (invalidated tag) stops before its payload. */
	if (state == STORED_EXPIRED) {
		zval_ptr_dtor(&decoded);
	}
	return PERF_CACHE_MISS;
}

static bool redis_available(void)
{
	return true;
}

static perf_cache_lookup redis_get(zend_string *key, zval *value, bool allow_stale)
{
	zend_string *full = data_key(key);
	const char *argv[2] = {"GET", ZSTR_VAL(full)};
	size_t lens[2] = {3, ZSTR_LEN(full)};
	redisReply *reply = command(2, argv, lens);
	perf_cache_lookup result = lookup_reply(reply, value, allow_stale, NULL);

	if (reply) {
		freeReplyObject(reply);
	}
	zend_string_release(full);
	count(result == PERF_CACHE_HIT ? PERF_CACHE_HITS : PERF_CACHE_MISSES);
	return result;
}

/* Two round trips at most, however many keys: MGET of the entries, then MGET of all their tags' versions. */
static void redis_get_multiple(zend_string **keys, uint32_t n, zval *values, perf_cache_lookup *found)
{
	const char **argv = emalloc(sizeof(char *) * (n + 1));
	size_t *lens = emalloc(sizeof(size_t) * (n + 1));
	zend_string **full = emalloc(sizeof(zend_string *) * n);

	argv[0] = "MGET";
	lens[0] = 4;
	for (uint32_t i = 0; i < n; i++) {
		full[i] = data_key(keys[i]);
		argv[i + 1] = ZSTR_VAL(full[i]);
		lens[i + 1] = ZSTR_LEN(full[i]);
	}
	redisReply *reply = command((int) n + 1, argv, lens);
	bool ok = reply && reply->type == REDIS_REPLY_ARRAY && reply->elements == n;
	uint32_t *first_tag = emalloc(sizeof(uint32_t) * (n + 1));
	perf_cache_tag_id *ids = NULL;
	uint64_t *versions = NULL;
	bool versions_read = true;

	first_tag[0] = 0;
	for (uint32_t i = 0; i < n; i++) {
		redisReply *r = ok ? reply->element[i] : NULL;
		perf_cache_tag_id entry_ids[PERF_CACHE_MAX_TAGS_STORED];
		uint32_t tags = r && r->type == REDIS_REPLY_STRING ? frame_tags(r->str, r->len, entry_ids) : 0;
		if (tags) {
			ids = erealloc(ids, sizeof(perf_cache_tag_id) * (first_tag[i] + tags));
			memcpy(ids + first_tag[i], entry_ids, sizeof(perf_cache_tag_id) * tags);
		}
		first_tag[i + 1] = first_tag[i] + tags;
	}
	if (first_tag[n] > 0) {
		versions = emalloc(sizeof(uint64_t) * first_tag[n]);
		versions_read = tag_versions(ids, first_tag[n], versions);
	}
	for (uint32_t i = 0; i < n; i++) {
		bool tagged = first_tag[i + 1] > first_tag[i];
		found[i] = ok && (versions_read || !tagged)
			? lookup_reply(reply->element[i], &values[i], false, tagged ? versions + first_tag[i] : NULL)
			: PERF_CACHE_MISS;
		count(found[i] == PERF_CACHE_HIT ? PERF_CACHE_HITS : PERF_CACHE_MISSES);
		zend_string_release(full[i]);
	}
	if (reply) {
		freeReplyObject(reply);
	}
	if (ids) {
		efree(ids);
	}
	if (versions) {
		efree(versions);
	}
	efree(first_tag);
	efree(full);
	efree(lens);
	efree(argv);
}

static bool redis_has(zend_string *key)
{
	zval value;
	zend_string *full = data_key(key);
	const char *argv[2] = {"GET", ZSTR_VAL(full)};
	size_t lens[2] = {3, ZSTR_LEN(full)};
	redisReply *reply = command(2, argv, lens);
	bool found = reply && reply->type == REDIS_REPLY_STRING && unframe(reply->str, reply->len, &value, false, NULL) == STORED_FRESH;

	if (reply) {
		freeReplyObject(reply);
	}
	zend_string_release(full);
	return found;
}

/* What a value is stored as: integers as decimal (INCRBY-able), everything else framed. */
static zend_string *encode(zval *value, const perf_value_plan *plan, int64_t expires_at, const perf_cache_tags *tags,
	const uint64_t *versions)
{
	ZVAL_DEREF(value);
	/*
	 * Integers without TTL or tags stay plain, so INCRBY works on them. With either, they are
	 * framed like any value (logical expiry, stale window, tag versions), always in PHP's
	 * serialization, which the increment script can update in place.
	 */
	if (Z_TYPE_P(value) == IS_LONG) {
		if (expires_at == 0 && (!tags || tags->count == 0)) {
			return zend_long_to_str(Z_LVAL_P(value));
		}
		char number[MAX_LENGTH_OF_LONG + 4];
		int number_len = snprintf(number, sizeof(number), "i:" ZEND_LONG_FMT ";", Z_LVAL_P(value));
		return frame(PERF_VALUE_PHP_SERIALIZED, expires_at, tags, versions, number, (size_t) number_len);
	}
	if (Z_TYPE_P(value) == IS_STRING) {
		return frame(KIND_STRING, expires_at, tags, versions, Z_STRVAL_P(value), Z_STRLEN_P(value));
	}
	if (plan && plan->serialized) {
		return frame((uint8_t) plan->encoding, expires_at, tags, versions, ZSTR_VAL(plan->serialized),
			ZSTR_LEN(plan->serialized));
	}
	zend_string *serialized = perf_value_serialize(value);
	zend_string *out = frame(PERF_VALUE_PHP_SERIALIZED, expires_at, tags, versions, ZSTR_VAL(serialized),
		ZSTR_LEN(serialized));
	zend_string_release(serialized);
	return out;
}

static zend_result store(zend_string *key, zval *value, const perf_value_plan *plan, zend_long ttl,
	const perf_cache_tags *tags, const uint64_t *versions, perf_cache_set_mode mode, bool *stored)
{
	zend_long stale = PERF_G(settings.cache.stale_ttl);
	int64_t expires_at = ttl > 0 && ttl < ZEND_LONG_MAX / 4 - perf_cache_now() ? perf_cache_now() + ttl : 0;

	*stored = false;
	zend_string *full = data_key(key);
	zend_string *bytes = encode(value, plan, expires_at, tags, versions);
	char seconds[32];
	/* Anything stored with a TTL is framed (encode()), so Redis keeps it through its stale window. */
	zend_long redis_ttl = expires_at ? redis_expire_seconds(perf_cache_add_seconds(ttl, stale)) : 0;
	int seconds_len = snprintf(seconds, sizeof(seconds), ZEND_LONG_FMT, redis_ttl);
	const char *argv[5] = {"SET", ZSTR_VAL(full), ZSTR_VAL(bytes), "EX", seconds};
	size_t lens[5] = {3, ZSTR_LEN(full), ZSTR_LEN(bytes), 2, (size_t) seconds_len};
	int argc = redis_ttl ? 5 : 3;
	char now[32];
	int now_len = snprintf(now, sizeof(now), ZEND_LONG_FMT, perf_cache_now());
	/* add(): atomic in Redis; an entry kept only for its stale copy, or with an invalidated tag, is absent. */
	static const char add_script[] = LUA_LIVE
		"local v = redis.call('get', KEYS[1]) "
		"if v and live(v, tonumber(ARGV[3]), ARGV[4]) then return 0 end "
		"if ARGV[2] == '0' then redis.call('set', KEYS[1], ARGV[1]) "
		"else redis.call('set', KEYS[1], ARGV[1], 'EX', ARGV[2]) end "
		"return 1";
	redisReply *reply;
	bool answered;
	if (mode == PERF_CACHE_ADD) {
		zend_string *tag_prefix = prefixed("t:", 2, ZSTR_EMPTY_ALLOC());
		const char *add_argv[8] = {"EVAL", add_script, "1", ZSTR_VAL(full), ZSTR_VAL(bytes), seconds, now, ZSTR_VAL(tag_prefix)};
		size_t add_lens[8] = {4, sizeof(add_script) - 1, 1, ZSTR_LEN(full), ZSTR_LEN(bytes), (size_t) seconds_len,
			(size_t) now_len, ZSTR_LEN(tag_prefix)};
		reply = command(8, add_argv, add_lens);
		zend_string_release(tag_prefix);
		answered = reply && reply->type == REDIS_REPLY_INTEGER;
		*stored = answered && reply->integer == 1;
	} else {
		reply = command(argc, argv, lens);
		answered = reply && reply->type == REDIS_REPLY_STATUS;
		*stored = answered;
	}
	if (reply) {
		freeReplyObject(reply);
	}
	zend_string_release(bytes);
	zend_string_release(full);
	if (!answered) {
		count(PERF_CACHE_ERRORS);
		return FAILURE;
	}
	if (*stored) {
		count(PERF_CACHE_STORES);
	}
	return SUCCESS;
}

static bool redis_delete(zend_string *key)
{
	zend_string *full = data_key(key);
	const char *argv[2] = {"UNLINK", ZSTR_VAL(full)};
	size_t lens[2] = {6, ZSTR_LEN(full)};
	redisReply *reply = command(2, argv, lens);
	bool removed = reply && reply->type == REDIS_REPLY_INTEGER && reply->integer > 0;

	if (reply) {
		freeReplyObject(reply);
	}
	zend_string_release(full);
	if (removed) {
		count(PERF_CACHE_DELETES);
	}
	return removed;
}

/* A SCAN MATCH pattern for the keys that start with prefix + part: glob characters match only themselves. */
static zend_string *scan_pattern(const char *part)
{
	const char *prefix = PERF_G(settings.redis.prefix);
	smart_str pattern = {0};

	for (const char *p = prefix ? prefix : ""; *p; p++) {
		if (strchr("*?[]\\^-", *p)) {
			smart_str_appendc(&pattern, '\\');
		}
		smart_str_appendc(&pattern, *p);
	}
	smart_str_appends(&pattern, part);
	smart_str_appendc(&pattern, '*');
	smart_str_0(&pattern);
	return pattern.s;
}

/* Whether a key SCAN returned is really under the prefix (the pattern is the first check, not the only one). */
static bool under_prefix(const redisReply *key)
{
	const char *prefix = PERF_G(settings.redis.prefix);
	size_t prefix_len = prefix ? strlen(prefix) : 0;

	return key->type == REDIS_REPLY_STRING && key->len >= prefix_len && memcmp(key->str, prefix, prefix_len) == 0;
}

/*
 * SCAN + UNLINK over the prefix only: never FLUSHDB, other applications' keys stay. An empty
 * prefix would match every key of the database, so clear() refuses it (false, counted in errors).
 */
static zend_result redis_clear(void)
{
	const char *prefix = PERF_G(settings.redis.prefix);
	zend_string *pattern;
	char cursor[32] = "0";
	uint64_t removed = 0;

	if (!prefix || !*prefix) {
		count(PERF_CACHE_ERRORS);
		return FAILURE;
	}
	pattern = scan_pattern("");
	do {
		const char *argv[6] = {"SCAN", cursor, "MATCH", ZSTR_VAL(pattern), "COUNT", SCAN_BATCH};
		size_t lens[6] = {4, strlen(cursor), 5, ZSTR_LEN(pattern), 5, strlen(SCAN_BATCH)};
		redisReply *reply = command(6, argv, lens);
		if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2) {
			if (reply) {
				freeReplyObject(reply);
			}
			zend_string_release(pattern);
			return FAILURE;
		}
		snprintf(cursor, sizeof(cursor), "%.*s", (int) reply->element[0]->len, reply->element[0]->str);
		redisReply *keys = reply->element[1];
		if (keys->elements > 0) {
			const char **del_argv = emalloc(sizeof(char *) * (keys->elements + 1));
			size_t *del_lens = emalloc(sizeof(size_t) * (keys->elements + 1));
			int del_count = 1;
			del_argv[0] = "UNLINK";
			del_lens[0] = 6;
			for (size_t i = 0; i < keys->elements; i++) {
				if (under_prefix(keys->element[i])) {
					del_argv[del_count] = keys->element[i]->str;
					del_lens[del_count++] = keys->element[i]->len;
				}
			}
			redisReply *deleted = del_count > 1 ? command(del_count, del_argv, del_lens) : NULL;
			if (deleted && deleted->type == REDIS_REPLY_INTEGER) {
				removed += (uint64_t) deleted->integer;
			}
			if (deleted) {
				freeReplyObject(deleted);
			}
			efree(del_lens);
			efree(del_argv);
		}
		freeReplyObject(reply);
	} while (strcmp(cursor, "0") != 0);
	zend_string_release(pattern);
	perf_cache_count_n(REDIS_DRIVER, PERF_CACHE_DELETES, removed);
	return SUCCESS;
}

/*
 * Exact 64-bit arithmetic in Lua, whose numbers are doubles (exact only up to 2^53): a decimal is
 * split into its last nine digits and the rest, both exact as doubles, and added part by part.
 * add() returns the sum as a decimal string, or nil when it leaves the 64-bit range.
 */
#define LUA_ADD \
	"local function split(s) " \
	"  local neg = string.sub(s, 1, 1) == '-' " \
	"  local d = neg and string.sub(s, 2) or s " \
	"  local lo = tonumber(string.sub(d, -9)) " \
	"  local hi = #d > 9 and tonumber(string.sub(d, 1, #d - 9)) or 0 " \
	"  if neg then return -hi, -lo end " \
	"  return hi, lo " \
	"end " \
	"local function add(a, b) " \
	"  local ah, al = split(a) " \
	"  local bh, bl = split(b) " \
	"  local h, l = ah + bh, al + bl " \
	"  if l >= 1e9 then h = h + 1 l = l - 1e9 elseif l <= -1e9 then h = h - 1 l = l + 1e9 end " \
	"  if h > 0 and l < 0 then h = h - 1 l = l + 1e9 elseif h < 0 and l > 0 then h = h + 1 l = l - 1e9 end " \
	"  if h > 9223372036 or (h == 9223372036 and l > 854775807) " \
	"    or h < -9223372036 or (h == -9223372036 and l < -854775808) then return nil end " \
	"  if h == 0 then return string.format('%d', l) end " \
	"  return string.format('%d%09d', h, math.abs(l)) " \
	"end "

/*
 * increment() of anything but a plain counter without TTL, in one atomic script: a missing,
 * expired or invalidated entry starts again at step (with the TTL, a Redis TTL on a plain
 * integer); an existing plain or framed integer is updated exactly and keeps its TTL. The result
 * comes back as a string: an integer reply would go through a Lua double.
 */
static const char increment_script[] = LUA_LIVE LUA_ADD
	"local v = redis.call('get', KEYS[1]) "
	"local function fresh() "
	"  if ARGV[2] == '0' then redis.call('set', KEYS[1], ARGV[1]) else redis.call('set', KEYS[1], ARGV[1], 'EX', ARGV[2]) end "
	"  return ARGV[1] "
	"end "
	"if not v or #v == 0 then return fresh() end "
	"local kind = string.byte(v, 1) "
	"local n "
	"local head = '' "
	"if kind > 3 then "
	"  n = string.match(v, '^(%-?%d+)$') "
	"else "
	"  local ok, off = live(v, tonumber(ARGV[3]), ARGV[4]) "
	"  if not ok then return fresh() end "
	"  if kind == 1 then n = string.match(string.sub(v, off), '^i:(%-?%d+);$') end "
	"  head = string.sub(v, 1, off - 1) "
	"end "
	"if not n or #n > 20 then return redis.error_reply('ERR not an integer') end "
	"local r = add(n, ARGV[1]) "
	"if not r then return redis.error_reply('ERR overflow') end "
	"if kind > 3 then redis.call('set', KEYS[1], r, 'KEEPTTL') "
	"else redis.call('set', KEYS[1], head .. 'i:' .. r .. ';', 'KEEPTTL') end "
	"return r";

/*
 * EVALSHA of a script (argv[0] "EVAL", argv[1] the script): the server compiles it once and each
 * call sends 40 bytes instead of the script. A server that does not know it yet (restarted,
 * SCRIPT FLUSH) answers NOSCRIPT, and the script is sent with EVAL, which also caches it.
 */
static redisReply *eval_cached(char sha[41], int argc, const char **argv, size_t *lens)
{
	if (!sha[0]) {
		PHP_SHA1_CTX context;
		unsigned char digest[20];
		PHP_SHA1Init(&context);
		PHP_SHA1Update(&context, (const unsigned char *) argv[1], lens[1]);
		PHP_SHA1Final(digest, &context);
		make_sha1_digest(sha, digest);
	}
	const char *script = argv[1];
	size_t script_len = lens[1];
	argv[0] = "EVALSHA";
	lens[0] = 7;
	argv[1] = sha;
	lens[1] = 40;
	redisReply *reply = command(argc, argv, lens);
	if (reply && reply->type == REDIS_REPLY_ERROR && strncmp(reply->str, "NOSCRIPT", 8) == 0) {
		freeReplyObject(reply);
		argv[0] = "EVAL";
		lens[0] = 4;
		argv[1] = script;
		lens[1] = script_len;
		reply = command(argc, argv, lens);
	}
	return reply;
}

static zend_result increment_script_run(zend_string *full, zend_long step, zend_long ttl, zend_long *result)
{
	static char sha[41];
	zend_string *tag_prefix = prefixed("t:", 2, ZSTR_EMPTY_ALLOC());
	char amount[32], seconds[32], now[32];
	int amount_len = snprintf(amount, sizeof(amount), ZEND_LONG_FMT, step);
	int seconds_len = snprintf(seconds, sizeof(seconds), ZEND_LONG_FMT, redis_expire_seconds(ttl));
	int now_len = snprintf(now, sizeof(now), ZEND_LONG_FMT, perf_cache_now());
	const char *argv[8] = {"EVAL", increment_script, "1", ZSTR_VAL(full), amount, seconds, now, ZSTR_VAL(tag_prefix)};
	size_t lens[8] = {4, sizeof(increment_script) - 1, 1, ZSTR_LEN(full), (size_t) amount_len, (size_t) seconds_len,
		(size_t) now_len, ZSTR_LEN(tag_prefix)};
	redisReply *reply = eval_cached(sha, 8, argv, lens);
	zend_long number = 0;
	bool ok = reply && reply->type == REDIS_REPLY_STRING
		&& is_numeric_string(reply->str, reply->len, &number, NULL, false) == IS_LONG;

	if (ok) {
		*result = number;
	}
	if (reply) {
		freeReplyObject(reply);
	}
	zend_string_release(tag_prefix);
	return ok ? SUCCESS : FAILURE;
}

static zend_result redis_increment(zend_string *key, zend_long step, zend_long ttl, zend_long *result)
{
	zend_string *full = data_key(key);
	bool ok;

	if (ttl > 0) {
		/* Whether the counter exists decides whether it gets the TTL: the script knows, INCRBY's answer does not. */
		ok = increment_script_run(full, step, ttl, result) == SUCCESS;
	} else {
		char amount[32];
		int amount_len = snprintf(amount, sizeof(amount), ZEND_LONG_FMT, step);
		const char *argv[3] = {"INCRBY", ZSTR_VAL(full), amount};
		size_t lens[3] = {6, ZSTR_LEN(full), (size_t) amount_len};
		redisReply *reply = command(3, argv, lens);
		ok = reply && reply->type == REDIS_REPLY_INTEGER;
		if (ok) {
			*result = (zend_long) reply->integer;
		} else if (reply && reply->type == REDIS_REPLY_ERROR && strstr(reply->str, "not an integer")) {
			/* Not a plain integer: maybe one with a frame (TTL or tags). Overflow stays an error. */
			ok = increment_script_run(full, step, 0, result) == SUCCESS;
		}
		if (reply) {
			freeReplyObject(reply);
		}
	}
	zend_string_release(full);
	if (!ok) {
		count(PERF_CACHE_ERRORS);
		return FAILURE;
	}
	count(PERF_CACHE_STORES);
	return SUCCESS;
}

/* Runs a script over the version keys of the tags: one round trip however many tags. */
static redisReply *tag_script(const char *script, size_t script_len, const perf_cache_tag_id *ids, uint32_t n)
{
	char numkeys[16];
	const char *head[3] = {"EVAL", script, numkeys};
	size_t head_lens[3] = {4, script_len, (size_t) snprintf(numkeys, sizeof(numkeys), "%" PRIu32, n)};

	return tag_command(3, head, head_lens, ids, n);
}

/*
 * Only tags some entry was stored with have a version key; bumping just those keeps "known" the
 * same as in the other drivers, and invalidating arbitrary names creates no keys.
 */
static zend_long redis_invalidate_tags(const perf_cache_tags *tags)
{
	static const char script[] =
		"local known = 0 "
		"for _, k in ipairs(KEYS) do "
		"  if redis.call('exists', k) == 1 then redis.call('incr', k) known = known + 1 end "
		"end "
		"return known";
	zend_long known = 0;

	if (tags->count == 0) {
		return 0;
	}
	redisReply *reply = tag_script(script, sizeof(script) - 1, tags->ids, tags->count);
	if (reply && reply->type == REDIS_REPLY_INTEGER) {
		known = (zend_long) reply->integer;
	}
	if (reply) {
		freeReplyObject(reply);
	}
	return known;
}

/*
 * A tagged store first makes sure its tags' version keys exist (so invalidation knows them) and
 * reads their versions, in one script; the entry then records those versions.
 */
static zend_result redis_set_tagged(zend_string *key, zval *value, const perf_value_plan *plan, zend_long ttl,
	const perf_cache_tags *tags, perf_cache_set_mode mode, bool *stored)
{
	static const char script[] =
		"local versions = {} "
		"for i, k in ipairs(KEYS) do "
		"  redis.call('set', k, '0', 'NX') "
		"  versions[i] = redis.call('get', k) "
		"end "
		"return versions";
	uint64_t versions[PERF_CACHE_MAX_TAGS_STORED] = {0};

	*stored = false;
	if (tags && tags->count) {
		redisReply *reply = tag_script(script, sizeof(script) - 1, tags->ids, tags->count);
		bool ok = reply && reply->type == REDIS_REPLY_ARRAY && reply->elements == tags->count;
		for (uint32_t i = 0; ok && i < tags->count; i++) {
			redisReply *r = reply->element[i];
			ok = r->type == REDIS_REPLY_STRING;
			versions[i] = ok ? (uint64_t) ZEND_STRTOUL(r->str, NULL, 10) : 0;
		}
		if (reply) {
			freeReplyObject(reply);
		}
		if (!ok) {
			count(PERF_CACHE_ERRORS);
			return FAILURE;
		}
	}
	return store(key, value, plan, ttl, tags, versions, mode, stored);
}

/*
 * Lock tokens are "<machine>:<pid>:<random>". The machine part (host name and boot id) lets a
 * waiter on the same machine see that the owner was killed (SIGKILL, OOM) and take the lock over
 * at once instead of waiting for it to expire; owners on other machines are only waited for.
 */
static char machine_id[17];

static void identify_machine(void)
{
	char host[256] = "";
	char boot[64] = "";
	uint64_t hash = 14695981039346656037ULL;
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "r");

	gethostname(host, sizeof(host) - 1);
	if (f) {
		if (!fgets(boot, sizeof(boot), f)) {
			boot[0] = '\0';
		}
		fclose(f);
	}
	for (const char *part[2] = {host, boot}, **p = part; p < part + 2; p++) {
		for (const unsigned char *c = (const unsigned char *) *p; *c; c++) {
			hash = (hash ^ *c) * 1099511628211ULL;
		}
	}
	snprintf(machine_id, sizeof(machine_id), "%016" PRIx64, hash);
}

/* The pid in a token made on this machine; 0 for a token from elsewhere or one not made by perf. */
static pid_t local_owner(const char *token, size_t len)
{
	if (len <= sizeof(machine_id) || memcmp(token, machine_id, sizeof(machine_id) - 1) != 0
		|| token[sizeof(machine_id) - 1] != ':') {
		return 0;
	}
	return (pid_t) ZEND_STRTOL(token + sizeof(machine_id), NULL, 10);
}

static const char release_script[] =
	"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

static void release_lock(zend_string *lock, const char *token, size_t token_len)
{
	const char *argv[5] = {"EVAL", release_script, "1", ZSTR_VAL(lock), token};
	size_t lens[5] = {4, sizeof(release_script) - 1, 1, ZSTR_LEN(lock), token_len};
	redisReply *reply = command(5, argv, lens);

	if (reply) {
		freeReplyObject(reply);
	}
}

/* Removes the lock if its owner was a process of this machine that no longer exists. */
static bool break_dead_owners_lock(zend_string *lock)
{
	const char *argv[2] = {"GET", ZSTR_VAL(lock)};
	size_t lens[2] = {3, ZSTR_LEN(lock)};
	redisReply *reply = command(2, argv, lens);
	bool broken = false;

	if (reply && reply->type == REDIS_REPLY_STRING) {
		pid_t owner = local_owner(reply->str, reply->len);
		if (owner > 0 && owner != getpid() && kill(owner, 0) == -1 && errno == ESRCH) {
			release_lock(lock, reply->str, reply->len);
			count(PERF_CACHE_LOCK_RECOVERIES);
			broken = true;
		}
	}
	if (reply) {
		freeReplyObject(reply);
	}
	return broken;
}

static perf_cache_lease redis_lease_acquire(zend_string *key, zend_long hold_ms)
{
	unsigned char random[8];
	zval *held = held_locks ? zend_hash_find(held_locks, key) : NULL;

	/* A remember() inside the callback of a remember() on the same key: this request holds the lock already. */
	if (held && local_owner(Z_STRVAL_P(held), Z_STRLEN_P(held)) == getpid()) {
		return PERF_CACHE_LEASE_ACQUIRED;
	}
	zend_string *lock = prefixed("l:", 2, key);
	char ms[32];
	int ms_len = snprintf(ms, sizeof(ms), ZEND_LONG_FMT, hold_ms);

	if (php_random_bytes_silent(random, sizeof(random)) != SUCCESS) {
		zend_string_release(lock);
		return PERF_CACHE_LEASE_UNAVAILABLE;
	}
	zend_string *token = strpprintf(0, "%s:%ld:%02x%02x%02x%02x%02x%02x%02x%02x", machine_id, (long) getpid(),
		random[0], random[1], random[2], random[3], random[4], random[5], random[6], random[7]);
	const char *argv[6] = {"SET", ZSTR_VAL(lock), ZSTR_VAL(token), "NX", "PX", ms};
	size_t lens[6] = {3, ZSTR_LEN(lock), ZSTR_LEN(token), 2, 2, (size_t) ms_len};
	perf_cache_lease result = PERF_CACHE_LEASE_UNAVAILABLE;
	for (int attempt = 0; attempt < 2; attempt++) {
		redisReply *reply = command(6, argv, lens);
		bool acquired = reply && reply->type == REDIS_REPLY_STATUS;
		bool held = reply && reply->type == REDIS_REPLY_NIL;
		if (reply) {
			freeReplyObject(reply);
		}
		if (acquired) {
			if (!held_locks) {
				ALLOC_HASHTABLE(held_locks);
				zend_hash_init(held_locks, 4, NULL, ZVAL_PTR_DTOR, 0);
			}
			zval value;
			ZVAL_STR_COPY(&value, token);
			zend_hash_update(held_locks, key, &value);
			result = PERF_CACHE_LEASE_ACQUIRED;
			break;
		}
		if (!held) {
			break;
		}
		result = PERF_CACHE_LEASE_HELD;
		if (attempt > 0 || !break_dead_owners_lock(lock)) {
			break;
		}
	}
	zend_string_release(token);
	zend_string_release(lock);
	return result;
}

/*
 * Deletes the lock only if it is still ours: it may have expired and been taken by another
 * process. A forked child inherits its parent's list of held locks but not the locks themselves.
 */
static void redis_lease_release(zend_string *key)
{
	zval *token = held_locks ? zend_hash_find(held_locks, key) : NULL;

	if (!token) {
		return;
	}
	if (local_owner(Z_STRVAL_P(token), Z_STRLEN_P(token)) == getpid()) {
		zend_string *lock = prefixed("l:", 2, key);
		release_lock(lock, Z_STRVAL_P(token), Z_STRLEN_P(token));
		zend_string_release(lock);
	}
	zend_hash_del(held_locks, key);
}

/* Entries under the prefix: a SCAN, so stats() is the one call whose cost grows with the cache. */
static zend_long count_entries(void)
{
	zend_string *pattern = scan_pattern("k:");
	char cursor[32] = "0";
	zend_long entries = 0;

	do {
		const char *argv[6] = {"SCAN", cursor, "MATCH", ZSTR_VAL(pattern), "COUNT", SCAN_BATCH};
		size_t lens[6] = {4, strlen(cursor), 5, ZSTR_LEN(pattern), 5, strlen(SCAN_BATCH)};
		redisReply *reply = command(6, argv, lens);
		if (!reply || reply->type != REDIS_REPLY_ARRAY || reply->elements != 2) {
			if (reply) {
				freeReplyObject(reply);
			}
			break;
		}
		snprintf(cursor, sizeof(cursor), "%.*s", (int) reply->element[0]->len, reply->element[0]->str);
		for (size_t i = 0; i < reply->element[1]->elements; i++) {
			entries += under_prefix(reply->element[1]->element[i]);
		}
		freeReplyObject(reply);
	} while (strcmp(cursor, "0") != 0);
	zend_string_release(pattern);
	return entries;
}

static zend_long info_field(const char *info, const char *field)
{
	const char *at = strstr(info, field);
	return at ? ZEND_STRTOL(at + strlen(field), NULL, 10) : 0;
}

static void redis_stats(zval *stats)
{
	zend_long used = 0, max = 0, entries = 0;
	const char *argv[2] = {"INFO", "memory"};
	size_t lens[2] = {4, 6};
	redisReply *reply = command(2, argv, lens);

	if (reply && reply->type == REDIS_REPLY_STRING) {
		used = info_field(reply->str, "used_memory:");
		max = info_field(reply->str, "maxmemory:");
	}
	if (reply) {
		freeReplyObject(reply);
	}
	entries = count_entries();
	uint64_t hits = perf_cache_counter_total(REDIS_DRIVER, PERF_CACHE_HITS);
	uint64_t misses = perf_cache_counter_total(REDIS_DRIVER, PERF_CACHE_MISSES);
	add_assoc_long(stats, "hits", (zend_long) hits);
	add_assoc_long(stats, "misses", (zend_long) misses);
	add_assoc_double(stats, "hit_ratio", hits + misses ? (double) hits / (double) (hits + misses) : 0.0);
	add_assoc_long(stats, "stores", (zend_long) perf_cache_counter_total(REDIS_DRIVER, PERF_CACHE_STORES));
	add_assoc_long(stats, "deletes", (zend_long) perf_cache_counter_total(REDIS_DRIVER, PERF_CACHE_DELETES));
	add_assoc_long(stats, "evictions", 0);
	add_assoc_long(stats, "expired", 0);
	add_assoc_long(stats, "entries", entries);
	add_assoc_long(stats, "memory_size", max ? max : used);
	add_assoc_long(stats, "memory_used", used);
	add_assoc_long(stats, "memory_free", max > used ? max - used : 0);
	add_assoc_long(stats, "lock_waits", (zend_long) perf_cache_counter_total(REDIS_DRIVER, PERF_CACHE_LOCK_WAITS));
	add_assoc_long(stats, "lock_recoveries", (zend_long) perf_cache_counter_total(REDIS_DRIVER, PERF_CACHE_LOCK_RECOVERIES));
	add_assoc_long(stats, "stale_serves", (zend_long) perf_cache_counter_total(REDIS_DRIVER, PERF_CACHE_STALE_SERVES));
	add_assoc_long(stats, "errors", (zend_long) perf_cache_counter_total(REDIS_DRIVER, PERF_CACHE_ERRORS));
	perf_cache_breaker_stats(stats);
}

static zend_long redis_prune(void)
{
	/* Redis expires keys itself. */
	return 0;
}

static void redis_request_end(void)
{
	if (held_locks) {
		zend_hash_destroy(held_locks);
		FREE_HASHTABLE(held_locks);
		held_locks = NULL;
	}
	PERF_G(state.redis.auth_warned) = false;
	if (!PERF_G(settings.redis.persistent)) {
		disconnect();
	}
}

/* A forked child must not talk on its parent's socket: it forgets the connection (without closing it). */
static void forget_connection_after_fork(void)
{
	conn = NULL;
	forget_identity();
}

void perf_cache_redis_startup(void)
{
	identify_machine();
	pthread_atfork(NULL, NULL, forget_connection_after_fork);
}

void perf_cache_redis_shutdown(void)
{
	disconnect();
}

const perf_cache_driver perf_cache_driver_redis = {
	.name = "redis",
	.available = redis_available,
	.get = redis_get,
	.get_multiple = redis_get_multiple,
	.set = redis_set_tagged,
	.has = redis_has,
	.delete = redis_delete,
	.clear = redis_clear,
	.increment = redis_increment,
	.invalidate_tags = redis_invalidate_tags,
	.lease_acquire = redis_lease_acquire,
	.lease_release = redis_lease_release,
	.stats = redis_stats,
	.prune = redis_prune,
	.count = count,
	.request_end = redis_request_end,
};

#endif
