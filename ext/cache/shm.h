/*
 * The memory driver's shared segment: its layout, the types in it and what the driver's files
 * share. driver_memory.c makes the segment and holds its chains, tags and the driver operations;
 * shm_alloc.c is the block heap with its eviction; shm_reclaim.c the process slots, liveness,
 * epochs and pins. The driver's counters are the cache core's (counters.c), not in this
 * segment. The protocol (block states, who writes which field under which lock) is described at
 * the top of driver_memory.c.
 */

#ifndef PERF_CACHE_SHM_H
#define PERF_CACHE_SHM_H

#include <pthread.h>
#include <stdatomic.h>

#include "php.h"

#include "cache/cache.h"
#include "shm/segment.h"

/* The layout's version: a segment of another version is replaced, never read. */
#define SHM_VERSION 4
#define BLOCK_ALIGN 16
#define MIN_BLOCK 64
#define BIN_COUNT 40
#define STRIPE_COUNT 1024
#define SLOT_BITS 10
/* Process slots: one per 8 KB of cache, at most this many (an owner token has SLOT_BITS for the index). */
#define SLOT_MAX (1u << SLOT_BITS)
/*
 * Blocks one request can pin (each read zero-copy from a distinct entry); past that its reads copy,
 * so one request never holds back more than these blocks, whatever it reads.
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
	/* The segment module's part: magic, layout version, size, address, ready and replaced marks. */
	perf_segment_prefix seg;
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
	/*
	 * perf.cache_preload (preload.c): 0 in a new segment (a new mapping is zero-filled), then the
	 * owner token of the process loading the file, then SHM_PRELOAD_DONE.
	 */
	_Atomic uint64_t preload;
} shm_header;

/* Above every owner token (32 bits). */
#define SHM_PRELOAD_DONE UINT64_MAX

/* Block sizes are 32-bit: a heap past 4 GB is made of several maximal free blocks that never merge. */
#define MAX_BLOCK ((uint64_t) UINT32_MAX & ~((uint64_t) BLOCK_ALIGN - 1))
#define TOKEN_GENERATION(token) ((token) >> SLOT_BITS)

typedef enum {
	ENTRY_FRESH,
	ENTRY_EXPIRED,
	ENTRY_DEAD,
} entry_freshness;

#define CLOCK_NOT_READ ZEND_LONG_MIN

#define AT(off) ((void *) (shm_base + (off)))
#define OFFSET(ptr) ((uint64_t) ((char *) (ptr) - shm_base))
#define ENTRY(block) ((shm_entry *) ((char *) (block) + sizeof(shm_block)))
#define ENTRY_TAGS(entry) ((shm_entry_tag *) ((char *) (entry) + sizeof(shm_entry)))
#define ENTRY_KEY(entry) ((char *) ENTRY_TAGS(entry) + (entry)->tag_count * sizeof(shm_entry_tag))
#define ENTRY_DATA(entry) (ENTRY_KEY(entry) + ZEND_MM_ALIGNED_SIZE_EX((entry)->key_len, BLOCK_ALIGN))

/* Shared by the driver's files only: hidden from other shared objects. */
#pragma GCC visibility push(hidden)

/* The segment (shm_attach.c). shm_bound: the globals below point at a segment. */
extern char *shm_base;
extern _Atomic bool shm_bound;
extern shm_header *header;
extern _Atomic uint64_t *buckets;
extern shm_lock *stripes;
extern shm_slot *slots;
extern shm_tag *tags;
extern _Atomic uint64_t *overflow_versions;
extern shm_lease *leases;
extern shm_heap *heap;

/*
 * Under ZTS each thread takes a slot of its own (PERF_CACHE_LOCAL): an announcement, the pins and
 * the robust owner lock (which tells a dead thread exactly) are per reader, and threads of one
 * process must not clear each other's announcement.
 */
/* Per process (per thread under ZTS): the slot it owns (reset in a forked child; shm_reclaim.c). */
extern PERF_CACHE_LOCAL shm_slot *own_slot;
extern PERF_CACHE_LOCAL int32_t own_pid;
extern PERF_CACHE_LOCAL bool slots_exhausted;

/* shm_attach.c: attaches this process to its segment (first operation, and after a replacement). */
bool shm_attach(void);

/* Whether the segment is there, attaching it at the first call. */
static inline bool shm_ready(void)
{
	return EXPECTED(atomic_load_explicit(&shm_bound, memory_order_acquire)) || shm_attach();
}

/* driver_memory.c: chains and their stripe locks. */
void lock(shm_lock *l);
void unlock(shm_lock *l);
shm_lock *stripe_for(uint64_t hash);
void stripe_entries_add(shm_lock *stripe, int64_t n);
bool offset_valid(uint64_t off);
entry_freshness freshness(shm_entry *e, zend_long now);

/* shm_reclaim.c: processes, epochs, pins. */
shm_slot *slot(void);
void slot_free(shm_slot *s);
bool slot_reclaim(shm_slot *s);
uint32_t owner_token(void);
bool owner_alive(uint32_t token);
void release_pins(shm_slot *s);
void release_dead_pins(void);
uint64_t safe_epoch(void);

/* The driver's counters (counters.c). */
static inline void count(perf_cache_counter counter)
{
	perf_cache_count_n(PERF_CACHE_DRIVER_MEMORY, counter, 1);
}

static inline void count_n(perf_cache_counter counter, uint64_t n)
{
	perf_cache_count_n(PERF_CACHE_DRIVER_MEMORY, counter, n);
}

/* shm_alloc.c: the block heap. */
void heap_init(uint64_t start, uint64_t end);
void heap_usage(uint64_t *size, uint64_t *used);
void lock_heap(void);
shm_block *alloc_block(uint64_t size);
void release_pending(shm_block *b);
void mark_retired(shm_block *b);
void retire_entry(shm_block *b, _Atomic uint64_t *link);

#pragma GCC visibility pop

#endif
