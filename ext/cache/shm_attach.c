/*
 * Where the memory driver's segment comes from: the named segment of this user and
 * perf.cache_name (ext/shm/segment.c), attached at the first cache operation of a process, or,
 * with an empty name, one anonymous segment made in MINIT and inherited by the forked workers.
 * Also the layout of a new segment, and leaving a segment that another one replaced.
 *
 * Never in MINIT for a name: the php-fpm master runs as root, and a pool's segment belongs to
 * the user its workers run as, which they only are after the fork. A pool's php_admin_value is
 * also only applied then.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <pthread.h>

#include "php.h"
#include "ext/standard/info.h"

#include "php_perf.h"
#include "cache/cache.h"
#include "cache/shm.h"
#include "shm/segment.h"

char *shm_base;
_Atomic bool shm_bound;
shm_header *header;
_Atomic uint64_t *buckets;
shm_lock *stripes;
shm_slot *slots;
shm_tag *tags;
_Atomic uint64_t *overflow_versions;
shm_lease *leases;
shm_heap *heap;

static uint64_t align_up(uint64_t value, uint64_t to)
{
	return (value + to - 1) & ~(to - 1);
}

/*
 * Points the driver's globals at a laid-out segment: every offset comes from its header. Only
 * publish makes it visible to the operations (to the other threads of a ZTS process).
 */
static void bind_segment(void *base, bool publish)
{
	shm_base = base;
	header = base;
	buckets = AT(header->buckets_off);
	stripes = AT(header->stripes_off);
	slots = AT(header->slots_off);
	tags = AT(header->tags_off);
	overflow_versions = AT(header->overflow_off);
	leases = AT(header->leases_off);
	heap = AT(header->heap_off);
	if (publish) {
		atomic_store_explicit(&shm_bound, true, memory_order_release);
	}
}

/* Lays out a new segment of size bytes (its prefix is the segment module's). */
static zend_result layout(void *mem, size_t size)
{
	/* One bucket and one tag slot per 512 bytes of cache, a quarter as many overflow counters. */
	uint64_t bucket_count = 1024, tag_count = 1024;
	while (bucket_count * 512 < size) {
		bucket_count <<= 1;
	}
	while (tag_count * 512 < size) {
		tag_count <<= 1;
	}
	/* One process slot per 8 KB, 128 at least: a small cache is not mostly slots. */
	uint64_t slot_count = size / 8192;
	slot_count = slot_count < 128 ? 128 : (slot_count > SLOT_MAX ? SLOT_MAX : slot_count);

	uint64_t off = align_up(sizeof(shm_header), 64);
	uint64_t buckets_off = off;
	off = align_up(off + bucket_count * sizeof(uint64_t), 64);
	uint64_t stripes_off = off;
	off = align_up(off + STRIPE_COUNT * sizeof(shm_lock), 64);
	uint64_t slots_off = off;
	off = align_up(off + slot_count * sizeof(shm_slot), 64);
	uint64_t tags_off = off;
	off = align_up(off + tag_count * sizeof(shm_tag), 64);
	uint64_t overflow_off = off;
	off = align_up(off + tag_count / 4 * sizeof(uint64_t), 64);
	uint64_t leases_off = off;
	off = align_up(off + LEASE_COUNT * sizeof(shm_lease), 64);
	uint64_t heap_off = off;
	off = align_up(off + sizeof(shm_heap), 64);

	if (off + 4 * MIN_BLOCK > size) {
		zend_error(E_WARNING, "perf.cache_memory=%zu is too small for the memory cache driver (at least %" PRIu64 " bytes)",
			size, off + 4 * MIN_BLOCK);
		return FAILURE;
	}

	shm_header *h = mem;
	h->bucket_mask = bucket_count - 1;
	h->tag_mask = tag_count - 1;
	h->overflow_mask = tag_count / 4 - 1;
	h->slot_count = (uint32_t) slot_count;
	h->buckets_off = buckets_off;
	h->stripes_off = stripes_off;
	h->slots_off = slots_off;
	h->tags_off = tags_off;
	h->overflow_off = overflow_off;
	h->leases_off = leases_off;
	h->heap_off = heap_off;
	/* The heap's functions work on the bound segment: bound, not published, and unbound again below. */
	bind_segment(mem, false);
	for (uint32_t i = 0; i < STRIPE_COUNT; i++) {
		perf_segment_mutex_init(&stripes[i].mutex);
	}
	for (uint32_t i = 0; i < slot_count; i++) {
		perf_segment_mutex_init(&slots[i].owner.mutex);
	}
	perf_segment_mutex_init(&heap->lock.mutex);
	heap_init(off, off + ((size - off) & ~((uint64_t) BLOCK_ALIGN - 1)));
	shm_base = NULL;
	header = NULL;
	return SUCCESS;
}

