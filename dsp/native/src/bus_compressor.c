#include "bus_compressor.h"

#include <string.h>

#include "control_math.h"
#include "highpass_section.h"
#include "log2_fixed.h"

#define Q24_ONE (1 << 24)
/* Side-chain input scaling: x >> 8 (|x| <= 2^35 after the chain's clamp,
 * so |input| <= 2^27; LSB -138 dBFS). The high-pass section's impulse
 * response has an L1 norm below 2.59 for every cut-off (20..500 Hz) and
 * rate (8..96 kHz), so its output stays below 2^28.4: under the section's
 * 2^29 (highpass_section.h). */
#define SIDECHAIN_SHIFT 8
/* Auto release time constants (see the header). */
#define AUTO_FAST_RELEASE_S 0.1
#define AUTO_SLOW_RELEASE_S 1.2
/* Knees narrower than 0.1 dB behave as hard knees (keeps slope/(2W) in range). */
#define MIN_KNEE_CDB 10

/* cdB -> log2 units: 1 log2 unit = 20 log10(2) dB = 602.0599913 cdB. */
static int32_t cdb_to_log2_q24(int32_t cdb)
{
    return (int32_t)mixbox_control_round((double)cdb / 602.05999132796239 * Q24_ONE);
}

/* 1 - exp(-1 / (t fs)) in Q32: the share of the distance a one-pole covers
 * per sample (below 1, so it fits 32 bits). */
static uint32_t one_pole_q32(double seconds, uint32_t sample_rate)
{
    long long share = mixbox_control_round((1.0 - mixbox_control_exp(-1.0 / (seconds * sample_rate))) * 4294967296.0);
    return share > 0xFFFFFFFFll ? 0xFFFFFFFFu : (uint32_t)share;
}

/* Static gain reduction (log2 units, Q24, >= 0) for a level in log2 units. */
static int32_t gain_computer(const mixbox_compressor_coeffs_t *c, int32_t level_q24);

/* The smallest side-chain magnitude the gain computer reduces; everything
 * below skips the logarithm. Found with the audio side's own log2, so the
 * shortcut changes no result (both functions are monotonic). */
static uint32_t quiet_below(const mixbox_compressor_coeffs_t *c)
{
    uint32_t lo = 0u, hi = 0x80000000u; /* reduces nothing at lo */
    if (gain_computer(c, log2_level_q24(hi) + SIDECHAIN_SHIFT * Q24_ONE) == 0) return 0xFFFFFFFFu;
    while (hi - lo > 1u) {
        uint32_t mid = lo + (hi - lo) / 2u;
        if (gain_computer(c, log2_level_q24(mid) + SIDECHAIN_SHIFT * Q24_ONE) > 0) hi = mid;
        else lo = mid;
    }
    return hi;
}

/* Second-order Butterworth high-pass (Q = 1/sqrt(2)) from the Audio EQ
 * Cookbook's bilinear-transform design (R. Bristow-Johnson): numerator
 * b0 [1, -2, 1], so b0 scales the input and the section does the rest. */
static void design_sidechain_highpass(mixbox_compressor_coeffs_t *c, int32_t cutoff_hz, uint32_t sample_rate)
{
    double w0 = 2.0 * CM_PI * cutoff_hz / sample_rate;
    double cos_w0 = mixbox_control_cos(w0);
    double alpha = mixbox_control_sin(w0) / (2.0 * 0.70710678118654752);
    double a0 = 1.0 + alpha;
    c->hpf_gain_q32 = (uint32_t)mixbox_control_round((1.0 + cos_w0) / 2.0 / a0 * 4294967296.0);
    int32_t a1 = (int32_t)mixbox_control_round(-2.0 * cos_w0 / a0 * 1073741824.0);
    int32_t a2 = (int32_t)mixbox_control_round((1.0 - alpha) / a0 * 1073741824.0);
    /* In range for any cut-off the parameter allows (<= 500 Hz, >= 8 kHz). */
    (void)mixbox_highpass_section_design(&c->hpf, a1, a2);
}

void mixbox_compressor_design(mixbox_compressor_coeffs_t *c, const compressor_params_t *p, uint32_t sample_rate)
{
    c->threshold_q24 = cdb_to_log2_q24(p->threshold_cdb);
    c->knee_q24 = p->knee_cdb < MIN_KNEE_CDB ? 0 : cdb_to_log2_q24(p->knee_cdb);
    double slope = 1.0 - 100.0 / p->ratio_x100;
    c->slope_q24 = (int32_t)mixbox_control_round(slope * Q24_ONE);
    c->knee_factor_q24 = c->knee_q24 == 0 ? 0 : (int32_t)mixbox_control_round(slope / (2.0 * c->knee_q24 / Q24_ONE) * Q24_ONE);
    c->quiet_below = quiet_below(c);
    c->attack_q32 = one_pole_q32(p->attack_us * 1e-6, sample_rate);
    if (p->release_ms == 0) {
        c->release_q32 = one_pole_q32(AUTO_FAST_RELEASE_S, sample_rate);
        c->slow_release_q32 = one_pole_q32(AUTO_SLOW_RELEASE_S, sample_rate);
    } else {
        c->release_q32 = one_pole_q32(p->release_ms * 1e-3, sample_rate);
        c->slow_release_q32 = 0u;
    }
    c->link_average = p->link_average;
    c->hpf_on = p->sidechain_hpf_hz > 0;
    memset(&c->hpf, 0, sizeof c->hpf);
    c->hpf_gain_q32 = 0u;
    if (c->hpf_on) design_sidechain_highpass(c, p->sidechain_hpf_hz, sample_rate);
}

