#include "svf_section.h"

#include <string.h>

#include "log2_fixed.h"
#include "svf_kernel.h"

#define GUARD_BITS 16

/* The lean kernel (no error feedback, Q32 coefficients, both channels in
 * one loop) rounds each state product to an LSB; the states carry that
 * noise with a gain of about 1 / g, the mix passes it with about
 * |c1| + |c2|. Measured (test_bus_eq): the noise added is about
 * -138 dBFS + 10 log10((|c1| + |c2|) / g) RMS. So a section runs lean when
 * (|c1| + |c2|) <= LEAN_MIX_PER_G g: at most about -125 dBFS; the others
 * (low poles with a strong mix: 20 Hz high-pass, low shelves, low
 * boosts) keep the error feedback. */
#define LEAN_MIX_PER_G 20
/* ... and g >= 0.015 (230 Hz at 48 kHz): below it the floored products
 * leave a dead band (an LSB of 1 - a1 times the state rounds to nothing)
 * wider than the silence gate, and a tail would not reach zero. */
#define LEAN_MIN_G_Q28 4026532u

static int runs_lean(uint64_t g_q28, const int32_t *c_q27)
{
    uint64_t mix = (uint64_t)(c_q27[1] < 0 ? -(int64_t)c_q27[1] : c_q27[1]) +
                   (uint64_t)(c_q27[2] < 0 ? -(int64_t)c_q27[2] : c_q27[2]); /* Q27 */
    return g_q28 >= LEAN_MIN_G_Q28 && mix <= (uint64_t)(LEAN_MIX_PER_G / 2) * g_q28; /* c <= 20 g, g in Q28 */
}

static int32_t mix_form(const int32_t *c_q27)
{
    const int32_t one = (int32_t)1 << 27;
    if (c_q27[0] == 0 && c_q27[2] == -one) {
        return c_q27[1] == -one ? FORM_HIGHPASS_UNIT : FORM_HIGHPASS; /* y = x - v2 + c1 v1 */
    }
    if (c_q27[0] == -one && c_q27[2] == 0) {                     /* y = c1 v1 */
        return c_q27[1] >= 0 && c_q27[1] < one ? FORM_BAND_FRACTION : FORM_BAND; /* 0 <= c1 < 1: one high word */
    }
    /* Every |c| < 1/2: each term is one high word (the general mix's bits). */
    const int32_t half = (int32_t)1 << 26;
    if (c_q27[0] > -half && c_q27[0] < half && c_q27[1] > -half && c_q27[1] < half && c_q27[2] > -half &&
        c_q27[2] < half)
        return FORM_FRACTION;
    /* m0 = 1 + c0, m1 = c1, m2 = c2 all in [0, 1) (low-passes, high-shelf
     * cuts): x + floor(c0 x) = floor(m0 x), so each term is one high word. */
    if (c_q27[0] >= -one && c_q27[0] < 0 && c_q27[1] >= 0 && c_q27[1] < one && c_q27[2] >= 0 && c_q27[2] < one)
        return FORM_WEIGHTS;
    if (c_q27[0] == 0) return FORM_SHELF;                        /* y = x + c1 v1 + c2 v2 */
    return FORM_GENERAL;
}

int mixbox_svf_target_is_flat(const mixbox_svf_target_t *t)
{
    return t->c_q27[0] == 0 && t->c_q27[1] == 0 && t->c_q27[2] == 0;
}

static int64_t target_value(const mixbox_svf_target_t *t, uint32_t i)
{
    int64_t v = i == 0u ? (int64_t)t->g_q28 : i == 1u ? (int64_t)t->k_q28 : (int64_t)t->c_q27[i - 2u];
    return v * ((int64_t)1 << GUARD_BITS);
}

/* Leading zeros of x (32 for 0). */
static int leading_zeros(uint32_t x)
{
    return x == 0u ? 32 : 31 - top_bit_index32(x);
}

/* The exponent for a pair of coefficients in [0, 1) given in Q60: the
 * larger one's mantissa lands in [2^31, 2^32). */
static int32_t pair_exponent(uint64_t a_q60, uint64_t b_q60)
{
    uint32_t larger = (uint32_t)((a_q60 > b_q60 ? a_q60 : b_q60) >> 28); /* Q32 */
    int shift = leading_zeros(larger);
    return shift > 28 ? 28 : shift; /* below 2^-28 the products are 0 anyway */
}

