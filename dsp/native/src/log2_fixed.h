/* Per-sample logarithm and exponential in fixed point (audio side): a leading
 * one search and a 64-segment table with linear interpolation, no float.
 * Levels are in log2 units (1.0 = 6.0206 dB) as Q24 signed integers. Inline:
 * the compressor calls both once per frame. */
#ifndef MIXBOX_LOG2_FIXED_H
#define MIXBOX_LOG2_FIXED_H

#include <stdint.h>

#include "q31_math.h"

/* Floor of log2_level_q24 for a zero magnitude: -40 (-241 dB). */
#define LOG2_LEVEL_FLOOR_Q24 (-40 * (1 << 24))

/* round(log2(1 + i/64) * 2^24) and round(2^(i/64) * 2^30), i = 0..64. */
extern const int32_t mixbox_log2_mantissa_q24[65];
extern const uint32_t mixbox_exp2_mantissa_q30[65];

/* Index of the highest set bit of each byte value (0 for 0 and 1). */
extern const uint8_t mixbox_top_bit_of_byte[256];

/* Index of the highest set bit of x > 0. Cores with a count-leading-zeros
 * instruction use it; elsewhere (RV32IMC has none) two compares find x's
 * top byte and a 256-byte table that byte's top bit, cheaper than a 5-step
 * search or the C library's routine. All give the same value. */
static inline int top_bit_index32(uint32_t x)
{
#if !defined(MIXBOX_PORTABLE_PATHS) && defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__) || defined(__aarch64__) || \
                          defined(__XTENSA__) || defined(__riscv_zbb))
    return 31 - __builtin_clz(x);
#else
    if (x >= 1u << 16) return x >= 1u << 24 ? 24 + mixbox_top_bit_of_byte[x >> 24] : 16 + mixbox_top_bit_of_byte[x >> 16];
    return x >= 1u << 8 ? 8 + mixbox_top_bit_of_byte[x >> 8] : mixbox_top_bit_of_byte[x];
#endif
}

/* log2(magnitude) in Q24 for a magnitude > 0: 0..32. Error below 5e-5 log2
 * units (0.0003 dB). The 24 bits below the segment's 6 interpolate it:
 * table steps are below 2^19, so step * within / 2^24 is a high word. */
static inline int32_t log2_magnitude_q24(uint32_t magnitude)
{
    int top = top_bit_index32(magnitude);
    uint32_t normalised = magnitude << (31 - top); /* leading one at bit 31 */
    const int32_t *pair = &mixbox_log2_mantissa_q24[(normalised >> 25) & 63u];
    uint32_t within = (normalised >> 1) & 0xFFFFFFu;
    uint32_t step = (uint32_t)(pair[1] - pair[0]);
    return top * (1 << 24) + pair[0] + (int32_t)mul_high_u32(step, within << 8);
}

/* log2(magnitude / 2^31) in Q24: 0 = full scale. */
static inline int32_t log2_level_q24(uint32_t magnitude)
{
    if (magnitude == 0u) return LOG2_LEVEL_FLOOR_Q24;
    return log2_magnitude_q24(magnitude) - 31 * (1 << 24);
}

/* 2^(v) in Q24 for v in log2 units (Q24); below -31 returns 0, v is clamped
 * at +6 (64x). Exact at v = 0 (returns 2^24). Relative error below 3e-5.
 * Mantissas are at most 2^31, so everything fits 32 bits. */
static inline int32_t exp2_gain_q24(int32_t v_q24)
{
    if (v_q24 >= 6 * (1 << 24)) v_q24 = 6 * (1 << 24) - 1;
    int32_t whole = v_q24 >> 24; /* floor */
    if (whole < -31) return 0;
    uint32_t fraction = (uint32_t)v_q24 & 0xFFFFFFu;
    uint32_t segment = fraction >> 18;
    uint32_t within = fraction & 0x3FFFFu; /* 18 bits */
    uint32_t low = mixbox_exp2_mantissa_q30[segment];
    uint32_t mantissa_q30 = low + mul_high_u32(mixbox_exp2_mantissa_q30[segment + 1u] - low, within << 14);
    int shift = 6 - whole; /* Q30 -> Q24, times 2^whole; >= 1 */
    return shift >= 32 ? 0 : (int32_t)(mantissa_q30 >> shift);
}

/* exp2_gain_q24 for v in [-25, 6) log2 units (the compressor's make-up less
 * its reduction: -13..+3.4): the same value, without the range checks. The
 * 18 bits within a segment are v's low bits, so v << 14 puts them on top. */
static inline int32_t exp2_gain_q24_in_range(int32_t v_q24)
{
    const uint32_t *pair = &mixbox_exp2_mantissa_q30[((uint32_t)v_q24 >> 18) & 63u];
    uint32_t mantissa_q30 = pair[0] + mul_high_u32(pair[1] - pair[0], (uint32_t)v_q24 << 14);
    return (int32_t)(mantissa_q30 >> (6 - (v_q24 >> 24))); /* Q30 -> Q24, times 2^whole: a shift of 1..31 */
}

#endif
