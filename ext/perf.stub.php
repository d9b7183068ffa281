<?php

/** @generate-class-entries */

function perf_annotate(string $key, string|int|float|bool|null $value): void {}

function perf_request_time(): float {}

function perf_stats(): array {}

function perf_opcache_stats(): array|false {}

function perf_log(string $message, array $context = [], string $level = "info", string $channel = "performance"): bool {}