/* Keeps the carried fraction when the exponent changes: same value, new scale. */
static int32_t rescale_carry(int32_t carry, int32_t old_n, int32_t new_n)
{
    if (new_n >= old_n) return (int32_t)((uint32_t)carry << (new_n - old_n));
    return carry >> (old_n - new_n);
}

/* Per-sample coefficients from the current g, k, c (integer only: one
 * 64-bit division, a few 64-bit products). g and k below 8 (the designs'
 * range) keep every product below 2^63. */
static void derive_mix(mixbox_svf_kernel_t *k, const mixbox_svf_section_t *s, int32_t *c_q27)
{
    for (uint32_t i = 0; i < 3u; i++) {
        c_q27[i] = (int32_t)(s->value[2u + i] >> GUARD_BITS);
        k->c_int[i] = c_q27[i] >> 27;
        k->c_frac[i] = ((uint32_t)c_q27[i] & 0x7FFFFFFu) << 5;
        k->c_q32[i] = (int32_t)((uint32_t)c_q27[i] << 5); /* used only when |c| < 1/2 */
    }
    k->c_q32[1] = (int32_t)(0u - (uint32_t)k->c_q32[1]); /* -c1: term_fraction's ceil as a floor */
}

/* A first-order section (k = 0 marks it): the one-pole trapezoidal low-pass
 * v = G (x - s), lp = s + v, s' = lp + v with G = g / (1 + g), one exponent
 * n1 for G's mantissa (d1_m) and the fraction carried in carry1 as the
 * second-order kernel does; the mix is y = x + c1 lp. */
static void derive_first_order(mixbox_svf_section_t *s)
{
    mixbox_svf_kernel_t *k = &s->kernel;
    uint64_t g = (uint64_t)(s->value[0] >> GUARD_BITS); /* Q28, below 2^31 */
    uint64_t den = ((uint64_t)1 << 28) + g;
    uint32_t g_q32 = (uint32_t)((g << 32) / den); /* G < 1/2 */
    int32_t old_n1 = k->n1;
    int n = leading_zeros(g_q32);
    k->n1 = n > 28 ? 28 : n;
    k->lean = 0;
    k->d1_m = (uint32_t)((g << (32 + k->n1)) / den); /* G 2^(32 + n1) < 2^32 */
    k->mask1 = (int32_t)((1u << k->n1) - 1u);
    for (uint32_t ch = 0; ch < 2u; ch++) {
        s->channel[ch].carry1 = rescale_carry(s->channel[ch].carry1, old_n1, k->n1);
    }
    int32_t c_q27[3];
    derive_mix(k, s, c_q27);
    k->form = c_q27[1] == -((int32_t)1 << 27) ? FORM_FIRST_ORDER_HIGHPASS : FORM_FIRST_ORDER; /* y = x - lp */
}

static void derive_kernel(mixbox_svf_section_t *s)
{
    mixbox_svf_kernel_t *k = &s->kernel;
    if (s->target.k_q28 == 0u) {
        derive_first_order(s);
        return;
    }
    uint64_t g = (uint64_t)(s->value[0] >> GUARD_BITS), kk = (uint64_t)(s->value[1] >> GUARD_BITS);
    uint64_t den = ((uint64_t)1 << 28) + ((g * (g + kk)) >> 28); /* 1 + g (g + k), Q28 */
    uint64_t a1 = (((uint64_t)1 << 60) + den / 2u) / den;       /* Q32, <= 2^32 */
    uint64_t d1 = (((uint64_t)1 << 32) - a1) << 28;             /* 1 - a1, Q60 */
    uint64_t a2 = g * a1;                                        /* g a1 <= 1/2, Q60 */
    uint64_t a3 = g * (a2 >> 28);                                /* g a2 < 1, Q60 */

    int32_t c_q27[3];
    derive_mix(k, s, c_q27);
    int32_t old_n1 = k->n1, old_n2 = k->n2;
    /* The error-feedback kernel takes v2 - ic2 = g v1 with g < 1 (g >= 1
     * with a mix over 20 g is out of the designs' range; it runs lean). */
    k->lean = runs_lean(g, c_q27) || g >= ((uint64_t)1 << 28);
    k->n1 = k->lean ? 0 : pair_exponent(d1, a2);
    k->n2 = k->lean ? 0 : pair_exponent(g << 32, g << 32);
    k->d1_m = (uint32_t)(d1 >> (28 - k->n1));
    k->a2_m1 = (uint32_t)(a2 >> (28 - k->n1));
    k->a2_m2 = (uint32_t)(a2 >> (28 - k->n2));
    k->a3_m = (uint32_t)(a3 >> (28 - k->n2));
    k->g_m = k->lean ? 0u : (uint32_t)(g << (4 + k->n2)); /* g 2^(32 + n2) < 2^32 */
    k->mask1 = (int32_t)((1u << k->n1) - 1u);
    k->mask2 = (int32_t)((1u << k->n2) - 1u);
    for (uint32_t ch = 0; ch < 2u; ch++) {
        mixbox_svf_channel_t *c = &s->channel[ch];
        /* The lean kernel carries no fraction (none is left over to carry in). */
        c->carry1 = k->lean ? 0 : rescale_carry(c->carry1, old_n1, k->n1);
        c->carry2 = k->lean ? 0 : rescale_carry(c->carry2, old_n2, k->n2);
    }
    k->form = mix_form(c_q27);
}

