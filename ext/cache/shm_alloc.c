/*
 * The block heap: boundary-tag blocks in one run after the segment's tables, size-class free lists
 * and a CLOCK hand that frees garbage and evicts when a block does not fit; retirement of entries
 * (their blocks wait for readers and pins to go); repair after a lock owner died.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "cache/shm.h"

/* ---- the block heap ---- */

/*
 * One heap, not one per group of processes: a value may need any run of the segment, up to all
 * of its free memory, and free space in one part must serve every process. The lock is held only
 * to take a block from the free lists (the value is measured before and copied after, outside
 * it) or, when the cache is full, for one walk of the CLOCK hand.
 */


static uint32_t bin_index(uint64_t size)
{
	uint32_t i = 0;
	size /= BLOCK_ALIGN;
	while (size > 1 && i < BIN_COUNT - 1) {
		size >>= 1;
		i++;
	}
	return i;
}

static void bin_insert(shm_block *b)
{
	uint32_t i = bin_index(b->size);
	uint64_t off = OFFSET(b);

	b->u.free.prev = 0;
	b->u.free.next = heap->bins[i];
	if (heap->bins[i]) {
		((shm_block *) AT(heap->bins[i]))->u.free.prev = off;
	}
	heap->bins[i] = off;
}

static void bin_remove(shm_block *b)
{
	if (b->u.free.prev) {
		((shm_block *) AT(b->u.free.prev))->u.free.next = b->u.free.next;
	} else {
		heap->bins[bin_index(b->size)] = b->u.free.next;
	}
	if (b->u.free.next) {
		((shm_block *) AT(b->u.free.next))->u.free.prev = b->u.free.prev;
	}
}

static shm_block *next_block(shm_block *b)
{
	uint64_t off = OFFSET(b) + b->size;
	return off < heap->end ? AT(off) : NULL;
}

static bool can_merge(shm_block *b, shm_block *with)
{
	return atomic_load(&with->state) == BLOCK_FREE && (uint64_t) b->size + with->size <= MAX_BLOCK;
}

/* Takes size bytes off the retired count, never below 0 (see shm_heap.retired). */
static void retired_sub(uint64_t size)
{
	uint64_t seen = atomic_load(&heap->retired);
	while (!atomic_compare_exchange_weak(&heap->retired, &seen, seen > size ? seen - size : 0));
}

static void free_block(shm_block *b)
{
	if (atomic_load(&b->state) == BLOCK_RETIRED) {
		retired_sub(b->size);
	}
	heap->used -= b->size;
	atomic_store(&b->state, BLOCK_FREE);

	shm_block *next = next_block(b);
	if (next && can_merge(b, next)) {
		bin_remove(next);
		if (heap->hand == OFFSET(next)) {
			heap->hand = OFFSET(b);
		}
		b->size += next->size;
	}
	if (b->prev_size) {
		shm_block *prev = AT(OFFSET(b) - b->prev_size);
		if (can_merge(b, prev)) {
			bin_remove(prev);
			if (heap->hand == OFFSET(b)) {
				heap->hand = OFFSET(prev);
			}
			prev->size += b->size;
			b = prev;
		}
	}
	next = next_block(b);
	if (next) {
		next->prev_size = b->size;
	}
	bin_insert(b);
}

/* Takes a free block of at least size bytes out of the bins, splitting off the rest. */
static shm_block *carve(shm_block *b, uint64_t size)
{
	bin_remove(b);
	if (b->size - size >= MIN_BLOCK) {
		/* The rest gets its header before b shrinks: the blocks stay walkable at every instruction. */
		shm_block *rest = AT(OFFSET(b) + size);
		rest->size = (uint32_t) (b->size - size);
		rest->prev_size = (uint32_t) size;
		atomic_store(&rest->state, BLOCK_FREE);
		atomic_store(&rest->referenced, 0);
		atomic_store(&rest->pins, 0);
		rest->owner = 0;
		b->size = (uint32_t) size;
		shm_block *after = next_block(rest);
		if (after) {
			after->prev_size = rest->size;
		}
		bin_insert(rest);
	}
	b->owner = owner_token();
	atomic_store(&b->referenced, 0);
	atomic_store(&b->state, BLOCK_PENDING);
	heap->used += b->size;
	return b;
}

