/* The meters' second-order IIR section (direct form I) in int32: Q28 data
 * (full scale 2^28, three bits of headroom), Q30 coefficients (below 2 in
 * magnitude), each product's high word only (one mulh on a 32-bit core), so
 * the five products are Q26 and the output keeps 26 fraction bits of full
 * scale: a noise floor near -150 dBFS, far under what the meters show.
 * The coefficients are designed on the control side (meter_filter_design.h)
 * so that no section's output can leave the Q28 range (at most 8 times full
 * scale; the designs stay under 3, tests/meter tests check the sum of the
 * impulse response). */
#ifndef MIXBOX_METER_SECTION_H
#define MIXBOX_METER_SECTION_H

#include "q31_math.h"

/* Moves the section's delay line on by one sample: x in, y out. */
static ALWAYS_INLINE int32_t meter_section_shift(mixbox_meter_section_t *s, int32_t x, int32_t y)
{
    s->x2 = s->x1;
    s->x1 = x;
    s->y2 = s->y1;
    s->y1 = y;
    return y;
}

static ALWAYS_INLINE int32_t meter_section_step(const mixbox_meter_section_coeffs_t *c, mixbox_meter_section_t *s,
                                                int32_t x)
{
    int32_t y = mul_high_s32(c->b0, x) + mul_high_s32(c->b1, s->x1) + mul_high_s32(c->b2, s->x2)
              - mul_high_s32(c->a1, s->y1) - mul_high_s32(c->a2, s->y2);
    return meter_section_shift(s, x, y * 4); /* Q26 -> Q28 */
}

/* A band-pass section, whose numerator is b0 (1 - z^-2) (b1 = 0, b2 = -b0, as
 * meter_filter_design.c makes them): three products instead of five. The
 * difference x - x2 stays below 2^31: the designs keep every section output
 * under 4 times full scale (test_bus_meters checks the sum of |h|). */
static ALWAYS_INLINE int32_t meter_bandpass_step(const mixbox_meter_section_coeffs_t *c, mixbox_meter_section_t *s,
                                                 int32_t x)
{
    int32_t y = mul_high_s32(c->b0, x - s->x2) - mul_high_s32(c->a1, s->y1) - mul_high_s32(c->a2, s->y2);
    return meter_section_shift(s, x, y * 4); /* Q26 -> Q28 */
}

/* The high-pass's first-order section, numerator b0 (1 - z^-1) (b1 = -b0,
 * a2 = b2 = 0): two products. Its input is the band's (within full scale
 * at the top level), so x - x1 stays within twice that. */
static ALWAYS_INLINE int32_t meter_highpass_real_step(const mixbox_meter_section_coeffs_t *c,
                                                      mixbox_meter_section_t *s, int32_t x)
{
    int32_t y = mul_high_s32(c->b0, x - s->x1) - mul_high_s32(c->a1, s->y1);
    return meter_section_shift(s, x, y * 4);
}

/* The high-pass's pole-pair section, numerator b0 (1 - 2 z^-1 + z^-2)
 * (b1 = -2 b0, b2 = b0): three products. It follows the first-order
 * section, whose output stays within 1.1 times its input (sum of |h|), so
 * x - 2 x1 + x2 stays under 4.4 full scale. */
static ALWAYS_INLINE int32_t meter_highpass_pair_step(const mixbox_meter_section_coeffs_t *c,
                                                      mixbox_meter_section_t *s, int32_t x)
{
    int32_t y = mul_high_s32(c->b0, x - 2 * s->x1 + s->x2) - mul_high_s32(c->a1, s->y1) -
                mul_high_s32(c->a2, s->y2);
    return meter_section_shift(s, x, y * 4);
}

#endif
