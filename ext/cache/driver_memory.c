/*
 * The memory driver, over one shared segment that every process using it maps at the same address
 * (shm_attach.c: the named segment of the user and perf.cache_name, or an anonymous one). Layout: header, buckets
 * (chain heads), stripes (robust locks over the buckets and lease slots, each with its entry
 * count), process slots, tag counters, leases, then one heap of blocks holding the entries.
 *
 * PROCESSES. A process takes a slot at its first cache call and holds the slot's robust mutex
 * until it ends, so its death is known exactly: the next trylock returns EOWNERDEAD, whatever
 * became of its pid. Only the owner writes its slot's announcement (active_epoch) and pin list
 * (the driver's counters are the cache core's, counters.c); whoever seizes a dead owner's mutex clears the announcement and gives its pins back
 * (slot_seize), and a slot is never taken over without that mutex, so a new owner's announcement
 * cannot be erased by a cleaner. Blocks and leases name a process by an owner token (slot index
 * and the slot's generation, which moves on every takeover).
 *
 * A BLOCK'S LIFE (state in the block header):
 *
 *   FREE --carve--> PENDING --publish--> LIVE --unlink, mark_retired--> RETIRED --free_block--> FREE
 *                     |                                                                       ^
 *                     +------------- release_pending, or its owner is dead -------------------+
 *
 * - FREE -> PENDING (carve, heap lock): owner = the allocating process's token. The block is its
 *   owner's alone; the value is written into it without any lock.
 * - PENDING -> LIVE (publish, stripe lock): the state is stored before the release store that
 *   links the block, so every linked block is LIVE or RETIRED. The owner field stays as it was.
 *   A PENDING block whose owner is dead is freed by the CLOCK hand or by repair (heap lock).
 * - LIVE -> RETIRED (delete, replacement, eviction; stripe lock): the entry is unlinked first, then
 *   mark_retired() takes retire_epoch = ++epoch and moves LIVE -> RETIRED with a CAS; only that
 *   CAS adds to heap->retired. A writer killed between the two leaves a LIVE orphan: the CLOCK
 *   hand finds it without a link and retires it, counted once.
 * - RETIRED -> FREE (make_room, heap lock): only when retire_epoch < safe_epoch(), i.e. every
 *   reader still announced entered after the unlink, and pins == 0: no request still holds a
 *   zero-copy value in it.
 *
 * READERS take no lock: read_enter() announces epoch + 1 in the slot, then a seq_cst fence (paired
 * with the one in safe_epoch()), then the chain is walked with acquire loads. A pin (pins + 1,
 * listed in the slot) is taken while still announced, before read_leave() clears the announcement.
 *
 * WHO WRITES WHAT:
 * - buckets, entry->next, stripe entry counts, leases: under the key's stripe lock.
 * - free lists, the hand, heap->used, block size and prev_size, FREE <-> other states: under the
 *   heap lock. heap->retired: atomically, + on LIVE -> RETIRED, - when a RETIRED block is freed
 *   (never below 0).
 * - header->epoch: atomic increment in mark_retired(). Tag counters: atomic, lock-free.
 * - an entry's bytes: never after publish, except the aligned 8-byte integer increment() updates
 *   in place (stripe lock); readers see the old or the new number.
 * Lock order: heap, then stripe. Slot mutexes are only tried, never waited for, under other locks.
 *
 * CRASH SAFETY: a process killed at any instruction leaves every structure consistent. Chains
 * change by single release stores. A lock whose owner died is recovered (EOWNERDEAD): a stripe
 * recounts its entries, the heap rebuilds its free lists and counts from the block sizes, which
 * every step keeps walkable. Pins are listed after they are taken and unlisted before they are
 * given back, so a kill leaks at most one pin and never gives one twice.
 *
 * ALLOCATION: size-class free lists, then a CLOCK hand walking blocks in address order: it frees
 * retired blocks, evicts expired entries first, then entries not read since the hand last passed.
 * Walking in address order frees neighbouring blocks that coalesce, so fragmentation cannot make
 * a cache with free space refuse a store.
 *
 * remember()'s stampede locks are leases (key hash, owner token, deadline): a dead owner's lease
 * is taken over at once.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/mman.h>

#include "php.h"
#include "ext/standard/info.h"

#include "php_perf.h"
#include "cache/cache.h"
#include "cache/shm.h"
#include "cache/value.h"

/* Per process (per thread under ZTS): how deep it is inside reads. */
static PERF_CACHE_LOCAL uint32_t read_depth;

