<?php

/**
 * IDE and static-analysis stub for the perf extension (PhpStorm, PHPStan, Psalm).
 *
 * This file is never executed: it only declares the functions the extension provides so that
 * tools which cannot load the extension know their signatures and documentation. The
 * signatures mirror ext/perf.stub.php; keep both in step.
 */

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
 *
 * @return array{
 *     request: array{time_ms: float, cpu_user_ms: float, cpu_sys_ms: float},
 *     memory: array{usage: int, peak: int, real_usage: int, real_peak: int, limit: int}
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
