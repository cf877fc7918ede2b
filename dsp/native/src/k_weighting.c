#include "k_weighting.h"

/* Coefficients are derived with control_math (control side, at init; the
 * same bits on host and device); the per-sample path below is integer only. */
#include <string.h>

#include "control_math.h"
#include "highpass_section.h"
#include "exact_run_sum.h"

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
    return (int32_t)mixbox_control_round(value * scale);
}

static void set_coefs(mixbox_k_weighting_coefs_t *c, double b0, double b1, double b2, double a1, double a2,
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

int mixbox_k_weighting_derive(uint32_t sample_rate_hz, mixbox_k_weighting_coefs_t *coefs)
{
    if (!rate_supported(sample_rate_hz)) return -1;
    double fs = (double)sample_rate_hz;

    /* Stage 1: high shelf, bilinear transform with pre-warped centre. */
    double k = mixbox_control_tan(CM_PI * SHELF_F0_HZ / fs);
    double vh = mixbox_control_exp(SHELF_GAIN_DB / 20.0 * CM_LN10);
    double vb = mixbox_control_exp(SHELF_VB_EXPONENT * SHELF_GAIN_DB / 20.0 * CM_LN10); /* vh ^ exponent */
    double a0 = 1.0 + k / SHELF_Q + k * k;
    double b0 = (vh + vb * k / SHELF_Q + k * k) / a0;
    double b1 = 2.0 * (k * k - vh) / a0;
    double b2 = (vh - vb * k / SHELF_Q + k * k) / a0;
    double a1 = 2.0 * (k * k - 1.0) / a0;
    double a2 = (1.0 - k / SHELF_Q + k * k) / a0;

    /* Stage 2: second-order high-pass; the numerator stays [1, -2, 1] as in
     * Table 2 (its pass-band gain of +0.04 dB is part of the -0.691 offset). */
    double kh = mixbox_control_tan(CM_PI * HP_F0_HZ / fs);
    double ah0 = 1.0 + kh / HP_Q + kh * kh;
    double hp_a1 = 2.0 * (kh * kh - 1.0) / ah0;
    double hp_a2 = (1.0 - kh / HP_Q + kh * kh) / ah0;

    set_coefs(coefs, b0, b1, b2, a1, a2, hp_a1, hp_a2);
    return 0;
}

int mixbox_k_weighting_coefs_for_rate(uint32_t sample_rate_hz, mixbox_k_weighting_coefs_t *coefs)
{
    if (sample_rate_hz == 48000u) {
        set_coefs(coefs, BS1770_SHELF_B0_48K, BS1770_SHELF_B1_48K, BS1770_SHELF_B2_48K,
                  BS1770_SHELF_A1_48K, BS1770_SHELF_A2_48K, BS1770_HP_A1_48K, BS1770_HP_A2_48K);
        return 0;
    }
    return mixbox_k_weighting_derive(sample_rate_hz, coefs);
}

/*
 * The per-sample filter runs in int32, Q27 (full scale = 2^27), with the
 * high words of 32 x 32-bit products (one mulh each on a 32-bit core). The
 * high-pass is a highpass_section (its 38 Hz pole pair, radius 0.995, has a
 * DC gain of 4e4, +92 dB: the section's error feedback keeps its rounding
 * from showing there).
 */
#define OUTPUT_SHIFT (27 - K_WEIGHTING_OUTPUT_BITS)
#define ROUND_HALF (1 << (OUTPUT_SHIFT - 1))
/* The rounded outputs' squares, summed exactly in runs of up to 32: v = y + ROUND_HALF with
 * |v| < 2^29, so |t| = |v >> OUTPUT_SHIFT| < 2^22. */
#define SQUARE_RUN 32u
typedef char k_weighting_square_run_is_exact[EXACT_RUN_SUM_FITS(SQUARE_RUN, OUTPUT_SHIFT, 22) ? 1 : -1];

/* Clears the filter state, keeps the coefficients. */
static void clear_state(mixbox_k_weighting_t *kw)
{
    memset(kw->channel, 0, sizeof kw->channel);
}

int mixbox_k_weighting_init(mixbox_k_weighting_t *kw, uint32_t sample_rate_hz)
{
    if (mixbox_k_weighting_coefs_for_rate(sample_rate_hz, &kw->coefs) != 0) return -1;
    if (mixbox_highpass_section_design(&kw->hp, kw->coefs.hp_a1, kw->coefs.hp_a2) != 0) return -1;
    clear_state(kw);
    return 0;
}

/* The shelf's constants, read once per run. */
typedef struct {
    int32_t b0, b1, b2, a1, a2; /* b Q29, a Q30 */
} shelf_constants_t;

/* One sample through both stages; adds its Q20 square to *sum. */
static inline void filter_sample(const shelf_constants_t *k, const mixbox_highpass_section_coeffs_t *hp,
                                 mixbox_k_weighting_channel_t *s, int32_t x, exact_run_sum_t *sum)
{
    /* Stage 1, transposed DF-II: Q30 input x Q29 b and Q29 output x Q30 a,
     * each >> 32, give Q27. */
    int32_t in = x >> 1;
    int32_t shelf = mul_high_s32(in, k->b0) + s->shelf_z1;
    int32_t shelf_q29 = shelf * 4;
    s->shelf_z1 = mul_high_s32(in, k->b1) - mul_high_s32(shelf_q29, k->a1) + s->shelf_z2;
    s->shelf_z2 = mul_high_s32(in, k->b2) - mul_high_s32(shelf_q29, k->a2);

    /* Stage 2: numerator [1, -2, 1], as in BS.1770-4 Table 2. */
    int32_t y = highpass_section_step(hp, &s->hp, shelf);

    int32_t half_up = y + ROUND_HALF;
    int32_t rounded = half_up >> OUTPUT_SHIFT; /* Q20, rounded */
    exact_run_sum_add(sum, half_up, rounded, rounded);
}

uint64_t mixbox_k_weighting_run(const mixbox_k_weighting_t *kw, mixbox_k_weighting_channel_t *ch, const q31_t *x, uint32_t frames)
{
    const shelf_constants_t k = {kw->coefs.shelf_b0, kw->coefs.shelf_b1, kw->coefs.shelf_b2,
                                 kw->coefs.shelf_a1, kw->coefs.shelf_a2};
    const mixbox_highpass_section_coeffs_t hp = kw->hp;
    mixbox_k_weighting_channel_t s = *ch;
    uint64_t total = 0u;
    /* In pieces the square sum takes whole (the engine's chunks are one). */
    while (frames > 0u) {
        uint32_t n = frames < SQUARE_RUN ? frames : SQUARE_RUN;
        exact_run_sum_t sum = exact_run_sum_start();
        uint32_t i = 0;
        /* Two samples per turn: the compiler then alternates registers
         * instead of moving the delayed values. */
        for (; i + 2u <= n; i += 2u) {
            filter_sample(&k, &hp, &s, x[2u * i], &sum);
            filter_sample(&k, &hp, &s, x[2u * i + 2u], &sum);
        }
        if (i < n) filter_sample(&k, &hp, &s, x[2u * i], &sum);
        total += (uint64_t)exact_run_sum_value(&sum, OUTPUT_SHIFT);
        x += 2u * n;
        frames -= n;
    }
    *ch = s;
    return total;
}
