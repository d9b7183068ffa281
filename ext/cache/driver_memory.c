/*
 * The memory driver: one MAP_SHARED|MAP_ANONYMOUS segment made in MINIT, before the SAPI forks its
 * workers, so every worker of the pool maps it at the same address. Layout: header, buckets
 * (chain heads), stripes (robust locks over the buckets and lease slots, each with its entry
 * count), process slots, tag counters, leases, then one heap of blocks holding the entries.
 *
 * PROCESSES. A process takes a slot at its first cache call and holds the slot's robust mutex
 * until it ends, so its death is known exactly: the next trylock returns EOWNERDEAD, whatever
 * became of its pid. Only the owner writes its slot's announcement (active_epoch), pin list and
 * counters; whoever seizes a dead owner's mutex clears the announcement and gives its pins back
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
#include <signal.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "php.h"
#include "ext/standard/info.h"

#include "php_perf.h"
#include "cache/cache.h"
#include "cache/value.h"

#define SHM_MAGIC 0x50455246u
#define SHM_VERSION 1
#define BLOCK_ALIGN 16
#define MIN_BLOCK 64
#define BIN_COUNT 40
#define STRIPE_COUNT 1024
#define SLOT_BITS 10
/* Process slots: one per 8 KB of cache, at most this many (an owner token has SLOT_BITS for the index). */
#define SLOT_MAX (1u << SLOT_BITS)
/*
 * Blocks one request can pin one by one (each read zero-copy from a distinct entry); past that the
 * request keeps its epoch announced until it ends, which holds back all memory retired meanwhile.
 */
#define PINS_PER_REQUEST 32
#define LEASE_COUNT 4096
#define TAG_PROBES 64
#define FIT_SCAN 32
#define CHAIN_LIMIT 100000
/* CLOCK with a small count: a read adds one (up to REF_MAX), a pass of the hand takes one away. */
#define REF_MAX 3

typedef enum {
	BLOCK_FREE = 1,
	BLOCK_PENDING = 2,
	BLOCK_LIVE = 3,
	BLOCK_RETIRED = 4,
} block_state;

typedef struct {
	uint32_t size;
	uint32_t prev_size;
	_Atomic uint8_t state;
	_Atomic uint8_t referenced;
	/* Processes whose current request holds a zero-copy value pointing into this block. */
	_Atomic uint16_t pins;
	int32_t owner;
	union {
		uint64_t retire_epoch;
		struct {
			uint64_t next;
			uint64_t prev;
		} free;
	} u;
} shm_block;

typedef struct {
	_Atomic uint64_t next;
	uint64_t hash;
	int64_t expires_at;
	uint32_t key_len;
	uint8_t encoding;
	uint8_t flat;
	uint16_t tag_count;
	zval value;
} shm_entry;

/* A tag as an entry remembers it: which counter it uses and the counter's value at store time. */
typedef struct {
	uint64_t h1;
	uint64_t h2;
	uint64_t version;
	uint32_t slot;
	uint32_t overflow;
} shm_entry_tag;

typedef struct {
	pthread_mutex_t mutex;
	/* Stripes only: the entries linked from the stripe's buckets (recounted when a holder died). */
	uint64_t entries;
} __attribute__((aligned(64))) shm_lock;

typedef struct {
	/* Held by the owning process for as long as it owns the slot: the kernel tells its death exactly. */
	shm_lock owner;
	/* Informational (the owner's pid, 0 while nobody owns it); ownership is the mutex. */
	_Atomic int32_t pid;
	/* Moves on every takeover: an owner token (slot index, generation) never names a later owner. */
	_Atomic uint32_t generation;
	_Atomic uint64_t active_epoch;
	_Atomic uint64_t counters[PERF_CACHE_DRIVER_COUNT][PERF_CACHE_COUNTER_COUNT];
	/* The blocks this process's current request pinned (zero-copy reads), released at its end, or by
	 * whoever finds the process dead. */
	_Atomic uint32_t pin_count;
	uint32_t pinned[PINS_PER_REQUEST];
} __attribute__((aligned(64))) shm_slot;

