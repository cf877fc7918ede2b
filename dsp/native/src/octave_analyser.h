/* The octave analyser of the main output (mixbox_spectrum_read): see
 * mixbox_engine.h for what it measures. Multirate: level 0 runs at fs and
 * holds the bands whose centre lies above 0.19 fs / 2 (two at 44.1/48 kHz);
 * each further level is the previous one through a half-band decimator
 * (halfband_decimator.h) and holds one band, whose centre then lies at
 * 0.095..0.19 of its rate, so every octave below the top costs about half
 * the one above. Bands run three meter_section.h sections in Q28; their
 * squares (Q24, int64) are summed per 10 ms segment, and at each segment
 * end an exponential average follows the sums. */
#ifndef MIXBOX_OCTAVE_ANALYSER_H
#define MIXBOX_OCTAVE_ANALYSER_H

#include "mixbox_engine.h"

/* Control side: the coefficients for a rate, on/off and the averaging time. */
void mixbox_analyser_design(mixbox_analyser_coeffs_t *coeffs, uint32_t sample_rate, int32_t on, int32_t slow);

/* Audio side: adopts new coefficients; switching on starts from rest. */
void mixbox_analyser_apply(mixbox_analyser_t *analyser, const mixbox_analyser_coeffs_t *coeffs);

/* Audio side: `frames` (at most MIXBOX_CHUNK_FRAMES: one call's frames wait
 * for the next call's in the state) interleaved stereo output frames (Q31). */
void mixbox_analyser_process(mixbox_analyser_t *analyser, const mixbox_q31_t *stereo, uint32_t frames);

/* Audio side, at each 10 ms segment end. */
void mixbox_analyser_end_segment(mixbox_analyser_t *analyser);

void mixbox_analyser_read(const mixbox_analyser_t *analyser, mixbox_spectrum_reading_t *reading);

#endif
