<?php

/**
 * IDE and static-analysis stub for the perf extension (PhpStorm, PHPStan, Psalm).
 *
 * This file is never executed: it only declares the functions and the class the extension
 * provides so that tools which cannot load the extension know their signatures and
 * documentation. The signatures mirror ext/perf.stub.php; keep both in step. The functions are
 * in the global namespace and the class in Perf; a file with both needs braced namespace
 * blocks throughout.
 */

namespace {
	/**
	 * Adds a field to the current request's log record.
	 *
	 * Annotations appear in the slow-request record (see perf.slow_request_ms) next to the fields
	 * perf measures itself. The key "route" fills the record's route field, so the record names the
	 * route rather than only the URL. Annotations never overwrite a measured field (method, url,
	 * status, execution_time_ms, cpu_user_ms, cpu_sys_ms, memory_peak_mb, ip): such a key is
	 * ignored. Calling it again with the same key replaces the earlier value. A numeric string key
	 * such as "42" becomes an integer key, as in PHP arrays. Annotations are dropped when the
	 * request ends.
	 *
	 * @param non-empty-string $key The field name.
	 * @param string|int|float|bool|null $value The field value; only scalars and null, so the record
	 *                                          stays flat and cheap to write.
	 *
	 * @throws ValueError When $key is empty.
	 * @throws TypeError When $value is not a string, int, float, bool or null.
	 */
	function perf_annotate(string $key, string|int|float|bool|null $value): void {}

	/**
	 * Returns the time since the current request started, in milliseconds.
	 *
	 * Measured with the monotonic high-resolution clock, so it never goes backwards with the wall
	 * clock. Works in every SAPI and whether or not perf.enabled is on; for the CLI the request is
	 * the whole run of the script.
	 *
	 * @return float Milliseconds, with sub-millisecond precision.
	 */
	function perf_request_time(): float {}

	/**
	 * Starts a request inside a long-running PHP process (FrankenPHP worker mode, a queue consumer,
	 * a CLI daemon): timing, CPU time and annotations restart, and the slow-request log and the
	 * cache follow this request instead of the whole process. A request still open is ended first.
	 * Cache reads inside it are copies: values may be kept past perf_request_end().
	 */
	function perf_request_begin(): void {}

	/**
	 * Ends the request started by perf_request_begin(): writes its slow-request record if it was slow
	 * (or perf.log_all_requests is on), drops its annotations and releases its remember() locks.
	 * Inside a web request it ends only this logical request: values read zero-copy stay valid.
	 *
	 * @param int<100, 999>|null $status The HTTP status to log; null: the one PHP has.
	 * @return float The request's duration in milliseconds.
	 * @throws \ValueError When $status is not between 100 and 999.
	 */
	function perf_request_end(?int $status = null): float {}

	/**
	 * Returns time, CPU and memory figures for the current request.
	 *
	 * - request.time_ms: time since the request started, as perf_request_time(), rounded to 3 decimals.
	 * - request.cpu_user_ms, request.cpu_sys_ms: CPU time this process spent in user and kernel mode
	 *   since the request started (0 where getrusage() is unavailable).
	 * - memory.usage, memory.peak: bytes used by PHP's memory manager now and at most during the
	 *   request (memory_get_usage(), memory_get_peak_usage()).
	 * - memory.real_usage, memory.real_peak: the same counted in bytes obtained from the system
	 *   (memory_get_usage(true), memory_get_peak_usage(true)).
	 * - memory.limit: memory_limit in bytes, -1 when unlimited.
	 * - db.queries, db.time_ms, db.slow: PDO and mysqli queries this request ran so far, their time
	 *   (prepares included, rounded to 3 decimals) and how many reached perf.slow_query_ms; zeros
	 *   when perf.db_hooks is off or the request is not timed.
	 *
	 * @return array{
	 *     request: array{time_ms: float, cpu_user_ms: float, cpu_sys_ms: float},
	 *     memory: array{usage: int, peak: int, real_usage: int, real_peak: int, limit: int},
	 *     db: array{queries: int, time_ms: float, slow: int}
	 * }
	 */
	function perf_stats(): array {}

	/**
	 * Returns OPcache figures in a stable, compact shape.
	 *
	 * Reads opcache_get_status(false) without its per-script list and normalizes it:
	 * - enabled: whether OPcache caches scripts in this SAPI.
	 * - hit_rate: hits / (hits + misses) in percent (0 to 100, 3 decimals; 0.0 before any lookup).
	 * - hits, misses: cache lookups since the last restart; cached_scripts, max_cached_keys.
	 * - memory: shared memory used, free and wasted, in bytes; wasted_percent of the total.
	 * - interned_strings: interned-string buffer used and free, in bytes.
	 * - restarts: how often OPcache restarted because it ran out of memory (oom), out of hash
	 *   keys (hash), or was reset by opcache_reset() (manual).
	 * - jit: whether the JIT is enabled and on, and its buffer size and free space in bytes.
	 * Figures missing from opcache_get_status() are 0 (false for the booleans). Unlike
	 * opcache_get_status(), it does not warn when opcache.restrict_api excludes the script.
	 *
	 * @return array{
	 *     enabled: bool,
	 *     hit_rate: float,
	 *     hits: int,
	 *     misses: int,
	 *     cached_scripts: int,
	 *     max_cached_keys: int,
	 *     memory: array{used: int, free: int, wasted: int, wasted_percent: float},
	 *     interned_strings: array{used: int, free: int},
	 *     restarts: array{oom: int, hash: int, manual: int},
	 *     jit: array{enabled: bool, buffer_size: int, buffer_free: int}
	 * }|false False when OPcache is not loaded, when opcache.restrict_api excludes the running
	 *         script, or when OPcache reports no status (for example, the CLI without
	 *         opcache.enable_cli).
	 */
	function perf_opcache_stats(): array|false {}

