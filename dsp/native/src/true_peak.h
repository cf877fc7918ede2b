/* True-peak level per ITU-R BS.1770-4 Annex 2: 4x oversampling with the
 * 48-tap interpolation filter of Annex 2 (4 phases x 12 taps), absolute
 * value, maximum (max-hold until cleared). */
#ifndef MIXBOX_TRUE_PEAK_H
#define MIXBOX_TRUE_PEAK_H

#include <stdint.h>

#include "mixbox_engine.h"
#include "q31_math.h"

#define TRUE_PEAK_PHASES 4u

/* Clears the history and the hold. */
void mixbox_true_peak_init(mixbox_true_peak_t *tp);

/* Clears the max-hold only (not the reading since the last take). */
void mixbox_true_peak_clear_hold(mixbox_true_peak_t *tp);

/*
 * Adds `frames` samples of one channel, read as x[0], x[2], ... (one channel
 * of interleaved stereo).
 *
 * Scaling and overflow: the Annex 2 taps are exact multiples of 2^-13 and
 * are stored as Q13 integers (largest 7964); the filter runs on the top 16
 * bits of each sample (Q1.15; a peak moves by at most 2^-15 FS, under
 * 0.0003 dB at -1 dBTP), folded (s(k) +/- s(11-k), |.| <= 2^16) against
 * folded taps, in int32: the largest phase's absolute tap sum is 2.03, so
 * every sum stays below 2^30.1 (a phase doubled, <= 2 x 2^15 x 16571).
 * Inter-sample peaks above full scale (up to +6 dB and more) are kept
 * without saturation; the hold is Q28. The input sample itself also counts
 * (|x| << 13), so the reading is never below the sample peak (the
 * interpolating phases can under-read it by up to 0.25 dB; BS.1770-4
 * Annex 2, Appendix 1). Work that provably cannot raise the hold is
 * skipped (a run whose largest sample x 2.03 is no higher; a position whose
 * central pair, central taps, or central eight taps leave it short by more
 * than the other taps can add): the hold is the same as with every product
 * computed (test_true_peak_screens).
 */
void mixbox_true_peak_run(mixbox_true_peak_t *tp, uint32_t channel, const q31_t *x, uint32_t frames);

/* 20*log10(max / full scale) in cdB (dBTP x 100), floored at
 * MIXBOX_METER_SILENCE_CDB; 0 -> MIXBOX_METER_SILENCE_CDB. */
int32_t mixbox_true_peak_read_cdb(const mixbox_true_peak_t *tp);

/* The same for the highest value since the previous take (or init), which
 * it clears: a read-and-reset true peak beside the max-hold. Both holds see
 * the same values; the run skips only what raises neither. */
int32_t mixbox_true_peak_take_recent_cdb(mixbox_true_peak_t *tp);

#endif