/*
 * A child forked inside a request keeps the values its parent read zero-copy, which the parent's
 * pins protect only until the parent's request is over. Before the fork the parent pins those
 * blocks once more on the child's behalf; the child lists them in a slot of its own, so they stay
 * until the child's request is over or the child is found dead. (A failed fork leaks these pins:
 * the blocks are never reused.)
 */
static PERF_CACHE_LOCAL uint32_t fork_pins[PINS_PER_REQUEST];
static PERF_CACHE_LOCAL uint32_t fork_pin_count;

static void before_fork(void)
{
	fork_pin_count = 0;
	if (!own_slot) {
		return;
	}
	uint32_t n = atomic_load(&own_slot->pin_count);
	for (uint32_t i = 0; i < n && i < PINS_PER_REQUEST; i++) {
		fork_pins[i] = own_slot->pinned[i];
		atomic_fetch_add(&((shm_block *) AT((uint64_t) fork_pins[i] * BLOCK_ALIGN))->pins, 1);
	}
	fork_pin_count = n < PINS_PER_REQUEST ? n : PINS_PER_REQUEST;
}

static void after_fork_parent(void)
{
	fork_pin_count = 0;
}

static void after_fork_child(void)
{
	own_slot = NULL;
	own_pid = 0;
	slots_exhausted = false;
	read_depth = 0;
	if (fork_pin_count == 0) {
		return;
	}
	shm_slot *s = slot();
	if (s) {
		memcpy(s->pinned, fork_pins, fork_pin_count * sizeof(fork_pins[0]));
		atomic_store(&s->pin_count, fork_pin_count);
	} else {
		/* No slot to list them in: the inherited values lose their protection rather than leak. */
		for (uint32_t i = 0; i < fork_pin_count; i++) {
			atomic_fetch_sub(&((shm_block *) AT((uint64_t) fork_pins[i] * BLOCK_ALIGN))->pins, 1);
		}
	}
	fork_pin_count = 0;
}

static void stripe_recount(shm_lock *stripe);

/* Locks a stripe. */
void lock(shm_lock *l)
{
	if (pthread_mutex_lock(&l->mutex) == EOWNERDEAD) {
		/*
		 * The owner died holding it; the chains it guards are consistent at every instruction,
		 * only its entry count may have missed the last change.
		 */
		stripe_recount(l);
		pthread_mutex_consistent(&l->mutex);
		count(PERF_CACHE_LOCK_RECOVERIES);
	}
}

void unlock(shm_lock *l)
{
	pthread_mutex_unlock(&l->mutex);
}

shm_lock *stripe_for(uint64_t hash)
{
	return &stripes[hash & (STRIPE_COUNT - 1)];
}

/* Readers announce the epoch they entered at; nested reads (from a serializer callback) keep the outer one. */
static bool read_enter(void)
{
	shm_slot *s = slot();
	if (!s) {
		return false;
	}
	if (read_depth++ == 0) {
		atomic_store(&s->active_epoch, atomic_load(&header->epoch) + 1);
		/* C11 orders a seq_cst store before later acquire loads only with a fence (see safe_epoch). */
		atomic_thread_fence(memory_order_seq_cst);
	}
	return true;
}

static void read_leave(void)
{
	if (own_slot && --read_depth == 0) {
		atomic_store_explicit(&own_slot->active_epoch, 0, memory_order_release);
	}
}

bool offset_valid(uint64_t off)
{
	return off >= heap->start && off < heap->end && (off & (BLOCK_ALIGN - 1)) == 0;
}

