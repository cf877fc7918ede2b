/* The correlation meter's run product sum (run_product_sum.h) in its two-word
 * form, as a 32-bit core runs it, against the direct 64-bit sum of the
 * products of the top 24 bits: random runs of every length up to
 * RUN_PRODUCT_SUM_MAX (squares and products of two sides), and the runs where
 * the coarse estimate is furthest off (largest |tb| with ra = 0 or 255, both
 * signs). */
#define MIXBOX_PORTABLE_PATHS 1
#include <stdio.h>

#include "run_product_sum.h"

static int64_t direct(const int32_t *a, const int32_t *b, uint32_t n)
{
    int64_t sum = 0;
    for (uint32_t i = 0; i < n; i++) sum += (int64_t)(a[i] >> 8) * (b[i] >> 8);
    return sum;
}

static int64_t two_words(const int32_t *a, const int32_t *b, uint32_t n)
{
    run_product_sum_t sum = run_product_sum_start();
    for (uint32_t i = 0; i < n; i++) run_product_sum_add(&sum, a[i], b[i] >> 8);
    return run_product_sum_value(&sum);
}

static int failures;

static void check(const char *what, const int32_t *a, const int32_t *b, uint32_t n)
{
    int64_t want = direct(a, b, n), got = two_words(a, b, n);
    if (want != got) {
        printf("FAIL %s (n %u): %lld, want %lld\n", what, n, (long long)got, (long long)want);
        failures++;
    }
}

int main(void)
{
    static int32_t a[RUN_PRODUCT_SUM_MAX], b[RUN_PRODUCT_SUM_MAX];
    uint32_t seed = 1u;
    for (uint32_t trial = 0; trial < 40000u; trial++) {
        uint32_t n = 1u + trial % RUN_PRODUCT_SUM_MAX;
        uint32_t shift = (trial / RUN_PRODUCT_SUM_MAX) % 32u; /* loud to quiet */
        for (uint32_t i = 0; i < n; i++) {
            seed = seed * 1664525u + 1013904223u; /* Numerical Recipes LCG */
            a[i] = (int32_t)seed >> shift;
            seed = seed * 1664525u + 1013904223u;
            b[i] = (int32_t)seed >> (shift + trial % 3u) % 32u;
        }
        check("random squares", a, a, n);
        check("random products", a, b, n);
    }
    static const int32_t extremes[] = { INT32_MIN, INT32_MAX, -1, 255, -256, 0x7FFFFF00, (int32_t)0x80000100, 0x7FFF00FF,
                                        (int32_t)0x800000FF, 0 };
    const uint32_t count = sizeof extremes / sizeof extremes[0];
    for (uint32_t e = 0; e < count; e++) {
        for (uint32_t f = 0; f < count; f++) {
            for (uint32_t i = 0; i < RUN_PRODUCT_SUM_MAX; i++) {
                a[i] = extremes[e];
                b[i] = extremes[f];
            }
            for (uint32_t n = 1; n <= RUN_PRODUCT_SUM_MAX; n++) check("constant extremes", a, b, n);
            for (uint32_t i = 0; i < RUN_PRODUCT_SUM_MAX; i++) a[i] = (i & 1u) ? extremes[e] : extremes[(e + 1u) % count];
            check("alternating extremes", a, b, RUN_PRODUCT_SUM_MAX);
            check("alternating extremes squared", a, a, RUN_PRODUCT_SUM_MAX);
        }
    }
    if (failures == 0) printf("run product sum: exact on every run\n");
    return failures == 0 ? 0 : 1;
}