static shm_block *take_from_bins(uint64_t size)
{
	uint32_t first = bin_index(size);

	for (uint32_t i = first; i < BIN_COUNT; i++) {
		uint64_t off = heap->bins[i];
		for (int scanned = 0; off && scanned < FIT_SCAN; scanned++) {
			shm_block *b = AT(off);
			if (b->size >= size) {
				return carve(b, size);
			}
			off = b->u.free.next;
		}
	}
	return NULL;
}

/*
 * Readers that entered before this epoch may still hold the block: it waits until they have left.
 * Only the LIVE -> RETIRED transition adds to the retired count, so an orphan (a writer killed
 * after unlinking, before this) is counted once, when eviction retires it.
 */
void mark_retired(shm_block *b)
{
	uint8_t live = BLOCK_LIVE;

	b->u.retire_epoch = atomic_fetch_add(&header->epoch, 1) + 1;
	if (atomic_compare_exchange_strong(&b->state, &live, BLOCK_RETIRED)) {
		atomic_fetch_add(&heap->retired, b->size);
	}
}

/* Unlinks a live entry from its chain (if it is still there) and retires its block (stripe locked). */
void retire_entry(shm_block *b, _Atomic uint64_t *link)
{
	shm_entry *e = ENTRY(b);

	if (link) {
		atomic_store_explicit(link, atomic_load(&e->next), memory_order_release);
		stripe_entries_add(stripe_for(e->hash), -1);
	}
	mark_retired(b);
}

static _Atomic uint64_t *link_to_block(shm_block *b)
{
	shm_entry *e = ENTRY(b);
	_Atomic uint64_t *link = &buckets[e->hash & header->bucket_mask];
	uint64_t target = OFFSET(b);
	uint64_t off = atomic_load(link);

	for (int steps = 0; off && steps < CHAIN_LIMIT; steps++) {
		if (off == target) {
			return link;
		}
		if (!offset_valid(off)) {
			return NULL;
		}
		link = &ENTRY(AT(off))->next;
		off = atomic_load(link);
	}
	return NULL;
}

/* Evicts the entry in block b (heap locked; lock order is always heap, then stripe). */
static void evict(shm_block *b, bool expired)
{
	shm_lock *stripe = stripe_for(ENTRY(b)->hash);

	lock(stripe);
	if (atomic_load(&b->state) == BLOCK_LIVE) {
		/* No link: an orphan left by a writer killed between unlinking and retiring. */
		retire_entry(b, link_to_block(b));
		count(expired ? PERF_CACHE_EXPIRED : PERF_CACHE_EVICTIONS);
	}
	unlock(stripe);
}

/*
 * The CLOCK hand: walks blocks in address order until a block of size bytes exists. The first
 * round only frees what is already garbage (retired blocks no reader can see, blocks of dead
 * writers, entries past their stale window or with an invalidated tag); only if that is not
 * enough does a second call evict live entries not read since the hand last passed.
 */
static shm_block *make_room(uint64_t size, bool evict_live)
{
	if (evict_live) {
		release_dead_pins();
	}
	uint64_t safe = safe_epoch();
	uint64_t budget = (evict_live ? 2 : 1) * (heap->end - heap->start);
	zend_long now = perf_cache_now();

	while (budget > 0) {
		if (heap->hand < heap->start || heap->hand >= heap->end) {
			heap->hand = heap->start;
		}
		uint64_t before = heap->hand;
		shm_block *b = AT(before);
		uint8_t state = atomic_load(&b->state);

		if (state == BLOCK_LIVE) {
			entry_freshness f = freshness(ENTRY(b), now);
			uint8_t refs = atomic_load(&b->referenced);
			if (f == ENTRY_DEAD || (evict_live && refs == 0)) {
				evict(b, f == ENTRY_DEAD);
				safe = safe_epoch();
				state = atomic_load(&b->state);
			} else if (evict_live) {
				atomic_store(&b->referenced, refs - 1);
			}
		}
		if ((state == BLOCK_RETIRED && b->u.retire_epoch < safe && atomic_load(&b->pins) == 0)
			|| (state == BLOCK_PENDING && !owner_alive(b->owner))) {
			free_block(b);
		}
		/* free_block() may have merged b into its free predecessor, where the hand now is. */
		b = AT(heap->hand);
		if (atomic_load(&b->state) == BLOCK_FREE && b->size >= size) {
			shm_block *taken = carve(b, size);
			heap->hand = OFFSET(taken) + taken->size < heap->end ? OFFSET(taken) + taken->size : heap->start;
			return taken;
		}
		/* Only ground not covered before counts: a growing free run is not walked twice. */
		uint64_t next = OFFSET(b) + b->size;
		budget = next - before < budget ? budget - (next - before) : 0;
		heap->hand = next;
	}
	return NULL;
}

