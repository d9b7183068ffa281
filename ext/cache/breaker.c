/*
 * The remote drivers' circuit breaker: consecutive failures open it for a cooldown, then one
 * process probes. Kept in the memory driver's segment so that every worker shares it; without a
 * segment, per process.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <unistd.h>

#include "cache/shm.h"

/* A prober owning a slot is named by its owner token, above 2^32; one without, by its pid. */
#define PROBER_TOKEN (INT64_C(1) << 32)

static shm_breaker local_breaker;

static shm_breaker *breaker(void)
{
	return shm_ready() ? &header->breaker : &local_breaker;
}

static int64_t current_prober(void)
{
	if (shm_ready() && slot()) {
		return PROBER_TOKEN | owner_token();
	}
	if (!own_pid) {
		own_pid = (int32_t) getpid();
	}
	return own_pid;
}

static bool prober_alive(int64_t prober)
{
	return prober >= PROBER_TOKEN ? owner_alive((uint32_t) prober) : process_alive((int32_t) prober);
}

bool perf_cache_breaker_allow(void)
{
	shm_breaker *b = breaker();
	int64_t until = atomic_load(&b->open_until_ms);

	if (until == 0) {
		return true;
	}
	if (now_ms() >= until) {
		int64_t prober = atomic_load(&b->prober);
		if (prober == current_prober()) {
			return true;
		}
		if ((prober == 0 || !prober_alive(prober)) && atomic_compare_exchange_strong(&b->prober, &prober, current_prober())) {
			return true;
		}
	}
	atomic_fetch_add(&b->fast_failures, 1);
	return false;
}

void perf_cache_breaker_success(void)
{
	shm_breaker *b = breaker();

	if (atomic_load(&b->failures) || atomic_load(&b->open_until_ms)) {
		atomic_store(&b->failures, 0);
		atomic_store(&b->open_until_ms, 0);
		atomic_store(&b->prober, 0);
	}
}

void perf_cache_breaker_failure(zend_long failures_to_open, zend_long cooldown_ms)
{
	shm_breaker *b = breaker();

	if (atomic_load(&b->prober) == current_prober()) {
		/* The probe failed: another cooldown. */
		atomic_store(&b->open_until_ms, now_ms() + cooldown_ms);
		atomic_store(&b->prober, 0);
		atomic_fetch_add(&b->opens, 1);
		return;
	}
	uint32_t failures = atomic_fetch_add(&b->failures, 1) + 1;
	int64_t closed = 0;
	if (failures >= (uint32_t) failures_to_open
		&& atomic_compare_exchange_strong(&b->open_until_ms, &closed, now_ms() + cooldown_ms)) {
		atomic_fetch_add(&b->opens, 1);
	}
}

void perf_cache_breaker_stats(zval *stats)
{
	shm_breaker *b = breaker();
	int64_t until = atomic_load(&b->open_until_ms);

	add_assoc_string(stats, "breaker_state", until == 0 ? "closed" : (now_ms() < until ? "open" : "half-open"));
	add_assoc_long(stats, "breaker_failures", (zend_long) atomic_load(&b->failures));
	add_assoc_long(stats, "breaker_opens", (zend_long) atomic_load(&b->opens));
	add_assoc_long(stats, "breaker_fast_failures", (zend_long) atomic_load(&b->fast_failures));
}