void mixbox_svf_clear(mixbox_svf_section_t *section)
{
    memset(section->channel, 0, sizeof section->channel);
}

static void settle(mixbox_svf_section_t *s)
{
    for (uint32_t i = 0; i < MIXBOX_SVF_COEFFS; i++) {
        s->value[i] = target_value(&s->target, i);
        s->step[i] = 0;
    }
    s->updates_left = 0u;
    derive_kernel(s);
    if (mixbox_svf_target_is_flat(&s->target)) {
        s->active = 0;
        mixbox_svf_clear(s);
    } else {
        s->active = 1;
    }
}

void mixbox_svf_init(mixbox_svf_section_t *section, const mixbox_svf_target_t *target)
{
    memset(section, 0, sizeof *section);
    section->target = *target;
    settle(section);
}

void mixbox_svf_set_target(mixbox_svf_section_t *s, const mixbox_svf_target_t *target, uint32_t updates)
{
    if (memcmp(&s->target, target, sizeof *target) == 0) return;
    s->target = *target;
    if (updates <= 1u) {
        settle(s);
        return;
    }
    if (!s->active) {
        /* Nothing sounds through a flat band: take g and k at once, fade the mix in. */
        s->value[0] = target_value(target, 0u);
        s->value[1] = target_value(target, 1u);
        s->active = 1;
        derive_kernel(s);
    }
    for (uint32_t i = 0; i < MIXBOX_SVF_COEFFS; i++) {
        s->step[i] = (target_value(target, i) - s->value[i]) / (int64_t)updates;
    }
    s->updates_left = updates;
}

void mixbox_svf_update(mixbox_svf_section_t *s)
{
    if (s->updates_left == 0u) return;
    if (--s->updates_left == 0u) {
        settle(s);
        return;
    }
    for (uint32_t i = 0; i < MIXBOX_SVF_COEFFS; i++) s->value[i] += s->step[i];
    derive_kernel(s);
}

static ALWAYS_INLINE void run_form(const mixbox_svf_kernel_t *kp, mixbox_svf_channel_t *c, int32_t *samples, uint32_t n,
                                   const int form)
{
    const mixbox_svf_kernel_t k = *kp;
    svf_regs_t r = load_regs(c);
    for (uint32_t i = 0; i < n; i++) samples[i] = feedback_step(&k, &r, samples[i], form);
    store_regs(c, &r);
}

/* The first-order kernel: y = x + c1 lp (derive_first_order). G (x - s) is
 * a difference of two floored high words, so their floors cancel on average
 * (one floor would bias the low-pass by about an LSB). State in r->ic1,
 * carry in r->carry1. */
static ALWAYS_INLINE int32_t first_order_step(const mixbox_svf_kernel_t *k, svf_regs_t *r, int32_t x, const int form)
{
    int32_t state = r->ic1;
    if (UNLIKELY(x == 0) && (uint32_t)state + SILENT_STATE <= 2u * SILENT_STATE) state = 0; /* as feedback_step */
    int32_t t = (int32_t)((uint32_t)mul_high_s32_u32(x, k->d1_m) - (uint32_t)mul_high_s32_u32(state, k->d1_m) +
                          (uint32_t)r->carry1);
    r->carry1 = t & k->mask1;
    int32_t v = t >> k->n1;
    int32_t lowpass = state + v;
    r->ic1 = lowpass + v;
    if (form == FORM_FIRST_ORDER_HIGHPASS) return section_limit((uint32_t)x - (uint32_t)lowpass);
    return section_limit((uint32_t)x + term_floor(lowpass, k->c_int[1], k->c_frac[1]));
}