/* A tag's version counter, owned by the tag once its h1 is claimed (h2 is written right after). */
typedef struct {
	_Atomic uint64_t h1;
	_Atomic uint64_t h2;
	_Atomic uint64_t version;
} shm_tag;

typedef struct {
	uint64_t key_hash;
	/* An owner token (owner_token()), 0 when free. */
	uint32_t owner;
	int64_t deadline_ms;
} shm_lease;

/* The block heap: everything after the fixed tables, one run of blocks under one robust lock. */
typedef struct {
	shm_lock lock;
	uint64_t start;
	uint64_t end;
	uint64_t hand;
	/* Bytes in blocks that are not free (exact: only changed under the lock, recounted by repair). */
	uint64_t used;
	/*
	 * Bytes in retired blocks, added by whoever moved a block to RETIRED (under a stripe lock, not
	 * this one) and taken away when it is freed. A process killed between the two steps of
	 * mark_retired() leaves it short by one block, never over: it is a hint for when a walk is
	 * worth it and for the stats, clamped at 0, and recounted exactly by repair_heap().
	 */
	_Atomic uint64_t retired;
	bool broken;
	uint64_t bins[BIN_COUNT];
} __attribute__((aligned(64))) shm_heap;

typedef struct {
	_Atomic uint32_t failures;
	/* 0 while closed; while open, when the cooldown ends (CLOCK_MONOTONIC ms, shared by the machine). */
	_Atomic int64_t open_until_ms;
	/* The one process allowed to try after the cooldown. */
	_Atomic int64_t prober;
	_Atomic uint64_t opens;
	_Atomic uint64_t fast_failures;
} shm_breaker;

typedef struct {
	uint32_t magic;
	uint32_t version;
	uint64_t size;
	uint64_t bucket_mask;
	uint64_t tag_mask;
	uint64_t overflow_mask;
	uint32_t slot_count;
	uint64_t buckets_off;
	uint64_t stripes_off;
	uint64_t slots_off;
	uint64_t tags_off;
	uint64_t overflow_off;
	uint64_t leases_off;
	uint64_t heap_off;
	_Atomic uint64_t epoch;
	_Atomic uint32_t slots_high;
	shm_breaker breaker;
} shm_header;

static char *shm_base;
static shm_header *header;
static _Atomic uint64_t *buckets;
static shm_lock *stripes;
static shm_slot *slots;
static shm_tag *tags;
static _Atomic uint64_t *overflow_versions;
static shm_lease *leases;
static shm_heap *heap;

/* Per process: the slot it owns (reset in a forked child) and how deep it is inside reads. */
static shm_slot *own_slot;
static int32_t own_pid;
static bool slots_exhausted;
static uint32_t read_depth;
/* The current request read more distinct entries zero-copy than it can pin: its epoch stays announced. */
static bool epoch_pinned;

#define AT(off) ((void *) (shm_base + (off)))
#define OFFSET(ptr) ((uint64_t) ((char *) (ptr) - shm_base))
#define ENTRY(block) ((shm_entry *) ((char *) (block) + sizeof(shm_block)))
#define ENTRY_TAGS(entry) ((shm_entry_tag *) ((char *) (entry) + sizeof(shm_entry)))
#define ENTRY_KEY(entry) ((char *) ENTRY_TAGS(entry) + (entry)->tag_count * sizeof(shm_entry_tag))
#define ENTRY_DATA(entry) (ENTRY_KEY(entry) + ZEND_MM_ALIGNED_SIZE_EX((entry)->key_len, BLOCK_ALIGN))

static void after_fork_child(void)
{
	own_slot = NULL;
	own_pid = 0;
	slots_exhausted = false;
	read_depth = 0;
	epoch_pinned = false;
}

