#include "k_weighting.h"

/* Coefficients are derived with control_math (control side, at init; the
 * same bits on host and device); the per-sample path below is integer only. */
#include <string.h>

#include "control_math.h"

/* BS.1770-4 Annex 1, Table 1 (stage 1, pre-filter) and Table 2 (stage 2,
 * RLB weighting), 48 kHz. */
#define BS1770_SHELF_B0_48K 1.53512485958697
#define BS1770_SHELF_B1_48K (-2.69169618940638)
#define BS1770_SHELF_B2_48K 1.19839281085285
#define BS1770_SHELF_A1_48K (-1.69065929318241)
#define BS1770_SHELF_A2_48K 0.73248077421585
#define BS1770_HP_A1_48K (-1.99004745483398)
#define BS1770_HP_A2_48K 0.99007225036621

/* Analogue prototypes of the two stages (the parameters that reproduce the
 * 48 kHz tables through the bilinear transform; BS.1770 publishes only the
 * 48 kHz coefficients and leaves other rates to the implementer): shelf
 * centre 1681.97 Hz, gain +4.00 dB, Q 0.7072; high-pass 38.135 Hz, Q 0.5003.
 * The shelf's mid-band gain term uses the shelf gain to the power
 * SHELF_VB_EXPONENT (0.49967 rather than 0.5): with it the derivation
 * reproduces Table 1 at 48 kHz to 1e-14; with 0.5, b0 would be off by
 * 2.6e-5 (0.0002 dB). */
#define SHELF_F0_HZ 1681.974450955533
#define SHELF_GAIN_DB 3.999843853973347
#define SHELF_Q 0.7071752369554196
#define SHELF_VB_EXPONENT 0.4996667741545416
#define HP_F0_HZ 38.135470876024440
#define HP_Q 0.5003270373238773

static int32_t to_fixed(double value, int fraction_bits)
{
    double scale = 1.0;
    for (int i = 0; i < fraction_bits; i++) scale *= 2.0; /* exact powers of two */
    return (int32_t)cm_round(value * scale);
}

static void set_coefs(k_weighting_coefs_t *c, double b0, double b1, double b2, double a1, double a2,
                      double hp_a1, double hp_a2)
{
    c->shelf_b0 = to_fixed(b0, 29);
    c->shelf_b1 = to_fixed(b1, 29);
    c->shelf_b2 = to_fixed(b2, 29);
    c->shelf_a1 = to_fixed(a1, 30);
    c->shelf_a2 = to_fixed(a2, 30);
    c->hp_a1 = to_fixed(hp_a1, 30);
    c->hp_a2 = to_fixed(hp_a2, 30);
}

static int rate_supported(uint32_t sample_rate_hz)
{
    return sample_rate_hz >= 8000u && sample_rate_hz <= 192000u;
}

int k_weighting_derive(uint32_t sample_rate_hz, k_weighting_coefs_t *coefs)
{
    if (!rate_supported(sample_rate_hz)) return -1;
    double fs = (double)sample_rate_hz;

    /* Stage 1: high shelf, bilinear transform with pre-warped centre. */
    double k = cm_tan(CM_PI * SHELF_F0_HZ / fs);
    double vh = cm_exp(SHELF_GAIN_DB / 20.0 * CM_LN10);
    double vb = cm_exp(SHELF_VB_EXPONENT * SHELF_GAIN_DB / 20.0 * CM_LN10); /* vh ^ exponent */
    double a0 = 1.0 + k / SHELF_Q + k * k;
    double b0 = (vh + vb * k / SHELF_Q + k * k) / a0;
    double b1 = 2.0 * (k * k - vh) / a0;
    double b2 = (vh - vb * k / SHELF_Q + k * k) / a0;
    double a1 = 2.0 * (k * k - 1.0) / a0;
    double a2 = (1.0 - k / SHELF_Q + k * k) / a0;

    /* Stage 2: second-order high-pass; the numerator stays [1, -2, 1] as in
     * Table 2 (its pass-band gain of +0.04 dB is part of the -0.691 offset). */
    double kh = cm_tan(CM_PI * HP_F0_HZ / fs);
    double ah0 = 1.0 + kh / HP_Q + kh * kh;
    double hp_a1 = 2.0 * (kh * kh - 1.0) / ah0;
    double hp_a2 = (1.0 - kh / HP_Q + kh * kh) / ah0;

    set_coefs(coefs, b0, b1, b2, a1, a2, hp_a1, hp_a2);
    return 0;
}