static shm_entry *find(uint64_t hash, const zend_string *key, _Atomic uint64_t **link_out)
{
	_Atomic uint64_t *link = &buckets[hash & header->bucket_mask];
	uint64_t off = atomic_load_explicit(link, memory_order_acquire);

	for (int steps = 0; off && steps < CHAIN_LIMIT; steps++) {
		if (!offset_valid(off)) {
			return NULL;
		}
		shm_entry *e = ENTRY(AT(off));
		if (e->hash == hash && e->key_len == ZSTR_LEN(key) && memcmp(ENTRY_KEY(e), ZSTR_VAL(key), ZSTR_LEN(key)) == 0) {
			if (link_out) {
				*link_out = link;
			}
			return e;
		}
		link = &e->next;
		off = atomic_load_explicit(link, memory_order_acquire);
	}
	return NULL;
}

void stripe_entries_add(shm_lock *stripe, int64_t n)
{
	atomic_store_explicit(&stripe->entries,
		atomic_load_explicit(&stripe->entries, memory_order_relaxed) + (uint64_t) n, memory_order_relaxed);
}

/* Counts the entries of a stripe's chains again, after its lock's owner died inside a change. */
static void stripe_recount(shm_lock *stripe)
{
	uint64_t entries = 0;

	for (uint64_t i = (uint64_t) (stripe - stripes); i <= header->bucket_mask; i += STRIPE_COUNT) {
		uint64_t off = atomic_load(&buckets[i]);
		for (int steps = 0; off && offset_valid(off) && steps < CHAIN_LIMIT; steps++) {
			entries++;
			off = atomic_load(&ENTRY(AT(off))->next);
		}
	}
	atomic_store(&stripe->entries, entries);
}

static shm_block *block_of(shm_entry *e)
{
	return (shm_block *) ((char *) e - sizeof(shm_block));
}

/* Racy on purpose: a lost update only makes the count approximate. */
static void touch(shm_block *b)
{
	uint8_t refs = atomic_load_explicit(&b->referenced, memory_order_relaxed);
	if (refs < REF_MAX) {
		atomic_store_explicit(&b->referenced, refs + 1, memory_order_relaxed);
	}
}

/*
 * Tags are version counters. A tag claims a slot of the table near its hash; when that
 * neighbourhood is full, it shares one of the overflow counters with other tags instead, so a
 * store never fails for lack of tag slots: an invalidation then also hits the tags it shares a
 * counter with, which a cache can afford.
 */
/* Claims h2 of a slot whose h1 matched; a claimer killed between its two stores leaves h2 at 0 for good. */
static bool tag_claim_h2(shm_tag *t, uint64_t h2)
{
	uint64_t seen = atomic_load(&t->h2);

	for (int spins = 0; seen == 0 && spins < 1000; spins++) {
		seen = atomic_load(&t->h2);
	}
	if (seen == 0 && atomic_compare_exchange_strong(&t->h2, &seen, h2)) {
		return true;
	}
	return seen == h2;
}

static shm_tag *tag_find(const perf_cache_tag_id *id, bool create)
{
	uint64_t h1 = id->h1 ? id->h1 : 1;
	uint64_t h2 = id->h2 ? id->h2 : 1;

	for (uint32_t i = 0; i < TAG_PROBES; i++) {
		shm_tag *t = &tags[(h1 + i) & header->tag_mask];
		uint64_t seen = atomic_load(&t->h1);
		if (seen == 0) {
			if (!create) {
				return NULL;
			}
			if (atomic_compare_exchange_strong(&t->h1, &seen, h1)) {
				if (tag_claim_h2(t, h2)) {
					return t;
				}
				continue;
			}
		}
		if (seen == h1 && tag_claim_h2(t, h2)) {
			return t;
		}
	}
	return NULL;
}

static _Atomic uint64_t *tag_counter(const shm_entry_tag *et)
{
	return et->overflow ? &overflow_versions[et->slot & header->overflow_mask] : &tags[et->slot & header->tag_mask].version;
}

static void tag_resolve(const perf_cache_tag_id *id, shm_entry_tag *et)
{
	shm_tag *t = tag_find(id, true);

	et->h1 = id->h1;
	et->h2 = id->h2;
	if (t) {
		et->slot = (uint32_t) (t - tags);
		et->overflow = 0;
	} else {
		et->slot = (uint32_t) ((id->h2 ? id->h2 : 1) & header->overflow_mask);
		et->overflow = 1;
	}
	et->version = atomic_load(tag_counter(et));
}


