/*
 * The SVF section's per-sample steps (svf_section.h describes the kernels),
 * for svf_section.c's runs and for a stage that runs a section inside its
 * own sample loop (the stereo tools' side high-pass): the same bits either
 * way. `form` is meant as a constant (each caller's loop is compiled once
 * per form).
 */
#ifndef MIXBOX_SVF_KERNEL_H
#define MIXBOX_SVF_KERNEL_H

#include "svf_section.h"

/* Silence is the rare case in a sounding band: laid out off the loop's path. */
#if defined(__GNUC__)
#define UNLIKELY(c) __builtin_expect(!!(c), 0)
#else
#define UNLIKELY(c) (c)
#endif

/* States this small (16 LSB = -114 dBFS) are let go in silence. */
#define SILENT_STATE 16u
/* The lean kernel has no carry to break its rounding's limit cycles (seen
 * up to ~20 LSB): its gate is 64 LSB (-102 dBFS), still far below hearing. */
#define LEAN_SILENT_STATE 64u

/* The mix's forms: which of y = x + c0 x + c1 v1 + c2 v2 it needs. */
enum { FORM_GENERAL, FORM_SHELF, FORM_HIGHPASS, FORM_BAND, FORM_FIRST_ORDER, FORM_FRACTION, FORM_BAND_FRACTION,
       FORM_HIGHPASS_UNIT, FORM_FIRST_ORDER_HIGHPASS, FORM_WEIGHTS };

/* v c for c = c_int + c_frac / 2^32: the integer part exact, the fraction
 * floored (a high word) or, negated, ceiled: a floor and a ceil in one sum
 * cancel each other's half-LSB bias on average. */
static ALWAYS_INLINE uint32_t term_floor(int32_t v, int32_t c_int, uint32_t c_frac)
{
    return (uint32_t)v * (uint32_t)c_int + (uint32_t)mul_high_s32_u32(v, c_frac);
}

static ALWAYS_INLINE uint32_t term_ceil(int32_t v, int32_t c_int, uint32_t c_frac)
{
    return (uint32_t)v * (uint32_t)c_int - (uint32_t)mul_high_s32_u32(-v, c_frac);
}

/* The general mix when every |c| < 1/2: x + floor(c0 x) + ceil(c1 v1) +
 * floor(c2 v2), each a high word, the same bits as term_floor/term_ceil
 * (c_q32[1] holds -c1: ceil(c1 v1) = -floor(-c1 v1)). */
static ALWAYS_INLINE uint32_t term_fraction(int32_t x, int32_t v1, int32_t v2, const int32_t *c_q32)
{
    return (uint32_t)x + (uint32_t)mul_high_s32(x, c_q32[0]) - (uint32_t)mul_high_s32(v1, c_q32[1]) +
           (uint32_t)mul_high_s32(v2, c_q32[2]);
}

/* The general mix when m0 = 1 + c0, c1 and c2 are in [0, 1) (c_int = -1, 0,
 * 0): x + (-x + floor(x f0)) + ceil(v1 f1) + floor(v2 f2), the same bits as
 * term_floor/term_ceil with the x terms cancelled. */
static ALWAYS_INLINE uint32_t term_weights(int32_t x, int32_t v1, int32_t v2, const uint32_t *c_frac)
{
    return (uint32_t)mul_high_s32_u32(x, c_frac[0]) - (uint32_t)mul_high_s32_u32(-v1, c_frac[1]) +
           (uint32_t)mul_high_s32_u32(v2, c_frac[2]);
}

/* A channel's state in registers while a loop runs. */
typedef struct {
    int32_t ic1, ic2, carry1, carry2;
} svf_regs_t;

/* Saturate at +-2^27 (one unsigned compare in the usual case). */
static ALWAYS_INLINE int32_t section_limit(uint32_t y)
{
    if (UNLIKELY(y + (uint32_t)MIXBOX_SVF_LIMIT > 2u * (uint32_t)MIXBOX_SVF_LIMIT)) {
        y = (int32_t)y < 0 ? (uint32_t)-MIXBOX_SVF_LIMIT : (uint32_t)MIXBOX_SVF_LIMIT;
    }
    return (int32_t)y;
}

/* The section's output: the input and its two states mixed in the form the
 * design chose (both kernels end here). */