	/**
	 * Writes one record to the perf log (perf.log_file, in perf.log_format).
	 *
	 * The record has Monolog's shape (message, context, level, level_name, channel, datetime,
	 * extra), so Monolog and Laravel tooling read it. It is written at once with a single write()
	 * on an O_APPEND descriptor, so records from concurrent workers never interleave. The context
	 * is JSON-encoded: invalid UTF-8 becomes U+FFFD and values JSON cannot encode become null, so a
	 * record is always one valid line. json_last_error() is left as it was.
	 *
	 * @param string $message The log message; line breaks are kept in JSON and become spaces in
	 *                        the line format.
	 * @param array<array-key, mixed> $context Structured data for the record.
	 * @param string $level A Monolog level name, in any case: "debug", "info", "notice",
	 *                      "warning", "error", "critical", "alert" or "emergency".
	 * @param non-empty-string $channel The channel name, as Monolog's logger name.
	 *
	 * @return bool True when the record was written; false when perf.log_file is empty or the file
	 *              cannot be opened or written (each process warns once about that, then only
	 *              counts the failures, shown in phpinfo()).
	 *
	 * @throws ValueError When $level is not a Monolog level name or $channel is empty.
	 */
	function perf_log(string $message, array $context = [], string $level = "info", string $channel = "performance"): bool {}

	/**
	 * Returns the value stored under a key, or $default when the key has no live entry.
	 *
	 * A key has no live entry when it was never stored, was deleted or evicted, has expired, or
	 * carries a tag invalidated since it was stored. An expired entry still inside
	 * perf.cache_stale_ttl is a miss here too: only perf_cache_remember() serves stale copies. A
	 * stored null or false is a hit and is returned as it is; to tell it from a miss, pass a
	 * $default that is never stored (a fresh object, say). The result is a copy: changing it does
	 * not change the cache. A value with objects is unserialized with the serializer it was stored
	 * with; one that no longer decodes (igbinary data once igbinary is no longer loaded) is a miss
	 * and counts as an error. When the cache is not available (see perf_cache_stats()), every key
	 * misses. Each call counts one hit or one miss.
	 *
	 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
	 * @param mixed $default Returned on a miss.
	 *
	 * @return mixed The stored value, or $default.
	 *
	 * @throws ValueError When $key is empty or longer than 250 bytes.
	 */
	function perf_cache_get(string $key, mixed $default = null): mixed {}

	/**
	 * Stores a value under a key, replacing the entry the key had.
	 *
	 * Strings, ints, floats, bools, null and arrays of them are stored as they are, as the engine's
	 * own immutable structures. A value that contains an object anywhere is serialized as a whole
	 * with perf.cache_serializer ("php", or "igbinary" when that extension is loaded) and
	 * unserialized on every read. References inside arrays are stored as plain values. The entry is
	 * visible at once to every process sharing the cache (with php-fpm: every worker of every pool
	 * of the master), and readers never see a half-written value. When the cache is full, room is
	 * made by evicting entries: expired and tag-invalidated ones first, then those not read for the
	 * longest time (CLOCK); the cache is never wiped as a whole. The value is checked and, when it
	 * has objects, serialized before anything is stored: a value that throws stores nothing.
	 *
	 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
	 * @param mixed $value Anything but a resource (also nested in an array), a Closure or an
	 *                     anonymous class, nested at most 256 levels deep.
	 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
	 *        Time to live: a number of seconds, as an int or a whole-number string such as "60"
	 *        (0 = no expiry); a tier, "short", "medium" or "long" (lower case), whose seconds are
	 *        perf.cache_ttl_short, perf.cache_ttl_medium or perf.cache_ttl_long; or null for
	 *        perf.cache_default_ttl.
	 * @param array<array-key, non-empty-string> $tags Tags to invalidate the entry by with
	 *                                                 perf_cache_invalidate_tags(): a list of at
	 *                                                 most 64 non-empty strings.
	 *
	 * @return bool True when stored; false when the cache is not available, or the value could not
	 *              be stored (larger than about a quarter of perf.cache_memory, or too many
	 *              distinct tags in use; counted in errors). The cache is then left as it was.
	 *
	 * @throws ValueError When $key is empty or longer than 250 bytes, $ttl is negative or a string
	 *                    other than a whole number, "short", "medium" and "long", $tags holds more
	 *                    than 64 tags or an empty one, or $value is nested deeper than 256 levels
	 *                    (or contains a reference to itself).
	 * @throws TypeError When $tags contains something other than a string, or $value contains a
	 *                   resource.
	 * @throws Exception When $value cannot be serialized: serialize() refuses a Closure or an
	 *                   anonymous class, and an object's __serialize() or __sleep() may throw.
	 */
	function perf_cache_set(string $key, mixed $value, int|string|null $ttl = null, array $tags = []): bool {}

	/**
	 * Stores a value under a key only if the key has no live entry.
	 *
	 * The check and the store are one atomic step across all processes: of several concurrent
	 * perf_cache_add() calls for a key that has no entry, exactly one stores. An expired entry
	 * (also one inside perf.cache_stale_ttl) or a tag-invalidated one counts as absent and is
	 * replaced. The value is stored as by perf_cache_set(), and is checked (and serialized) even
	 * when the key turns out to be taken.
	 *
	 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
	 * @param mixed $value Anything but a resource (also nested in an array), a Closure or an
	 *                     anonymous class, nested at most 256 levels deep.
	 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
	 *        Time to live: a number of seconds, as an int or a whole-number string such as "60"
	 *        (0 = no expiry); a tier, "short", "medium" or "long" (lower case), whose seconds are
	 *        perf.cache_ttl_short, perf.cache_ttl_medium or perf.cache_ttl_long; or null for
	 *        perf.cache_default_ttl.
	 * @param array<array-key, non-empty-string> $tags Tags to invalidate the entry by with
	 *                                                 perf_cache_invalidate_tags(): a list of at
	 *                                                 most 64 non-empty strings.
	 *
	 * @return bool True when the value was stored; false when the key already has a live entry, the
	 *              cache is not available, or the value could not be stored (see perf_cache_set()).
	 *
	 * @throws ValueError When $key is empty or longer than 250 bytes, $ttl is negative or a string
	 *                    other than a whole number, "short", "medium" and "long", $tags holds more
	 *                    than 64 tags or an empty one, or $value is nested deeper than 256 levels
	 *                    (or contains a reference to itself).
	 * @throws TypeError When $tags contains something other than a string, or $value contains a
	 *                   resource.
	 * @throws Exception When $value cannot be serialized: serialize() refuses a Closure or an
	 *                   anonymous class, and an object's __serialize() or __sleep() may throw.
	 */
	function perf_cache_add(string $key, mixed $value, int|string|null $ttl = null, array $tags = []): bool {}

