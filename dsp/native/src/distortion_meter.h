/* The distortion meters of the drive and safety stages: the energy of
 * (stage output - its linear part) relative to the energy of the linear
 * part, read and reset like the other meters. A stage knows its own input,
 * so the residual is exact, not estimated. The stages add their sums of
 * squares of Q21 values (|x| / 2^10: below 2^50 each, as |x| <= 2^35 and
 * a residual lies between 0 and its signal; a 10 ms
 * segment's below 2^61 at 96 kHz); at each segment end both are halved
 * together while either passes 2^61 (block-size independent: segments end on
 * the same frames whatever the blocks), so reads may come as seldom as the
 * caller likes. */
#ifndef MIXBOX_DISTORTION_METER_H
#define MIXBOX_DISTORTION_METER_H

#include "mixbox_engine.h"
#include "q31_math.h"

/* Q21 value squared. Truncated toward zero (not floored): a residual no
 * larger than its signal then never squares larger, so a reading is at
 * most 0 dB whenever the stage's output lies between 0 and its input. */
static inline uint64_t distortion_square(int64_t x)
{
    /* |x| <= 2^35 (chain values, and residuals no larger than them): the
     * magnitude's Q21 value fits 32 bits, one 32x32 product on 32-bit cores. */
    uint32_t v = (uint32_t)((uint64_t)(x < 0 ? -x : x) >> 10);
    return (uint64_t)v * v;
}

/* The same for a value within int32 (the usual chain sample): a 32-bit magnitude. */
static inline uint64_t distortion_square32(int32_t x)
{
    uint32_t v = q31_magnitude(x) >> 10;
    return (uint64_t)v * v;
}

/* The meters read every 4th frame of the stream, not every frame: what is
 * read is a ratio of energies, and a 10 ms segment still holds 120 of its
 * frames (48 kHz), so the reading moves by hundredths of a dB while the
 * squares cost a quarter. Which frames is kept across chunks
 * (frames_to_next), so it never depends on the block size. A stage counts
 * down per frame: distortion_meter_due says whether this frame is metered. */
#define DISTORTION_METER_EVERY 4u

static inline int distortion_meter_due(uint32_t *frames_to_next)
{
    if (*frames_to_next != 0u) {
        --*frames_to_next;
        return 0;
    }
    *frames_to_next = DISTORTION_METER_EVERY - 1u;
    return 1;
}

/* After a chunk of `frames` metered at first, first + 4, ... (first =
 * frames_to_next): the frames before the next metered one. */
static inline void distortion_meter_skip(mixbox_distortion_meter_t *meter, uint32_t frames)
{
    meter->frames_to_next = (meter->frames_to_next - frames) & (DISTORTION_METER_EVERY - 1u);
}

static inline void mixbox_distortion_meter_add(mixbox_distortion_meter_t *meter, uint64_t residual, uint64_t signal)
{
    meter->residual += residual;
    meter->signal += signal;
}

/* At a 10 ms segment end: keeps both sums under 2^61, their ratio unchanged. */
void mixbox_distortion_meter_end_segment(mixbox_distortion_meter_t *meter);

/* 10 log10(residual / signal) in cdB; MIXBOX_METER_SILENCE_CDB when nothing
 * was added or the residual is exactly zero (a stage that is off, or a
 * signal it never touched). Resets both sums. */
int32_t mixbox_distortion_meter_read(mixbox_distortion_meter_t *meter);

#endif
