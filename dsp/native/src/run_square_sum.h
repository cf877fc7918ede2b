/* The sum of squares of a level meter's run (level_meter.h): the squares of
 * each Q31 sample's top 24 bits, t = x >> 8 (t^2 < 2^46), over a run of at
 * most RUN_SQUARE_SUM_MAX samples, exact.
 *
 * A 64-bit core adds t^2 in one register. A 32-bit core (the device) keeps two
 * 32-bit sums with no carry between them: the low words of t^2 (the exact sum
 * modulo 2^32) and the high words of x * t (x * t = 256 t^2 + r t with
 * r = x - 256 t in 0..255, so 2^24 mulh(x, t) is t^2 to within -2^24.6..2^23).
 * Over n samples the second is within n 2^24.6 of the sum, under 2^31 for
 * n <= 64, which the first then makes exact: the sum is that estimate plus
 * (low sum - estimate) modulo 2^32, read as signed. Per sample that is a
 * multiply and an add each (5 instructions with the shift, where a 64-bit sum
 * of 64-bit squares takes 7). MIXBOX_PORTABLE_PATHS picks the two sums on any
 * core (the tests compare both with a direct sum). */
#ifndef MIXBOX_RUN_SQUARE_SUM_H
#define MIXBOX_RUN_SQUARE_SUM_H

#include <stdint.h>

#include "q31_math.h"

#define RUN_SQUARE_SUM_MAX 64u

#if UINTPTR_MAX > 0xFFFFFFFFu && !defined(MIXBOX_PORTABLE_PATHS)

typedef struct {
    uint64_t value;
} run_square_sum_t;

static inline run_square_sum_t run_square_sum_start(void)
{
    run_square_sum_t sum = { 0u };
    return sum;
}

static inline void run_square_sum_add(run_square_sum_t *sum, int32_t x)
{
    int32_t top24 = x >> 8;
    sum->value += (uint64_t)((int64_t)top24 * top24);
}

static inline uint64_t run_square_sum_value(const run_square_sum_t *sum)
{
    return sum->value;
}

#else

typedef struct {
    uint32_t low;     /* sum of t^2 modulo 2^32 */
    uint32_t coarse;  /* sum of floor(x t / 2^32) >= 0 (x and t share a sign): below 2^22 each */
} run_square_sum_t;

static inline run_square_sum_t run_square_sum_start(void)
{
    run_square_sum_t sum = { 0u, 0u };
    return sum;
}

static inline void run_square_sum_add(run_square_sum_t *sum, int32_t x)
{
    int32_t top24 = x >> 8;
    sum->low += (uint32_t)top24 * (uint32_t)top24;
    sum->coarse += (uint32_t)mul_high_s32(x, top24);
}

static inline uint64_t run_square_sum_value(const run_square_sum_t *sum)
{
    uint64_t estimate = (uint64_t)sum->coarse << 24;
    int32_t correction = (int32_t)(sum->low - (uint32_t)estimate);
    return estimate + (uint64_t)(int64_t)correction;
}

#endif

#endif
