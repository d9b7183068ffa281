<?php

/** @generate-class-entries */

namespace {
	function perf_annotate(string $key, string|int|float|bool|null $value): void {}

	function perf_request_time(): float {}

	function perf_request_begin(): void {}

	function perf_request_end(?int $status = null): float {}

	function perf_stats(): array {}

	function perf_opcache_stats(): array|false {}

	function perf_log(string $message, array $context = [], string $level = "info", string $channel = "performance"): bool {}

	function perf_cache_get(string $key, mixed $default = null): mixed {}

	function perf_cache_set(string $key, mixed $value, int|string|null $ttl = null, array $tags = []): bool {}

	function perf_cache_add(string $key, mixed $value, int|string|null $ttl = null, array $tags = []): bool {}

	function perf_cache_has(string $key): bool {}

	function perf_cache_delete(string $key): bool {}

	function perf_cache_clear(): bool {}

	function perf_cache_get_multiple(array $keys, mixed $default = null): array {}

	function perf_cache_set_multiple(array $values, int|string|null $ttl = null, array $tags = []): bool {}

	function perf_cache_delete_multiple(array $keys): bool {}

	function perf_cache_increment(string $key, int $step = 1, int|string|null $ttl = null): int|false {}

	function perf_cache_decrement(string $key, int $step = 1, int|string|null $ttl = null): int|false {}

	function perf_cache_remember(string $key, int|string|null $ttl, callable $compute, array $tags = []): mixed {}

	function perf_cache_invalidate_tags(string|array $tags): int {}

	function perf_cache_key(string $namespace, mixed ...$parts): string {}

	function perf_cache_stats(): array {}

	function perf_cache_prune(): int {}

	function perf_metrics(): string {}

	function perf_metrics_reset(): void {}

	function perf_counter_inc(string $name, float $by = 1, array $labels = []): bool {}

	function perf_gauge_set(string $name, float $value, array $labels = []): bool {}

	function perf_histogram_observe(string $name, float $value, array $labels = []): bool {}

	function perf_dashboard(): string {}
}

namespace Perf {
	class Cache
	{
		public function __construct(?string $driver = null) {}

		public function driver(): string {}

		public function get(string $key, mixed $default = null): mixed {}

		public function set(string $key, mixed $value, int|string|null $ttl = null, array $tags = []): bool {}

		public function add(string $key, mixed $value, int|string|null $ttl = null, array $tags = []): bool {}

		public function has(string $key): bool {}

		public function delete(string $key): bool {}

		public function clear(): bool {}

		public function getMultiple(array $keys, mixed $default = null): array {}

		public function setMultiple(array $values, int|string|null $ttl = null, array $tags = []): bool {}

		public function deleteMultiple(array $keys): bool {}

		public function increment(string $key, int $step = 1, int|string|null $ttl = null): int|false {}

		public function decrement(string $key, int $step = 1, int|string|null $ttl = null): int|false {}

		public function remember(string $key, int|string|null $ttl, callable $compute, array $tags = []): mixed {}

		public function invalidateTags(string|array $tags): int {}

		public function stats(): array {}

		public function prune(): int {}
	}
}
