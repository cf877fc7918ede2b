#include "drive_stage.h"

#include "control_math.h"

/* Whether the curve's sum v + (v - cube) / 2 passes int32 at x > 0: from there on the
 * output is the flat top (the sum is 2^31 exactly, the curve's maximum, times the make-up). */
static int sum_passes_int32(const mixbox_drive_coeffs_t *coeffs, int32_t x)
{
    int32_t v = drive_pre_gain(coeffs, x);
    return v > INT32_MAX - drive_half_rest(v);
}

/* The smallest x > 0 whose output is the flat top: the first x at or below
 * `u_limit` (where u reaches 2^31) whose curve sum passes int32. Found by
 * bisection: the sum rounds to 2^31 on one interval just below u = 1 and
 * then stays there (checked for every drive setting by test_drive_curve). */
static int32_t first_on_top(const mixbox_drive_coeffs_t *coeffs, int32_t u_limit)
{
    int32_t below = 0, top = u_limit; /* the sum is within int32 at `below`, the output the top at `top` */
    while (top - below > 1) {
        int32_t mid = below + (top - below) / 2;
        if (sum_passes_int32(coeffs, mid)) top = mid;
        else below = mid;
    }
    return top;
}

void mixbox_drive_design(mixbox_drive_coeffs_t *coeffs, int32_t drive_cdb)
{
    double gain = mixbox_control_cdb_to_linear(drive_cdb);
    coeffs->gain_q24 = (int32_t)mixbox_control_round(gain * 16777216.0);
    coeffs->makeup_q24 = (int32_t)mixbox_control_round(16777216.0 / (1.5 * gain));
    /* u = floor(x g / 2^24) reaches +2^31 from x >= ceil(2^55 / g), and
     * -2^31 from x <= -(floor((2^55 - 2^24) / g) + 1); both inside int32
     * because g > 2^24. */
    int64_t g = coeffs->gain_q24;
    coeffs->flat_below = (int32_t)(-((((int64_t)1 << 55) - ((int64_t)1 << 24)) / g + 1));
    coeffs->flat_above = first_on_top(coeffs, (int32_t)((((int64_t)1 << 55) + g - 1) / g));
}
