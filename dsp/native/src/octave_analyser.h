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

/* The analyser's input: an output frame's mono sum (L + R) / 2 in Q28. The
 * main output's level pass (bus_meters.c) makes it, as it reads the frame. */
#define MIXBOX_ANALYSER_MONO_Q28(l, r) ((((l) >> 1) + ((r) >> 1)) >> 3)

/* Audio side: where this call's mono samples go (at most
 * MIXBOX_CHUNK_FRAMES), to be written before mixbox_analyser_run. */
int32_t *mixbox_analyser_mono(mixbox_analyser_t *analyser);

/* Audio side: runs the analyser on the `frames` mono samples written at
 * mixbox_analyser_mono (one call's samples wait for the next call's in the
 * state). */
void mixbox_analyser_run(mixbox_analyser_t *analyser, uint32_t frames);

/* Audio side, at each 10 ms segment end. */
void mixbox_analyser_end_segment(mixbox_analyser_t *analyser);

void mixbox_analyser_read(const mixbox_analyser_t *analyser, mixbox_spectrum_reading_t *reading);

#endif
