#include "bus_compressor.h"

#include <string.h>

#include "biquad.h"
#include "control_math.h"
#include "log2_fixed.h"

#define Q24_ONE (1 << 24)
#define Q40_PER_Q24 65536
/* Side-chain input scaling: x >> 6 keeps the biquad's sum below 2^63. */
#define SIDECHAIN_SHIFT 6
/* Auto release time constants (see the header). */
#define AUTO_FAST_RELEASE_S 0.1
#define AUTO_SLOW_RELEASE_S 1.2
/* Knees narrower than 0.1 dB behave as hard knees (keeps slope/(2W) in range). */
#define MIN_KNEE_CDB 10

/* cdB -> log2 units: 1 log2 unit = 20 log10(2) dB = 602.0599913 cdB. */
static int32_t cdb_to_log2_q24(int32_t cdb)
{
    return (int32_t)cm_round((double)cdb / 602.05999132796239 * Q24_ONE);
}

/* 1 - exp(-1 / (t fs)) in Q31: the share of the distance a one-pole covers per sample. */
static int32_t one_pole_q31(double seconds, uint32_t sample_rate)
{
    return (int32_t)cm_round((1.0 - cm_exp(-1.0 / (seconds * sample_rate))) * 2147483648.0);
}

void compressor_design(mixbox_compressor_coeffs_t *c, const compressor_params_t *p, uint32_t sample_rate)
{
    c->threshold_q24 = cdb_to_log2_q24(p->threshold_cdb);
    c->knee_q24 = p->knee_cdb < MIN_KNEE_CDB ? 0 : cdb_to_log2_q24(p->knee_cdb);
    double slope = 1.0 - 100.0 / p->ratio_x100;
    c->slope_q24 = (int32_t)cm_round(slope * Q24_ONE);
    c->knee_factor_q24 = c->knee_q24 == 0 ? 0 : (int32_t)cm_round(slope / (2.0 * c->knee_q24 / Q24_ONE) * Q24_ONE);
    c->attack_q31 = one_pole_q31(p->attack_us * 1e-6, sample_rate);
    if (p->release_ms == 0) {
        c->release_q31 = one_pole_q31(AUTO_FAST_RELEASE_S, sample_rate);
        c->slow_release_q31 = one_pole_q31(AUTO_SLOW_RELEASE_S, sample_rate);
    } else {
        c->release_q31 = one_pole_q31(p->release_ms * 1e-3, sample_rate);
        c->slow_release_q31 = 0;
    }
    c->link_average = p->link_average;
    c->hpf_on = p->sidechain_hpf_hz > 0;
    memset(&c->hpf, 0, sizeof c->hpf);
    if (c->hpf_on) biquad_design_highpass(&c->hpf, p->sidechain_hpf_hz, sample_rate);
}

void compressor_init(mixbox_compressor_t *compressor)
{
    memset(compressor, 0, sizeof *compressor);
}

void compressor_set_coeffs(mixbox_compressor_t *compressor, const mixbox_compressor_coeffs_t *coeffs)
{
    compressor->coeffs = *coeffs;
    biquad_copy_coefficients(&compressor->sidechain[0], &coeffs->hpf);
    biquad_copy_coefficients(&compressor->sidechain[1], &coeffs->hpf);
}

void compressor_reset(mixbox_compressor_t *compressor)
{
    compressor->peak_q40 = 0;
    compressor->slow_q40 = 0;
    compressor->smooth_q40 = 0;
}

int32_t compressor_gain_computer(const mixbox_compressor_coeffs_t *c, int32_t level_q24)
{
    /* Giannoulis et al. eq. 4, written as the reduction x - y >= 0. */
    int64_t over = (int64_t)level_q24 - c->threshold_q24;
    if (2 * over < -(int64_t)c->knee_q24) return 0;
    if (2 * over <= c->knee_q24) {
        int64_t into_knee = over + c->knee_q24 / 2;              /* 0..W, < 2^26 */
        int64_t squared_q24 = (into_knee * into_knee) >> 24;     /* < 2^28 */
        return (int32_t)((squared_q24 * c->knee_factor_q24) >> 24);
    }
    return (int32_t)((over * c->slope_q24) >> 24);
}

/* state + (target - state) * share, share in Q31, for Q40 values below 2^46. */
static int64_t one_pole_step(int64_t state, int64_t target, int32_t share_q31)
{
    int64_t distance = target - state;
    int64_t high = distance >> 31;
    int64_t low = distance & 0x7FFFFFFF;
    return state + high * share_q31 + ((low * share_q31) >> 31);
}

static uint64_t magnitude64(int64_t x)
{
    return x < 0 ? (uint64_t)(-x) : (uint64_t)x;
}

int32_t compressor_detect(mixbox_compressor_t *k, int64_t left, int64_t right)
{
    const mixbox_compressor_coeffs_t *c = &k->coeffs;
    int32_t side_left = (int32_t)(left >> SIDECHAIN_SHIFT);
    int32_t side_right = (int32_t)(right >> SIDECHAIN_SHIFT);
    if (c->hpf_on) {
        side_left = biquad_process(&k->sidechain[0], side_left);
        side_right = biquad_process(&k->sidechain[1], side_right);
    }
    uint64_t a = magnitude64(side_left), b = magnitude64(side_right);
    uint64_t level = c->link_average ? (a + b) / 2u : (a > b ? a : b);
    int32_t level_q24 = log2_level_q24(level) + SIDECHAIN_SHIFT * Q24_ONE;

    int64_t reduction = (int64_t)compressor_gain_computer(c, level_q24) * Q40_PER_Q24;

    /* Smooth decoupled peak detector: instant rise, release toward the input. */
    k->peak_q40 = one_pole_step(k->peak_q40, reduction, c->release_q31);
    if (reduction > k->peak_q40) k->peak_q40 = reduction;
    int64_t held = k->peak_q40;
    if (c->slow_release_q31 != 0) {
        k->slow_q40 = one_pole_step(k->slow_q40, k->peak_q40, c->slow_release_q31);
        if (k->slow_q40 > held) held = k->slow_q40;
    }
    k->smooth_q40 = one_pole_step(k->smooth_q40, held, c->attack_q31);

    int32_t gr_q24 = (int32_t)(k->smooth_q40 / Q40_PER_Q24);
    if (gr_q24 > k->gr_max_q24) k->gr_max_q24 = gr_q24;
    return gr_q24;
}