	/**
	 * Tells whether a key has a live entry, one perf_cache_get() would return now.
	 *
	 * False for a key that was never stored, was deleted or evicted, has expired (also inside
	 * perf.cache_stale_ttl) or carries an invalidated tag, and when the cache is not available. Not
	 * counted in hits or misses. Another process may delete or replace the entry right after the
	 * check: to read a value, call perf_cache_get() with a $default that is never stored, or
	 * perf_cache_remember(), rather than perf_cache_has() and then perf_cache_get().
	 *
	 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
	 *
	 * @return bool True when the key has a live entry.
	 *
	 * @throws ValueError When $key is empty or longer than 250 bytes.
	 */
	function perf_cache_has(string $key): bool {}

	/**
	 * Removes the entry stored under a key.
	 *
	 * The entry disappears at once for every process; its memory is reused once no process is still
	 * reading it.
	 *
	 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
	 *
	 * @return bool True when an entry was removed (also an expired or tag-invalidated one that was
	 *              not reclaimed yet; counted in deletes); false when the key had none or the cache
	 *              is not available.
	 *
	 * @throws ValueError When $key is empty or longer than 250 bytes.
	 */
	function perf_cache_delete(string $key): bool {}

	/**
	 * Removes every entry of the cache.
	 *
	 * Every entry of the driver goes, not only the ones this application stored: for the memory
	 * driver, the whole shared segment, which every worker of the php-fpm master (all its pools) or
	 * of the Apache parent shares. Each removed entry counts in deletes. The statistics counters and
	 * the tag versions stay as they were.
	 *
	 * @return bool True when the cache was cleared; false when the cache is not available.
	 */
	function perf_cache_clear(): bool {}

	/**
	 * Returns the values of several keys, $default for each key without a live entry.
	 *
	 * Every key is checked before the first lookup, so a bad key throws before anything is read.
	 * Each key is looked up as by perf_cache_get() and counts one hit or one miss. The lookups are
	 * separate: another process may change some of the keys in between.
	 *
	 * @param array<array-key, string|int> $keys The keys, as the array's values (its keys are
	 *                                           ignored): strings of 1 to 250 bytes,
	 *                                           binary-safe, or ints (42 is the key "42").
	 * @param mixed $default Returned for each key that misses.
	 *
	 * @return array<array-key, mixed> key => value, in the order of $keys, one element per distinct
	 *                                 key. As in every PHP array, a numeric key such as "42"
	 *                                 becomes the int key 42.
	 *
	 * @throws TypeError When an element of $keys is neither a string nor an int.
	 * @throws ValueError When an element of $keys is an empty string or longer than 250 bytes.
	 */
	function perf_cache_get_multiple(array $keys, mixed $default = null): array {}

	/**
	 * Stores several values, all with the same TTL and tags.
	 *
	 * Bad input stores nothing: $ttl, then every key and every value (values with objects are
	 * serialized), then $tags are checked before the first store. The values are then stored one
	 * by one, each as by perf_cache_set(): not one atomic step, so another process may see some of
	 * the new values before the others.
	 *
	 * @param array<array-key, mixed> $values key => value. Keys are strings of 1 to 250 bytes,
	 *                                        binary-safe, or ints (PHP turns an array key "42"
	 *                                        into 42; it is the cache key "42"). Values are
	 *                                        anything but a resource, a Closure or an anonymous
	 *                                        class, nested at most 256 levels deep.
	 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
	 *        Time to live: a number of seconds, as an int or a whole-number string such as "60"
	 *        (0 = no expiry); a tier, "short", "medium" or "long" (lower case), whose seconds are
	 *        perf.cache_ttl_short, perf.cache_ttl_medium or perf.cache_ttl_long; or null for
	 *        perf.cache_default_ttl.
	 * @param array<array-key, non-empty-string> $tags Tags to invalidate the entries by with
	 *                                                 perf_cache_invalidate_tags(): a list of at
	 *                                                 most 64 non-empty strings.
	 *
	 * @return bool True when every value was stored; false when the cache is not available or some
	 *              value could not be stored (see perf_cache_set(); the others are stored).
	 *
	 * @throws ValueError When a key is empty or longer than 250 bytes, $ttl is negative or a string
	 *                    other than a whole number, "short", "medium" and "long", $tags holds more
	 *                    than 64 tags or an empty one, or a value is nested deeper than 256 levels
	 *                    (or contains a reference to itself).
	 * @throws TypeError When a value contains a resource, or $tags contains something other than a
	 *                   string.
	 * @throws Exception When a value cannot be serialized: serialize() refuses a Closure or an
	 *                   anonymous class, and an object's __serialize() or __sleep() may throw.
	 */
	function perf_cache_set_multiple(array $values, int|string|null $ttl = null, array $tags = []): bool {}

	/**
	 * Removes the entries of several keys.
	 *
	 * Every key is checked before the first removal, so a bad key throws before anything is
	 * removed. Keys without an entry are not an error, as in PSR-16's deleteMultiple(); each entry
	 * removed counts in deletes.
	 *
	 * @param array<array-key, string|int> $keys The keys, as the array's values (its keys are
	 *                                           ignored): strings of 1 to 250 bytes,
	 *                                           binary-safe, or ints (42 is the key "42").
	 *
	 * @return bool True, whether or not the keys had entries; false only when the cache is not
	 *              available.
	 *
	 * @throws TypeError When an element of $keys is neither a string nor an int.
	 * @throws ValueError When an element of $keys is an empty string or longer than 250 bytes.
	 */
	function perf_cache_delete_multiple(array $keys): bool {}

	/**
	 * Adds $step to the integer stored under a key and returns the new value.
	 *
	 * Atomic across processes: concurrent increments of a key are never lost, and a reader sees the
	 * old or the new number. A key without a live entry (never stored, deleted, evicted, expired or
	 * tag-invalidated) is created holding $step, as if it had held 0, with $ttl and no tags. An
	 * existing entry is changed in place and keeps its expiry time and tags; $ttl is then ignored.
	 * Only a value stored as an int is incremented: a numeric string such as "5", a float or any
	 * other type is left alone and the call returns false. Counted in stores.
	 *
	 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
	 * @param int $step The amount to add; may be negative.
	 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
	 *        Time to live of an entry this call creates: a number of seconds, as an int or a
	 *        whole-number string such as "60" (0 = no expiry); a tier, "short", "medium" or "long"
	 *        (lower case), whose seconds are perf.cache_ttl_short, perf.cache_ttl_medium or
	 *        perf.cache_ttl_long; or null for perf.cache_default_ttl.
	 *
	 * @return int|false The new value; false when the stored value is not an int, the result would
	 *                   overflow PHP_INT_MAX or PHP_INT_MIN (the value stays as it was), the entry
	 *                   could not be created (those three count in errors), or the cache is not
	 *                   available.
	 *
	 * @throws ValueError When $key is empty or longer than 250 bytes, or $ttl is negative or a
	 *                    string other than a whole number, "short", "medium" and "long".
	 */
	function perf_cache_increment(string $key, int $step = 1, int|string|null $ttl = null): int|false {}

