/*
 * A second-order high-pass section, y = (x - 2 x1 + x2) - a1 y1 - a2 y2
 * (numerator [1, -2, 1], a0 = 1), in int32 with high-word products: one
 * multiply-high per feedback term on a 32-bit core, no 64-bit arithmetic.
 *
 * The feedback is written with c2 = 1 - a2 and g = 1 + a1 + a2 as
 *   y = x'' + y1 + d1 - c2 d1 - g y1,   d = y - y1,
 * so the large parts (2 y1 - y2) are exact adds and only two small products
 * round. That matters: a low cut-off's pole pair sits next to z = 1 (its DC
 * gain 1/g reaches 6e5 for 20 Hz at 96 kHz), so a bias or dead band there
 * would show.
 *   - The damping c2 d1 is the difference of two floored products,
 *     c2 y1 - c2 y2 (the previous one is kept): their floor errors cancel on
 *     average, and d = 0 gives exactly 0.
 *   - g y1 keeps fraction bits below the signal's LSB.
 *   - Each product carries its fraction bits into the next sample
 *     (first-order error feedback), so no rounding accumulates.
 * Both factors are scaled up to just below 2^31 at design, so each keeps as
 * many fraction bits as the coefficient allows.
 *
 * Scaling: |y| below 2^29 (the damping product takes 4 y), the section's
 * second difference and first differences within int32. Callers bound their
 * input so that holds (see k_weighting.h and bus_compressor.c).
 */
#ifndef MIXBOX_HIGHPASS_SECTION_H
#define MIXBOX_HIGHPASS_SECTION_H

#include "mixbox_engine.h"
#include "q31_math.h"

/* Control side: the section for denominators a1, a2 in Q30 (a stable
 * high-pass: c2 and g positive, g below 1/4, i.e. cut-offs far under fs/4).
 * Returns 0, or -1 for coefficients outside that. */
int mixbox_highpass_section_design(mixbox_highpass_section_coeffs_t *coeffs, int32_t a1_q30, int32_t a2_q30);

static inline int32_t highpass_section_step(const mixbox_highpass_section_coeffs_t *c, mixbox_highpass_section_t *s, int32_t x)
{
    int32_t x_d = x - s->x1;
    int32_t x_dd = x_d - s->x_d1; /* the numerator, exact */
    s->x1 = x;
    s->x_d1 = x_d;
    int32_t damping_product = mul_high_s32(s->y1 * 4, c->c2_scaled);
    int32_t damping = damping_product + s->c2_carry;
    int32_t dc = mul_high_s32(s->y1, c->g_scaled) + s->g_residue;
    s->c2_carry = (damping & c->c2_mask) - damping_product;
    s->g_residue = dc & c->g_mask;
    s->y_d1 = x_dd + s->y_d1 - (damping >> c->c2_bits) - (dc >> c->g_bits);
    s->y1 += s->y_d1;
    return s->y1;
}

#endif