static ALWAYS_INLINE void run_first_order(const mixbox_svf_kernel_t *kp, mixbox_svf_channel_t *c, int32_t *samples,
                                          uint32_t n, const int form)
{
    const mixbox_svf_kernel_t k = *kp;
    svf_regs_t r = load_regs(c);
    for (uint32_t i = 0; i < n; i++) samples[i] = first_order_step(&k, &r, samples[i], form);
    store_regs(c, &r);
}

/* The 18 dB/oct high-pass (a second-order high-pass with c1 = -1, then the
 * first order, both with error feedback) in one sample loop: each sample
 * stays in a register between the two. */
static ALWAYS_INLINE void run_highpass_18db(const mixbox_svf_section_t *second, mixbox_svf_channel_t *c2,
                              const mixbox_svf_section_t *first, mixbox_svf_channel_t *c1, int32_t *samples, uint32_t n)
{
    const mixbox_svf_kernel_t k2 = second->kernel, k1 = first->kernel;
    svf_regs_t r2 = load_regs(c2), r1 = load_regs(c1);
    for (uint32_t i = 0; i < n; i++) {
        int32_t y = feedback_step(&k2, &r2, samples[i], FORM_HIGHPASS_UNIT);
        samples[i] = first_order_step(&k1, &r1, y, FORM_FIRST_ORDER_HIGHPASS);
    }
    store_regs(c2, &r2);
    store_regs(c1, &r1);
}

int mixbox_svf_run_highpass_18db(mixbox_svf_section_t *second, mixbox_svf_section_t *first, int32_t *left,
                                 int32_t *right, uint32_t n)
{
    if (second->kernel.lean || second->kernel.form != FORM_HIGHPASS_UNIT ||
        first->kernel.form != FORM_FIRST_ORDER_HIGHPASS)
        return 0;
    run_highpass_18db(second, &second->channel[0], first, &first->channel[0], left, n);
    run_highpass_18db(second, &second->channel[1], first, &first->channel[1], right, n);
    return 1;
}

/* Two sections with the same kernel (the side's LR4) on one channel, in one
 * sample loop: the coefficients are loaded once for both. */
static ALWAYS_INLINE void run_twice_form(const mixbox_svf_kernel_t *kp, mixbox_svf_channel_t *ca,
                                         mixbox_svf_channel_t *cb, int32_t *samples, uint32_t n, const int form)
{
    const mixbox_svf_kernel_t k = *kp;
    svf_regs_t a = load_regs(ca), b = load_regs(cb);
    for (uint32_t i = 0; i < n; i++) samples[i] = feedback_step(&k, &b, feedback_step(&k, &a, samples[i], form), form);
    store_regs(ca, &a);
    store_regs(cb, &b);
}

int mixbox_svf_run_twice(mixbox_svf_section_t *a, mixbox_svf_section_t *b, int32_t *samples, uint32_t n)
{
    if (a->kernel.lean || b->kernel.lean) return 0;
    if (a->kernel.form == FORM_HIGHPASS) {
        run_twice_form(&a->kernel, &a->channel[0], &b->channel[0], samples, n, FORM_HIGHPASS);
    } else if (a->kernel.form == FORM_HIGHPASS_UNIT) {
        run_twice_form(&a->kernel, &a->channel[0], &b->channel[0], samples, n, FORM_HIGHPASS_UNIT);
    } else {
        return 0;
    }
    return 1;
}

/* One sample of the lean kernel: run_form's step with n1 = n2 = 0 and no
 * carries (the coefficients are plain Q32 fractions). */
