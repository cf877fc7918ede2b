#include "de_esser.h"

#include <string.h>

#include "control_math.h"
#include "log2_fixed.h"
#include "svf_design.h"

#define Q24_ONE (1 << 24)
/* Q23 band magnitudes -> log2 units re full scale: log2_level_q24 takes Q31. */
#define Q23_TO_LOG2_OFFSET (8 * Q24_ONE)

static int32_t cdb_to_log2_q24(int32_t cdb)
{
    return (int32_t)mixbox_control_round((double)cdb / 602.05999132796239 * Q24_ONE);
}

/* The one-pole share for one detector step of MIXBOX_DE_ESSER_STEP_FRAMES frames. */
static uint32_t one_pole_q32(double seconds, uint32_t sample_rate)
{
    double steps_per_second = (double)sample_rate / MIXBOX_DE_ESSER_STEP_FRAMES;
    long long share = mixbox_control_round((1.0 - mixbox_control_exp(-1.0 / (seconds * steps_per_second))) * 4294967296.0);
    return share > 0xFFFFFFFFll ? 0xFFFFFFFFu : (uint32_t)share;
}

void mixbox_de_esser_design(mixbox_de_esser_coeffs_t *c, const mixbox_de_esser_params_t *p, uint32_t sample_rate)
{
    mixbox_svf_design_t d;
    mixbox_svf_prototype_t band = mixbox_svf_bandpass(p->hz, MIXBOX_DE_ESSER_Q);
    double highest = 0.45 * sample_rate;
    if (band.pole_hz > highest) band.pole_hz = highest;
    mixbox_svf_design_bilinear(&d, &band, sample_rate);
    mixbox_svf_quantise(&c->band, &d);
    c->threshold_q23 = (uint32_t)mixbox_control_round(mixbox_control_cdb_to_linear(p->threshold_cdb) * 8388608.0);
    c->threshold_q24 = cdb_to_log2_q24(p->threshold_cdb);
    c->range_q24 = cdb_to_log2_q24(p->range_cdb);
    c->attack_q32 = one_pole_q32(MIXBOX_DE_ESSER_ATTACK_S, sample_rate);
    c->release_q32 = one_pole_q32(p->release_ms * 1e-3, sample_rate);
    c->on = p->on;
    c->listen = p->on && p->listen;
}

void mixbox_de_esser_init(mixbox_de_esser_t *d, const mixbox_de_esser_coeffs_t *c)
{
    memset(d, 0, sizeof *d);
    mixbox_svf_init(&d->band, &c->band);
    d->coeffs = *c;
    d->idle = !c->on;
}

void mixbox_de_esser_apply(mixbox_de_esser_t *d, const mixbox_de_esser_coeffs_t *c, uint32_t ramp_frames)
{
    uint32_t updates = ramp_frames <= 1u ? 1u : (ramp_frames + MIXBOX_SVF_UPDATE_FRAMES - 1u) / MIXBOX_SVF_UPDATE_FRAMES;
    /* From rest the band starts at its frequency (nothing to glide from). */
    mixbox_svf_set_target(&d->band, &c->band, d->idle ? 1u : updates);
    if (d->band.updates_left != 0u) d->frames_to_update = 0u;
    d->coeffs = *c;
    if (c->on) d->idle = 0;
}

/* state + (target - state) * share, floored (as the compressor's). */
static inline int32_t one_pole_step(int32_t state, int32_t target, uint32_t share_q32)
{
    return state + (int32_t)(((int64_t)(target - state) * (int64_t)share_q32) >> 32);
}

/* The band of both channels into work[] (Q23), following the update grid. */
static void filter_band(mixbox_de_esser_t *d, const int32_t *left, const int32_t *right, uint32_t n)
{
    for (uint32_t done = 0; done < n;) {
        if (d->band.updates_left != 0u && d->frames_to_update == 0u) {
            mixbox_svf_update(&d->band);
            d->frames_to_update = MIXBOX_SVF_UPDATE_FRAMES;
        }
        uint32_t run = n - done;
        if (d->band.updates_left != 0u && d->frames_to_update < run) run = d->frames_to_update;
        mixbox_svf_run_stereo_from(&d->band, left + done, right + done, d->work[0] + done, d->work[1] + done, run);
        if (d->band.updates_left != 0u) d->frames_to_update -= run;
        done += run;
    }
}