static ALWAYS_INLINE int32_t section_output(const mixbox_svf_kernel_t *k, int32_t x, int32_t v1, int32_t v2,
                                            const int form)
{
    uint32_t y;
    if (form == FORM_HIGHPASS) {
        y = (uint32_t)x - (uint32_t)v2 + term_floor(v1, k->c_int[1], k->c_frac[1]);
    } else if (form == FORM_HIGHPASS_UNIT) {
        y = (uint32_t)x - (uint32_t)v2 - (uint32_t)v1; /* term_floor(v1, -1, 0) */
    } else if (form == FORM_BAND) {
        y = term_floor(v1, k->c_int[1], k->c_frac[1]);
    } else if (form == FORM_SHELF) {
        y = (uint32_t)x + term_ceil(v1, k->c_int[1], k->c_frac[1]) + term_floor(v2, k->c_int[2], k->c_frac[2]);
    } else if (form == FORM_FRACTION) {
        y = term_fraction(x, v1, v2, k->c_q32);
    } else if (form == FORM_WEIGHTS) {
        y = term_weights(x, v1, v2, k->c_frac);
    } else if (form == FORM_BAND_FRACTION) {
        y = (uint32_t)mul_high_s32_u32(v1, k->c_frac[1]);
    } else {
        y = (uint32_t)x + term_floor(x, k->c_int[0], k->c_frac[0]) + term_ceil(v1, k->c_int[1], k->c_frac[1]) +
            term_floor(v2, k->c_int[2], k->c_frac[2]);
    }
    return section_limit(y);
}

/* One sample of the error-feedback kernel. */
static ALWAYS_INLINE int32_t feedback_step(const mixbox_svf_kernel_t *k, svf_regs_t *r, int32_t x, const int form)
{
    int32_t ic1 = r->ic1, ic2 = r->ic2;
    /* Silence: states within 16 LSB (-114 dBFS) are let go, so a tail
     * ends in exact zeros instead of a limit cycle of the rounding (seen
     * only where a product keeps no fraction bits, near Nyquist). */
    if (UNLIKELY(x == 0) && (uint32_t)ic1 + SILENT_STATE <= 2u * SILENT_STATE &&
        (uint32_t)ic2 + SILENT_STATE <= 2u * SILENT_STATE) {
        ic1 = 0;
        ic2 = 0;
    }
    int32_t v3 = x - ic2;
    /* 2^n1 (v1 - ic1) = 2^n1 (a2 v3 - d1 ic1), plus the carried fraction. */
    int32_t t1 = (int32_t)((uint32_t)mul_high_s32_u32(v3, k->a2_m1) - (uint32_t)mul_high_s32_u32(ic1, k->d1_m) +
                           (uint32_t)r->carry1);
    r->carry1 = t1 & k->mask1;
    int32_t d1 = t1 >> k->n1;
    int32_t v1 = ic1 + d1;
    /* 2^n2 (v2 - ic2) = 2^n2 (a2 ic1 + a3 v3) = 2^n2 g v1 (a2 = g a1, a3 =
     * g a2): one product, its floor's bias carried away with the fraction
     * (a floor without the carry would drift by half an LSB per sample,
     * which the integrators' DC gain turns into an offset). */
    int32_t t2 = (int32_t)((uint32_t)mul_high_s32_u32(v1, k->g_m) + (uint32_t)r->carry2);
    r->carry2 = t2 & k->mask2;
    int32_t d2 = t2 >> k->n2;
    int32_t v2 = ic2 + d2;
    /* ic' = 2 v - ic = v + d: one add instead of a shift and a subtract. */
    r->ic1 = v1 + d1;
    r->ic2 = v2 + d2;
    return section_output(k, x, v1, v2, form);
}

static ALWAYS_INLINE svf_regs_t load_regs(const mixbox_svf_channel_t *c)
{
    svf_regs_t r = { c->ic1, c->ic2, c->carry1, c->carry2 };
    return r;
}

static ALWAYS_INLINE void store_regs(mixbox_svf_channel_t *c, const svf_regs_t *r)
{
    c->ic1 = r->ic1;
    c->ic2 = r->ic2;
    c->carry1 = r->carry1;
    c->carry2 = r->carry2;
}

#endif
