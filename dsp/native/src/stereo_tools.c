#include "stereo_tools.h"

#include <string.h>

#include "svf_design.h"
#include "svf_kernel.h"

#define Q24_ONE (1 << 24)
#define BUTTERWORTH_Q 0.70710678118654752

void mixbox_stereo_tools_design(mixbox_stereo_tools_coeffs_t *c, const mixbox_stereo_tools_params_t *p,
                                uint32_t sample_rate)
{
    int on = p->mono_below_hz > 0;
    mixbox_svf_design_t d;
    mixbox_svf_prototype_t highpass = mixbox_svf_highpass(on ? p->mono_below_hz : 60.0, BUTTERWORTH_Q);
    mixbox_svf_design_bilinear(&d, &highpass, sample_rate);
    mixbox_svf_quantise(&c->highpass, &d);
    if (!on) memset(c->highpass.c_q27, 0, sizeof c->highpass.c_q27);
    c->width_q24 = (int32_t)(((int64_t)p->width_percent * Q24_ONE) / 100);
}

void mixbox_stereo_tools_init(mixbox_stereo_tools_t *t, const mixbox_stereo_tools_coeffs_t *c)
{
    memset(t, 0, sizeof *t);
    mixbox_svf_init(&t->highpass[0], &c->highpass);
    mixbox_svf_init(&t->highpass[1], &c->highpass);
    t->width_target_q24 = c->width_q24;
    t->width_q40 = (int64_t)c->width_q24 << 16;
}

void mixbox_stereo_tools_apply(mixbox_stereo_tools_t *t, const mixbox_stereo_tools_coeffs_t *c, uint32_t ramp_frames)
{
    uint32_t updates = ramp_frames <= 1u ? 1u : (ramp_frames + MIXBOX_SVF_UPDATE_FRAMES - 1u) / MIXBOX_SVF_UPDATE_FRAMES;
    for (uint32_t s = 0; s < 2u; s++) {
        mixbox_svf_set_target(&t->highpass[s], &c->highpass, updates);
        if (t->highpass[s].updates_left != 0u) t->frames_to_update = 0u;
    }
    if (c->width_q24 != t->width_target_q24) {
        t->width_target_q24 = c->width_q24;
        if (ramp_frames <= 1u) {
            t->width_q40 = (int64_t)c->width_q24 << 16;
            t->width_frames_left = 0u;
        } else {
            t->width_step = (((int64_t)c->width_q24 << 16) - t->width_q40) / (int64_t)ramp_frames;
            t->width_frames_left = ramp_frames;
        }
    }
}

int mixbox_stereo_tools_is_neutral(const mixbox_stereo_tools_t *t)
{
    return t->width_frames_left == 0u && t->width_target_q24 == Q24_ONE && !t->highpass[0].active &&
           !t->highpass[1].active;
}

/* The side through the LR4 high-pass, following the update grid. */
static void highpass_side(mixbox_stereo_tools_t *t, int32_t *side, uint32_t n)
{
    for (uint32_t done = 0; done < n;) {
        int moving = t->highpass[0].updates_left != 0u || t->highpass[1].updates_left != 0u;
        if (moving && t->frames_to_update == 0u) {
            mixbox_svf_update(&t->highpass[0]);
            mixbox_svf_update(&t->highpass[1]);
            t->frames_to_update = MIXBOX_SVF_UPDATE_FRAMES;
        }
        uint32_t run = n - done;
        if (moving && t->frames_to_update < run) run = t->frames_to_update;
        /* Both sections always have the same kernel (same targets, updated
         * together): one pass where the kernel allows it. */
        if (!(t->highpass[0].active && t->highpass[1].active &&
              mixbox_svf_run_twice(&t->highpass[0], &t->highpass[1], side + done, run))) {
            for (uint32_t s = 0; s < 2u; s++) {
                if (t->highpass[s].active) mixbox_svf_run(&t->highpass[s], 0u, side + done, run);
            }
        }
        if (moving) t->frames_to_update -= run;
        done += run;
    }
}

/* S - w HP4(S) in Q23 for a settled width: one high word, the same bits
 * as (S' w_q24) >> 24 (|S'| < 2^27, so 8 S' fits; w_q24 << 5 <= 2^30). */
static void narrow_settled(const int32_t *side, const int32_t *filtered, int32_t width_q24, int64_t *left,
                           int64_t *right, uint32_t n)
{
    const int32_t width_q29 = width_q24 * 32;
    for (uint32_t i = 0; i < n; i++) {
        int64_t change = mixbox_svf_to_chain(side[i] - mul_high_s32(filtered[i] * 8, width_q29));
        left[i] -= change;
        right[i] += change;
    }
}

