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

void k_weighting_clear(k_weighting_t *kw)
{
    memset(kw->channel, 0, sizeof kw->channel);
}

/* floor(y * a / 2^30) for a Q40 signal and a Q30 coefficient: 64x32 split
 * multiply, exact for |y| < 2^61. */
static inline int64_t mul_q30(int64_t y, int32_t a)
{
    int64_t high = y >> 30;
    int64_t low = y & 0x3FFFFFFF;
    return high * a + ((low * a) >> 30);
}

int32_t k_weighting_process(const k_weighting_coefs_t *c, k_weighting_channel_t *ch, int32_t x)
{
    /* Stage 1: Q1.31 x Q29 = Q60, >> 20 -> Q40. */
    int64_t feed_forward = (int64_t)x * c->shelf_b0 + (int64_t)ch->x1 * c->shelf_b1 + (int64_t)ch->x2 * c->shelf_b2;
    int64_t shelf = (feed_forward >> 20) - mul_q30(ch->shelf_y1, c->shelf_a1) - mul_q30(ch->shelf_y2, c->shelf_a2);
    ch->x2 = ch->x1;
    ch->x1 = x;

    /* Stage 2: numerator [1, -2, 1] on the Q40 shelf output, exact. */
    int64_t hp = shelf - 2 * ch->shelf_y1 + ch->shelf_y2 - mul_q30(ch->hp_y1, c->hp_a1) - mul_q30(ch->hp_y2, c->hp_a2);
    ch->shelf_y2 = ch->shelf_y1;
    ch->shelf_y1 = shelf;
    ch->hp_y2 = ch->hp_y1;
    ch->hp_y1 = hp;

    /* Q40 -> Q21, rounded, clamped at +6 dBFS. */
    int64_t out = (hp + ((int64_t)1 << 18)) >> 19;
    const int64_t limit = ((int64_t)1 << 22) - 1;
    if (out > limit) out = limit;
    if (out < -limit) out = -limit;
    return (int32_t)out;
}
