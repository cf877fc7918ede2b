/* The exact sum of squares of rounded values t = v >> 7 (the K-weighting's
 * Q20 output from its Q27 value plus half a step; |v| < 2^29, so |t| < 2^22
 * and t^2 < 2^44) over a run of at most ROUNDED_SQUARE_SUM_MAX values.
 *
 * A 64-bit core adds t^2 in one register. A 32-bit core (the device) keeps
 * two 32-bit sums with no carry between them: the low words of t^2 (the
 * exact sum modulo 2^32) and the high words of v t (v t = 2^7 t^2 + r t with
 * r = v - 2^7 t in 0..127, and v, t share a sign, so 2^25 mulh(v, t) is t^2
 * to within -2^25 - |t|..|t|, above -2^25.2). Over n <= 32 values the
 * second is within 2^30.2 of the sum, which the first then makes exact: the
 * sum is that estimate plus (low sum - estimate) modulo 2^32, read as
 * signed. Per value a multiply and an add each (4 instructions, where a
 * 64-bit sum of 64-bit squares takes 6). The same scheme as
 * run_square_sum.h, on the rounding's own input. MIXBOX_PORTABLE_PATHS
 * picks the two sums on any core (the tests compare both builds). */
#ifndef MIXBOX_ROUNDED_SQUARE_SUM_H
#define MIXBOX_ROUNDED_SQUARE_SUM_H

#include <stdint.h>

#include "q31_math.h"

#define ROUNDED_SQUARE_SUM_MAX 32u
#define ROUNDED_SQUARE_SHIFT 7

#if UINTPTR_MAX > 0xFFFFFFFFu && !defined(MIXBOX_PORTABLE_PATHS)

typedef struct {
    uint64_t value;
} rounded_square_sum_t;

static inline rounded_square_sum_t rounded_square_sum_start(void)
{
    rounded_square_sum_t sum = { 0u };
    return sum;
}

/* Adds t^2 for t = v >> ROUNDED_SQUARE_SHIFT (the caller's t). */
static inline void rounded_square_sum_add(rounded_square_sum_t *sum, int32_t v, int32_t t)
{
    (void)v;
    sum->value += (uint64_t)((int64_t)t * t);
}

static inline uint64_t rounded_square_sum_value(const rounded_square_sum_t *sum)
{
    return sum->value;
}

#else

typedef struct {
    uint32_t low;     /* sum of t^2 modulo 2^32 */
    uint32_t coarse;  /* sum of floor(v t / 2^32) >= 0: below 2^19 each */
} rounded_square_sum_t;

static inline rounded_square_sum_t rounded_square_sum_start(void)
{
    rounded_square_sum_t sum = { 0u, 0u };
    return sum;
}

static inline void rounded_square_sum_add(rounded_square_sum_t *sum, int32_t v, int32_t t)
{
    sum->low += (uint32_t)t * (uint32_t)t;
    sum->coarse += (uint32_t)mul_high_s32(v, t);
}

static inline uint64_t rounded_square_sum_value(const rounded_square_sum_t *sum)
{
    uint64_t estimate = (uint64_t)sum->coarse << (32 - ROUNDED_SQUARE_SHIFT);
    int32_t correction = (int32_t)(sum->low - (uint32_t)estimate);
    return estimate + (uint64_t)(int64_t)correction;
}

#endif

#endif