static bool process_alive(int32_t pid)
{
	return pid > 0 && (kill(pid, 0) == 0 || errno == EPERM);
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Gives back the pins a request holds. A process killed between pinning a block and listing it
 * leaks that one pin (the block is never reused): the opposite order could take a pin it never
 * gave, which would let another process's value be overwritten. For the same reason the list is
 * shortened before each pin is given back: whoever finishes the work of a process killed in here
 * (the slot's next owner or cleaner) starts where it stopped and gives no pin twice.
 */
static void release_pins(shm_slot *s)
{
	uint32_t n = atomic_load(&s->pin_count);

	if (n > PINS_PER_REQUEST) {
		n = PINS_PER_REQUEST;
	}
	while (n > 0) {
		n--;
		shm_block *b = AT((uint64_t) s->pinned[n] * BLOCK_ALIGN);
		atomic_store(&s->pin_count, n);
		atomic_fetch_sub(&b->pins, 1);
	}
}

/*
 * Takes slot s's owner lock if nobody owns the slot: it was never used, its owner left it at
 * shutdown, or its owner died (EOWNERDEAD: the kernel tells a death exactly, so a reused pid
 * never passes for the dead owner, and a live owner is never mistaken for a dead one). A dead
 * owner's announcement and pins are cleared before this returns true, with the lock held; the
 * caller then keeps the slot or hands it back with slot_free(). Never blocks: safe under any lock.
 */
static bool slot_seize(shm_slot *s)
{
	int rc = pthread_mutex_trylock(&s->owner.mutex);

	if (rc == EOWNERDEAD) {
		pthread_mutex_consistent(&s->owner.mutex);
		rc = 0;
	}
	if (rc != 0) {
		/* EBUSY: a live owner, or another process taking or cleaning the slot right now. */
		return false;
	}
	/* A cleaner killed in here leaves the lock ownerless again: the next one picks up the rest. */
	atomic_store(&s->active_epoch, 0);
	release_pins(s);
	return true;
}

/* Gives back a seized slot nobody owns: its counters stay, summed into the totals. */
static void slot_free(shm_slot *s)
{
	atomic_store(&s->pid, 0);
	pthread_mutex_unlock(&s->owner.mutex);
}

/* Cleans up slot s if its owner died; true if nobody owns it (any more). */
static bool slot_reclaim(shm_slot *s)
{
	if (s == own_slot || !slot_seize(s)) {
		return false;
	}
	slot_free(s);
	return true;
}

#define TOKEN_GENERATION(token) ((token) >> SLOT_BITS)

/* Who this process is in owner fields (pending blocks, leases): never 0, never reused while it lives. */
static uint32_t owner_token(void)
{
	return (atomic_load(&own_slot->generation) << SLOT_BITS) | (uint32_t) (own_slot - slots);
}

/*
 * Whether the process a token names still owns its slot. A later owner of the same slot has
 * another generation; the owner itself holds the slot's lock until it ends, however it ends.
 */
static bool owner_alive(uint32_t token)
{
	shm_slot *s = &slots[token & (SLOT_MAX - 1)];

	if (token == 0 || atomic_load(&s->generation) != TOKEN_GENERATION(token)) {
		return false;
	}
	return !slot_reclaim(s);
}

static shm_slot *slot(void)
{
	if (EXPECTED(own_slot != NULL) || slots_exhausted) {
		return own_slot;
	}
	own_pid = (int32_t) getpid();
	for (int pass = 0; pass < 2 && !own_slot; pass++) {
		for (uint32_t i = 0; i < header->slot_count; i++) {
			/* First pass: slots nobody claims; second: slots whose owner may have died (their counters stay). */
			if ((pass == 0) != (atomic_load(&slots[i].pid) == 0) || !slot_seize(&slots[i])) {
				continue;
			}
			own_slot = &slots[i];
			/* Tokens never use generation 0, so an owner field of 0 means "nobody". */
			uint32_t generation = (atomic_load(&own_slot->generation) + 1) & (UINT32_MAX >> SLOT_BITS);
			atomic_store(&own_slot->generation, generation ? generation : 1);
			atomic_store(&own_slot->pid, own_pid);
			uint32_t high = atomic_load(&header->slots_high);
			while (high < i + 1 && !atomic_compare_exchange_weak(&header->slots_high, &high, i + 1));
			break;
		}
	}
	slots_exhausted = own_slot == NULL;
	return own_slot;
}

/* Without the segment, this process's own counters. */
static uint64_t local_counters[PERF_CACHE_DRIVER_COUNT][PERF_CACHE_COUNTER_COUNT];

void perf_cache_count_n(perf_cache_driver_id driver, perf_cache_counter counter, uint64_t n)
{
	shm_slot *s = shm_base ? slot() : NULL;
	if (s) {
		/* Only the owner writes its slot: a plain increment, no locked instruction. */
		atomic_store_explicit(&s->counters[driver][counter],
			atomic_load_explicit(&s->counters[driver][counter], memory_order_relaxed) + n, memory_order_relaxed);
	} else {
		local_counters[driver][counter] += n;
	}
}

void perf_cache_count(perf_cache_driver_id driver, perf_cache_counter counter)
{
	perf_cache_count_n(driver, counter, 1);
}

static void count(perf_cache_counter counter)
{
	perf_cache_count_n(PERF_CACHE_DRIVER_MEMORY, counter, 1);
}

static void count_n(perf_cache_counter counter, uint64_t n)
{
	perf_cache_count_n(PERF_CACHE_DRIVER_MEMORY, counter, n);
}

static void stripe_recount(shm_lock *stripe);

/* Locks a stripe. */
static void lock(shm_lock *l)
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

static void unlock(shm_lock *l)
{
	pthread_mutex_unlock(&l->mutex);
}

static shm_lock *stripe_for(uint64_t hash)
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
	if (read_depth++ == 0 && !epoch_pinned) {
		atomic_store(&s->active_epoch, atomic_load(&header->epoch) + 1);
		/* C11 orders a seq_cst store before later acquire loads only with a fence (see safe_epoch). */
		atomic_thread_fence(memory_order_seq_cst);
	}
	return true;
}

static void read_leave(void)
{
	if (own_slot && --read_depth == 0 && !epoch_pinned) {
		atomic_store_explicit(&own_slot->active_epoch, 0, memory_order_release);
	}
}

/*
 * Blocks retired at an epoch below this are no longer visible to any reader. A slot whose owner
 * died has its announcement cleared under the slot's lock (slot_reclaim): the slot cannot change
 * hands meanwhile, so a new owner's announcement is never erased (the ABA of clearing by value).
 */
static uint64_t safe_epoch(void)
{
	/*
	 * Pairs with the fence after an announcement: either the reader's announcement is seen here,
	 * or the reader's walk sees the unlink that preceded the epoch increment (mark_retired).
	 */
	atomic_thread_fence(memory_order_seq_cst);
	uint64_t min = atomic_load(&header->epoch) + 1;
	uint32_t high = atomic_load(&header->slots_high);

	for (uint32_t i = 0; i < high; i++) {
		uint64_t active = atomic_load(&slots[i].active_epoch);
		if (active && active < min && !slot_reclaim(&slots[i])) {
			min = active;
		}
	}
	return min;
}

static bool offset_valid(uint64_t off)
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

typedef enum {
	ENTRY_FRESH,
	ENTRY_EXPIRED,
	ENTRY_DEAD,
} entry_freshness;

#define CLOCK_NOT_READ ZEND_LONG_MIN

/* now is CLOCK_NOT_READ unless the caller has it: entries without a TTL never need the clock. */
static entry_freshness freshness(shm_entry *e, zend_long now)
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

/* ---- the block heap ---- */

/*
 * One heap, not one per group of processes: a value may need any run of the segment, up to all
 * of its free memory, and free space in one part must serve every process. The lock is held only
 * to take a block from the free lists (the value is measured before and copied after, outside
 * it) or, when the cache is full, for one walk of the CLOCK hand.
 */

/* Block sizes are 32-bit: a heap past 4 GB is made of several maximal free blocks that never merge. */
#define MAX_BLOCK ((uint64_t) UINT32_MAX & ~((uint64_t) BLOCK_ALIGN - 1))

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
static void mark_retired(shm_block *b)
{
	uint8_t live = BLOCK_LIVE;

	b->u.retire_epoch = atomic_fetch_add(&header->epoch, 1) + 1;
	if (atomic_compare_exchange_strong(&b->state, &live, BLOCK_RETIRED)) {
		atomic_fetch_add(&heap->retired, b->size);
	}
}

static void stripe_entries_add(shm_lock *stripe, int64_t n)
{
	atomic_store_explicit(&stripe->entries,
		atomic_load_explicit(&stripe->entries, memory_order_relaxed) + (uint64_t) n, memory_order_relaxed);
}

/* Unlinks a live entry from its chain (if it is still there) and retires its block (stripe locked). */
static void retire_entry(shm_block *b, _Atomic uint64_t *link)
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
 * Releases the pins of processes that died inside a request (SIGKILL, OOM killer), at most once
 * a second per process: their slots are otherwise only reclaimed when a new process takes one.
 */
static void release_dead_pins(void)
{
	static int64_t last_ms;
	int64_t now = now_ms();
	uint32_t high = atomic_load(&header->slots_high);

	if (now - last_ms < 1000) {
		return;
	}
	last_ms = now;
	for (uint32_t i = 0; i < high; i++) {
		if (atomic_load(&slots[i].pin_count)) {
			slot_reclaim(&slots[i]);
		}
	}
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

static void lock_heap(void)
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
static shm_block *alloc_block(uint64_t size)
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
static void release_pending(shm_block *b)
{
	lock_heap();
	free_block(b);
	unlock(&heap->lock);
}

/* ---- startup ---- */

static void init_lock(shm_lock *l)
{
	pthread_mutexattr_t attr;
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&l->mutex, &attr);
	pthread_mutexattr_destroy(&attr);
}

static uint64_t align_up(uint64_t value, uint64_t to)
{
	return (value + to - 1) & ~(to - 1);
}

zend_result perf_cache_memory_startup(size_t size)
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

	void *mem = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED) {
		zend_error(E_WARNING, "perf: cannot map %zu bytes of shared memory for the cache: %s", size, strerror(errno));
		return FAILURE;
	}
	shm_base = mem;
	header = mem;
	header->magic = SHM_MAGIC;
	header->version = SHM_VERSION;
	header->size = size;
	header->bucket_mask = bucket_count - 1;
	header->tag_mask = tag_count - 1;
	header->overflow_mask = tag_count / 4 - 1;
	header->slot_count = (uint32_t) slot_count;
	header->buckets_off = buckets_off;
	header->stripes_off = stripes_off;
	header->slots_off = slots_off;
	header->tags_off = tags_off;
	header->overflow_off = overflow_off;
	header->leases_off = leases_off;
	header->heap_off = heap_off;
	buckets = AT(buckets_off);
	stripes = AT(stripes_off);
	slots = AT(slots_off);
	tags = AT(tags_off);
	overflow_versions = AT(overflow_off);
	leases = AT(leases_off);
	heap = AT(heap_off);

	for (uint32_t i = 0; i < STRIPE_COUNT; i++) {
		init_lock(&stripes[i]);
	}
	for (uint32_t i = 0; i < slot_count; i++) {
		init_lock(&slots[i].owner);
	}
	init_lock(&heap->lock);
	heap->start = off;
	heap->end = off + ((size - off) & ~((uint64_t) BLOCK_ALIGN - 1));
	heap->hand = heap->start;
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
	pthread_atfork(NULL, NULL, after_fork_child);
	return SUCCESS;
}