static ALWAYS_INLINE int32_t lean_step(const mixbox_svf_kernel_t *k, int32_t *ic1_p, int32_t *ic2_p, int32_t x,
                                       const int form)
{
    int32_t ic1 = *ic1_p, ic2 = *ic2_p;
    if (UNLIKELY(x == 0) && (uint32_t)ic1 + LEAN_SILENT_STATE <= 2u * LEAN_SILENT_STATE &&
        (uint32_t)ic2 + LEAN_SILENT_STATE <= 2u * LEAN_SILENT_STATE) { /* as run_form */
        ic1 = 0;
        ic2 = 0;
    }
    int32_t v3 = x - ic2;
    /* Differences of two floored high words, as run_form's: no drift. */
    int32_t d1 = (int32_t)((uint32_t)mul_high_s32_u32(v3, k->a2_m1) - (uint32_t)mul_high_s32_u32(ic1, k->d1_m));
    int32_t d2 = (int32_t)((uint32_t)mul_high_s32_u32(ic1, k->a2_m1) - (uint32_t)mul_high_s32_u32(-v3, k->a3_m));
    int32_t v1 = ic1 + d1, v2 = ic2 + d2;
    *ic1_p = v1 + d1; /* 2 v - ic, as feedback_step */
    *ic2_p = v2 + d2;
    return section_output(k, x, v1, v2, form);
}

static ALWAYS_INLINE void run_lean_mono(const mixbox_svf_kernel_t *kp, mixbox_svf_channel_t *c, int32_t *samples,
                                        uint32_t n, const int form)
{
    const mixbox_svf_kernel_t k = *kp;
    int32_t ic1 = c->ic1, ic2 = c->ic2;
    for (uint32_t i = 0; i < n; i++) samples[i] = lean_step(&k, &ic1, &ic2, samples[i], form);
    c->ic1 = ic1;
    c->ic2 = ic2;
}

/* Both channels in one loop: the coefficients are loaded once. From
 * in_left/in_right to left/right (the same buffers: in place). */
static ALWAYS_INLINE void run_lean_stereo_from(const mixbox_svf_kernel_t *kp, mixbox_svf_channel_t *c,
                                               const int32_t *in_left, const int32_t *in_right, int32_t *left,
                                               int32_t *right, uint32_t n, const int form)
{
    const mixbox_svf_kernel_t k = *kp;
    int32_t l1 = c[0].ic1, l2 = c[0].ic2, r1 = c[1].ic1, r2 = c[1].ic2;
    for (uint32_t i = 0; i < n; i++) {
        left[i] = lean_step(&k, &l1, &l2, in_left[i], form);
        right[i] = lean_step(&k, &r1, &r2, in_right[i], form);
    }
    c[0].ic1 = l1;
    c[0].ic2 = l2;
    c[1].ic1 = r1;
    c[1].ic2 = r2;
}

/* As run_lean_stereo_from, each output written to the chain's int64
 * samples (mixbox_svf_to_chain) in the same loop: no Q23 store, reload and
 * conversion pass after the EQ's last section. */
static ALWAYS_INLINE void run_lean_stereo_to_chain(const mixbox_svf_kernel_t *kp, mixbox_svf_channel_t *c,
                                                   const int32_t *in_left, const int32_t *in_right, int64_t *left,
                                                   int64_t *right, uint32_t n, const int form)
{
    const mixbox_svf_kernel_t k = *kp;
    int32_t l1 = c[0].ic1, l2 = c[0].ic2, r1 = c[1].ic1, r2 = c[1].ic2;
    for (uint32_t i = 0; i < n; i++) {
        left[i] = mixbox_svf_to_chain(lean_step(&k, &l1, &l2, in_left[i], form));
        right[i] = mixbox_svf_to_chain(lean_step(&k, &r1, &r2, in_right[i], form));
    }
    c[0].ic1 = l1;
    c[0].ic2 = l2;
    c[1].ic1 = r1;
    c[1].ic2 = r2;
}

static ALWAYS_INLINE void run_lean_stereo(const mixbox_svf_kernel_t *kp, mixbox_svf_channel_t *c, int32_t *left,
                                          int32_t *right, uint32_t n, const int form)
{
    run_lean_stereo_from(kp, c, left, right, left, right, n, form);
}

/* Two lean sections on one channel in one sample loop: the sample stays in a
 * register between them (no store and load), one loop for both. */
