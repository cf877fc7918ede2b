/* The drive's curve (drive_stage.h) against its definition in 64-bit arithmetic,
 * for every drive setting (1..1800 cdB): u = floor(x g / 2^24) clamped to +-2^31,
 * u^2 >> 31, u^3 >> 31 of that, y = u + (u - u^3) / 2 at most 2^31, output
 * floor(y makeup / 2^24). Checked on every input near the flat top's limit
 * found at design (the 2^16 below it: the curve's sum reaches 2^31 within
 * 2^15 of where u does), near the flat bottom, and on random inputs. */
#include <stdio.h>

#include "drive_stage.h"

static int64_t reference(const mixbox_drive_coeffs_t *c, int32_t x)
{
    int64_t u = ((int64_t)x * c->gain_q24) >> 24;
    if (u > INT32_MAX) u = (int64_t)1 << 31;
    if (u < INT32_MIN) u = -((int64_t)1 << 31);
    int64_t square = (u * u) >> 31;
    int64_t cube = (square * u) >> 31;
    int64_t y = u + (u - cube) / 2;
    if (y > ((int64_t)1 << 31)) y = (int64_t)1 << 31;
    if (y < -((int64_t)1 << 31)) y = -((int64_t)1 << 31);
    return (y * c->makeup_q24) >> 24;
}

static int failures;

static void check(const mixbox_drive_coeffs_t *c, int32_t drive_cdb, int32_t x)
{
    int64_t want = reference(c, x), got = drive_process32(c, x);
    if (want != got && failures++ < 10)
        printf("FAIL drive %d cdB, x %d: %lld, want %lld\n", drive_cdb, x, (long long)got, (long long)want);
}

int main(void)
{
    uint32_t seed = 1u;
    for (int32_t drive_cdb = 1; drive_cdb <= 1800; drive_cdb++) {
        mixbox_drive_coeffs_t c;
        mixbox_drive_design(&c, drive_cdb);
        int64_t u_limit = (((int64_t)1 << 55) + c.gain_q24 - 1) / c.gain_q24; /* where u reaches 2^31 */
        if (c.flat_above > u_limit || c.flat_above < u_limit - (1 << 15)) {
            printf("FAIL drive %d cdB: flat top from %d, u reaches 2^31 at %lld\n", drive_cdb, c.flat_above, (long long)u_limit);
            failures++;
        }
        for (int64_t x = c.flat_above - (1 << 16); x <= u_limit + 16; x++) check(&c, drive_cdb, (int32_t)x);
        for (int64_t x = c.flat_below - 4096; x <= c.flat_below + 4096; x++) check(&c, drive_cdb, (int32_t)x);
        for (int i = 0; i < 4096; i++) {
            seed = seed * 1664525u + 1013904223u; /* Numerical Recipes LCG */
            check(&c, drive_cdb, (int32_t)seed >> (i % 8));
        }
        check(&c, drive_cdb, INT32_MAX);
        check(&c, drive_cdb, INT32_MIN);
        check(&c, drive_cdb, 0);
    }
    if (failures) printf("%d failures\n", failures);
    else printf("drive curve: every setting matches its definition\n");
    return failures != 0;
}