	/**
	 * Subtracts $step from the integer stored under a key and returns the new value.
	 *
	 * perf_cache_increment() with -$step: atomic across processes; a key without a live entry is
	 * created holding -$step, with $ttl and no tags; an existing entry keeps its expiry time and
	 * tags; only a value stored as an int is decremented. Counted in stores.
	 *
	 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
	 * @param int $step The amount to subtract; may be negative, but not PHP_INT_MIN.
	 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
	 *        Time to live of an entry this call creates: a number of seconds, as an int or a
	 *        whole-number string such as "60" (0 = no expiry); a tier, "short", "medium" or "long"
	 *        (lower case), whose seconds are perf.cache_ttl_short, perf.cache_ttl_medium or
	 *        perf.cache_ttl_long; or null for perf.cache_default_ttl.
	 *
	 * @return int|false The new value; false when the stored value is not an int, the result would
	 *                   overflow PHP_INT_MAX or PHP_INT_MIN (the value stays as it was), the entry
	 *                   could not be created (those three count in errors), or the cache is not
	 *                   available.
	 *
	 * @throws ValueError When $key is empty or longer than 250 bytes, $ttl is negative or a string
	 *                    other than a whole number, "short", "medium" and "long", or $step is
	 *                    PHP_INT_MIN.
	 */
	function perf_cache_decrement(string $key, int $step = 1, int|string|null $ttl = null): int|false {}

	/**
	 * Returns the value stored under a key; on a miss computes it with $compute, stores it with $ttl
	 * and $tags and returns it, with protection against cache stampedes.
	 *
	 * On a miss one process takes a lease on the key and calls $compute. The other processes that
	 * miss the same key meanwhile wait for its result, for at most perf.cache_lock_wait_ms
	 * (counted in lock_waits), and return it without computing; only callers of that key wait.
	 * When the wait runs out, a waiter computes the value itself. A lease names its holder's pid: a
	 * process killed inside $compute does not hold the others up, its lease is taken over at once.
	 * When the key's entry has expired but is still inside perf.cache_stale_ttl, one process
	 * recomputes it while the others get the stale copy at once instead of waiting
	 * (stale-while-revalidate, counted in stale_serves).
	 *
	 * $compute is called without arguments. Whatever it returns, null included, is stored and
	 * returned; a value that cannot be stored (too large, or the cache not available) is still
	 * returned, and without an available cache $compute runs on every call. When $compute throws,
	 * nothing is stored, the lease is released (a waiting process then computes) and the exception
	 * reaches this caller only. Storing the result throws as perf_cache_set() would for that value;
	 * the result is then lost.
	 *
	 * @template T
	 *
	 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
	 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
	 *        Time to live of the computed value: a number of seconds, as an int or a whole-number
	 *        string such as "60" (0 = no expiry); a tier, "short", "medium" or "long" (lower case),
	 *        whose seconds are perf.cache_ttl_short, perf.cache_ttl_medium or perf.cache_ttl_long;
	 *        or null for perf.cache_default_ttl.
	 * @param callable(): T $compute Computes the value on a miss.
	 * @param array<array-key, non-empty-string> $tags Tags to invalidate the computed entry by with
	 *                                                 perf_cache_invalidate_tags(): a list of at
	 *                                                 most 64 non-empty strings.
	 *
	 * @return T The cached value, the stale copy, or the value $compute returned.
	 *
	 * @throws ValueError When $key is empty or longer than 250 bytes, $ttl is negative or a string
	 *                    other than a whole number, "short", "medium" and "long", $tags holds more
	 *                    than 64 tags or an empty one, or the computed value is nested deeper than
	 *                    256 levels (or contains a reference to itself).
	 * @throws TypeError When $tags contains something other than a string, or the computed value
	 *                   contains a resource (the message names argument #3, $compute).
	 * @throws Exception When the computed value cannot be serialized: serialize() refuses a Closure
	 *                   or an anonymous class, and an object's __serialize() or __sleep() may
	 *                   throw.
	 */
	function perf_cache_remember(string $key, int|string|null $ttl, callable $compute, array $tags = []): mixed {}

	/**
	 * Invalidates every entry stored with any of the given tags, in every process, at once.
	 *
	 * Tags are version counters in shared memory: an entry records the version of each of its tags
	 * when it is stored, and is a miss (for every function, also perf_cache_remember()'s stale
	 * copies) as soon as one of them has moved on. Invalidating bumps the counters: it costs the
	 * same whatever the number of entries, which are not scanned. The memory of invalidated entries
	 * is reclaimed when room is needed (counted in expired). Entries stored with the tag afterwards
	 * are live as usual.
	 *
	 * @param non-empty-string|array<array-key, non-empty-string> $tags One tag, or a list of at most
	 *                                                                 64.
	 *
	 * @return int<0, max> How many of the given tags were known, that is used by a store since the
	 *                     cache was created, and so invalidated (a tag given twice counts twice).
	 *                     An unknown tag needs no invalidation: no entry carries it. 0 when the
	 *                     cache is not available.
	 *
	 * @throws ValueError When a tag is empty, or $tags holds more than 64 tags.
	 * @throws TypeError When $tags contains something other than a string.
	 */
	function perf_cache_invalidate_tags(string|array $tags): int {}

	/**
	 * Builds a cache key from a namespace and any values.
	 *
	 * The key is $namespace, a colon and the SHA-1 of serialize($parts) in 40 lowercase hex digits,
	 * i.e. $namespace . ':' . sha1(serialize($parts)). So it is the same in every process and after
	 * restarts, at most 241 bytes (a valid key for every driver however large the parts are), and
	 * different for different parts: types count (1 and "1" give different keys), as do array keys
	 * and order. Objects are serialized as serialize() does it, with their __serialize() or
	 * __sleep(); a resource serializes as 0, so it does not belong in a key.
	 *
	 * @param non-empty-string $namespace The readable prefix of the key: 1 to 200 bytes,
	 *                                    binary-safe.
	 * @param mixed ...$parts The values the key stands for; none is fine.
	 *
	 * @return non-empty-string The key, strlen($namespace) + 41 bytes long.
	 *
	 * @throws ValueError When $namespace is empty or longer than 200 bytes.
	 * @throws Exception When a part cannot be serialized: serialize() refuses a Closure or an
	 *                   anonymous class, and an object's __serialize() or __sleep() may throw.
	 */
	function perf_cache_key(string $namespace, mixed ...$parts): string {}

