/* Look-ahead true-peak limiter: the output stage's second safety mode (the
 * first is the zero-latency soft clip). The output's true peak stays at or
 * under the ceiling (dBTP); below it the bus passes bit for bit, only
 * delayed.
 *
 * Detection: two 4x interpolators on both channels, the larger value
 * counts: the BS.1770-4 Annex 2 filter (the meter's taps, true_peak_taps.h)
 * and a 49-tap Hann-windowed sinc (the design libebur128 measures with). On
 * broadband material their readings differ by up to 0.5 dB either way (the
 * Annex 2 filter rejects the first image 4 dB better; the sinc is flatter
 * from 20 kHz up), so a limit held by one alone is overshot by the other;
 * held by both, the output meets the ceiling by either meter. The peak around
 * sample s is the largest |value| in the intervals (s-1, s) and (s, s+1) and
 * |x(s)|. Both interpolators centre their points between 6 and 5 samples
 * back: sample s's peak is known 6 frames after it arrives.
 *
 * Gain (stereo-linked): the gain each sample needs, min(1, ceiling / peak),
 * is held at its minimum over L + 12 frames, released toward 1 by a one-pole
 * (80 ms, instant attack: the branching peak detector of Giannoulis,
 * Massberg and Reiss, JAES 60(6), 2012, applied to the gain), then averaged
 * over L frames (moving average: a linear ramp of L frames into the peak,
 * never below the held minimum). The audio is delayed so that every sample
 * within 6 of a peak (the 12 samples the interpolator makes an inter-sample
 * value of) is multiplied by an average of L released values that were all
 * held at or below the gain that peak needs: around a peak the gain is flat
 * at (or under) what it needs, so the interpolated output is the input's
 * interpolation times that gain. No overshoot is left to catch afterwards.
 * (The min-hold followed by a moving average is the usual brick-wall
 * look-ahead design; the extra 12 frames of hold are for true peaks.)
 *
 * Latency: 0.5 ms in whole frames (24 at 48 kHz, 48 at 96 kHz) = L + 11
 * (L = 13 frames at 48 kHz, 0.27 ms); at least 13 frames (L = 2) at rates
 * under 26 kHz.
 *
 * Scaling: input Q31-scale int64 within +-2^35; the detector runs on
 * x >> 8 (Q23, within +-2^27) against Q15 taps (the Annex 2's Q13 x 4) in
 * int64 (folded pairs, every value doubled: below 2^44.1); gains Q30 (unity = 2^30, exact); the
 * moving-average sum below 2^36; the output x * gain < ceiling * 2^30 <=
 * 2^61 (every gain is at most what the sample's own peak needs). Work that
 * cannot change the gain is skipped: while no sample in the interpolator's
 * window exceeds ceiling / 2.03 (the largest |tap| sum of a phase) nothing is
 * interpolated, and while the envelope is at unity nothing is multiplied. */
#ifndef MIXBOX_TRUE_PEAK_LIMITER_H
#define MIXBOX_TRUE_PEAK_LIMITER_H

#include "mixbox_engine.h"
#include "q31_math.h"

/* Control side: ceiling in cdB (dBTP x 100), on/off, the sample rate. */
void mixbox_tp_limiter_design(mixbox_tp_limiter_coeffs_t *coeffs, int32_t ceiling_cdb, int32_t on, uint32_t sample_rate);

/* The latency a design gives (0 when off). */
uint32_t mixbox_tp_limiter_latency(const mixbox_tp_limiter_coeffs_t *coeffs);

/* Audio side: back to rest (silence in the delay, unity gain). */
void mixbox_tp_limiter_reset(mixbox_tp_limiter_t *limiter, const mixbox_tp_limiter_coeffs_t *coeffs);

/* `frames` (<= MIXBOX_CHUNK_FRAMES) stereo samples in place; the squares of
 * (output - delayed input) and of the delayed input (distortion_square) are added to
 * *residual and *signal. */
void mixbox_tp_limiter_process(mixbox_tp_limiter_t *limiter, const mixbox_tp_limiter_coeffs_t *coeffs,
                               int64_t *left, int64_t *right, uint32_t frames, uint64_t *residual, uint64_t *signal);

#endif