/* now is CLOCK_NOT_READ unless the caller has it: entries without a TTL never need the clock. */
entry_freshness freshness(shm_entry *e, zend_long now)
{
	shm_entry_tag *et = ENTRY_TAGS(e);

	for (uint16_t i = 0; i < e->tag_count; i++) {
		if (atomic_load(tag_counter(&et[i])) != et[i].version) {
			return ENTRY_DEAD;
		}
	}
	if (!e->expires_at) {
		return ENTRY_FRESH;
	}
	if (now == CLOCK_NOT_READ) {
		now = perf_cache_now();
	}
	if (now >= e->expires_at) {
		return now < e->expires_at + PERF_G(settings.cache.stale_ttl) ? ENTRY_EXPIRED : ENTRY_DEAD;
	}
	return ENTRY_FRESH;
}

/* The segment is made or attached in shm_segment.c; a fork inside a request hands pins to the child. */
void perf_cache_memory_fork_hooks(void)
{
	pthread_atfork(before_fork, after_fork_parent, after_fork_child);
}

/* ---- driver operations ---- */

static bool memory_available(void)
{
	return shm_ready();
}

/*
 * A zero-copy value points into its entry's block: the block is pinned until the request is over
 * (memory_release_values), so it is not reused even after the entry is replaced or evicted. Called
 * inside the read, where the block cannot be reused yet. false when the request already holds
 * PINS_PER_REQUEST blocks: the caller copies instead.
 */
static bool pin_block(shm_block *b)
{
	uint64_t index = OFFSET(b) / BLOCK_ALIGN;
	uint32_t n = atomic_load_explicit(&own_slot->pin_count, memory_order_relaxed);

	for (uint32_t i = n; i > 0; i--) {
		if (own_slot->pinned[i - 1] == index) {
			return true;
		}
	}
	if (n == PINS_PER_REQUEST || index > UINT32_MAX) {
		return false;
	}
	atomic_fetch_add(&b->pins, 1);
	own_slot->pinned[n] = (uint32_t) index;
	atomic_store(&own_slot->pin_count, n + 1);
	return true;
}

/*
 * Only strings and arrays (even empty ones: the block's own, see write_zval()) point into the block;
 * every other image is copied whole by ZVAL_COPY_VALUE.
 */
static bool points_into_block(const zval *image)
{
	return Z_TYPE_P(image) == IS_STRING || Z_TYPE_P(image) == IS_ARRAY;
}

/*
 * Copies an image into request memory. Under a stripe lock (a process without a slot) a bailout
 * inside (memory_limit) must not leave the lock held by a live process: every other process would
 * wait on it for ever.
 */
static void copy_image(const zval *image, bool flat, zval *out, zend_string **serialized, shm_lock *stripe)
{
	if (!stripe) {
		if (serialized) {
			*serialized = zend_string_init(Z_STRVAL_P(image), Z_STRLEN_P(image), 0);
		} else {
			perf_value_read(image, PERF_VALUE_NATIVE, flat, out);
		}
		return;
	}
	zend_try {
		copy_image(image, flat, out, serialized, NULL);
	} zend_catch {
		unlock(stripe);
		zend_bailout();
	} zend_end_try();
}