	/**
	 * Returns the cache's figures.
	 *
	 * Counters are summed over every process that shares the cache, since its shared memory was
	 * created (when php-fpm or Apache started; for the CLI with perf.cache_enable_cli, when the
	 * script started). perf_cache_clear() does not reset them.
	 * - driver: the driver's name, "memory".
	 * - available: whether the cache works in this process. False in the CLI (and phpdbg) without
	 *   perf.cache_enable_cli, and when the shared memory could not be created at startup
	 *   (perf.cache_memory too small, or mmap() failed; a startup warning says which). Then every
	 *   lookup misses, every store returns false, and the array has only driver and available.
	 * - hits, misses: lookups by perf_cache_get(), perf_cache_get_multiple() (one per key) and
	 *   perf_cache_remember() that found a live entry, or none (an expired entry is a miss, also
	 *   when remember() serves it stale). perf_cache_has() is not counted.
	 * - hit_ratio: hits / (hits + misses), a fraction from 0 to 1 (not a percentage); 0.0 before
	 *   any lookup.
	 * - stores: values stored (set, add, set_multiple, remember) and increments or decrements done.
	 * - deletes: entries removed by delete, delete_multiple and clear.
	 * - evictions: live entries evicted to make room, not read for the longest time (CLOCK).
	 * - expired: entries reclaimed to make room because they had expired beyond
	 *   perf.cache_stale_ttl or carried an invalidated tag.
	 * - entries: entries in the cache now, counting expired and invalidated ones not reclaimed yet.
	 * - memory_size: bytes for entries: perf.cache_memory less the fixed tables (hash buckets,
	 *   locks, process slots, tags, leases).
	 * - memory_used, memory_free: bytes of memory_size in use and free. In use are live entries
	 *   and removed or replaced ones a reader may still be copying (reused once no reader can be).
	 * - lock_waits: perf_cache_remember() calls that waited for another process computing the same
	 *   key.
	 * - lock_recoveries: locks taken over from a process that died holding them (the structures
	 *   they guard are published with single stores, so the cache stays consistent).
	 * - stale_serves: perf_cache_remember() calls answered with an expired copy (inside
	 *   perf.cache_stale_ttl) while another process recomputed it.
	 * - errors: stores that failed (value too large, too many distinct tags), increments of a
	 *   non-int or overflowing value, stored values that no longer unserialize.
	 *
	 * @return array{
	 *     driver: non-empty-string,
	 *     available: true,
	 *     hits: int,
	 *     misses: int,
	 *     hit_ratio: float,
	 *     stores: int,
	 *     deletes: int,
	 *     evictions: int,
	 *     expired: int,
	 *     entries: int,
	 *     memory_size: int,
	 *     memory_used: int,
	 *     memory_free: int,
	 *     lock_waits: int,
	 *     lock_recoveries: int,
	 *     stale_serves: int,
	 *     errors: int
	 * }|array{driver: non-empty-string, available: false}
	 */
	function perf_cache_stats(): array {}

	/**
	 * Removes expired entries (past their stale window), entries with an invalidated tag and
	 * corrupt entries of the default driver now, instead of waiting for them to be found.
	 *
	 * The file driver walks its directory; it also prunes one shard directory in 1000 stores on its
	 * own. The memory driver evicts such entries whenever it needs room, and Redis expires keys
	 * itself: for them this returns 0.
	 *
	 * @return int<0, max> How many entries were removed.
	 */
	function perf_cache_prune(): int {}

	/**
	 * Every metric in the Prometheus text exposition format (version 0.0.4), for a /metrics route.
	 *
	 * Figures are aggregated across every worker that shares perf's metrics segment (all workers of
	 * a php-fpm master): perf_requests_total{status}, perf_request_duration_seconds,
	 * perf_slow_requests_total, perf_request_memory_peak_bytes, perf_cache_operations_total
	 * {driver,op,result}, perf_cache_evictions_total, perf_db_queries_total,
	 * perf_db_slow_queries_total, perf_db_query_duration_seconds, OPcache gauges (read now) and the
	 * application's own series. A request is counted when it ends, so a scrape does not count itself.
	 *
	 * @return string The exposition text; with perf.metrics_enabled=0 only a comment line.
	 */
	function perf_metrics(): string {}

	/**
	 * Sets every metric back to zero (counters, histograms, the slow-request ring) and removes the
	 * application series, for every worker: each comes back (with any type) at its next update, so a
	 * flood of unwanted series can be cleared without a restart. Prometheus sees a counter reset.
	 */
	function perf_metrics_reset(): void {}

	/**
	 * Adds to an application counter, shared by every worker of the pool.
	 *
	 * @param string $name A Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*, not starting with
	 *                     "perf_"); by convention it ends in "_total".
	 * @param float $by How much to add: finite, 0 or more.
	 * @param array<string, string> $labels Label names ([a-zA-Z_][a-zA-Z0-9_]*, not starting with
	 *                                     "__") to UTF-8 string values without control characters
	 *                                     (no byte below 0x20); the order does not matter.
	 *
	 * @return bool False when the series could not be created because perf.metrics_max_series
	 *              series exist (the drop is counted in perf_metrics_series_dropped_total), or when
	 *              metrics are off.
	 *
	 * @throws ValueError For an invalid name, label or value, or a name already used by a gauge
	 *                    or histogram.
	 */
	function perf_counter_inc(string $name, float $by = 1, array $labels = []): bool {}

	/**
	 * Sets an application gauge, shared by every worker of the pool (the last write wins).
	 *
	 * @param string $name A Prometheus metric name (see perf_counter_inc()).
	 * @param float $value Any number but NAN.
	 * @param array<string, string> $labels See perf_counter_inc().
	 *
	 * @return bool See perf_counter_inc().
	 *
	 * @throws ValueError For an invalid name, label or value, or a name used by another type.
	 */
	function perf_gauge_set(string $name, float $value, array $labels = []): bool {}

