/* True-peak level per ITU-R BS.1770-4 Annex 2: 4x oversampling with the
 * 48-tap interpolation filter of Annex 2 (4 phases x 12 taps), absolute
 * value, maximum (max-hold until cleared). */
#ifndef MIXBOX_TRUE_PEAK_H
#define MIXBOX_TRUE_PEAK_H

#include <stdint.h>

#include "mixbox_engine.h"


/* Clears the history and the hold. */
void true_peak_init(true_peak_t *tp);

/* Clears the hold only. */
void true_peak_clear_hold(true_peak_t *tp);

/*
 * Adds one sample of one channel.
 *
 * Scaling and overflow: the Annex 2 taps are exact multiples of 2^-13 and
 * are stored as Q13 integers (largest 7964); each phase sums 12 products of
 * the sample's top 16 bits (Q1.15) and a Q13 tap in int32: the largest
 * phase's absolute tap sum is 2.03, so |sum| < 2^29.1, 2 bits under the int32
 * limit. Inter-sample peaks above full scale (up to +6 dB and more) are
 * represented without saturation. The hold is kept in Q44.
 * The input sample itself also counts (|x| << 13), so the reading is never
 * below the sample peak (the interpolating phases can under-read it by up
 * to 0.25 dB; BS.1770-4 Annex 2, Appendix 1).
 */
void true_peak_process(true_peak_t *tp, uint32_t channel, int32_t x);

/* 20*log10(max / full scale) in cdB (dBTP x 100), floored at
 * MIXBOX_METER_SILENCE_CDB; 0 -> MIXBOX_METER_SILENCE_CDB. */
int32_t true_peak_read_cdb(const true_peak_t *tp);

#endif