static perf_segment_spec spec = {
	.kind = "cache",
	.version = SHM_VERSION,
	.init = layout,
};

static void bind_published(void *base)
{
	bind_segment(base, true);
}

/* Gives up the slot (the segment itself stays, for the other processes). */
static void unbind(void *base)
{
	(void) base;
	atomic_store(&shm_bound, false);
	if (own_slot && atomic_load(&own_slot->pid) == own_pid) {
		atomic_store(&own_slot->active_epoch, 0);
		release_pins(own_slot);
		slot_free(own_slot);
	}
	own_slot = NULL;
	slots_exhausted = false;
	shm_base = NULL;
	header = NULL;
}

/* The anonymous segment made in MINIT (empty perf.cache_name), or the named one of this user. */
static perf_segment_binding binding = {
	.spec = &spec,
	.bind = bind_published,
	.unbind = unbind,
};

zend_result perf_cache_memory_startup(void)
{
	perf_cache_memory_fork_hooks();
	spec.size = (size_t) PERF_G(settings.cache.memory);
	/* Like apc.enable_cli: without a name, a CLI process gets a private segment that dies with it. */
	return perf_segment_binding_startup(&binding,
		!*PERF_G(settings.cache.name) && (!perf_segment_sapi_is_cli() || PERF_G(settings.cache.enable_cli)))
		? SUCCESS : FAILURE;
}

/* The CLI uses the live segment of its user and name; it makes one only with perf.cache_enable_cli=1. */
bool shm_attach(void)
{
	return perf_segment_binding_get(&binding, PERF_G(settings.cache.name), PERF_G(settings.cache.enable_cli)) != NULL;
}

/*
 * At a request's start: the pins of the last request are released (post-deactivate), so a
 * segment another one replaced can be left now; the next operation attaches the new one. A ZTS
 * process keeps its segment: its other threads may be reading it.
 */
void perf_cache_memory_request_start(void)
{
	perf_segment_binding_leave_replaced(&binding);
	perf_segment_binding_retry(&binding);
}

void perf_cache_memory_shutdown(void)
{
	perf_segment_binding_shutdown(&binding);
}

void perf_cache_memory_minfo(void)
{
	char buf[160];

	if (!atomic_load(&shm_bound)) {
		php_info_print_table_row(2, "Memory cache", "not attached (no cache operation yet, perf.cache_enable_cli=0 in CLI, or refused)");
		return;
	}
	if (shm_base == binding.anonymous) {
		snprintf(buf, sizeof(buf), "anonymous, %" PRIu64 " bytes, %" PRIu64 " buckets", header->seg.size,
			header->bucket_mask + 1);
	} else {
		snprintf(buf, sizeof(buf), "/dev/shm/perf.%u.%s.cache, %" PRIu64 " bytes, %" PRIu64 " buckets",
			(unsigned) geteuid(), binding.name, header->seg.size, header->bucket_mask + 1);
	}
	php_info_print_table_row(2, "Memory cache segment", buf);
}