int k_weighting_coefs_for_rate(uint32_t sample_rate_hz, k_weighting_coefs_t *coefs)
{
    if (sample_rate_hz == 48000u) {
        set_coefs(coefs, BS1770_SHELF_B0_48K, BS1770_SHELF_B1_48K, BS1770_SHELF_B2_48K,
                  BS1770_SHELF_A1_48K, BS1770_SHELF_A2_48K, BS1770_HP_A1_48K, BS1770_HP_A2_48K);
        return 0;
    }
    return k_weighting_derive(sample_rate_hz, coefs);
}

/*
 * The per-sample filter runs in int32, Q27 (full scale = 2^27), with the
 * high words of 32 x 32-bit products (one mulh each on a 32-bit core).
 *
 * The high-pass y = x'' - a1 y1 - a2 y2 (x'' the second difference of the
 * shelf output) is written with c2 = 1 - a2 and g = 1 + a1 + a2 as
 *   y = x'' + y1 + d1 - c2 d1 - g y1,   d = y - y1,
 * so the large parts (2 y1 - y2) are exact adds and only two small products
 * round. That matters: the 38 Hz pole pair (radius 0.995) has a DC gain of
 * 1/g = 4e4 (+92 dB), so any bias or dead band there would show.
 *   - The damping c2 d1 is taken as the difference of two floored products
 *     c2 y1 - c2 y2 (the previous one is kept): their floor errors cancel on
 *     average, and d = 0 gives exactly 0. c2 (0.058 at 8 kHz, less above) is
 *     below 2^26 in Q30, so it fits as Q35: Q29 (4 y) x Q35 >> 32 leaves 5
 *     fraction bits below Q27.
 *   - g y1 (g = 2.5e-5 at 48 kHz, 9e-4 at 8 kHz) has its factor shifted up
 *     to just below 2^31 at init, so its product keeps 9 to 16 fraction
 *     bits at any rate: a constant y can stay put only below 1 / (g 2^bits)
 *     <= 4 LSB of Q27, which the Q20 output rounds to 0.
 *   - Each of the two keeps its fraction bits for the next sample
 *     (first-order error feedback), so none of the rounding accumulates.
 */
#define DAMPING_FRACTION_BITS 5
#define DAMPING_MASK ((1 << DAMPING_FRACTION_BITS) - 1)
#define OUTPUT_SHIFT (27 - K_WEIGHTING_OUTPUT_BITS)
#define ROUND_HALF (1 << (OUTPUT_SHIFT - 1))

int k_weighting_init(k_weighting_t *kw, uint32_t sample_rate_hz)
{
    if (k_weighting_coefs_for_rate(sample_rate_hz, &kw->coefs) != 0) return -1;
    /* c2 and g exact in Q30, both positive for a stable high-pass. */
    int64_t c2 = ((int64_t)1 << 30) - kw->coefs.hp_a2;
    int64_t g = ((int64_t)1 << 30) + kw->coefs.hp_a1 + kw->coefs.hp_a2;
    int g_shift = 0;
    while ((g << (g_shift + 1)) < ((int64_t)1 << 31)) g_shift++;
    kw->hp_c2_q35 = (int32_t)(c2 << DAMPING_FRACTION_BITS);
    kw->hp_g_scaled = (int32_t)(g << g_shift);
    kw->hp_g_fraction_bits = g_shift - 2; /* Q27 x Q(30 + shift) >> 32 */
    k_weighting_clear(kw);
    return 0;
}

