/* The exact sum of products ta tb over a short run, where ta = a >> SHIFT
 * is the top bits of a 32-bit value a and tb is the other factor: the level
 * meters' squares (a = x, shift 8, tb = ta), the correlation meter's products
 * of two sides (shift 8) and the K-weighting's rounded squares (shift 7).
 *
 * A 64-bit core adds ta tb in one register. A 32-bit core (the device) keeps
 * two 32-bit sums with no carry between them: the low words of ta tb (the
 * exact sum modulo 2^32) and the high words of a tb. With a = 2^s ta + r,
 * 0 <= r < 2^s, 2^(32-s) mulh(a, tb) is ta tb to within
 * -(2^(32-s) + |tb|)..|tb|. Over a run those errors add up; while their sum
 * stays inside +-2^31 (EXACT_RUN_SUM_FITS), the low words fix it: the sum is
 * that estimate plus (low sum - estimate) modulo 2^32, read as signed. Per
 * term a multiply and an add each, where a 64-bit sum of 64-bit products
 * takes a carry compare and two adds more. MIXBOX_PORTABLE_PATHS picks the
 * two sums on any core (test_exact_run_sum compares both with a direct sum). */
#ifndef MIXBOX_EXACT_RUN_SUM_H
#define MIXBOX_EXACT_RUN_SUM_H

#include <stdint.h>

#include "q31_math.h"

/* A run of n terms with shift s and |tb| < 2^tb_bits stays exact. */
#define EXACT_RUN_SUM_FITS(n, s, tb_bits) \
    ((uint64_t)(n) * (((uint64_t)1 << (32 - (s))) + ((uint64_t)1 << (tb_bits))) < ((uint64_t)1 << 31))

#if UINTPTR_MAX > 0xFFFFFFFFu && !defined(MIXBOX_PORTABLE_PATHS)

typedef struct {
    int64_t value;
} exact_run_sum_t;

static inline exact_run_sum_t exact_run_sum_start(void)
{
    exact_run_sum_t sum = { 0 };
    return sum;
}

/* a the full value, ta = a >> shift (the caller's), tb the other factor. */
static ALWAYS_INLINE void exact_run_sum_add(exact_run_sum_t *sum, int32_t a, int32_t ta, int32_t tb)
{
    (void)a;
    sum->value += (int64_t)ta * tb;
}

static inline int64_t exact_run_sum_value(const exact_run_sum_t *sum, int shift)
{
    (void)shift;
    return sum->value;
}

#else

typedef struct {
    uint32_t low;   /* sum of ta tb modulo 2^32 */
    int32_t coarse; /* sum of floor(a tb / 2^32) */
} exact_run_sum_t;

static inline exact_run_sum_t exact_run_sum_start(void)
{
    exact_run_sum_t sum = { 0u, 0 };
    return sum;
}

static ALWAYS_INLINE void exact_run_sum_add(exact_run_sum_t *sum, int32_t a, int32_t ta, int32_t tb)
{
    sum->low += (uint32_t)ta * (uint32_t)tb;
    sum->coarse += mul_high_s32(a, tb);
}

static inline int64_t exact_run_sum_value(const exact_run_sum_t *sum, int shift)
{
    int64_t estimate = (int64_t)sum->coarse * ((int64_t)1 << (32 - shift));
    int32_t correction = (int32_t)(sum->low - (uint32_t)estimate);
    return estimate + correction;
}

#endif

#endif
