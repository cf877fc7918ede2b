/* A gain coefficient that moves linearly to a new target over a fixed number
 * of frames, so a parameter change never steps the signal (no zipper, no
 * click). Value kept in Q40 = Q24 plus 16 guard bits so the per-frame step is
 * fine enough for any ramp length. */
#ifndef MIXBOX_GAIN_RAMP_H
#define MIXBOX_GAIN_RAMP_H

#include "mixbox_engine.h"

/* The target in Q40 (its Q24 part and guard bits). */
static inline int64_t gain_ramp_target_q40(const mixbox_gain_ramp_t *ramp)
{
    return (int64_t)ramp->target_q24 * 65536 + (int64_t)ramp->target_fine;
}

/* Starts settled at target_q24 (or, _q40, at a target with guard bits: the
 * channel gains, kept to Q40 so a coefficient's error is 2^-41, not 2^-25). */
void mixbox_gain_ramp_init(mixbox_gain_ramp_t *ramp, int32_t target_q24);
void mixbox_gain_ramp_init_q40(mixbox_gain_ramp_t *ramp, int64_t target_q40);

/* Aims at a new target from wherever the ramp is now; no-op if unchanged. */
void mixbox_gain_ramp_set_target(mixbox_gain_ramp_t *ramp, int32_t target_q24, uint32_t ramp_frames);
void mixbox_gain_ramp_set_target_q40(mixbox_gain_ramp_t *ramp, int64_t target_q40, uint32_t ramp_frames);

/* Moves the ramp on by `frames` (at most the moving frames), as the caller's
 * kernel did with its copy of value and step; lands exactly on target. */
void mixbox_gain_ramp_advance(mixbox_gain_ramp_t *ramp, uint32_t frames);

/* Per-sample form for chains that tick a ramp once per frame: advances one
 * frame and returns the gain (Q24) for it. */
static inline int32_t gain_ramp_tick(mixbox_gain_ramp_t *ramp)
{
    if (ramp->frames_left != 0u) {
        ramp->value += ramp->step;
        if (--ramp->frames_left == 0u) ramp->value = gain_ramp_target_q40(ramp);
    }
    return (int32_t)(ramp->value >> 16);
}

/* True when settled at zero: the signal it scales is silent. */
static inline int gain_ramp_is_silent(const mixbox_gain_ramp_t *ramp)
{
    return ramp->frames_left == 0u && ramp->target_q24 == 0 && ramp->target_fine == 0u;
}

#endif
