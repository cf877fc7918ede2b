/* K-weighting pre-filter of ITU-R BS.1770-4 (Annex 1, section 2.1 and 2.2):
 * a high-shelf "pre-filter" (stage 1) followed by the RLB high-pass
 * (stage 2), one pair of biquads per channel, fixed point. */
#ifndef MIXBOX_K_WEIGHTING_H
#define MIXBOX_K_WEIGHTING_H

#include <stdint.h>

#include "mixbox_engine.h"
#include "q31_math.h"
#include "mixbox_testable.h"

/* mixbox_k_weighting_run's samples are Q20: full scale = 2^20, its square 2^40. */
#define K_WEIGHTING_OUTPUT_BITS 20


/* Coefficients for a sample rate (control side, control_math). At 48 kHz
 * these are the published values of BS.1770-4 Tables 1 and 2; at any other
 * rate they are derived from the analogue prototypes by the bilinear
 * transform (see mixbox_k_weighting_derive). Returns 0, or -1 for a rate outside
 * 8000..192000 Hz. */
MIXBOX_TESTABLE int mixbox_k_weighting_coefs_for_rate(uint32_t sample_rate_hz, mixbox_k_weighting_coefs_t *coefs);

/* Always derives (also at 48 kHz): exported so the tests can check the
 * derivation against the published 48 kHz table. */
MIXBOX_TESTABLE int mixbox_k_weighting_derive(uint32_t sample_rate_hz, mixbox_k_weighting_coefs_t *coefs);

/* Coefficients for the rate (mixbox_k_weighting_coefs_for_rate), the scaled
 * high-pass constants, cleared state. Returns 0, or -1 for a rate outside
 * 8000..192000 Hz. */
int mixbox_k_weighting_init(mixbox_k_weighting_t *kw, uint32_t sample_rate_hz);

/*
 * Filters `frames` samples of one channel, read as x[0], x[2], ... (one
 * channel of interleaved stereo), and returns the sum of the squares of the
 * K-weighted samples in Q20 (full scale = 2^20), each rounded.
 *
 * Scaling and overflow: the filter runs in int32, Q27 (full scale = 2^27,
 * 16 FS of room), on high words of 32 x 32-bit products (floored). For any
 * input the signals stay within their impulse-response L1 bounds (largest
 * over 8..96 kHz): shelf output 2.22 FS, its transposed states 0.66 FS,
 * high-pass output 3.4 FS, its running sums (highpass_section.h) w 1.28 FS
 * and u 0.03 FS. So the shelf output x 4 (Q29) stays below 2^31, the
 * high-pass output below 2^29, and a Q20 output is below 2^21.8, its square below
 * 2^43.6 (the sum is exact for up to 2^20 frames; the meter passes at most
 * 960). The 38 Hz poles (+92 dB at DC) see no rounding bias: their two
 * small feedback products carry their fraction bits to the next sample
 * (k_weighting.c). The filter's own error stays below -138 dBFS rms for
 * noise and tones (-128 for a full-scale square at fs/2, 96 kHz), under the
 * Q20 rounding (-131 dBFS rms) and far under the -70 LUFS gate. Nothing
 * saturates; after the input falls silent the output decays to exact 0.
 */
uint64_t mixbox_k_weighting_run(const mixbox_k_weighting_t *kw, mixbox_k_weighting_channel_t *ch, const q31_t *x, uint32_t frames);

#endif
