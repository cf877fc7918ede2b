/* "Glue" saturation: a smooth odd-order (cubic) soft clipper,
 * f(u) = (3u - u^3) / 2 for |u| <= 1 and +-1 beyond, driven by a pre-gain
 * and level-compensated by 1 / (1.5 gain), so quiet material passes at unity
 * and only peaks are rounded off.
 * Scaling: input Q31-scale int64 below 2^35; u = x * gain is clamped to
 * +-2^31 (the curve's flat top, not a wrap); u^3 in two Q31 steps; output
 * below 2^31. The pre-gain is above 1, so the flat parts begin inside int32. */
#ifndef MIXBOX_DRIVE_STAGE_H
#define MIXBOX_DRIVE_STAGE_H

#include "mixbox_engine.h"
#include "q31_math.h"

#define DRIVE_MAX_CDB 1800

/* Control side: drive in cdB (> 0) -> coefficients (gain_q24 > 2^24). */
void mixbox_drive_design(mixbox_drive_coeffs_t *coeffs, int32_t drive_cdb);

/* Bits 'shift'..'shift' + 31 of the 64-bit product a * b (0 < shift < 32), as
 * the caller knows they fit int32: one 32x32 multiply for each word, so the
 * compiler never widens a 32-bit operand it has also sign-extended for a
 * 64-bit store into a 64x64 product. */
static inline int32_t mul_bits_s32(int32_t a, int32_t b, int shift)
{
    uint32_t high = (uint32_t)mul_high_s32(a, b), low = (uint32_t)a * (uint32_t)b;
    return (int32_t)((high << (32 - shift)) | (low >> shift));
}

/* The curve's upper half, (v - v^3) / 2 for v = x * gain, as the audio side
 * computes it (v + this is the curve times 2^31 before the make-up).
 * |v| < 2^31: v^2 >> 31 and v^3 >> 62 stay below 2^31, and |cube| <= |v|
 * with the same sign. square < 2^31, so square * 2 fits 32 bits unsigned and
 * the cube (square * v) >> 31 is one high word, exactly. */
static inline int32_t drive_half_rest(int32_t v)
{
    int32_t square = mul_bits_s32(v, v, 31);
    int32_t cube = mul_high_s32_u32(v, (uint32_t)square << 1);
    return (v - cube) / 2;
}

/* u = (x * gain) >> 24, for x below the flat parts (so u fits int32). */
static inline int32_t drive_pre_gain(const mixbox_drive_coeffs_t *coeffs, int32_t x)
{
    return mul_bits_s32(x, coeffs->gain_q24, 24);
}

/* One sample within int32 through the curve. From the curve's knee on
 * (its sum v + (v - cube) / 2 reaching 2^31, just below |u| = 1) the output is the
 * flat top, 2^31 * makeup / 2^24 = makeup * 128, exactly; the input limits
 * for it are found at design, so the curve itself only sees values whose u
 * fits int32 and whose sum stays within int32, and works in 32x32 products.
 * The output has x's sign and at most its magnitude (y = x - g^2 x^3 / 3 <= x
 * on the curve, the flat top below 2^31 / 1.5 beyond), so x - y fits int32 too. */
static inline int32_t drive_process32(const mixbox_drive_coeffs_t *coeffs, int32_t x)
{
    /* flat_below < x < flat_above as one unsigned compare of x - (flat_below + 1)
     * (flat_below < 0 < flat_above, so both differences fit 32 bits); beyond,
     * x's sign picks the flat part. */
    const uint32_t low = (uint32_t)coeffs->flat_below + 1u;
    if ((uint32_t)x - low >= (uint32_t)coeffs->flat_above - low) {
        int32_t top = coeffs->makeup_q24 * 128;
        return x > 0 ? top : -top;
    }
    int32_t v = drive_pre_gain(coeffs, x);
    /* (y * makeup) >> 24 as one high word: makeup < 2^24 / 1.5, so makeup * 2^8 fits 32 bits unsigned. */
    return mul_high_s32_u32(v + drive_half_rest(v), (uint32_t)coeffs->makeup_q24 << 8);
}

/* Any chain sample (|x| < 2^35): beyond int32 it is on the flat parts, as
 * the limits lie inside int32 (the pre-gain is above 1). */
static inline int64_t drive_process(const mixbox_drive_coeffs_t *coeffs, int64_t x)
{
    if (x == (int32_t)x) return drive_process32(coeffs, (int32_t)x);
    return x > 0 ? (int64_t)coeffs->makeup_q24 * 128 : -(int64_t)coeffs->makeup_q24 * 128;
}

#endif