static ALWAYS_INLINE void run_lean_pair(const mixbox_svf_kernel_t *kap, mixbox_svf_channel_t *ca,
                                        const mixbox_svf_kernel_t *kbp, mixbox_svf_channel_t *cb, int32_t *samples,
                                        uint32_t n, const int form_a, const int form_b)
{
    const mixbox_svf_kernel_t ka = *kap, kb = *kbp;
    int32_t a1 = ca->ic1, a2 = ca->ic2, b1 = cb->ic1, b2 = cb->ic2;
    for (uint32_t i = 0; i < n; i++)
        samples[i] = lean_step(&kb, &b1, &b2, lean_step(&ka, &a1, &a2, samples[i], form_a), form_b);
    ca->ic1 = a1;
    ca->ic2 = a2;
    cb->ic1 = b1;
    cb->ic2 = b2;
}

/* Both channels, one after the other. */
static ALWAYS_INLINE void run_lean_pair_stereo(mixbox_svf_section_t *a, mixbox_svf_section_t *b, int32_t *left,
                                               int32_t *right, uint32_t n, const int form_a, const int form_b)
{
    run_lean_pair(&a->kernel, &a->channel[0], &b->kernel, &b->channel[0], left, n, form_a, form_b);
    run_lean_pair(&a->kernel, &a->channel[1], &b->kernel, &b->channel[1], right, n, form_a, form_b);
}

static void run_lean_pair_forms(mixbox_svf_section_t *a, mixbox_svf_section_t *b, int32_t *left, int32_t *right,
                                uint32_t n)
{
    if (a->kernel.form == FORM_FRACTION) {
        if (b->kernel.form == FORM_FRACTION) run_lean_pair_stereo(a, b, left, right, n, FORM_FRACTION, FORM_FRACTION);
        else run_lean_pair_stereo(a, b, left, right, n, FORM_FRACTION, FORM_WEIGHTS);
    } else {
        if (b->kernel.form == FORM_FRACTION) run_lean_pair_stereo(a, b, left, right, n, FORM_WEIGHTS, FORM_FRACTION);
        else run_lean_pair_stereo(a, b, left, right, n, FORM_WEIGHTS, FORM_WEIGHTS);
    }
}

static int pairs_lean(const mixbox_svf_kernel_t *k)
{
    return k->lean && (k->form == FORM_FRACTION || k->form == FORM_WEIGHTS);
}

int mixbox_svf_run_pair(mixbox_svf_section_t *a, mixbox_svf_section_t *b, int32_t *left, int32_t *right, uint32_t n)
{
    if (!pairs_lean(&a->kernel) || !pairs_lean(&b->kernel)) return 0;
    run_lean_pair_forms(a, b, left, right, n);
    return 1;
}

/* RUN(form) with the section's second-order form as a constant: each kernel
 * is compiled once per form, its output mix without a per-sample branch. */
#define DISPATCH_SECOND_ORDER(form, RUN) do { \
        switch (form) { \
        case FORM_HIGHPASS: RUN(FORM_HIGHPASS); break; \
        case FORM_HIGHPASS_UNIT: RUN(FORM_HIGHPASS_UNIT); break; \
        case FORM_BAND: RUN(FORM_BAND); break; \
        case FORM_SHELF: RUN(FORM_SHELF); break; \
        case FORM_FRACTION: RUN(FORM_FRACTION); break; \
        case FORM_WEIGHTS: RUN(FORM_WEIGHTS); break; \
        case FORM_BAND_FRACTION: RUN(FORM_BAND_FRACTION); break; \
        default: RUN(FORM_GENERAL); break; \
        } \
    } while (0)

static void run_lean(mixbox_svf_section_t *section, mixbox_svf_channel_t *c, int32_t *left, int32_t *right, uint32_t n)
{
    const mixbox_svf_kernel_t *k = &section->kernel;
#define RUN_MONO(form) run_lean_mono(k, c, left, n, form)
#define RUN_STEREO(form) run_lean_stereo(k, c, left, right, n, form)
    if (right == NULL) DISPATCH_SECOND_ORDER(k->form, RUN_MONO);
    else DISPATCH_SECOND_ORDER(k->form, RUN_STEREO);
#undef RUN_MONO
#undef RUN_STEREO
}

/* The error-feedback kernel on both channels, one after the other (one
 * call and one dispatch for the two). */
static ALWAYS_INLINE void run_form_stereo(const mixbox_svf_kernel_t *k, mixbox_svf_channel_t *c, int32_t *left,
                                          int32_t *right, uint32_t n, const int form)
{
    run_form(k, &c[0], left, n, form);
    run_form(k, &c[1], right, n, form);
}