void k_weighting_clear(k_weighting_t *kw)
{
    memset(kw->channel, 0, sizeof kw->channel);
}

/* floor(a * b / 2^32). */
static inline int32_t mul_high(int32_t a, int32_t b)
{
    return (int32_t)(((int64_t)a * b) >> 32);
}

/* The per-sample constants, read once per run. */
typedef struct {
    int32_t b0, b1, b2, a1, a2; /* shelf: b Q29, a Q30 */
    int32_t c2, g, g_bits, g_mask;
} run_constants_t;

/* One sample through both stages; adds its Q20 square to *sum_low/high. */
static inline void filter_sample(const run_constants_t *k, k_weighting_channel_t *s, int32_t x,
                                 uint32_t *sum_low, uint32_t *sum_high)
{
    /* Stage 1, transposed DF-II: Q30 input x Q29 b and Q29 output x Q30 a,
     * each >> 32, give Q27. */
    int32_t in = x >> 1;
    int32_t shelf = mul_high(in, k->b0) + s->shelf_z1;
    int32_t shelf_q29 = shelf * 4;
    s->shelf_z1 = mul_high(in, k->b1) - mul_high(shelf_q29, k->a1) + s->shelf_z2;
    s->shelf_z2 = mul_high(in, k->b2) - mul_high(shelf_q29, k->a2);

    /* Stage 2: numerator [1, -2, 1] as a second difference (exact), then
     * the feedback described above. */
    int32_t shelf_d = shelf - s->shelf_y1;
    int32_t hp_in = shelf_d - s->shelf_d1;
    s->shelf_y1 = shelf;
    s->shelf_d1 = shelf_d;
    int32_t damping_product = mul_high(s->hp_y1 * 4, k->c2);
    int32_t damping = damping_product + s->hp_carry1;
    int32_t dc = mul_high(s->hp_y1, k->g) + s->hp_r2;
    s->hp_carry1 = (damping & DAMPING_MASK) - damping_product;
    s->hp_r2 = dc & k->g_mask;
    s->hp_d1 = hp_in + s->hp_d1 - (damping >> DAMPING_FRACTION_BITS) - (dc >> k->g_bits);
    s->hp_y1 += s->hp_d1;

    int32_t out = (s->hp_y1 + ROUND_HALF) >> OUTPUT_SHIFT; /* Q20, rounded */
    uint64_t square = (uint64_t)((int64_t)out * out);
    *sum_low += (uint32_t)square;
    *sum_high += (uint32_t)(square >> 32) + (*sum_low < (uint32_t)square ? 1u : 0u);
}

uint64_t k_weighting_run(const k_weighting_t *kw, k_weighting_channel_t *ch, const q31_t *x, uint32_t frames)
{
    const run_constants_t k = {kw->coefs.shelf_b0, kw->coefs.shelf_b1, kw->coefs.shelf_b2,
                               kw->coefs.shelf_a1, kw->coefs.shelf_a2, kw->hp_c2_q35, kw->hp_g_scaled,
                               kw->hp_g_fraction_bits, ((int32_t)1 << kw->hp_g_fraction_bits) - 1};
    k_weighting_channel_t s = *ch;
    uint32_t sum_low = 0u, sum_high = 0u;
    uint32_t i = 0;
    /* Two samples per turn: the compiler then alternates registers instead
     * of moving the delayed values. */
    for (; i + 2u <= frames; i += 2u) {
        filter_sample(&k, &s, x[2u * i], &sum_low, &sum_high);
        filter_sample(&k, &s, x[2u * i + 2u], &sum_low, &sum_high);
    }
    if (i < frames) filter_sample(&k, &s, x[2u * i], &sum_low, &sum_high);
    *ch = s;
    return ((uint64_t)sum_high << 32) | sum_low;
}
