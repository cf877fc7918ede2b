/* Direct-form-I biquad for side chains: Q30 coefficients, int32 signal.
 * Scaling: five Q30 x int32 products summed in 64 bits; with |input| below
 * 2^29, coefficient magnitudes summing below 8 and overshoot below 1.5x, the
 * sum stays below 2^62.1. The output is saturated to int32. */
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
    int64_t acc = (int64_t)f->b0 * x + (int64_t)f->b1 * f->x1 + (int64_t)f->b2 * f->x2
                - (int64_t)f->a1 * f->y1 - (int64_t)f->a2 * f->y2;
    int32_t y = q31_saturate(acc >> 30);
    f->x2 = f->x1;
    f->x1 = x;
    f->y2 = f->y1;
    f->y1 = y;
    return y;
}

#endif
