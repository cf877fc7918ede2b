#include "biquad.h"

#include "control_math.h"

static int32_t to_q30(double coefficient)
{
    return (int32_t)cm_round(coefficient * 1073741824.0);
}

void biquad_design_highpass(mixbox_biquad_t *filter, double cutoff_hz, double sample_rate_hz)
{
    /* Audio EQ Cookbook HPF: w0 = 2 pi f0 / fs, alpha = sin(w0) / (2 Q). */
    double w0 = 2.0 * CM_PI * cutoff_hz / sample_rate_hz;
    double cos_w0 = cm_cos(w0);
    double alpha = cm_sin(w0) / (2.0 * 0.70710678118654752);
    double a0 = 1.0 + alpha;
    filter->b0 = to_q30((1.0 + cos_w0) / 2.0 / a0);
    filter->b1 = -2 * filter->b0; /* exactly: biquad_process relies on it */
    filter->b2 = filter->b0;
    filter->a1 = to_q30(-2.0 * cos_w0 / a0);
    filter->a2 = to_q30((1.0 - alpha) / a0);
}

void biquad_copy_coefficients(mixbox_biquad_t *filter, const mixbox_biquad_t *from)
{
    filter->b0 = from->b0;
    filter->b1 = from->b1;
    filter->b2 = from->b2;
    filter->a1 = from->a1;
    filter->a2 = from->a2;
}
