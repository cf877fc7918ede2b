/* The level meters' run square sum (run_square_sum.h) in its two-word form, as a
 * 32-bit core runs it, against the direct 64-bit sum of the squares of the top
 * 24 bits: random runs of every length up to RUN_SQUARE_SUM_MAX, and the runs
 * where the coarse estimate is furthest off (largest |t| with r = 0 or 255). */
#define MIXBOX_PORTABLE_PATHS 1
#include <stdio.h>

#include "run_square_sum.h"

static uint64_t direct(const int32_t *x, uint32_t n)
{
    uint64_t sum = 0u;
    for (uint32_t i = 0; i < n; i++) {
        int64_t t = x[i] >> 8;
        sum += (uint64_t)(t * t);
    }
    return sum;
}

static uint64_t two_words(const int32_t *x, uint32_t n)
{
    run_square_sum_t sum = run_square_sum_start();
    for (uint32_t i = 0; i < n; i++) run_square_sum_add(&sum, x[i]);
    return run_square_sum_value(&sum);
}

static int failures;

static void check(const char *what, const int32_t *x, uint32_t n)
{
    uint64_t want = direct(x, n), got = two_words(x, n);
    if (want != got) {
        printf("FAIL %s (n %u): %llu, want %llu\n", what, n, (unsigned long long)got, (unsigned long long)want);
        failures++;
    }
}

int main(void)
{
    static int32_t x[RUN_SQUARE_SUM_MAX];
    uint32_t seed = 1u;
    for (uint32_t trial = 0; trial < 20000u; trial++) {
        uint32_t n = 1u + trial % RUN_SQUARE_SUM_MAX;
        uint32_t shift = (trial / RUN_SQUARE_SUM_MAX) % 32u; /* loud to quiet */
        for (uint32_t i = 0; i < n; i++) {
            seed = seed * 1664525u + 1013904223u; /* Numerical Recipes LCG */
            x[i] = (int32_t)seed >> shift;
        }
        check("random", x, n);
    }
    static const int32_t extremes[] = { INT32_MIN, INT32_MAX, -1, 255, -256, 0x7FFFFF00, (int32_t)0x80000100, 0x7FFF00FF,
                                        (int32_t)0x800000FF, 0 };
    for (uint32_t e = 0; e < sizeof extremes / sizeof extremes[0]; e++) {
        for (uint32_t i = 0; i < RUN_SQUARE_SUM_MAX; i++) x[i] = extremes[e];
        for (uint32_t n = 1; n <= RUN_SQUARE_SUM_MAX; n++) check("constant extreme", x, n);
        for (uint32_t i = 0; i < RUN_SQUARE_SUM_MAX; i++) x[i] = (i & 1u) ? extremes[e] : extremes[(e + 1u) % 10u];
        check("alternating extremes", x, RUN_SQUARE_SUM_MAX);
    }
    if (failures == 0) printf("run square sum: exact on every run\n");
    return failures == 0 ? 0 : 1;
}
