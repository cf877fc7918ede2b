/* Per-sample logarithm and exponential in fixed point (audio side): CLZ and
 * a 64-segment table with linear interpolation, no float. Levels are in log2
 * units (1.0 = 6.0206 dB) as Q24 signed integers. */
#ifndef MIXBOX_LOG2_FIXED_H
#define MIXBOX_LOG2_FIXED_H

#include <stdint.h>

/* Floor of log2_level_q24 for a zero magnitude: -40 (-241 dB). */
#define LOG2_LEVEL_FLOOR_Q24 (-40 * (1 << 24))

/* log2(magnitude / 2^31) in Q24 for magnitude < 2^40: 0 = full scale.
 * Error below 5e-5 log2 units (0.0003 dB). */
int32_t log2_level_q24(uint64_t magnitude);

/* 2^(v) in Q24 for v in log2 units (Q24); below -31 returns 0, v is clamped
 * at +6 (64x). Exact at v = 0 (returns 2^24). Relative error below 3e-5. */
int32_t exp2_gain_q24(int32_t v_q24);

#endif
