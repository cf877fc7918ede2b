/* The K-weighting's square sum (rounded_square_sum.h) in its two-word form, as a
 * 32-bit core runs it, against the direct 64-bit sum of the squares of
 * t = v >> 7: random runs of every length up to ROUNDED_SQUARE_SUM_MAX at every
 * level, and the runs where the coarse estimate is furthest off (largest |t|
 * with the rounding remainder 0 or 127, either sign). */
#define MIXBOX_PORTABLE_PATHS 1
#include <stdio.h>

#include "rounded_square_sum.h"

#define V_LIMIT ((1 << 29) - 1) /* |v| < 2^29 */

static uint64_t direct(const int32_t *v, uint32_t n)
{
    uint64_t sum = 0u;
    for (uint32_t i = 0; i < n; i++) {
        int64_t t = v[i] >> ROUNDED_SQUARE_SHIFT;
        sum += (uint64_t)(t * t);
    }
    return sum;
}

static uint64_t two_words(const int32_t *v, uint32_t n)
{
    rounded_square_sum_t sum = rounded_square_sum_start();
    for (uint32_t i = 0; i < n; i++) rounded_square_sum_add(&sum, v[i], v[i] >> ROUNDED_SQUARE_SHIFT);
    return rounded_square_sum_value(&sum);
}

static int failures;

static void check(const char *what, const int32_t *v, uint32_t n)
{
    uint64_t want = direct(v, n), got = two_words(v, n);
    if (want != got) {
        printf("FAIL %s (n %u): %llu, want %llu\n", what, n, (unsigned long long)got, (unsigned long long)want);
        failures++;
    }
}

int main(void)
{
    static int32_t v[ROUNDED_SQUARE_SUM_MAX];
    uint32_t seed = 1u;
    for (uint32_t trial = 0; trial < 20000u; trial++) {
        uint32_t n = 1u + trial % ROUNDED_SQUARE_SUM_MAX;
        uint32_t shift = 3u + (trial / ROUNDED_SQUARE_SUM_MAX) % 29u; /* loud (|v| < 2^29) to quiet */
        for (uint32_t i = 0; i < n; i++) {
            seed = seed * 1664525u + 1013904223u; /* Numerical Recipes LCG */
            v[i] = (int32_t)seed >> shift;
        }
        check("random", v, n);
    }
    static const int32_t extremes[] = { V_LIMIT, -V_LIMIT - 1, V_LIMIT & ~127, (-V_LIMIT - 1) | 127, -(V_LIMIT & ~127),
                                        -1, 127, -128, 128, 0 };
    for (uint32_t e = 0; e < sizeof extremes / sizeof extremes[0]; e++) {
        for (uint32_t i = 0; i < ROUNDED_SQUARE_SUM_MAX; i++) v[i] = extremes[e];
        for (uint32_t n = 1; n <= ROUNDED_SQUARE_SUM_MAX; n++) check("constant extreme", v, n);
        for (uint32_t i = 0; i < ROUNDED_SQUARE_SUM_MAX; i++) v[i] = (i & 1u) ? extremes[e] : extremes[(e + 1u) % 10u];
        check("alternating extremes", v, ROUNDED_SQUARE_SUM_MAX);
    }
    if (failures == 0) printf("rounded square sum: exact on every run\n");
    return failures == 0 ? 0 : 1;
}