/* (L - R + 256) >> 9 with L - R limited to +-2^36. Within [-2^36, 2^36)
 * (the high word in [-16, 16)) in 32-bit words: floor(d / 256) fits, and
 * (q + 1) >> 1 of it is the rounded half. */
static inline int32_t side_q23(int64_t difference)
{
    const int64_t limit = 2 * MIXBOX_CHAIN_LIMIT;
    int32_t high = (int32_t)(difference >> 32);
    if ((uint32_t)(high + 16) < 32u) {
        int32_t q = (int32_t)((uint32_t)high << 24 | (uint32_t)difference >> 8);
        return (q + 1) >> 1;
    }
    if ((uint64_t)(difference + limit) > (uint64_t)(2 * limit)) difference = difference > 0 ? limit : -limit;
    return (int32_t)((difference + 256) >> 9);
}

/* The side, its LR4 and the settled narrowing in one sample loop (the side
 * stays in registers, no buffer passes): the same bits as process_chunk's
 * passes (side_q23, mixbox_svf_run_twice, narrow_settled). */
static ALWAYS_INLINE void narrow_in_one_pass(mixbox_stereo_tools_t *t, int64_t *left, int64_t *right, uint32_t n,
                                             const int form)
{
    const mixbox_svf_kernel_t k = t->highpass[0].kernel; /* both sections' (same targets, same updates) */
    svf_regs_t a = load_regs(&t->highpass[0].channel[0]), b = load_regs(&t->highpass[1].channel[0]);
    const int32_t width_q29 = t->width_target_q24 * 32;
    for (uint32_t i = 0; i < n; i++) {
        int32_t side = side_q23(left[i] - right[i]);
        int32_t filtered = feedback_step(&k, &b, feedback_step(&k, &a, side, form), form);
        /* width_q29 >= 0: mulhsu, the same bits as mulh (gcc wrote the signed
         * product here as three multiplies). */
        int64_t change = mixbox_svf_to_chain(side - mul_high_s32_u32((int32_t)((uint32_t)filtered << 3), (uint32_t)width_q29));
        left[i] -= change;
        right[i] += change;
    }
    store_regs(&t->highpass[0].channel[0], &a);
    store_regs(&t->highpass[1].channel[0], &b);
}

/* Settled, mono-below on in the error-feedback high-pass forms (as
 * mixbox_svf_run_twice takes them), settled width: returns 1 when done. */
static int process_in_one_pass(mixbox_stereo_tools_t *t, int64_t *left, int64_t *right, uint32_t n)
{
    const mixbox_svf_section_t *h = t->highpass;
    if (t->width_frames_left != 0u || h[0].updates_left != 0u || h[1].updates_left != 0u || !h[0].active ||
        !h[1].active || h[0].kernel.lean || h[1].kernel.lean)
        return 0;
    if (h[0].kernel.form == FORM_HIGHPASS) narrow_in_one_pass(t, left, right, n, FORM_HIGHPASS);
    else if (h[0].kernel.form == FORM_HIGHPASS_UNIT) narrow_in_one_pass(t, left, right, n, FORM_HIGHPASS_UNIT);
    else return 0;
    return 1;
}

/* Out of line: mixbox_stereo_tools_process's neutral test then saves no registers for it. */
static OUT_OF_LINE void process_chunk(mixbox_stereo_tools_t *t, int64_t *left, int64_t *right, uint32_t n)
{
    if (process_in_one_pass(t, left, right, n)) return;
    int32_t side[32];
    for (uint32_t i = 0; i < n; i++) {
        /* S = (L - R) / 2 in Q23, rounded; L - R limited to +-2^36 (both
         * sides within the chain's +-2^35), so S stays within +-2^27. */
        int64_t difference = left[i] - right[i];
        side[i] = t->side[i] = side_q23(difference);
    }
    highpass_side(t, t->side, n);
    if (t->width_frames_left == 0u) {
        narrow_settled(side, t->side, t->width_target_q24, left, right, n);
        return;
    }
    int64_t width = t->width_q40;
    for (uint32_t i = 0; i < n; i++) {
        if (t->width_frames_left != 0u) {
            width += t->width_step;
            if (--t->width_frames_left == 0u) width = (int64_t)t->width_target_q24 << 16;
        }
        /* S - w HP4(S), in Q23; back to Q31 scale. */
        int32_t narrowed = (int32_t)(((int64_t)t->side[i] * (int32_t)(width >> 16)) >> 24);
        int64_t change = (int64_t)(side[i] - narrowed) * 256;
        left[i] -= change;
        right[i] += change;
    }
    t->width_q40 = width;
}

void mixbox_stereo_tools_process(mixbox_stereo_tools_t *t, int64_t *left, int64_t *right, uint32_t n)
{
    if (mixbox_stereo_tools_is_neutral(t)) return;
    process_chunk(t, left, right, n);
}
