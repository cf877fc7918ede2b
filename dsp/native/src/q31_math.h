/* Fixed-point helpers shared by the engine's blocks. */
#ifndef MIXBOX_Q31_MATH_H
#define MIXBOX_Q31_MATH_H

#include <stdint.h>

#include "mixbox_engine.h"

/* The engine's own short name for its sample type (mixbox_q31_t in the public
 * header, where a bare q31_t would clash with CMSIS-DSP's). Internal only. */
typedef mixbox_q31_t q31_t;

/* Right shifts of negative values are implementation-defined in C99; the
 * engine needs them arithmetic (true on gcc/clang for x86, Xtensa, RISC-V). */
typedef char mixbox_requires_arithmetic_shift[((-1) >> 1) == -1 ? 1 : -1];

/* For per-sample helpers the compiler would otherwise call: a call costs
 * more than the body, and inlined the loop's values stay in registers. */
#if defined(__GNUC__)
#define ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define ALWAYS_INLINE inline
#endif

/* For the once-per-segment work called from a per-block loop: kept out of
 * line, the loop's function saves no more registers for it. */
#if defined(__GNUC__)
#define OUT_OF_LINE __attribute__((noinline))
#else
#define OUT_OF_LINE
#endif

/* Hides where a 32-bit value came from (no code): gcc may multiply a value it
 * has also sign-extended to 64 bits as a 64x64 product (three multiplies on
 * a 32-bit core where one multiply-high does). */
#if defined(__GNUC__)
#define OPAQUE_INT32(x) __asm__("" : "+r"(x))
#else
#define OPAQUE_INT32(x) ((void)0)
#endif

#define Q31_MAX INT32_MAX
#define Q31_MIN INT32_MIN

static inline int32_t q31_saturate(int64_t x)
{
    if (x > Q31_MAX) return Q31_MAX;
    if (x < Q31_MIN) return Q31_MIN;
    return (int32_t)x;
}

/* Q39 bus sum -> Q31 scale, rounded to nearest (ties up), not yet saturated. */
static inline int64_t q39_round_to_q31(int64_t sum_q39)
{
    return (sum_q39 + 128) >> 8;
}

/* Saturates to Q31 and sets *clipped when that changed the value. */
static inline int32_t q31_saturate_flag(int64_t x, uint32_t *clipped)
{
    if (x > Q31_MAX) { *clipped = 1u; return Q31_MAX; }
    if (x < Q31_MIN) { *clipped = 1u; return Q31_MIN; }
    return (int32_t)x;
}

/* floor(sum * gain / 2^24) for a Q39 sum and a Q24 gain, without 64-bit
 * overflow: the sum is split at bit 24, so |sum| < 2^62 / |gain| suffices
 * for the high part and the low part is below 2^24. Exact at unity gain. */
static inline int64_t q39_scale_q24(int64_t sum_q39, int32_t gain_q24)
{
    int64_t high = sum_q39 >> 24;
    int64_t low = sum_q39 & 0xFFFFFF;
    return high * gain_q24 + ((low * gain_q24) >> 24);
}

/* floor(a * b / 2^32): the high word of a 32x32 product (one mulh on a
 * 32-bit core). */
static inline int32_t mul_high_s32(int32_t a, int32_t b)
{
    return (int32_t)(((int64_t)a * b) >> 32);
}

/* floor(a * b / 2^32) for unsigned a and b (RISC-V mulhu, Xtensa muluh). */
static inline uint32_t mul_high_u32(uint32_t a, uint32_t b)
{
    return (uint32_t)(((uint64_t)a * b) >> 32);
}

/* floor(a * b / 2^32) for a signed a and an unsigned b (mulhsu). */
static inline int32_t mul_high_s32_u32(int32_t a, uint32_t b)
{
    return (int32_t)(((int64_t)a * (int64_t)b) >> 32);
}

/* |x| as an unsigned Q31 magnitude; |INT32_MIN| = 2^31 fits. */
static inline uint32_t q31_magnitude(int32_t x)
{
    return x < 0 ? 0u - (uint32_t)x : (uint32_t)x;
}

/* The largest |x| of samples whose highest is `highest` (>= 0) and lowest
 * is `lowest` (<= 0): peak loops track the two with plain compares instead
 * of taking |x| per sample. */
static inline uint32_t q31_range_magnitude(int32_t highest, int32_t lowest)
{
    uint32_t low = 0u - (uint32_t)lowest;
    return (uint32_t)highest > low ? (uint32_t)highest : low;
}

#endif