	/**
	 * Records one observation in an application histogram with the perf.metrics_buckets bounds.
	 *
	 * @param string $name A Prometheus metric name (see perf_counter_inc()); by convention with a
	 *                     unit suffix such as "_seconds" or "_bytes".
	 * @param float $value Any number but NAN.
	 * @param array<string, string> $labels See perf_counter_inc(); "le" is reserved.
	 *
	 * @return bool See perf_counter_inc().
	 *
	 * @throws ValueError For an invalid name, label or value, or a name used by another type.
	 */
	function perf_histogram_observe(string $name, float $value, array $labels = []): bool {}

	/**
	 * A self-contained HTML page of the metrics: request rate, latency histogram, the most recent
	 * slow requests, cache hit ratio and memory per driver, OPcache memory and hit rate, database
	 * query figures. Charts are inline SVG; the page has no script and loads nothing.
	 *
	 * Serve it only to operators: it shows request URIs.
	 */
	function perf_dashboard(): string {}
}

namespace Perf {
	/**
	 * The cache API as an object bound to one driver.
	 *
	 * The methods are the perf_cache_*() functions, with the same arguments, results, counters
	 * and errors: get, set, add, has, delete, clear, getMultiple, setMultiple, deleteMultiple,
	 * increment, decrement, remember, invalidateTags and stats (perf_cache_key() has no method). The
	 * functions use the driver perf.cache_driver names at the time of each call; an object keeps
	 * the driver it was constructed with. Objects of one driver share its store with each other and
	 * with the functions: for "memory", the one shared segment. The names follow PSR-16, but the
	 * class does not implement Psr\SimpleCache\CacheInterface (whose TTL may be a DateInterval).
	 *
	 * An object cannot be cloned (Error). A subclass that overrides the constructor must call
	 * parent::__construct(): until it has run, every method throws Error ("Perf\Cache object is
	 * not initialized: call its constructor").
	 */
	class Cache
	{
		/**
		 * Binds the object to a cache driver.
		 *
		 * This version has one driver, "memory": a shared-memory segment created at startup and
		 * shared by every worker of the php-fpm master (or Apache parent). See perf.cache_memory and
		 * perf.cache_enable_cli. A driver that is not available in this process (see stats()) is
		 * still accepted: its lookups miss and its stores return false.
		 *
		 * @param non-empty-string|null $driver The driver's name, in any case: "memory". null uses
		 *                                      perf.cache_driver as it is now.
		 *
		 * @throws \ValueError When $driver names no driver of this version.
		 */
		public function __construct(?string $driver = null) {}

		/**
		 * Returns the name of the driver the object is bound to.
		 *
		 * @return non-empty-string The driver's name in lower case, "memory".
		 */
		public function driver(): string {}

		/**
		 * Returns the value stored under a key, or $default when the key has no live entry.
		 *
		 * As perf_cache_get(): expired entries (also inside perf.cache_stale_ttl) and entries with an
		 * invalidated tag miss; a stored null or false is a hit; the result is a copy. Each call
		 * counts one hit or one miss.
		 *
		 * @see \perf_cache_get()
		 *
		 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
		 * @param mixed $default Returned on a miss.
		 *
		 * @return mixed The stored value, or $default.
		 *
		 * @throws \ValueError When $key is empty or longer than 250 bytes.
		 */
		public function get(string $key, mixed $default = null): mixed {}

		/**
		 * Stores a value under a key, replacing the entry the key had.
		 *
		 * As perf_cache_set(): scalars, strings and arrays are stored as they are, values with
		 * objects are serialized with perf.cache_serializer; the entry is visible at once to every
		 * process; a full cache evicts expired, invalidated, then least recently read entries.
		 *
		 * @see \perf_cache_set()
		 *
		 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
		 * @param mixed $value Anything but a resource (also nested in an array), a Closure or an
		 *                     anonymous class, nested at most 256 levels deep.
		 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
		 *        Time to live: a number of seconds, as an int or a whole-number string such as "60"
		 *        (0 = no expiry); a tier, "short", "medium" or "long" (lower case), whose seconds
		 *        are perf.cache_ttl_short, perf.cache_ttl_medium or perf.cache_ttl_long; or null
		 *        for perf.cache_default_ttl.
		 * @param array<array-key, non-empty-string> $tags Tags to invalidate the entry by with
		 *                                                 invalidateTags(): a list of at most 64
		 *                                                 non-empty strings.
		 *
		 * @return bool True when stored; false when the cache is not available, or the value could
		 *              not be stored (larger than about a quarter of perf.cache_memory, or too
		 *              many distinct tags in use; counted in errors).
		 *
		 * @throws \ValueError When $key is empty or longer than 250 bytes, $ttl is negative or a
		 *                     string other than a whole number, "short", "medium" and "long", $tags
		 *                     holds more than 64 tags or an empty one, or $value is nested deeper
		 *                     than 256 levels (or contains a reference to itself).
		 * @throws \TypeError When $tags contains something other than a string, or $value contains a
		 *                    resource.
		 * @throws \Exception When $value cannot be serialized: serialize() refuses a Closure or an
		 *                    anonymous class, and an object's __serialize() or __sleep() may throw.
		 */
		public function set(string $key, mixed $value, int|string|null $ttl = null, array $tags = []): bool {}

		/**
		 * Stores a value under a key only if the key has no live entry.
		 *
		 * As perf_cache_add(): check and store are one atomic step across all processes; an expired
		 * or tag-invalidated entry counts as absent and is replaced.
		 *
		 * @see \perf_cache_add()
		 *
		 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
		 * @param mixed $value Anything but a resource (also nested in an array), a Closure or an
		 *                     anonymous class, nested at most 256 levels deep.
		 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
		 *        Time to live: a number of seconds, as an int or a whole-number string such as "60"
		 *        (0 = no expiry); a tier, "short", "medium" or "long" (lower case), whose seconds
		 *        are perf.cache_ttl_short, perf.cache_ttl_medium or perf.cache_ttl_long; or null
		 *        for perf.cache_default_ttl.
		 * @param array<array-key, non-empty-string> $tags Tags to invalidate the entry by with
		 *                                                 invalidateTags(): a list of at most 64
		 *                                                 non-empty strings.
		 *
		 * @return bool True when the value was stored; false when the key already has a live entry,
		 *              the cache is not available, or the value could not be stored.
		 *
		 * @throws \ValueError When $key is empty or longer than 250 bytes, $ttl is negative or a
		 *                     string other than a whole number, "short", "medium" and "long", $tags
		 *                     holds more than 64 tags or an empty one, or $value is nested deeper
		 *                     than 256 levels (or contains a reference to itself).
		 * @throws \TypeError When $tags contains something other than a string, or $value contains a
		 *                    resource.
		 * @throws \Exception When $value cannot be serialized: serialize() refuses a Closure or an
		 *                    anonymous class, and an object's __serialize() or __sleep() may throw.
		 */
		public function add(string $key, mixed $value, int|string|null $ttl = null, array $tags = []): bool {}