static perf_cache_lookup memory_get(zend_string *key, zval *value, bool allow_stale)
{
	uint64_t hash = zend_string_hash_val(key);
	perf_cache_lookup result = PERF_CACHE_MISS;
	shm_lock *stripe = NULL;
	zend_string *serialized = NULL;
	perf_value_encoding encoding = PERF_VALUE_NATIVE;
	bool zero_copy = perf_cache_zero_copy_allowed();

	/* Without a slot (more processes than slots) the stripe lock keeps the entry from being retired. */
	if (!read_enter()) {
		stripe = stripe_for(hash);
		lock(stripe);
		zero_copy = false;
	}
	shm_entry *e = find(hash, key, NULL);
	if (e) {
		entry_freshness f = freshness(e, CLOCK_NOT_READ);
		if (f == ENTRY_FRESH || (f == ENTRY_EXPIRED && allow_stale)) {
			encoding = e->encoding;
			if (encoding == PERF_VALUE_NATIVE && (!points_into_block(&e->value)
					|| (zero_copy && pin_block(block_of(e))))) {
				/* The stored image as it is: a scalar, or an interned string or immutable array the engine copies on write. */
				ZVAL_COPY_VALUE(value, &e->value);
			} else if (encoding == PERF_VALUE_NATIVE) {
				copy_image(&e->value, e->flat, value, NULL, stripe);
			} else {
				/* Decoding may run __unserialize(): it runs on a private copy, outside the read. */
				copy_image(&e->value, false, NULL, &serialized, stripe);
			}
			result = f == ENTRY_FRESH ? PERF_CACHE_HIT : PERF_CACHE_STALE;
			touch(block_of(e));
		}
	}
	if (stripe) {
		unlock(stripe);
	} else {
		read_leave();
	}
	if (serialized) {
		zval image;
		ZVAL_STR(&image, serialized);
		if (perf_value_read(&image, encoding, false, value) != SUCCESS) {
			result = PERF_CACHE_MISS;
			count(PERF_CACHE_ERRORS);
		}
		zend_string_release(serialized);
	}
	count(result == PERF_CACHE_HIT ? PERF_CACHE_HITS : PERF_CACHE_MISSES);
	return result;
}

static bool memory_has(zend_string *key)
{
	uint64_t hash = zend_string_hash_val(key);
	shm_lock *stripe = stripe_for(hash);
	bool found;

	lock(stripe);
	shm_entry *e = find(hash, key, NULL);
	found = e && freshness(e, CLOCK_NOT_READ) == ENTRY_FRESH;
	unlock(stripe);
	return found;
}

/* A TTL so long that the clock could overflow means the same as no expiry. */
static int64_t expiry(zend_long ttl)
{
	zend_long now = perf_cache_now();
	if (ttl <= 0 || ttl >= ZEND_LONG_MAX / 4 - now) {
		return 0;
	}
	return now + ttl;
}

static zend_result fill_entry(shm_block *b, zend_string *key, uint64_t hash, zval *value, const perf_value_plan *plan,
	zend_long ttl, const perf_cache_tags *entry_tags)
{
	shm_entry *e = ENTRY(b);

	atomic_store(&e->next, 0);
	e->hash = hash;
	e->expires_at = expiry(ttl);
	e->key_len = (uint32_t) ZSTR_LEN(key);
	e->encoding = (uint8_t) plan->encoding;
	e->flat = plan->flat;
	e->tag_count = entry_tags ? (uint16_t) entry_tags->count : 0;
	for (uint16_t i = 0; i < e->tag_count; i++) {
		tag_resolve(&entry_tags->ids[i], &ENTRY_TAGS(e)[i]);
	}
	memcpy(ENTRY_KEY(e), ZSTR_VAL(key), ZSTR_LEN(key));
	return perf_value_write(plan, value, &e->value, ENTRY_DATA(e));
}

static uint64_t entry_size(zend_string *key, const perf_value_plan *plan, const perf_cache_tags *entry_tags)
{
	return sizeof(shm_block) + sizeof(shm_entry) + (entry_tags ? entry_tags->count : 0) * sizeof(shm_entry_tag)
		+ ZEND_MM_ALIGNED_SIZE_EX(ZSTR_LEN(key), BLOCK_ALIGN) + plan->size;
}

/* Publishes block b for its key (stripe locked), replacing the entry found through link. */
static void publish(shm_block *b, shm_entry *existing, _Atomic uint64_t *link, uint64_t hash)
{
	shm_entry *e = ENTRY(b);

	/*
	 * The owner field stays: the CLOCK hand, under the heap lock only, may still see this block
	 * PENDING, and must then find its (live) owner there, not 0, which reads as a dead owner.
	 */
	/* A new entry survives one pass of the hand; entries read since live longer. */
	atomic_store(&b->referenced, 1);
	atomic_store(&b->state, BLOCK_LIVE);
	if (existing) {
		atomic_store(&e->next, atomic_load(&existing->next));
		atomic_store_explicit(link, OFFSET(b), memory_order_release);
		mark_retired(block_of(existing));
	} else {
		_Atomic uint64_t *head = &buckets[hash & header->bucket_mask];
		atomic_store(&e->next, atomic_load(head));
		atomic_store_explicit(head, OFFSET(b), memory_order_release);
		stripe_entries_add(stripe_for(hash), 1);
	}
}

