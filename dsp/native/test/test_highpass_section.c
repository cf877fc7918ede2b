/* The high-pass section's step (highpass_section.h: running sums w and u, the
 * damping's products telescoped) against the section's arithmetic written out
 * directly in 64 bits: y = x - 2 x1 + x2 + 2 y1 - y2 - (floor(c2 y1) -
 * floor(c2 y2)) - (floor(S / 2^b) - floor(S' / 2^b)), S the running sum of the
 * DC products floor(y1 g 2^s / 2^32) (S' the one before), c2 = 1 - a2 and
 * g = 1 + a1 + a2 from the denominators, g scaled up to below 2^31 by 2^s,
 * b = s - 2. Denominators: the K-weighting's at every rate it serves and the
 * compressor side chain's Butterworth (Audio EQ Cookbook) at its cut-offs;
 * inputs: noise, full-scale squares at low and high rates, a DC step, then
 * silence. Every output must match. After the silence the K-weighting's
 * output is exactly zero (k_weighting.h); the side chain's may keep a DC of a
 * few LSBs (-130 dBFS; a positive y with y g below 2^32 adds no DC product),
 * far under any threshold, so it is not checked there. */
#include <math.h>
#include <stdio.h>

#include "highpass_section.h"
#include "k_weighting.h"

#define INPUT_PEAK (1 << 27) /* the callers' bound: |y| stays under 2^29 */
#define SIGNAL_FRAMES 40000
#define SILENT_FRAMES 400000

typedef struct {
    int64_t x1, x2, y1, y2;
    int64_t c2, g_scaled, g_bits;
    int64_t dc_sum; /* S: floor sums of the DC products */
} direct_section_t;

static int64_t floor_div_pow2(int64_t v, int64_t bits)
{
    return v >= 0 ? v / ((int64_t)1 << bits) : -((-v + ((int64_t)1 << bits) - 1) / ((int64_t)1 << bits));
}

static int64_t direct_step(direct_section_t *d, int64_t x)
{
    int64_t damping = floor_div_pow2(d->y1 * d->c2, 30) - floor_div_pow2(d->y2 * d->c2, 30);
    int64_t dc_sum = d->dc_sum + floor_div_pow2(d->y1 * d->g_scaled, 32);
    int64_t dc = floor_div_pow2(dc_sum, d->g_bits) - floor_div_pow2(d->dc_sum, d->g_bits);
    int64_t y = x - 2 * d->x1 + d->x2 + 2 * d->y1 - d->y2 - damping - dc;
    d->dc_sum = dc_sum;
    d->x2 = d->x1;
    d->x1 = x;
    d->y2 = d->y1;
    d->y1 = y;
    return y;
}

static int failures, designs;

static int32_t input_at(int signal, int n, uint32_t *seed)
{
    if (n >= SIGNAL_FRAMES) return 0;
    switch (signal) {
    case 0: *seed = *seed * 1664525u + 1013904223u; return (int32_t)*seed >> 4; /* noise, +-2^27 */
    case 1: return (n / 600) % 2 ? INPUT_PEAK - 1 : -INPUT_PEAK;                   /* 40 Hz-ish square at 48 kHz */
    case 2: return n % 2 ? INPUT_PEAK - 1 : -INPUT_PEAK;                           /* fs/2 */
    default: return n < SIGNAL_FRAMES / 2 ? INPUT_PEAK - 1 : 0;                     /* DC step */
    }
}

static void check_design(const char *what, int32_t a1_q30, int32_t a2_q30, int must_reach_zero)
{
    mixbox_highpass_section_coeffs_t c;
    if (mixbox_highpass_section_design(&c, a1_q30, a2_q30) != 0) {
        printf("FAIL %s: design refused a1 %d a2 %d\n", what, a1_q30, a2_q30);
        failures++;
        return;
    }
    designs++;
    int64_t g = ((int64_t)1 << 30) + a1_q30 + a2_q30;
    int shift = 0;
    while ((g << (shift + 1)) < ((int64_t)1 << 31)) shift++;
    for (int signal = 0; signal < 4; signal++) {
        mixbox_highpass_section_t s = { 0 };
        direct_section_t d = { 0, 0, 0, 0, ((int64_t)1 << 30) - a2_q30, g << shift, shift - 2, 0 };
        uint32_t seed = 12345u + (uint32_t)signal;
        for (int n = 0; n < SIGNAL_FRAMES + SILENT_FRAMES; n++) {
            int32_t x = input_at(signal, n, &seed);
            int64_t want = direct_step(&d, x);
            int32_t got = highpass_section_step(&c, &s, x);
            if (got != want) {
                printf("FAIL %s signal %d frame %d: %d, want %lld\n", what, signal, n, got, (long long)want);
                failures++;
                break;
            }
        }
        if (must_reach_zero && s.y1 != 0) {
            printf("FAIL %s signal %d: no exact zero after the silence (%d)\n", what, signal, s.y1);
            failures++;
        }
    }
}

int main(void)
{
    static const uint32_t rates[] = { 8000u, 11025u, 22050u, 32000u, 44100u, 48000u, 88200u, 96000u };
    static const int cutoffs[] = { 20, 60, 90, 150, 300, 500 };
    char what[80];
    for (unsigned r = 0; r < sizeof rates / sizeof rates[0]; r++) {
        mixbox_k_weighting_coefs_t k;
        mixbox_k_weighting_coefs_for_rate(rates[r], &k);
        snprintf(what, sizeof what, "K-weighting high-pass at %u Hz", rates[r]);
        check_design(what, k.hp_a1, k.hp_a2, 1);
        for (unsigned f = 0; f < sizeof cutoffs / sizeof cutoffs[0]; f++) {
            /* Audio EQ Cookbook high-pass, Q = 1/sqrt(2) (bus_compressor.c's side chain). */
            double w0 = 2.0 * 3.14159265358979324 * cutoffs[f] / rates[r];
            double alpha = sin(w0) / (2.0 * 0.70710678118654752), a0 = 1.0 + alpha;
            snprintf(what, sizeof what, "side-chain %d Hz at %u Hz", cutoffs[f], rates[r]);
            check_design(what, (int32_t)lround(-2.0 * cos(w0) / a0 * 1073741824.0),
                         (int32_t)lround((1.0 - alpha) / a0 * 1073741824.0), 0);
        }
    }
    if (failures == 0) printf("high-pass section: %d designs match the direct arithmetic\n", designs);
    return failures == 0 ? 0 : 1;
}
