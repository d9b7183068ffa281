/*
 * Process slots and what may be reused: a process owns a slot (and holds its robust mutex) for its
 * whole life; readers announce their epoch in it and list their pins there; a dead owner's slot is
 * cleaned by whoever seizes its mutex.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <errno.h>
#include <unistd.h>

#include "cache/shm.h"

PERF_CACHE_LOCAL shm_slot *own_slot;
PERF_CACHE_LOCAL int32_t own_pid;
PERF_CACHE_LOCAL bool slots_exhausted;

/*
 * Gives back the pins a request holds. A process killed between pinning a block and listing it
 * leaks that one pin (the block is never reused): the opposite order could take a pin it never
 * gave, which would let another process's value be overwritten. For the same reason the list is
 * shortened before each pin is given back: whoever finishes the work of a process killed in here
 * (the slot's next owner or cleaner) starts where it stopped and gives no pin twice.
 */
void release_pins(shm_slot *s)
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

/* Gives back a seized slot nobody owns. */
void slot_free(shm_slot *s)
{
	atomic_store(&s->pid, 0);
	pthread_mutex_unlock(&s->owner.mutex);
}

/* Cleans up slot s if its owner died; true if nobody owns it (any more). */
bool slot_reclaim(shm_slot *s)
{
	if (s == own_slot || !slot_seize(s)) {
		return false;
	}
	slot_free(s);
	return true;
}

/* Who this process is in owner fields (pending blocks, leases): never 0, never reused while it lives. */
uint32_t owner_token(void)
{
	return (atomic_load(&own_slot->generation) << SLOT_BITS) | (uint32_t) (own_slot - slots);
}

/*
 * Whether the process a token names still owns its slot. A later owner of the same slot has
 * another generation; the owner itself holds the slot's lock until it ends, however it ends.
 */
bool owner_alive(uint32_t token)
{
	shm_slot *s = &slots[token & (SLOT_MAX - 1)];

	if (token == 0 || atomic_load(&s->generation) != TOKEN_GENERATION(token)) {
		return false;
	}
	return !slot_reclaim(s);
}

shm_slot *slot(void)
{
	if (EXPECTED(own_slot != NULL) || slots_exhausted) {
		return own_slot;
	}
	own_pid = (int32_t) getpid();
	for (int pass = 0; pass < 2 && !own_slot; pass++) {
		for (uint32_t i = 0; i < header->slot_count; i++) {
			/* First pass: slots nobody claims; second: slots whose owner may have died. */
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

/*
 * Blocks retired at an epoch below this are no longer visible to any reader. A slot whose owner
 * died has its announcement cleared under the slot's lock (slot_reclaim): the slot cannot change
 * hands meanwhile, so a new owner's announcement is never erased (the ABA of clearing by value).
 */
uint64_t safe_epoch(void)
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

/*
 * Releases the pins of processes that died inside a request (SIGKILL, OOM killer), at most once
 * a second per process: their slots are otherwise only reclaimed when a new process takes one.
 */
void release_dead_pins(void)
{
	static int64_t last_ms;
	int64_t now = perf_cache_monotonic_ms();
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