/* x - (1 - g) band, with 1 - g in Q32: the correction in Q23 back to Q31
 * scale; limited to +-2^35 as the chain's stages expect (the band can
 * exceed its input a little). */
static inline int64_t reduce(int64_t x, int32_t band, uint32_t cut_q32)
{
    int64_t y = x - mixbox_svf_to_chain(mul_high_s32_u32(band, cut_q32));
    if ((uint64_t)(y + MIXBOX_CHAIN_LIMIT) > (uint64_t)(2 * MIXBOX_CHAIN_LIMIT)) y = y > 0 ? MIXBOX_CHAIN_LIMIT : -MIXBOX_CHAIN_LIMIT;
    return y;
}

/* reduce() on Q23 samples: the same correction, bounded at +-2^27 (|x| and
 * |band| are within 2^27, so the difference fits). */
static inline int32_t reduce_q23(int32_t x, int32_t band, uint32_t cut_q32)
{
    int32_t y = x - mul_high_s32_u32(band, cut_q32);
    if ((uint32_t)y + (uint32_t)MIXBOX_SVF_LIMIT > 2u * (uint32_t)MIXBOX_SVF_LIMIT) y = y > 0 ? MIXBOX_SVF_LIMIT : -MIXBOX_SVF_LIMIT;
    return y;
}

/* One detector step on the step's loudest band magnitude: the reduction
 * wanted, the decoupled peak and its smoothing, and the cut's ramp to the
 * new 1 - 2^-r over the next step. */
static void detector_step(mixbox_de_esser_t *d, uint32_t level)
{
    const mixbox_de_esser_coeffs_t *c = &d->coeffs;
    const uint32_t threshold = c->on ? c->threshold_q23 : 0xFFFFFFFFu;
    int32_t peak = d->peak_q27, smooth = d->smooth_q27;
    int32_t wanted = 0;
    if (level > threshold) {
        wanted = log2_level_q24(level) + Q23_TO_LOG2_OFFSET - c->threshold_q24;
        if (wanted > c->range_q24) wanted = c->range_q24;
        wanted *= 8; /* Q27 */
    }
    if ((peak | smooth | wanted) != 0) {
        peak = one_pole_step(peak, wanted, c->release_q32);
        if (wanted > peak) peak = wanted;
        smooth = one_pole_step(smooth, peak, c->attack_q32);
        if (smooth > d->gr_max_q24 * 8) d->gr_max_q24 = smooth >> 3;
    }
    d->peak_q27 = peak;
    d->smooth_q27 = smooth;
    /* 1 - 2^-r: exp2 in Q24 -> Q32 (0 at rest: the stage is then exact). */
    uint32_t cut = smooth == 0 ? 0u : (uint32_t)(((int64_t)Q24_ONE - exp2_gain_q24(-(smooth >> 3))) << 8);
    /* Truncated toward zero: the ramp never passes its end (nor 0). */
    d->cut_step = (int32_t)(((int64_t)cut - (int64_t)d->cut_q32) / (int64_t)MIXBOX_DE_ESSER_STEP_FRAMES);
    if (d->cut_step == 0) d->cut_q32 = cut; /* within a step of it: land at once */
}

/* The corrections for the chunk, on the chain's int64 samples or (q23) on
 * Q23 ones: x - (1 - g) band, or the band alone when listening. In Q23 the
 * correction is the same high word and the bound +-2^27: the same values as
 * the int64 path rounded to Q23, for inputs within +-2^35. Frames [from, to)
 * lie within one detector step (the cut's step is constant there); returns
 * the band's largest magnitude over them (tracked as its highest and lowest
 * sample: two compares per sample instead of |x| and one). */
static ALWAYS_INLINE void track(int32_t b, int32_t *highest, int32_t *lowest)
{
    if (b > *highest) *highest = b;
    if (b < *lowest) *lowest = b;
}