void mixbox_compressor_init(mixbox_compressor_t *compressor)
{
    memset(compressor, 0, sizeof *compressor);
}

static int same_sidechain_filter(const mixbox_compressor_coeffs_t *a, const mixbox_compressor_coeffs_t *b)
{
    return a->hpf_on == b->hpf_on && a->hpf_gain_q32 == b->hpf_gain_q32 && memcmp(&a->hpf, &b->hpf, sizeof a->hpf) == 0;
}

void mixbox_compressor_set_coeffs(mixbox_compressor_t *compressor, const mixbox_compressor_coeffs_t *coeffs)
{
    /* The side-chain filter's output bound (SIDECHAIN_SHIFT) holds for one filter
     * from rest; the state another cut-off left behind can drive the new one past
     * it (a wrapped product). A new filter starts from rest: the side chain sees a
     * filter switched on, within the bound, and the detector smooths the step. */
    if (!same_sidechain_filter(&compressor->coeffs, coeffs)) {
        memset(compressor->sidechain, 0, sizeof compressor->sidechain);
    }
    compressor->coeffs = *coeffs;
}

void mixbox_compressor_reset(mixbox_compressor_t *compressor)
{
    memset(compressor->sidechain, 0, sizeof compressor->sidechain);
    compressor->peak_q27 = 0;
    compressor->slow_q27 = 0;
    compressor->smooth_q27 = 0;
    compressor->gr_max_q24 = 0;
}

/* The reduction for a level `over` the threshold (log2 units, Q24) at or above
 * the knee's start (over >= -half_knee), Giannoulis et al. eq. 4 as x - y.
 * Both products are one high word, the same floor as a 64-bit product >> 24:
 *   - above the knee, slope * 2^8 fits 32 bits unsigned (slope < 1);
 *   - in the knee, into_knee <= W < 2^25 (knee <= 12 dB), so x^2 / 2^24 < 2^26
 *     and times 2^6 fits 32 bits; knee_factor = slope / 2W <= 0.95 / (2 * 0.0166)
 *     (knee >= 0.1 dB) < 2^4.9, below 2^28.9 in Q24, so times 2^2 fits too. */
static inline int32_t reduction_at_or_above_knee(int32_t over, int32_t half_knee_q24, uint32_t slope_q32,
                                                 uint32_t knee_factor_q26)
{
    if (over > half_knee_q24) return mul_high_s32_u32(over, slope_q32);
    uint32_t into_knee = (uint32_t)(over + half_knee_q24);              /* 0..W */
    uint32_t squared_q24 = mul_high_u32(into_knee << 4, into_knee << 4); /* x^2 / 2^24 < 2^26 */
    return (int32_t)mul_high_u32(squared_q24 << 6, knee_factor_q26);
}

static int32_t gain_computer(const mixbox_compressor_coeffs_t *c, int32_t level_q24)
{
    /* Levels lie in -33..+7 and thresholds in -6.7..0 log2 units: |over| < 2^29.1.
     * Below the knee (2 over < -W) nothing is reduced; W >= 0, so W / 2 = W >> 1. */
    int32_t over = level_q24 - c->threshold_q24, half_knee = c->knee_q24 >> 1;
    if (over < -half_knee) return 0;
    return reduction_at_or_above_knee(over, half_knee, (uint32_t)c->slope_q24 << 8, (uint32_t)c->knee_factor_q24 << 2);
}

/* state + (target - state) * share, floored; Q27 values in 0..2^30.7. */
static inline int32_t one_pole_step(int32_t state, int32_t target, uint32_t share_q32)
{
    int32_t distance = target - state;
    return state + (int32_t)(((int64_t)distance * (int64_t)share_q32) >> 32);
}

/* The linked side-chain level of one frame: the larger magnitude, or the
 * average of the two (rounded down, without overflow). */
static inline uint32_t linked_level(int32_t left, int32_t right, int link_average)
{
    uint32_t a = q31_magnitude(left), b = q31_magnitude(right);
    return link_average ? (a >> 1) + (b >> 1) + (a & b & 1u) : (a > b ? a : b);
}

