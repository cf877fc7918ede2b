/* The last stage before the DAC: an optional soft clip to a ceiling and
 * optional TPDF dither to the output word (24 or 16 bits), then one
 * saturation to Q31 (on the word's grid when dithered, or at 16 bits).
 * Safety clip: transparent up to the knee (ceiling - 3 dB), then the cubic
 * t - (4/27) t^3 (t in units of ceiling - knee) meets the ceiling with zero
 * slope at t = 1.5 and holds it beyond, so the output never exceeds the
 * ceiling and never has a corner. Dither: two uniform values of one 24-bit
 * LSB summed (triangular, +-1 LSB), from one byte pair of a fixed-seed
 * xorshift generator's output (one 32-bit draw dithers a stereo frame; renders
 * repeat exactly), then rounding to the 24-bit grid. At 16 bits the same with
 * ±1 16-bit LSB (2^16 codes): the two 16-bit halves of one draw per sample,
 * and the output is rounded to the 16-bit grid (0x7FFF0000 at most) whether
 * dithered or not, so the file or DAC takes the top 16 bits as they are.
 * Scaling: input Q31-scale int64 below 2^36; the cubic works on t < 1.5 R
 * (< 2^31) in two Q31 steps. Samples below the knee (or, without the safety
 * clip, 512 codes under full scale) take a 32-bit path with the same result. */
#ifndef MIXBOX_OUTPUT_STAGE_H
#define MIXBOX_OUTPUT_STAGE_H

#include "mixbox_engine.h"
#include "q31_math.h"

void mixbox_output_stage_design(mixbox_output_coeffs_t *coeffs, int32_t ceiling_cdb, int32_t safety_on, int32_t dither_on,
                                int32_t word_bits);

/* `frames` stereo frames into interleaved output; sets *over_left/right when
 * that side exceeded full scale. With the soft clip on, its residual and
 * input go to the distortion meter (distortion_meter.h). */
void mixbox_output_stage_process(const mixbox_output_coeffs_t *coeffs, uint32_t *dither_seed, const int64_t *left,
                                 const int64_t *right, q31_t *output, uint32_t frames, uint32_t *over_left,
                                 uint32_t *over_right, mixbox_distortion_meter_t *distortion);

#endif
