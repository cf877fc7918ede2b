/* Direct-form-I second-order high-pass for side chains: Q30 coefficients,
 * int32 signal. A high-pass numerator is b0 [1, -2, 1] (b1 = -2 b0, b2 = b0
 * exactly, as designed below), so a sample costs three products, not five.
 * Scaling: with |input| <= 2^28, x - 2 x1 + x2 fits int32 (<= 2^30); the
 * products b0 d (< 2^60), a1 y1 (|a1| < 2, < 2^62) and a2 y2 (< 2^61) sum
 * below 2^62.8 in 64 bits. The output is saturated to int32. */
#ifndef MIXBOX_BIQUAD_H
#define MIXBOX_BIQUAD_H

#include "mixbox_engine.h"
#include "q31_math.h"

/* Second-order Butterworth high-pass (Q = 1/sqrt(2)) at cutoff_hz, from the
 * bilinear-transform design of the Audio EQ Cookbook (R. Bristow-Johnson).
 * Sets coefficients only; control side. */
void biquad_design_highpass(mixbox_biquad_t *filter, double cutoff_hz, double sample_rate_hz);

/* Copies another filter's coefficients, keeping this one's state. */
void biquad_copy_coefficients(mixbox_biquad_t *filter, const mixbox_biquad_t *from);

static inline int32_t biquad_process(mixbox_biquad_t *f, int32_t x)
{
    int64_t acc = (int64_t)f->b0 * (x - 2 * f->x1 + f->x2) - (int64_t)f->a1 * f->y1 - (int64_t)f->a2 * f->y2;
    int32_t y = q31_saturate(acc >> 30);
    f->x2 = f->x1;
    f->x1 = x;
    f->y2 = f->y1;
    f->y1 = y;
    return y;
}

#endif
