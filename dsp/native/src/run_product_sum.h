/* The exact sum of products ta tb of two Q31 samples' top 24 bits,
 * ta = a >> 8, tb = b >> 8 (|ta tb| <= 2^46), over a run of at most
 * RUN_PRODUCT_SUM_MAX pairs: the correlation meter's L^2, R^2 and LR.
 *
 * A 64-bit core adds ta tb in one register. A 32-bit core (the device) keeps
 * two 32-bit sums with no carry between them: the low words of ta tb (the
 * exact sum modulo 2^32) and the high words of a tb (a tb = 256 ta tb + ra tb
 * with ra = a - 256 ta in 0..255, |ra tb| < 2^31, so 2^24 mulh(a, tb) is ta tb
 * to within -2^24.6..2^23). Over n pairs the second is within n 2^24.6 of the
 * sum, under 2^31 for n <= 64, which the first then makes exact: the sum is
 * that estimate plus (low sum - estimate) modulo 2^32, read as signed. Each
 * |mulh(a, tb)| <= 2^22, so the high-word sum stays within 2^28. Per pair
 * that is a multiply and an add each, where a 64-bit sum of 64-bit products
 * takes a carry compare and two adds more. MIXBOX_PORTABLE_PATHS picks the
 * two sums on any core (test_run_product_sum compares both with a direct sum). */
#ifndef MIXBOX_RUN_PRODUCT_SUM_H
#define MIXBOX_RUN_PRODUCT_SUM_H

#include <stdint.h>

#include "q31_math.h"

#define RUN_PRODUCT_SUM_MAX 64u

#if UINTPTR_MAX > 0xFFFFFFFFu && !defined(MIXBOX_PORTABLE_PATHS)

typedef struct {
    int64_t value;
} run_product_sum_t;

static inline run_product_sum_t run_product_sum_start(void)
{
    run_product_sum_t sum = { 0 };
    return sum;
}

/* a and b the Q31 samples, tb = b >> 8 (the caller has it for its other sums). */
static ALWAYS_INLINE void run_product_sum_add(run_product_sum_t *sum, int32_t a, int32_t tb)
{
    sum->value += (int64_t)(a >> 8) * tb;
}

static inline int64_t run_product_sum_value(const run_product_sum_t *sum)
{
    return sum->value;
}

#else

typedef struct {
    uint32_t low;   /* sum of ta tb modulo 2^32 */
    int32_t coarse; /* sum of floor(a tb / 2^32) */
} run_product_sum_t;

static inline run_product_sum_t run_product_sum_start(void)
{
    run_product_sum_t sum = { 0u, 0 };
    return sum;
}

static ALWAYS_INLINE void run_product_sum_add(run_product_sum_t *sum, int32_t a, int32_t tb)
{
    sum->low += (uint32_t)(a >> 8) * (uint32_t)tb;
    sum->coarse += mul_high_s32(a, tb);
}

static inline int64_t run_product_sum_value(const run_product_sum_t *sum)
{
    int64_t estimate = (int64_t)sum->coarse * 16777216;
    int32_t correction = (int32_t)(sum->low - (uint32_t)estimate);
    return estimate + correction;
}

#endif

#endif
