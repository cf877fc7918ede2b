/* The leading-one search (log2_fixed.h) on cores without a count-leading-zeros
 * instruction (the byte table) against a plain bit-by-bit search: every power
 * of two and its neighbours, and random values of every length. */
#define MIXBOX_PORTABLE_PATHS 1
#include <stdio.h>

#include "log2_fixed.h"

static int bit_by_bit(uint32_t x)
{
    int n = 0;
    while (x > 1u) { x >>= 1; n++; }
    return n;
}

static int failures;

static void check(uint32_t x)
{
    if (x == 0u) return;
    int want = bit_by_bit(x), got = top_bit_index32(x);
    if (want != got && failures++ < 10) printf("FAIL top bit of %u: %d, want %d\n", x, got, want);
}

int main(void)
{
    for (int k = 0; k < 32; k++) {
        uint32_t p = 1u << k;
        check(p - 1u);
        check(p);
        check(p + 1u);
        check(p | (p - 1u));
    }
    uint32_t seed = 1u;
    for (int i = 0; i < 1000000; i++) {
        seed = seed * 1664525u + 1013904223u; /* Numerical Recipes LCG */
        check(seed >> (i % 32));
    }
    if (failures) printf("%d failures\n", failures);
    else printf("top bit: the byte table matches\n");
    return failures != 0;
}