static ALWAYS_INLINE uint32_t correct_run(const mixbox_de_esser_t *d, int64_t *left, int64_t *right,
                                          int32_t *left_q23, int32_t *right_q23, uint32_t from, uint32_t to,
                                          uint32_t *cut_p, int32_t step, const int q23)
{
    const int32_t *band_left = d->work[0], *band_right = d->work[1];
    /* Per channel: gcc would otherwise take the pair's larger and smaller
     * sample first (two moves more per frame than comparing each). */
    int32_t highest = 0, lowest = 0, highest_right = 0, lowest_right = 0;
    uint32_t cut = *cut_p;
    if (d->coeffs.listen) {
        for (uint32_t i = from; i < to; i++) {
            int32_t bl = band_left[i], br = band_right[i];
            track(bl, &highest, &lowest);
            track(br, &highest_right, &lowest_right);
            if (q23) {
                left_q23[i] = bl;
                right_q23[i] = br;
            } else {
                left[i] = mixbox_svf_to_chain(bl);
                right[i] = mixbox_svf_to_chain(br);
            }
        }
    } else if ((cut | (uint32_t)step) != 0u) { /* constant within a step */
        for (uint32_t i = from; i < to; i++) {
            int32_t bl = band_left[i], br = band_right[i];
            track(bl, &highest, &lowest);
            track(br, &highest_right, &lowest_right);
            cut += (uint32_t)step;
            if (q23) {
                left_q23[i] = reduce_q23(left_q23[i], bl, cut);
                right_q23[i] = reduce_q23(right_q23[i], br, cut);
            } else {
                left[i] = reduce(left[i], bl, cut);
                right[i] = reduce(right[i], br, cut);
            }
        }
    } else {
        for (uint32_t i = from; i < to; i++) {
            track(band_left[i], &highest, &lowest);
            track(band_right[i], &highest_right, &lowest_right);
        }
    }
    *cut_p = cut;
    if (highest_right > highest) highest = highest_right;
    if (lowest_right < lowest) lowest = lowest_right;
    return q31_range_magnitude(highest, lowest);
}

static ALWAYS_INLINE void correct(mixbox_de_esser_t *d, int64_t *left, int64_t *right, int32_t *left_q23,
                                  int32_t *right_q23, uint32_t n, const int q23)
{
    const mixbox_de_esser_coeffs_t *c = &d->coeffs;
    uint32_t level = d->step_level, frames = d->step_frames, cut = d->cut_q32;
    int32_t step = d->cut_step;
    for (uint32_t i = 0; i < n;) {
        /* Up to the end of the detector step (or of the chunk). */
        uint32_t run = MIXBOX_DE_ESSER_STEP_FRAMES - frames;
        if (run > n - i) run = n - i;
        uint32_t run_level = correct_run(d, left, right, left_q23, right_q23, i, i + run, &cut, step, q23);
        if (run_level > level) level = run_level;
        i += run;
        frames += run;
        if (frames == MIXBOX_DE_ESSER_STEP_FRAMES) {
            d->cut_q32 = cut;
            detector_step(d, level);
            cut = d->cut_q32;
            step = d->cut_step;
            level = 0u;
            frames = 0u;
        }
    }
    d->step_level = level;
    d->step_frames = frames;
    d->cut_q32 = cut;
    d->cut_step = step;
    /* Switched off and released: rest, and skip from now on. */
    if (!c->on && d->peak_q27 == 0 && d->smooth_q27 == 0 && cut == 0u && d->band.updates_left == 0u) {
        mixbox_svf_clear(&d->band);
        d->step_level = 0u;
        d->step_frames = 0u;
        d->idle = 1;
    }
}

void mixbox_de_esser_process(mixbox_de_esser_t *d, int64_t *left, int64_t *right, uint32_t n)
{
    if (d->idle) return;
    for (uint32_t i = 0; i < n; i++) {
        d->work[0][i] = mixbox_svf_from_chain(left[i]);
        d->work[1][i] = mixbox_svf_from_chain(right[i]);
    }
    filter_band(d, d->work[0], d->work[1], n);
    correct(d, left, right, NULL, NULL, n, 0);
}

void mixbox_de_esser_process_q23(mixbox_de_esser_t *d, int32_t *left, int32_t *right, uint32_t n)
{
    if (d->idle) return;
    filter_band(d, left, right, n); /* the band into d->work, the chunk untouched */
    correct(d, NULL, NULL, left, right, n, 1);
}

int32_t mixbox_de_esser_read_reduction(mixbox_de_esser_t *d)
{
    int32_t gr_q24 = d->gr_max_q24;
    d->gr_max_q24 = 0;
    return (int32_t)(((int64_t)gr_q24 * 60205999 / 100000 + (1 << 23)) >> 24);
}
