/* The correlation meter of the main output (mixbox_correlation_read): the
 * audio side only accumulates L^2, R^2 and LR per 10 ms segment (Q23
 * samples, exact int64 products) and averages the segment sums
 * exponentially (tau 300 ms); the same for L and R low-passed at 150 Hz,
 * whose products are taken at 1.2-2.4 kHz after half-band decimation (the
 * band is narrow), every few chunks and at each segment end. Pearson's r = sum LR / sqrt(sum L^2 sum R^2) and the
 * width come from the averages at read time, on the control side. */
#ifndef MIXBOX_CORRELATION_METER_H
#define MIXBOX_CORRELATION_METER_H

#include "mixbox_engine.h"

void mixbox_correlation_design(mixbox_correlation_coeffs_t *coeffs, uint32_t sample_rate, int32_t on);
void mixbox_correlation_apply(mixbox_correlation_meter_t *meter, const mixbox_correlation_coeffs_t *coeffs);
/* On (the caller tests): adds the frames (at most MIXBOX_CHUNK_FRAMES) to
 * the meter and to the main output's level meters, which it runs in the
 * same pass (the level meters' squares are its L^2 and R^2); with mono
 * not NULL, writes the analyser's mono sum there too. */
void mixbox_correlation_process(mixbox_correlation_meter_t *meter, mixbox_level_meter_t *left, mixbox_level_meter_t *right,
                                int32_t *mono, const mixbox_q31_t *stereo, uint32_t frames);
void mixbox_correlation_end_segment(mixbox_correlation_meter_t *meter);
void mixbox_correlation_sums(const mixbox_correlation_meter_t *meter, mixbox_correlation_sums_t *sums);
/* Control side (double). */
void mixbox_correlation_reading_from_sums(const mixbox_correlation_sums_t *sums, mixbox_correlation_reading_t *reading);

#endif