		/**
		 * Tells whether a key has a live entry, one get() would return now.
		 *
		 * As perf_cache_has(): false for expired (also inside perf.cache_stale_ttl) and
		 * tag-invalidated entries and when the cache is not available; not counted in hits or
		 * misses. The entry may change right after the check: read with get() and a $default that
		 * is never stored, or remember(), rather than has() and then get().
		 *
		 * @see \perf_cache_has()
		 *
		 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
		 *
		 * @return bool True when the key has a live entry.
		 *
		 * @throws \ValueError When $key is empty or longer than 250 bytes.
		 */
		public function has(string $key): bool {}

		/**
		 * Removes the entry stored under a key.
		 *
		 * @see \perf_cache_delete()
		 *
		 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
		 *
		 * @return bool True when an entry was removed (also an expired or tag-invalidated one that
		 *              was not reclaimed yet; counted in deletes); false when the key had none or the
		 *              cache is not available.
		 *
		 * @throws \ValueError When $key is empty or longer than 250 bytes.
		 */
		public function delete(string $key): bool {}

		/**
		 * Removes every entry of the driver.
		 *
		 * As perf_cache_clear(): every entry goes, not only those stored through this object; for
		 * "memory", the whole segment every worker shares. Statistics counters and tag versions stay.
		 *
		 * @see \perf_cache_clear()
		 *
		 * @return bool True when the cache was cleared; false when the cache is not available.
		 */
		public function clear(): bool {}

		/**
		 * Returns the values of several keys, $default for each key without a live entry.
		 *
		 * As perf_cache_get_multiple(): every key is checked before the first lookup; each key counts
		 * one hit or one miss; the lookups are separate, not a snapshot.
		 *
		 * @see \perf_cache_get_multiple()
		 *
		 * @param array<array-key, string|int> $keys The keys, as the array's values (its keys are
		 *                                           ignored): strings of 1 to 250 bytes,
		 *                                           binary-safe, or ints (42 is the key "42").
		 * @param mixed $default Returned for each key that misses.
		 *
		 * @return array<array-key, mixed> key => value, in the order of $keys, one element per
		 *                                 distinct key. As in every PHP array, a numeric key such as
		 *                                 "42" becomes the int key 42.
		 *
		 * @throws \TypeError When an element of $keys is neither a string nor an int.
		 * @throws \ValueError When an element of $keys is an empty string or longer than 250 bytes.
		 */
		public function getMultiple(array $keys, mixed $default = null): array {}

		/**
		 * Stores several values, all with the same TTL and tags.
		 *
		 * As perf_cache_set_multiple(): $ttl, every key and value, and $tags are checked before the
		 * first store, so bad input stores nothing; the stores are then one per key, not one atomic
		 * step.
		 *
		 * @see \perf_cache_set_multiple()
		 *
		 * @param array<array-key, mixed> $values key => value. Keys are strings of 1 to 250 bytes,
		 *                                        binary-safe, or ints (PHP turns an array key "42"
		 *                                        into 42; it is the cache key "42"). Values are
		 *                                        anything but a resource, a Closure or an anonymous
		 *                                        class, nested at most 256 levels deep.
		 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
		 *        Time to live: a number of seconds, as an int or a whole-number string such as "60"
		 *        (0 = no expiry); a tier, "short", "medium" or "long" (lower case), whose seconds
		 *        are perf.cache_ttl_short, perf.cache_ttl_medium or perf.cache_ttl_long; or null
		 *        for perf.cache_default_ttl.
		 * @param array<array-key, non-empty-string> $tags Tags to invalidate the entries by with
		 *                                                 invalidateTags(): a list of at most 64
		 *                                                 non-empty strings.
		 *
		 * @return bool True when every value was stored; false when the cache is not available or
		 *              some value could not be stored (the others are stored).
		 *
		 * @throws \ValueError When a key is empty or longer than 250 bytes, $ttl is negative or a
		 *                     string other than a whole number, "short", "medium" and "long", $tags
		 *                     holds more than 64 tags or an empty one, or a value is nested deeper
		 *                     than 256 levels (or contains a reference to itself).
		 * @throws \TypeError When a value contains a resource, or $tags contains something other than
		 *                    a string.
		 * @throws \Exception When a value cannot be serialized: serialize() refuses a Closure or an
		 *                    anonymous class, and an object's __serialize() or __sleep() may throw.
		 */
		public function setMultiple(array $values, int|string|null $ttl = null, array $tags = []): bool {}

		/**
		 * Removes the entries of several keys.
		 *
		 * As perf_cache_delete_multiple(): every key is checked before the first removal; keys
		 * without an entry are not an error, as in PSR-16.
		 *
		 * @see \perf_cache_delete_multiple()
		 *
		 * @param array<array-key, string|int> $keys The keys, as the array's values (its keys are
		 *                                           ignored): strings of 1 to 250 bytes,
		 *                                           binary-safe, or ints (42 is the key "42").
		 *
		 * @return bool True, whether or not the keys had entries; false only when the cache is not
		 *              available.
		 *
		 * @throws \TypeError When an element of $keys is neither a string nor an int.
		 * @throws \ValueError When an element of $keys is an empty string or longer than 250 bytes.
		 */
		public function deleteMultiple(array $keys): bool {}