static zend_result memory_set(zend_string *key, zval *value, const perf_value_plan *plan, zend_long ttl,
	const perf_cache_tags *entry_tags, perf_cache_set_mode mode, bool *stored)
{
	uint64_t hash = zend_string_hash_val(key);
	uint64_t size = entry_size(key, plan, entry_tags);

	*stored = false;
	if (!slot()) {
		count(PERF_CACHE_ERRORS);
		return FAILURE;
	}
	shm_block *b = size <= UINT32_MAX ? alloc_block(size) : NULL;
	if (!b) {
		count(PERF_CACHE_ERRORS);
		return FAILURE;
	}
	if (fill_entry(b, key, hash, value, plan, ttl, entry_tags) != SUCCESS) {
		release_pending(b);
		count(PERF_CACHE_ERRORS);
		return FAILURE;
	}

	shm_lock *stripe = stripe_for(hash);
	_Atomic uint64_t *link = NULL;
	lock(stripe);
	shm_entry *existing = find(hash, key, &link);
	if (mode == PERF_CACHE_ADD && existing && freshness(existing, CLOCK_NOT_READ) == ENTRY_FRESH) {
		unlock(stripe);
		release_pending(b);
		return SUCCESS;
	}
	publish(b, existing, link, hash);
	unlock(stripe);
	*stored = true;
	count(PERF_CACHE_STORES);
	return SUCCESS;
}

static bool memory_delete(zend_string *key)
{
	uint64_t hash = zend_string_hash_val(key);
	shm_lock *stripe = stripe_for(hash);
	_Atomic uint64_t *link = NULL;

	lock(stripe);
	shm_entry *e = find(hash, key, &link);
	if (e) {
		retire_entry(block_of(e), link);
	}
	unlock(stripe);
	if (e) {
		count(PERF_CACHE_DELETES);
	}
	return e != NULL;
}

static zend_result memory_clear(void)
{
	uint64_t removed = 0;

	for (uint32_t s = 0; s < STRIPE_COUNT; s++) {
		lock(&stripes[s]);
		for (uint64_t i = s; i <= header->bucket_mask; i += STRIPE_COUNT) {
			uint64_t off = atomic_exchange(&buckets[i], 0);
			for (int steps = 0; off && offset_valid(off) && steps < CHAIN_LIMIT; steps++) {
				shm_block *b = AT(off);
				off = atomic_load(&ENTRY(b)->next);
				retire_entry(b, NULL);
				removed++;
			}
		}
		atomic_store(&stripes[s].entries, 0);
		unlock(&stripes[s]);
	}
	count_n(PERF_CACHE_DELETES, removed);
	return SUCCESS;
}