static void run_feedback_stereo(mixbox_svf_section_t *section, int32_t *left, int32_t *right, uint32_t n)
{
    const mixbox_svf_kernel_t *k = &section->kernel;
    mixbox_svf_channel_t *c = section->channel;
    if (k->form == FORM_GENERAL || k->form == FORM_FIRST_ORDER || k->form == FORM_FIRST_ORDER_HIGHPASS) {
        mixbox_svf_run(section, 0u, left, n);
        mixbox_svf_run(section, 1u, right, n);
        return;
    }
#define RUN_STEREO(form) run_form_stereo(k, c, left, right, n, form)
    DISPATCH_SECOND_ORDER(k->form, RUN_STEREO);
#undef RUN_STEREO
}

void mixbox_svf_run_stereo(mixbox_svf_section_t *section, int32_t *left, int32_t *right, uint32_t n)
{
    if (section->kernel.lean) {
        run_lean(section, section->channel, left, right, n);
        return;
    }
    run_feedback_stereo(section, left, right, n);
}

void mixbox_svf_run_stereo_from(mixbox_svf_section_t *section, const int32_t *in_left, const int32_t *in_right,
                                int32_t *left, int32_t *right, uint32_t n)
{
    if (section->kernel.lean && section->kernel.form == FORM_BAND_FRACTION) {
        run_lean_stereo_from(&section->kernel, section->channel, in_left, in_right, left, right, n, FORM_BAND_FRACTION);
        return;
    }
    if (left != in_left) memcpy(left, in_left, n * sizeof *left);
    if (right != in_right) memcpy(right, in_right, n * sizeof *right);
    mixbox_svf_run_stereo(section, left, right, n);
}

int mixbox_svf_run_stereo_to_chain(mixbox_svf_section_t *section, const int32_t *left_q23, const int32_t *right_q23,
                                   int64_t *left, int64_t *right, uint32_t n)
{
    const mixbox_svf_kernel_t *k = &section->kernel;
    if (!k->lean) return 0;
    if (k->form == FORM_WEIGHTS) run_lean_stereo_to_chain(k, section->channel, left_q23, right_q23, left, right, n, FORM_WEIGHTS);
    else if (k->form == FORM_FRACTION)
        run_lean_stereo_to_chain(k, section->channel, left_q23, right_q23, left, right, n, FORM_FRACTION);
    else return 0;
    return 1;
}

void mixbox_svf_run(mixbox_svf_section_t *section, uint32_t ch, int32_t *samples, uint32_t n)
{
    mixbox_svf_channel_t *c = &section->channel[ch];
    if (section->kernel.lean) {
        run_lean(section, c, samples, NULL, n);
        return;
    }
    const mixbox_svf_kernel_t *k = &section->kernel;
    if (k->form == FORM_FIRST_ORDER) run_first_order(k, c, samples, n, FORM_FIRST_ORDER);
    else if (k->form == FORM_FIRST_ORDER_HIGHPASS) run_first_order(k, c, samples, n, FORM_FIRST_ORDER_HIGHPASS);
    else {
#define RUN_ONE(form) run_form(k, c, samples, n, form)
        DISPATCH_SECOND_ORDER(k->form, RUN_ONE);
#undef RUN_ONE
    }
}

int mixbox_svf_chunk_from_chain(const int64_t *left, const int64_t *right, int32_t *left_q23, int32_t *right_q23,
                                uint32_t n)
{
    /* The high words plus 8, ORed: below 16 iff every one was in [-8, 8),
     * every sample in [-2^35, 2^35) (2^35 itself takes the int64 path). */
    uint32_t high = 0u;
    for (uint32_t i = 0; i < n; i++) {
        int64_t l = left[i], r = right[i];
        high |= (uint32_t)((int32_t)(l >> 32) + 8) | (uint32_t)((int32_t)(r >> 32) + 8);
        left_q23[i] = mixbox_svf_round_in_range(l);
        right_q23[i] = mixbox_svf_round_in_range(r);
    }
    return high < 16u;
}

void mixbox_svf_chunk_to_chain(const int32_t *left_q23, const int32_t *right_q23, int64_t *left, int64_t *right,
                               uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        left[i] = mixbox_svf_to_chain(left_q23[i]);
        right[i] = mixbox_svf_to_chain(right_q23[i]);
    }
}