/* Rebuilds the free lists and the counts from the block sizes after the lock's owner died inside it. */
static void repair_heap(void)
{
	uint64_t off = heap->start, prev_size = 0, retired = 0;

	memset(heap->bins, 0, sizeof(heap->bins));
	heap->used = 0;
	heap->hand = heap->start;
	while (off < heap->end) {
		shm_block *b = AT(off);
		if (b->size < MIN_BLOCK || (b->size & (BLOCK_ALIGN - 1)) || off + b->size > heap->end) {
			heap->broken = true;
			return;
		}
		b->prev_size = (uint32_t) prev_size;
		uint8_t state = atomic_load(&b->state);
		if (state == BLOCK_PENDING && !owner_alive(b->owner)) {
			atomic_store(&b->state, BLOCK_FREE);
			state = BLOCK_FREE;
		}
		if (state == BLOCK_FREE && prev_size && can_merge(b, AT(off - prev_size))) {
			shm_block *prev = AT(off - prev_size);
			bin_remove(prev);
			prev->size += b->size;
			bin_insert(prev);
			prev_size = prev->size;
			off = OFFSET(prev) + prev->size;
			continue;
		}
		if (state == BLOCK_FREE) {
			bin_insert(b);
		} else {
			heap->used += b->size;
			if (state == BLOCK_RETIRED) {
				retired += b->size;
			}
		}
		prev_size = b->size;
		off += b->size;
	}
	atomic_store(&heap->retired, retired);
}

void lock_heap(void)
{
	if (pthread_mutex_lock(&heap->lock.mutex) == EOWNERDEAD) {
		repair_heap();
		pthread_mutex_consistent(&heap->lock.mutex);
		count(PERF_CACHE_LOCK_RECOVERIES);
	}
}

/*
 * The free lists first, then garbage (only when some is retired), then CLOCK eviction. A value
 * larger than the whole heap is refused without taking the lock.
 */
shm_block *alloc_block(uint64_t size)
{
	shm_block *b = NULL;

	size = ZEND_MM_ALIGNED_SIZE_EX(size, BLOCK_ALIGN);
	if (size < MIN_BLOCK) {
		size = MIN_BLOCK;
	}
	if (size > MAX_BLOCK || size > heap->end - heap->start) {
		return NULL;
	}
	lock_heap();
	if (!heap->broken) {
		b = take_from_bins(size);
		if (!b && atomic_load(&heap->retired)) {
			b = make_room(size, false);
		}
		if (!b) {
			b = make_room(size, true);
		}
	}
	unlock(&heap->lock);
	return b;
}

/* A block that was never published goes straight back. */
void release_pending(shm_block *b)
{
	lock_heap();
	free_block(b);
	unlock(&heap->lock);
}

/* One free run from start to end (a few, past 4 GB); the heap's lock is initialised by the caller. */
void heap_init(uint64_t start, uint64_t end)
{
	heap->start = start;
	heap->end = end;
	heap->hand = start;
	for (uint64_t at = heap->start, prev_size = 0; at < heap->end; at += prev_size) {
		shm_block *b = AT(at);
		uint64_t left = heap->end - at;
		/* Past 4 GB: maximal blocks, the last one never shorter than MIN_BLOCK. */
		b->size = (uint32_t) (left <= MAX_BLOCK ? left : (left - MAX_BLOCK < MIN_BLOCK ? MAX_BLOCK - MIN_BLOCK : MAX_BLOCK));
		b->prev_size = (uint32_t) prev_size;
		atomic_store(&b->state, BLOCK_FREE);
		bin_insert(b);
		prev_size = b->size;
	}
}

/* The heap's size and the bytes held by entries (retired blocks count as free). */
void heap_usage(uint64_t *size, uint64_t *used)
{
	lock_heap();
	*size = heap->end - heap->start;
	/* Retired blocks are garbage waiting for readers to leave: free space, not cached data. */
	uint64_t retired = atomic_load(&heap->retired);
	*used = heap->used > retired ? heap->used - retired : 0;
	unlock(&heap->lock);
}
