#include "drive_stage.h"

#include "control_math.h"

void mixbox_drive_design(mixbox_drive_coeffs_t *coeffs, int32_t drive_cdb)
{
    double gain = mixbox_control_cdb_to_linear(drive_cdb);
    coeffs->gain_q24 = (int32_t)mixbox_control_round(gain * 16777216.0);
    coeffs->makeup_q24 = (int32_t)mixbox_control_round(16777216.0 / (1.5 * gain));
    /* u = floor(x g / 2^24) reaches +2^31 from x >= ceil(2^55 / g), and
     * -2^31 from x <= -(floor((2^55 - 2^24) / g) + 1); both inside int32
     * because g > 2^24. */
    int64_t g = coeffs->gain_q24;
    coeffs->flat_above = (int32_t)((((int64_t)1 << 55) + g - 1) / g);
    coeffs->flat_below = (int32_t)(-((((int64_t)1 << 55) - ((int64_t)1 << 24)) / g + 1));
}