static zend_result memory_increment(zend_string *key, zend_long step, zend_long ttl, zend_long *result)
{
	uint64_t hash = zend_string_hash_val(key);
	shm_lock *stripe = stripe_for(hash);
	shm_block *fresh_block = NULL;

	if (!slot()) {
		count(PERF_CACHE_ERRORS);
		return FAILURE;
	}
	for (;;) {
		_Atomic uint64_t *link = NULL;
		lock(stripe);
		shm_entry *e = find(hash, key, &link);
		if (e && freshness(e, CLOCK_NOT_READ) == ENTRY_FRESH) {
			zend_long current;
			if (e->encoding != PERF_VALUE_NATIVE || Z_TYPE(e->value) != IS_LONG) {
				unlock(stripe);
				goto not_integer;
			}
			current = __atomic_load_n(&Z_LVAL(e->value), __ATOMIC_RELAXED);
			if ((step > 0 && current > ZEND_LONG_MAX - step) || (step < 0 && current < ZEND_LONG_MIN - step)) {
				unlock(stripe);
				goto not_integer;
			}
			/* One aligned 8-byte store: a lock-free reader sees the old or the new number. */
			__atomic_store_n(&Z_LVAL(e->value), current + step, __ATOMIC_RELEASE);
			touch(block_of(e));
			*result = current + step;
			unlock(stripe);
			if (fresh_block) {
				release_pending(fresh_block);
			}
			count(PERF_CACHE_STORES);
			return SUCCESS;
		}
		if (fresh_block) {
			publish(fresh_block, e, link, hash);
			unlock(stripe);
			*result = step;
			count(PERF_CACHE_STORES);
			return SUCCESS;
		}
		unlock(stripe);
		/* Allocation takes an arena lock, which is never taken under a stripe lock: allocate, then look again. */
		zval start;
		perf_value_plan plan = {0};
		ZVAL_LONG(&start, step);
		plan.encoding = PERF_VALUE_NATIVE;
		fresh_block = alloc_block(entry_size(key, &plan, NULL));
		if (!fresh_block) {
			count(PERF_CACHE_ERRORS);
			return FAILURE;
		}
		fill_entry(fresh_block, key, hash, &start, &plan, ttl, NULL);
	}

not_integer:
	if (fresh_block) {
		release_pending(fresh_block);
	}
	count(PERF_CACHE_ERRORS);
	return FAILURE;
}

static zend_long memory_invalidate_tags(const perf_cache_tags *entry_tags)
{
	zend_long invalidated = 0;

	for (uint32_t i = 0; i < entry_tags->count; i++) {
		shm_tag *t = tag_find(&entry_tags->ids[i], false);
		if (t) {
			atomic_fetch_add(&t->version, 1);
			invalidated++;
		}
		/* The tag may have been stored while its neighbourhood was full: its shared counter moves too. */
		atomic_fetch_add(&overflow_versions[(entry_tags->ids[i].h2 ? entry_tags->ids[i].h2 : 1) & header->overflow_mask], 1);
	}
	return invalidated;
}

/*
 * A lease slot serves every key whose hash falls on it. The owner may take it again for the same
 * key (re-entrant remember()), but not for another key of its own: that would give up the outer
 * lease, and the other processes waiting for it would all compute.
 */
static perf_cache_lease memory_lease_acquire(zend_string *key, zend_long hold_ms)
{
	uint64_t hash = zend_string_hash_val(key);
	shm_lease *l = &leases[hash & (LEASE_COUNT - 1)];
	shm_lock *stripe = stripe_for(hash);
	perf_cache_lease result;

	if (!slot()) {
		return PERF_CACHE_LEASE_UNAVAILABLE;
	}
	uint32_t own = owner_token();
	/* LEASE_COUNT is a multiple of STRIPE_COUNT: a lease slot is always guarded by its keys' stripe. */
	lock(stripe);
	if (l->owner == 0 || (l->owner == own && l->key_hash == hash) || perf_cache_monotonic_ms() > l->deadline_ms
		|| (l->owner != own && !owner_alive(l->owner))) {
		l->key_hash = hash;
		l->owner = own;
		l->deadline_ms = perf_cache_monotonic_ms() + hold_ms;
		result = PERF_CACHE_LEASE_ACQUIRED;
	} else {
		result = l->key_hash == hash ? PERF_CACHE_LEASE_HELD : PERF_CACHE_LEASE_UNAVAILABLE;
	}
	unlock(stripe);
	return result;
}

static void memory_lease_release(zend_string *key)
{
	uint64_t hash = zend_string_hash_val(key);
	shm_lease *l = &leases[hash & (LEASE_COUNT - 1)];
	shm_lock *stripe = stripe_for(hash);

	if (!slot()) {
		return;
	}
	lock(stripe);
	if (l->owner == owner_token() && l->key_hash == hash) {
		l->owner = 0;
	}
	unlock(stripe);
}

static uint64_t counter_total(perf_cache_counter counter)
{
	return perf_cache_counter_total(PERF_CACHE_DRIVER_MEMORY, counter);
}