void perf_cache_memory_shutdown(void)
{
	if (own_slot && atomic_load(&own_slot->pid) == own_pid) {
		atomic_store(&own_slot->active_epoch, 0);
		release_pins(own_slot);
		slot_free(own_slot);
	}
	own_slot = NULL;
	if (shm_base) {
		munmap(shm_base, header->size);
		shm_base = NULL;
		header = NULL;
	}
}

/* ---- the remote backends' circuit breaker ---- */

static shm_breaker local_breaker;

static shm_breaker *breaker(void)
{
	return shm_base ? &header->breaker : &local_breaker;
}

/* A prober owning a slot is named by its owner token, above 2^32; one without, by its pid. */
#define PROBER_TOKEN (INT64_C(1) << 32)

static int64_t current_prober(void)
{
	if (shm_base && slot()) {
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

/* ---- driver operations ---- */

static bool memory_available(void)
{
	return shm_base != NULL;
}

/*
 * A zero-copy value points into its entry's block: the block is pinned until the request ends, so
 * it is not reused even after the entry is replaced or evicted. Called inside the read, where the
 * block cannot be reused yet. Past PINS_PER_REQUEST blocks the request's epoch, announced by this
 * read, is kept instead.
 */
static void pin_block(shm_block *b)
{
	uint64_t index = OFFSET(b) / BLOCK_ALIGN;
	uint32_t n = atomic_load_explicit(&own_slot->pin_count, memory_order_relaxed);

	if (epoch_pinned) {
		return;
	}
	for (uint32_t i = n; i > 0; i--) {
		if (own_slot->pinned[i - 1] == index) {
			return;
		}
	}
	if (n == PINS_PER_REQUEST || index > UINT32_MAX) {
		epoch_pinned = true;
		return;
	}
	atomic_fetch_add(&b->pins, 1);
	own_slot->pinned[n] = (uint32_t) index;
	atomic_store(&own_slot->pin_count, n + 1);
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
			if (encoding == PERF_VALUE_NATIVE && zero_copy) {
				/* The stored image as it is: an interned string or an immutable array, copied by the engine on write. */
				pin_block(block_of(e));
				ZVAL_COPY_VALUE(value, &e->value);
			} else if (encoding == PERF_VALUE_NATIVE) {
				perf_value_read(&e->value, encoding, e->flat, value);
			} else {
				/* Decoding may run __unserialize(): it runs on a private copy, outside the read. */
				serialized = zend_string_init(Z_STRVAL(e->value), Z_STRLEN(e->value), 0);
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

static void fill_entry(shm_block *b, zend_string *key, uint64_t hash, zval *value, const perf_value_plan *plan,
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
	perf_value_write(plan, value, &e->value, ENTRY_DATA(e));
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
	fill_entry(b, key, hash, value, plan, ttl, entry_tags);

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
	if (l->owner == 0 || (l->owner == own && l->key_hash == hash) || now_ms() > l->deadline_ms
		|| (l->owner != own && !owner_alive(l->owner))) {
		l->key_hash = hash;
		l->owner = own;
		l->deadline_ms = now_ms() + hold_ms;
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

uint64_t perf_cache_counter_total(perf_cache_driver_id driver, perf_cache_counter counter)
{
	if (!shm_base) {
		return local_counters[driver][counter];
	}
	uint64_t total = 0;
	uint32_t high = atomic_load(&header->slots_high);
	for (uint32_t i = 0; i < high; i++) {
		total += atomic_load_explicit(&slots[i].counters[driver][counter], memory_order_relaxed);
	}
	return total;
}

static uint64_t counter_total(perf_cache_counter counter)
{
	return perf_cache_counter_total(PERF_CACHE_DRIVER_MEMORY, counter);
}

static void memory_stats(zval *stats)
{
	uint64_t entries = 0;

	lock_heap();
	uint64_t size = heap->end - heap->start;
	/* Retired blocks are garbage waiting for readers to leave: free space, not cached data. */
	uint64_t retired = atomic_load(&heap->retired);
	uint64_t used = heap->used > retired ? heap->used - retired : 0;
	unlock(&heap->lock);
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

static void memory_request_end(void)
{
	epoch_pinned = false;
	read_depth = 0;
	if (own_slot) {
		atomic_store_explicit(&own_slot->active_epoch, 0, memory_order_release);
		release_pins(own_slot);
	}
}

void perf_cache_memory_minfo(void)
{
	char buf[64];

	if (!shm_base) {
		php_info_print_table_row(2, "Memory cache", "not created (perf.cache_enable_cli=0 in CLI, or no shared memory)");
		return;
	}
	snprintf(buf, sizeof(buf), "%" PRIu64 " bytes, %" PRIu64 " buckets", header->size, header->bucket_mask + 1);
	php_info_print_table_row(2, "Memory cache segment", buf);
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
	.request_end = memory_request_end,
};
