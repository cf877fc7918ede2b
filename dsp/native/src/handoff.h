/* Handing complete target sets from the control core to the audio core: a
 * triple buffer. Three slots; at any time one is the control side's (back, being
 * written), one the audio side's (front, being read) and one is the latest
 * published. Publishing swaps back and published; taking swaps published and
 * front. Each swap is one atomic exchange, so the three indices always stay a
 * permutation of 0, 1, 2: neither side ever touches the other's slot, and the
 * audio side never reads a set that is being written, never waits and never
 * retries (a publish in flight simply isn't there yet: the audio side keeps its
 * set for this block and takes the newer one at the next).
 *
 * Memory order (C11 model, GCC/Clang __atomic builtins on every target):
 * - publish is an exchange with release order: every write to the back slot
 *   happens before the slot becomes visible as published;
 * - take is an exchange with acquire order, so the audio side sees every write
 *   of the slot it takes; and with release order, so its reads of the slot it
 *   gives back are done before the control side can get that slot (whose
 *   publish exchange acquires) and write it again.
 * The fresh flag is read first with a relaxed load: without it set there is
 * nothing to take, and the exchange is skipped.
 * Cost: x86 XCHG and RISC-V AMOSWAP are single instructions; Xtensa LX7 (the
 * ESP32-S3) builds the exchange from S32C1I compare-and-swap, which retries
 * only if the other core wrote the word between its load and its store: the
 * control core writes it once per publish (a whole coefficient derivation,
 * microseconds), so at most once. */
#ifndef MIXBOX_HANDOFF_H
#define MIXBOX_HANDOFF_H

#include <stdint.h>

#include "mixbox_engine.h"

#if !defined(__GNUC__)
#error "handoff.h needs the GCC/Clang __atomic builtins"
#endif

#define HANDOFF_SLOT_MASK 3u
#define HANDOFF_FRESH 4u

/* Before either side runs: front = slot 0, published = 1 (not fresh), back = 2. */
static inline void handoff_init(mixbox_handoff_t *handoff)
{
    handoff->front = 0u;
    handoff->back = 2u;
    __atomic_store_n(&handoff->published, 1u, __ATOMIC_RELEASE);
}

/* Control side: makes the back slot (written in full) the latest; the slot it
 * displaces becomes the new back. */
static inline void handoff_publish(mixbox_handoff_t *handoff)
{
    uint32_t previous = __atomic_exchange_n(&handoff->published, handoff->back | HANDOFF_FRESH, __ATOMIC_ACQ_REL);
    handoff->back = previous & HANDOFF_SLOT_MASK;
}

/* Audio side: if a set was published since the last take, makes it the front
 * slot and returns 1; else returns 0 and the front slot stays. */
static inline int handoff_take(mixbox_handoff_t *handoff)
{
    if ((__atomic_load_n(&handoff->published, __ATOMIC_RELAXED) & HANDOFF_FRESH) == 0u) return 0;
    uint32_t latest = __atomic_exchange_n(&handoff->published, handoff->front, __ATOMIC_ACQ_REL);
    handoff->front = latest & HANDOFF_SLOT_MASK;
    return 1;
}

#endif