		/**
		 * Adds $step to the integer stored under a key and returns the new value.
		 *
		 * As perf_cache_increment(): atomic across processes; a key without a live entry is created
		 * holding $step, with $ttl and no tags; an existing entry keeps its expiry time and tags
		 * ($ttl is then ignored); only a value stored as an int is incremented.
		 *
		 * @see \perf_cache_increment()
		 *
		 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
		 * @param int $step The amount to add; may be negative.
		 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
		 *        Time to live of an entry this call creates: a number of seconds, as an int or a
		 *        whole-number string such as "60" (0 = no expiry); a tier, "short", "medium" or
		 *        "long" (lower case), whose seconds are perf.cache_ttl_short, perf.cache_ttl_medium
		 *        or perf.cache_ttl_long; or null for perf.cache_default_ttl.
		 *
		 * @return int|false The new value; false when the stored value is not an int, the result
		 *                   would overflow PHP_INT_MAX or PHP_INT_MIN (the value stays as it was), the
		 *                   entry could not be created (those three count in errors), or the cache is
		 *                   not available.
		 *
		 * @throws \ValueError When $key is empty or longer than 250 bytes, or $ttl is negative or a
		 *                     string other than a whole number, "short", "medium" and "long".
		 */
		public function increment(string $key, int $step = 1, int|string|null $ttl = null): int|false {}

		/**
		 * Subtracts $step from the integer stored under a key and returns the new value.
		 *
		 * As perf_cache_decrement(): increment() with -$step.
		 *
		 * @see \perf_cache_decrement()
		 *
		 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
		 * @param int $step The amount to subtract; may be negative, but not PHP_INT_MIN.
		 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
		 *        Time to live of an entry this call creates: a number of seconds, as an int or a
		 *        whole-number string such as "60" (0 = no expiry); a tier, "short", "medium" or
		 *        "long" (lower case), whose seconds are perf.cache_ttl_short, perf.cache_ttl_medium
		 *        or perf.cache_ttl_long; or null for perf.cache_default_ttl.
		 *
		 * @return int|false The new value; false when the stored value is not an int, the result
		 *                   would overflow PHP_INT_MAX or PHP_INT_MIN (the value stays as it was), the
		 *                   entry could not be created (those three count in errors), or the cache is
		 *                   not available.
		 *
		 * @throws \ValueError When $key is empty or longer than 250 bytes, $ttl is negative or a
		 *                     string other than a whole number, "short", "medium" and "long", or
		 *                     $step is PHP_INT_MIN.
		 */
		public function decrement(string $key, int $step = 1, int|string|null $ttl = null): int|false {}

		/**
		 * Returns the value stored under a key; on a miss computes it with $compute, stores it with
		 * $ttl and $tags and returns it, with protection against cache stampedes.
		 *
		 * As perf_cache_remember(): on a miss one process computes while the others that miss the
		 * same key wait for its result (at most perf.cache_lock_wait_ms, then they compute
		 * themselves); with an expired copy inside perf.cache_stale_ttl they get that copy at once
		 * instead. A process killed inside $compute does not hold the others up. $compute is called
		 * without arguments; its result, null included, is stored and returned. When $compute
		 * throws, nothing is stored and the exception reaches this caller only.
		 *
		 * @see \perf_cache_remember()
		 *
		 * @template T
		 *
		 * @param non-empty-string $key The key: 1 to 250 bytes, binary-safe.
		 * @param int<0, max>|numeric-string|'short'|'medium'|'long'|null $ttl
		 *        Time to live of the computed value: a number of seconds, as an int or a
		 *        whole-number string such as "60" (0 = no expiry); a tier, "short", "medium" or
		 *        "long" (lower case), whose seconds are perf.cache_ttl_short, perf.cache_ttl_medium
		 *        or perf.cache_ttl_long; or null for perf.cache_default_ttl.
		 * @param callable(): T $compute Computes the value on a miss.
		 * @param array<array-key, non-empty-string> $tags Tags to invalidate the computed entry by
		 *                                                 with invalidateTags(): a list of at most
		 *                                                 64 non-empty strings.
		 *
		 * @return T The cached value, the stale copy, or the value $compute returned.
		 *
		 * @throws \ValueError When $key is empty or longer than 250 bytes, $ttl is negative or a
		 *                     string other than a whole number, "short", "medium" and "long", $tags
		 *                     holds more than 64 tags or an empty one, or the computed value is
		 *                     nested deeper than 256 levels (or contains a reference to itself).
		 * @throws \TypeError When $tags contains something other than a string, or the computed value
		 *                    contains a resource (the message names argument #3, $compute).
		 * @throws \Exception When the computed value cannot be serialized: serialize() refuses a
		 *                    Closure or an anonymous class, and an object's __serialize() or
		 *                    __sleep() may throw.
		 */
		public function remember(string $key, int|string|null $ttl, callable $compute, array $tags = []): mixed {}

		/**
		 * Invalidates every entry stored with any of the given tags, in every process, at once.
		 *
		 * As perf_cache_invalidate_tags(): tags are version counters, so invalidating costs the same
		 * whatever the number of entries; an entry is a miss as soon as one of its tags has moved on.
		 *
		 * @see \perf_cache_invalidate_tags()
		 *
		 * @param non-empty-string|array<array-key, non-empty-string> $tags One tag, or a list of at
		 *                                                                 most 64.
		 *
		 * @return int<0, max> How many of the given tags were known (used by a store since the cache
		 *                     was created) and so invalidated, a tag given twice counting twice; 0
		 *                     when the cache is not available.
		 *
		 * @throws \ValueError When a tag is empty, or $tags holds more than 64 tags.
		 * @throws \TypeError When $tags contains something other than a string.
		 */
		public function invalidateTags(string|array $tags): int {}

		/**
		 * Returns the driver's figures.
		 *
		 * The same array as perf_cache_stats() for this object's driver; see there for each field.
		 * When the driver is not available in this process, only driver and available are present.
		 *
		 * @see \perf_cache_stats()
		 *
		 * @return array{
		 *     driver: non-empty-string,
		 *     available: true,
		 *     hits: int,
		 *     misses: int,
		 *     hit_ratio: float,
		 *     stores: int,
		 *     deletes: int,
		 *     evictions: int,
		 *     expired: int,
		 *     entries: int,
		 *     memory_size: int,
		 *     memory_used: int,
		 *     memory_free: int,
		 *     lock_waits: int,
		 *     lock_recoveries: int,
		 *     stale_serves: int,
		 *     errors: int
		 * }|array{driver: non-empty-string, available: false}
		 */
		public function stats(): array {}

		/**
		 * Removes expired, invalidated and corrupt entries of this instance's driver now.
		 *
		 * @return int<0, max> How many entries were removed.
		 * @see \perf_cache_prune()
		 */
		public function prune(): int {}
	}
}
