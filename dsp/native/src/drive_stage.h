/* "Glue" saturation: a smooth odd-order (cubic) soft clipper,
 * f(u) = (3u - u^3) / 2 for |u| <= 1 and +-1 beyond, driven by a pre-gain
 * and level-compensated by 1 / (1.5 gain), so quiet material passes at unity
 * and only peaks are rounded off.
 * Scaling: input Q31-scale int64 below 2^35; u = x * gain is clamped to
 * +-2^31 (the curve's flat top, not a wrap); u^3 in two Q31 steps; output
 * below 2^31. */
#ifndef MIXBOX_DRIVE_STAGE_H
#define MIXBOX_DRIVE_STAGE_H

#include "mixbox_engine.h"

#define DRIVE_MAX_CDB 1800

/* Control side: drive in cdB (> 0) -> coefficients. */
void drive_design(mixbox_drive_coeffs_t *coeffs, int32_t drive_cdb);

/* One sample through the curve. */
int64_t drive_process(const mixbox_drive_coeffs_t *coeffs, int64_t x);

#endif