static void memory_stats(zval *stats)
{
	uint64_t size, used, entries = 0;

	heap_usage(&size, &used);
	for (uint32_t i = 0; i < STRIPE_COUNT; i++) {
		entries += atomic_load_explicit(&stripes[i].entries, memory_order_relaxed);
	}
	uint64_t hits = counter_total(PERF_CACHE_HITS), misses = counter_total(PERF_CACHE_MISSES);

	add_assoc_long(stats, "hits", (zend_long) hits);
	add_assoc_long(stats, "misses", (zend_long) misses);
	add_assoc_double(stats, "hit_ratio", hits + misses ? (double) hits / (double) (hits + misses) : 0.0);
	add_assoc_long(stats, "stores", (zend_long) counter_total(PERF_CACHE_STORES));
	add_assoc_long(stats, "deletes", (zend_long) counter_total(PERF_CACHE_DELETES));
	add_assoc_long(stats, "evictions", (zend_long) counter_total(PERF_CACHE_EVICTIONS));
	add_assoc_long(stats, "expired", (zend_long) counter_total(PERF_CACHE_EXPIRED));
	add_assoc_long(stats, "entries", (zend_long) entries);
	add_assoc_long(stats, "memory_size", (zend_long) size);
	add_assoc_long(stats, "memory_used", (zend_long) used);
	add_assoc_long(stats, "memory_free", (zend_long) (size - used));
	add_assoc_long(stats, "lock_waits", (zend_long) counter_total(PERF_CACHE_LOCK_WAITS));
	add_assoc_long(stats, "lock_recoveries", (zend_long) counter_total(PERF_CACHE_LOCK_RECOVERIES));
	add_assoc_long(stats, "stale_serves", (zend_long) counter_total(PERF_CACHE_STALE_SERVES));
	add_assoc_long(stats, "errors", (zend_long) counter_total(PERF_CACHE_ERRORS));
}

/* Eviction already removes dead entries whenever room is needed: nothing to do ahead of time. */
static zend_long memory_prune(void)
{
	return 0;
}

/*
 * The request is over, its memory (globals, sessions, every module's state) destroyed: nothing can
 * reach a zero-copy value any more. A logical request end (perf_request_end()) never comes here.
 */
static void memory_release_values(void)
{
	read_depth = 0;
	if (own_slot) {
		atomic_store_explicit(&own_slot->active_epoch, 0, memory_order_release);
		release_pins(own_slot);
	}
}

/*
 * The preload runs once per segment, in the first process that asks after the segment was made: it
 * CASes header->preload from 0 to its owner token. A loader that died mid-way (its slot's owner
 * lock tells it exactly, whatever became of its pid) leaves a claim the next process takes over.
 */
perf_cache_preload_claim perf_cache_memory_preload_claim(void)
{
	uint64_t seen = atomic_load(&header->preload);

	if (EXPECTED(seen == SHM_PRELOAD_DONE)) {
		return PERF_CACHE_PRELOAD_DONE;
	}
	if (!slot()) {
		return PERF_CACHE_PRELOAD_BUSY;
	}
	uint32_t own = owner_token();
	if (seen == own || (seen != 0 && owner_alive((uint32_t) seen))) {
		return PERF_CACHE_PRELOAD_BUSY;
	}
	return atomic_compare_exchange_strong(&header->preload, &seen, own) ? PERF_CACHE_PRELOAD_CLAIMED
		: PERF_CACHE_PRELOAD_BUSY;
}

/* Done, whatever the file held: a file that fails fails once per segment, not once per request. */
void perf_cache_memory_preload_done(void)
{
	atomic_store(&header->preload, SHM_PRELOAD_DONE);
}

const perf_cache_driver perf_cache_driver_memory = {
	.name = "memory",
	.available = memory_available,
	.get = memory_get,
	.set = memory_set,
	.has = memory_has,
	.delete = memory_delete,
	.clear = memory_clear,
	.increment = memory_increment,
	.invalidate_tags = memory_invalidate_tags,
	.lease_acquire = memory_lease_acquire,
	.lease_release = memory_lease_release,
	.stats = memory_stats,
	.prune = memory_prune,
	.count = count,
	.release_values = memory_release_values,
};
