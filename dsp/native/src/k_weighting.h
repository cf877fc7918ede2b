/* K-weighting pre-filter of ITU-R BS.1770-4 (Annex 1, section 2.1 and 2.2):
 * a high-shelf "pre-filter" (stage 1) followed by the RLB high-pass
 * (stage 2), one pair of biquads per channel, fixed point. */
#ifndef MIXBOX_K_WEIGHTING_H
#define MIXBOX_K_WEIGHTING_H

#include <stdint.h>

#include "mixbox_engine.h"


/* Coefficients for a sample rate (control side, control_math). At 48 kHz
 * these are the published values of BS.1770-4 Tables 1 and 2; at any other
 * rate they are derived from the analogue prototypes by the bilinear
 * transform (see k_weighting_derive). Returns 0, or -1 for a rate outside
 * 8000..192000 Hz. */
int k_weighting_coefs_for_rate(uint32_t sample_rate_hz, k_weighting_coefs_t *coefs);

/* Always derives (also at 48 kHz): exported so the tests can check the
 * derivation against the published 48 kHz table. */
int k_weighting_derive(uint32_t sample_rate_hz, k_weighting_coefs_t *coefs);

/* Clears the filter state, keeps the coefficients. */
void k_weighting_clear(k_weighting_t *kw);

/*
 * Filters one sample of one channel and returns the K-weighted sample in
 * Q21 (full scale = 2^21), rounded and clamped to +/-(2^22 - 1), i.e. +6 dB:
 * its square is below 2^44.
 *
 * Scaling and overflow: feed-forward products Q1.31 x Q29 (< 2^61.4, their
 * sum below 2^62.5 since |b0|+|b1|+|b2| < 5.5) are shifted to Q40; feedback
 * products use a 64x32 split multiply (high part (y >> 30) * a, low part
 * ((y & (2^30-1)) * a) >> 30), exact for |y| < 2^61, i.e. far beyond the
 * filter's reach (|y| stays below about 3 full scales = 2^41.6). The
 * high-pass feed-forward x - 2x1 + x2 is exact. Shifts floor. The 38 Hz
 * pole pair (radius 0.995) amplifies state round-off by up to +92 dB near
 * DC; at Q40 that leaves it near -124 dBFS, far under the -70 LUFS gate.
 * Nothing saturates except the final clamp at +6 dBFS, which only a
 * pathological signal can reach (a full-scale square wave at fs/2 reads
 * +4 dB after the shelf).
 */
int32_t k_weighting_process(const k_weighting_coefs_t *coefs, k_weighting_channel_t *ch, int32_t x);

#endif
