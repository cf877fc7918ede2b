#include "drive_stage.h"

#include "control_math.h"

#define Q31_ONE ((int64_t)1 << 31)

void drive_design(mixbox_drive_coeffs_t *coeffs, int32_t drive_cdb)
{
    double gain = cm_cdb_to_linear(drive_cdb);
    coeffs->gain_q24 = (int32_t)cm_round(gain * 16777216.0);
    coeffs->makeup_q24 = (int32_t)cm_round(16777216.0 / (1.5 * gain));
}

int64_t drive_process(const mixbox_drive_coeffs_t *coeffs, int64_t x)
{
    int64_t u = (x * coeffs->gain_q24) >> 24;
    if (u > Q31_ONE) u = Q31_ONE;
    if (u < -Q31_ONE) u = -Q31_ONE;
    int64_t cube = (((u * u) >> 31) * u) >> 31;
    int64_t shaped = (3 * u - cube) / 2;
    return (shaped * coeffs->makeup_q24) >> 24;
}