static ALWAYS_INLINE void sidechain_frame(const mixbox_compressor_coeffs_t *c, mixbox_highpass_section_t *hpf_left,
                                          mixbox_highpass_section_t *hpf_right, const int filtered, const int link_average,
                                          int64_t left, int64_t right, uint32_t *level)
{
    int32_t side_left = (int32_t)(left >> SIDECHAIN_SHIFT);
    int32_t side_right = (int32_t)(right >> SIDECHAIN_SHIFT);
    if (filtered) {
        side_left = highpass_section_step(&c->hpf, hpf_left, mul_high_s32_u32(side_left, c->hpf_gain_q32));
        side_right = highpass_section_step(&c->hpf, hpf_right, mul_high_s32_u32(side_right, c->hpf_gain_q32));
    }
    *level = linked_level(side_left, side_right, link_average);
}

/* Side-chain levels of a run of frames (>> SIDECHAIN_SHIFT, high-passed when
 * on). Two frames per turn: the filters' delayed values then alternate
 * registers instead of being moved. One copy per filter and link setting
 * (constants), so neither is tested per frame. */
static ALWAYS_INLINE void sidechain_run(const mixbox_compressor_coeffs_t *c, mixbox_highpass_section_t *filters,
                                        const int filtered, const int link_average, const int64_t *left, const int64_t *right,
                                        uint32_t *level, uint32_t frames)
{
    mixbox_highpass_section_t hpf_left = filters[0], hpf_right = filters[1];
    uint32_t i = 0;
    for (; i + 2u <= frames; i += 2u) {
        sidechain_frame(c, &hpf_left, &hpf_right, filtered, link_average, left[i], right[i], &level[i]);
        sidechain_frame(c, &hpf_left, &hpf_right, filtered, link_average, left[i + 1u], right[i + 1u], &level[i + 1u]);
    }
    if (i < frames) sidechain_frame(c, &hpf_left, &hpf_right, filtered, link_average, left[i], right[i], &level[i]);
    filters[0] = hpf_left;
    filters[1] = hpf_right;
}

/* The smoothed gain reduction of a run of side-chain levels. One copy with
 * the auto release's slow tracker and one without (a constant), so neither
 * tests for it per frame. */
static ALWAYS_INLINE void reduction_run(mixbox_compressor_t *k, const uint32_t *level, int32_t *reduction_q24,
                                        uint32_t frames, const int auto_release)
{
    const mixbox_compressor_coeffs_t *c = &k->coeffs;
    /* Working copies: the stores to reduction_q24 can't alias them. */
    int32_t peak = k->peak_q27, slow = k->slow_q27, smooth = k->smooth_q27, gr_max = k->gr_max_q24;
    const uint32_t quiet = c->quiet_below, release = c->release_q32;
    const uint32_t slow_release = c->slow_release_q32, attack = c->attack_q32;
    /* The gain computer's terms: a level's log2 magnitude (log2 units above
     * 2^0, Q24) plus over_offset is its distance over the threshold. A level
     * at or above `quiet` is reduced, so it lies at or above the knee's start. */
    const int32_t over_offset = (SIDECHAIN_SHIFT - 31) * Q24_ONE - c->threshold_q24, half_knee = c->knee_q24 >> 1;
    const uint32_t slope_q32 = (uint32_t)c->slope_q24 << 8, knee_factor_q26 = (uint32_t)c->knee_factor_q24 << 2;
    for (uint32_t i = 0; i < frames; i++) {
        int32_t reduction = 0;
        if (level[i] >= quiet) {
            int32_t over = log2_magnitude_q24(level[i]) + over_offset;
            reduction = reduction_at_or_above_knee(over, half_knee, slope_q32, knee_factor_q26) * 8;
        }

        /* Smooth decoupled peak detector: instant rise, release toward the input. */
        peak = one_pole_step(peak, reduction, release);
        if (reduction > peak) peak = reduction;
        int32_t held = peak;
        if (auto_release) {
            slow = one_pole_step(slow, peak, slow_release);
            if (slow > held) held = slow;
        }
        smooth = one_pole_step(smooth, held, attack);

        int32_t gr_q24 = smooth >> 3;
        if (gr_q24 > gr_max) gr_max = gr_q24;
        reduction_q24[i] = gr_q24;
    }
    k->peak_q27 = peak;
    k->slow_q27 = slow;
    k->smooth_q27 = smooth;
    k->gr_max_q24 = gr_max;
}

void mixbox_compressor_detect(mixbox_compressor_t *k, const int64_t *left, const int64_t *right,
                              int32_t *reduction_q24, uint32_t frames)
{
    const mixbox_compressor_coeffs_t *c = &k->coeffs;
    uint32_t level[MIXBOX_CHUNK_FRAMES];
    if (c->hpf_on && c->link_average) sidechain_run(c, k->sidechain, 1, 1, left, right, level, frames);
    else if (c->hpf_on) sidechain_run(c, k->sidechain, 1, 0, left, right, level, frames);
    else if (c->link_average) sidechain_run(c, k->sidechain, 0, 1, left, right, level, frames);
    else sidechain_run(c, k->sidechain, 0, 0, left, right, level, frames);
    if (c->slow_release_q32 != 0u) reduction_run(k, level, reduction_q24, frames, 1);
    else reduction_run(k, level, reduction_q24, frames, 0);
}
