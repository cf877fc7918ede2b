/* The last stage before the DAC: an optional soft clip to a ceiling and
 * optional TPDF dither to 24 bits, then one saturation to Q31.
 * Safety clip: transparent up to the knee (ceiling - 3 dB), then the cubic
 * t - (4/27) t^3 (t in units of ceiling - knee) meets the ceiling with zero
 * slope at t = 1.5 and holds it beyond, so the output never exceeds the
 * ceiling and never has a corner. Dither: two uniform values of one 24-bit
 * LSB summed (triangular, +-1 LSB) from a fixed-seed xorshift generator (so
 * renders repeat exactly), then rounding to the 24-bit grid.
 * Scaling: input Q31-scale int64 below 2^36; the cubic works on t < 1.5 R
 * (< 2^31) in two Q31 steps. */
#ifndef MIXBOX_OUTPUT_STAGE_H
#define MIXBOX_OUTPUT_STAGE_H

#include "mixbox_engine.h"

void output_stage_design(mixbox_output_coeffs_t *coeffs, int32_t ceiling_cdb, int32_t safety_on, int32_t dither_on);

/* One sample: sets *over when the input exceeded full scale. */
int32_t output_stage_process(const mixbox_output_coeffs_t *coeffs, uint32_t *dither_seed, int64_t x, uint32_t *over);

#endif
