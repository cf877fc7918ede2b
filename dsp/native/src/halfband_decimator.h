/* A half-band FIR low-pass that halves the sample rate: the step between
 * the octave levels of the analyser and on the way to the correlation
 * meter's low band. 23 taps, Kaiser window (beta 8) on the ideal half-band
 * sinc, designed for this project: passband to 0.128 fs within 0.001 dB,
 * stopband from 0.372 fs at least 80 dB down. Half the taps of a half-band
 * filter are zero, and only every second output is computed: six products
 * per output sample, i.e. three per input sample.
 * Data in Q28 (full scale 2^28, three bits of headroom); int32 only. */
#ifndef MIXBOX_HALFBAND_DECIMATOR_H
#define MIXBOX_HALFBAND_DECIMATOR_H

#include "mixbox_engine.h"

/* Processes `frames` input samples from `input` (read every `stride`), writes the
 * outputs to `output` and returns how many (frames / 2, give or take the
 * phase carried from the previous call). input and output may be the same
 * array when stride is 1 (outputs never overtake inputs). */
uint32_t mixbox_halfband_decimate(mixbox_halfband_t *filter, const int32_t *input, uint32_t stride,
                                  int32_t *output, uint32_t frames);

/* The cheap halving for stages far above the band of interest: y = (x[2n-2]
 * + 2 x[2n-1] + x[2n]) / 4, adds and shifts only. Its response cos^2(pi f)
 * is down (pi d)^2 at d from the input's Nyquist: aliases landing within d
 * of DC (d = 300 Hz: 68 dB at 48 kHz in, 44 dB at 3 kHz in). Same calling
 * convention as mixbox_halfband_decimate. */
uint32_t mixbox_binomial_decimate(mixbox_binomial_decimator_t *filter, int32_t *samples, uint32_t frames);

#endif
