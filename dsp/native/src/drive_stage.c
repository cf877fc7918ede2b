#include "drive_stage.h"

#include "control_math.h"

void drive_design(mixbox_drive_coeffs_t *coeffs, int32_t drive_cdb)
{
    double gain = cm_cdb_to_linear(drive_cdb);
    coeffs->gain_q24 = (int32_t)cm_round(gain * 16777216.0);
    coeffs->makeup_q24 = (int32_t)cm_round(16777216.0 / (1.5 * gain));
}
