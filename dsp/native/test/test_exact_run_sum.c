/* exact_run_sum.h in its two-word form, as a 32-bit core runs it, against the
 * direct 64-bit sum of the products, for its three uses: the level meters'
 * squares and the correlation meter's products of two sides (shift 8, runs
 * up to 64) and the K-weighting's rounded squares (shift 7, |v| < 2^29, runs
 * up to 32). Random runs of every length at every level, and the runs where
 * the coarse estimate is furthest off (largest |tb| with the remainder
 * a - 2^s ta at 0 or its top, either sign). */
#define MIXBOX_PORTABLE_PATHS 1
#include <stdio.h>

#include "exact_run_sum.h"

#define WIDE_RUN 64u    /* shift 8, |tb| < 2^23 */
#define ROUNDED_RUN 32u /* shift 7, |tb| < 2^22 */
#define V_LIMIT ((1 << 29) - 1)

typedef char wide_run_fits[EXACT_RUN_SUM_FITS(WIDE_RUN, 8, 23) ? 1 : -1];
typedef char rounded_run_fits[EXACT_RUN_SUM_FITS(ROUNDED_RUN, 7, 22) ? 1 : -1];

static int failures;

static void check(const char *what, const int32_t *a, const int32_t *b, uint32_t n, int shift)
{
    int64_t want = 0;
    exact_run_sum_t sum = exact_run_sum_start();
    for (uint32_t i = 0; i < n; i++) {
        int32_t ta = a[i] >> shift, tb = b[i] >> shift;
        want += (int64_t)ta * tb;
        exact_run_sum_add(&sum, a[i], ta, tb);
    }
    int64_t got = exact_run_sum_value(&sum, shift);
    if (want != got) {
        printf("FAIL %s (shift %d, n %u): %lld, want %lld\n", what, shift, n, (long long)got, (long long)want);
        failures++;
    }
}

static uint32_t seed = 1u;

static int32_t next_random(void)
{
    seed = seed * 1664525u + 1013904223u; /* Numerical Recipes LCG */
    return (int32_t)seed;
}

static void extremes_of(const int32_t *values, uint32_t count, uint32_t run, int shift, int32_t *a, int32_t *b)
{
    for (uint32_t e = 0; e < count; e++) {
        for (uint32_t f = 0; f < count; f++) {
            for (uint32_t i = 0; i < run; i++) {
                a[i] = values[e];
                b[i] = values[f];
            }
            for (uint32_t n = 1; n <= run; n++) {
                check("constant extremes", a, b, n, shift);
                check("constant extremes squared", a, a, n, shift);
            }
            for (uint32_t i = 0; i < run; i++) a[i] = (i & 1u) ? values[e] : values[(e + 1u) % count];
            check("alternating extremes", a, b, run, shift);
            check("alternating extremes squared", a, a, run, shift);
        }
    }
}

int main(void)
{
    static int32_t a[WIDE_RUN], b[WIDE_RUN];
    for (uint32_t trial = 0; trial < 40000u; trial++) {
        uint32_t n = 1u + trial % WIDE_RUN, level = (trial / WIDE_RUN) % 32u; /* loud to quiet */
        for (uint32_t i = 0; i < n; i++) {
            a[i] = next_random() >> level;
            b[i] = next_random() >> (level + trial % 3u) % 32u;
        }
        check("random squares", a, a, n, 8);
        check("random products", a, b, n, 8);
    }
    for (uint32_t trial = 0; trial < 20000u; trial++) {
        uint32_t n = 1u + trial % ROUNDED_RUN, level = 3u + (trial / ROUNDED_RUN) % 29u; /* |v| < 2^29 to quiet */
        for (uint32_t i = 0; i < n; i++) a[i] = next_random() >> level;
        check("random rounded squares", a, a, n, 7);
    }
    static const int32_t wide[] = { INT32_MIN, INT32_MAX, -1, 255, -256, 0x7FFFFF00, (int32_t)0x80000100, 0x7FFF00FF,
                                    (int32_t)0x800000FF, 0 };
    extremes_of(wide, sizeof wide / sizeof wide[0], WIDE_RUN, 8, a, b);
    static const int32_t rounded[] = { V_LIMIT, -V_LIMIT - 1, V_LIMIT & ~127, (-V_LIMIT - 1) | 127, -(V_LIMIT & ~127),
                                       -1, 127, -128, 128, 0 };
    extremes_of(rounded, sizeof rounded / sizeof rounded[0], ROUNDED_RUN, 7, a, b);
    if (failures == 0) printf("exact run sum: exact on every run\n");
    return failures == 0 ? 0 : 1;
}
