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
 *   - g y1 keeps fraction bits below the signal's LSB and carries them into
 *     the next sample (first-order error feedback), so no rounding
 *     accumulates; g is scaled up to just below 2^31 at design, so the
 *     product keeps as many fraction bits as the coefficient allows.
 *
 * The state holds the output's running sums less the input's, so the
 * numerator's differences cancel and no second difference of x is formed:
 * with w = y1 - x1 and z = d1 - (x1 - x2), a step is z -= (damping + DC
 * term), w += z, y = w + x. The damping's products telescope in z: the
 * state keeps u = z + floor(c2 y2) instead, so a step is u -= DC term,
 * w += u - floor(c2 y1), y = w + x. (Earlier rounds kept x1, x2's
 * difference and an error-feedback word for the damping; the outputs are
 * the same bits.)
 *
 * Scaling: |y| below 2^29, the section's first differences and w, u within
 * int32. Callers bound their input so that holds (see k_weighting.h and
 * bus_compressor.c).
 */
#ifndef MIXBOX_HIGHPASS_SECTION_H
#define MIXBOX_HIGHPASS_SECTION_H

#include "mixbox_engine.h"
#include "q31_math.h"

/* Control side: the section for denominators a1, a2 in Q30 (a stable
 * high-pass: c2 below 1/2 and g positive and below 1/4, i.e. cut-offs far
 * under fs/4). Returns 0, or -1 for coefficients outside that. */
int mixbox_highpass_section_design(mixbox_highpass_section_coeffs_t *coeffs, int32_t a1_q30, int32_t a2_q30);

static ALWAYS_INLINE int32_t highpass_section_step(const mixbox_highpass_section_coeffs_t *c, mixbox_highpass_section_t *s,
                                                   int32_t x)
{
    /* floor(c2 y1): c2 in Q32 (c2_q32 = 4 c2_q30 < 2^31) takes y1 in Q0. */
    int32_t damping_product = mul_high_s32(s->y1, c->c2_q32);
    int32_t dc = mul_high_s32(s->y1, c->g_scaled) + s->g_residue;
    s->g_residue = dc & c->g_mask;
    s->u -= dc >> c->g_bits;
    s->w += s->u - damping_product;
    s->y1 = s->w + x;
    return s->y1;
}

#endif
