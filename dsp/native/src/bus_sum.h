/* Summing channels into a stereo bus, a group of up to four channels at a
 * time: each frame's products are added in 64 bits while they sit in
 * registers, and the group's sum is rounded down to the bus's Q39 once. A bus
 * touches its memory once per group, not per channel. A gain is Q40 (Q7.24
 * and 16 guard bits, within 2^-41 of the exact law): its Q24 part makes a
 * Q55 product, its guard bits a Q53 one (the high word of a 32x32 product,
 * floored: 2^-53 of full scale), so the Q39 sum is the exact mix to within
 * 2^-39 per group plus 2^-41 + 2^-53 per channel (#17).
 *
 * Scaling and overflow: a gain is at most +32 dB (< 2^29.32 in Q24), so a
 * product is below 2^60.32 and four of them below 2^62.32: no group sum can
 * wrap. Groups are fixed slots of channel numbers (0-3, 4-7, ...), so which
 * products share a rounding never depends on block size, ramps or routing;
 * a channel that is silent or routed elsewhere adds exactly zero and is left
 * out. A single channel at unity gain (2^24) reaches Q39 exactly. */
#ifndef MIXBOX_BUS_SUM_H
#define MIXBOX_BUS_SUM_H

#include "mixbox_engine.h"
#include "q31_math.h"

#define BUS_SUM_GROUP 4u
/* mixbox_bus_sum_call_t.first of a bus's only call (first and last). */
#define BUS_SUM_ONLY_CALL 2u

/* One channel's part in a group: its samples (every `stride`-th) and its
 * left/right gains as the gain ramps keep them (Q40 value, per-frame step;
 * step 0 when settled). */
typedef struct {
    const q31_t *x;
    int64_t left_q40, left_step;
    int64_t right_q40, right_step;
} bus_sum_member_t;

/* Members come in slot order, so a group of BUS_SUM_GROUP members is the
 * group's four consecutive slots (the kernel then reads them from one pointer).
 * Adds (or, with `first`, writes) `frames` frames of the group's sum to
 * sums[0] (left) and sums[1] (right) from frame `from` on (Q39): one pointer
 * reaches both sides. `moving`: some member's step is nonzero (each
 * frame then advances the gains before using them, as gain_ramp does).
 * `guard`: some settled member's gains have guard bits; when none has (a
 * hard-panned, 0 dB or muted channel), the guard-bit products are skipped
 * (they would add exactly 0). */
void mixbox_bus_sum_group(const bus_sum_member_t *members, uint32_t count, int moving, int guard, uint32_t stride,
                          uint32_t frames, int64_t (*sums)[MIXBOX_CHUNK_FRAMES], uint32_t from, int first);

/* A settled group's call as the engine plans it once for many chunks
 * (mixbox_bus_sum_call_t, mixbox_engine_state.h): member m (slot order) is
 * channel `channel` with these gains (Q40). */
void mixbox_bus_sum_call_set_member(mixbox_bus_sum_call_t *call, uint32_t m, uint32_t channel, int64_t left_q40,
                                    int64_t right_q40);

/* Runs a planned call over `frames` frames from frame0 (channel 0 of the
 * chunk's first frame): the same sums as mixbox_bus_sum_group. */
void mixbox_bus_sum_call_run(const mixbox_bus_sum_call_t *call, const q31_t *frame0, uint32_t stride, uint32_t frames,
                             int64_t (*sums)[MIXBOX_CHUNK_FRAMES], uint32_t from);

/* mixbox_bus_sum_call_run from frame 0 with the sums in Q55 on the Q39 grid
 * (2^16 x the Q39 sums, their low 16 bits zero): the bits are the same, but
 * a call floors by clearing the low 16 bits of one word where a Q39 sum
 * takes a 64-bit shift. The caller keeps the sums below 2^63 in magnitude
 * (mixbox_bus_sum_call_bound: the main bus's calls, at plan time). */
void mixbox_bus_sum_call_run_q55(const mixbox_bus_sum_call_t *call, const q31_t *frame0, uint32_t stride,
                                 uint32_t frames, int64_t (*sums)[MIXBOX_CHUNK_FRAMES]);

/* A bound B on one side (0 left, 1 right) of the call's Q55 sum: |sum| <=
 * 2^31 B for every input frame. */
uint64_t mixbox_bus_sum_call_bound(const mixbox_bus_sum_call_t *call, uint32_t side);

/* Whether mixbox_bus_sum_call_run_out may run the call: its fine sums stay
 * below 2^30 - 2^21 (so with two members or more, unless their guard bits are
 * all large). */
int mixbox_bus_sum_call_can_put_out(const mixbox_bus_sum_call_t *call);

/* A planned call that alone feeds a sub-bus whose fader is settled at 0 dB
 * (call->first == BUS_SUM_ONLY_CALL, set only where the call can put out):
 * the sub-bus output itself, Q31, as the join makes it of the Q39 sum
 * (rounded to nearest, saturated: *clipped_left and *clipped_right set where that
 * changed a value), into out[0] (left) and out[1] (right). Near clipping it
 * makes the sums first (in scratch[0] and scratch[1]). */
void mixbox_bus_sum_call_run_out(const mixbox_bus_sum_call_t *call, const q31_t *frame0, uint32_t stride,
                                 uint32_t frames, int32_t (*out)[MIXBOX_CHUNK_FRAMES],
                                 int64_t (*scratch)[MIXBOX_CHUNK_FRAMES], uint32_t *clipped_left,
                                 uint32_t *clipped_right);

#endif
