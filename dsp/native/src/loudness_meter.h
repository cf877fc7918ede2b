/*
 * Loudness and true-peak meter of the main bus (EBU R 128 "EBU Mode"):
 * ITU-R BS.1770-4 K-weighted momentary (400 ms), short-term (3 s) and gated
 * integrated loudness, EBU Tech 3342 loudness range, BS.1770-4 Annex 2 true
 * peak with max-hold. Stereo, interleaved L/R Q1.31 (the main-bus output),
 * channel weights 1.0 (BS.1770-4 Table 3).
 *
 * Caller-owned memory, fixed size, no allocation: sizeof(mixbox_loudness_meter_t)
 * is 8 768 bytes on x86-64 (no pointers; at most that wherever int64 is
 * 8-byte aligned, e.g. the ESP32-S3), of which 2 400 are the 3 s window of
 * 10 ms sums and 2 x 3 040 the two histograms (integrated loudness,
 * loudness range). Hours or days of audio use the same memory.
 *
 * Timing: K-weighted squares are summed per 10 ms segment (rate / 100
 * frames, or at rates that are not multiples of 100 Hz the whole-frame
 * segments of segment_clock.h: 110 or 111 frames at 11 025 Hz); at the end of each segment the momentary (last 40 segments) and
 * short-term (last 300) windows are updated by an exact integer add/subtract,
 * so both are evaluated every 10 ms (EBU Tech 3341 cases 10 and 13 need
 * <= ~18 ms for M). Every 10th segment (100 ms, i.e. 400 ms blocks with
 * 75 % overlap, BS.1770-4 Annex 1 section 5.1) the momentary window enters
 * the integrated-loudness histogram, and the short-term window the
 * loudness-range histogram (10 Hz, EBU Tech 3342 section 3.1: >= 10 Hz).
 * A window that reaches back before mixbox_loudness_meter_init() counts that time
 * as silence. After mixbox_loudness_meter_reset(), the first gating block is the
 * first 400 ms lying entirely after the reset (and 3 s for the range).
 *
 * The audio side calls mixbox_loudness_meter_process(); the control side calls
 * mixbox_loudness_meter_read() and mixbox_loudness_meter_reset() between two process calls
 * (no locking inside: the engine serialises them as it does its meters).
 */
#ifndef MIXBOX_LOUDNESS_METER_H
#define MIXBOX_LOUDNESS_METER_H

#include <stdint.h>

#include "k_weighting.h"
#include "loudness_histogram.h"
#include "mixbox_engine.h"
#include "q31_math.h"
#include "true_peak.h"
#include "mixbox_testable.h"

#define LOUDNESS_SEGMENTS_MOMENTARY 40u      /* 400 ms */
#define LOUDNESS_SEGMENTS_PER_BLOCK_HOP 10u  /* 100 ms */
#define LOUDNESS_SEGMENTS_RANGE_STABLE 6000u /* 60 s (EBU Tech 3341 section 2.4) */

#define LOUDNESS_ERR_NULL (-1)
#define LOUDNESS_ERR_SAMPLE_RATE (-3)

typedef mixbox_loudness_reading_t loudness_reading_t;



/* sizeof(mixbox_loudness_meter_t), for callers that allocate it from another language. */
MIXBOX_TESTABLE uint32_t mixbox_loudness_meter_size(void);

/* Clears *m and derives the K-weighting for the rate (control side; uses
 * control_math). Rates: any integer rate in 8000..96000 Hz (compared with
 * libebur128 at 11025, 22050, 44100 and 48000). Returns 0, LOUDNESS_ERR_NULL or
 * LOUDNESS_ERR_SAMPLE_RATE (nothing written). */
MIXBOX_TESTABLE int mixbox_loudness_meter_init(mixbox_loudness_meter_t *m, uint32_t sample_rate_hz);

/*
 * Measures `frames` interleaved L/R frames (any count; 0 does nothing).
 * Fixed point only, no division.
 *
 * Scaling and overflow: per channel, the K-weighting (k_weighting.h) gives
 * Q20 samples below 3.4 FS for any input, squares < 2^43.6. A 10 ms segment
 * at 96 kHz holds 2 x 960 squares < 2^54.5; the 3 s window of 300 segments
 * < 2^62.7, within uint64 (the window sums are kept exact by integer
 * add/subtract). True peak: see true_peak.h (int32, no saturation).
 * Histogram updates once per 100 ms (one mixbox_log2_q16 each).
 */
MIXBOX_TESTABLE void mixbox_loudness_meter_process(mixbox_loudness_meter_t *m, const q31_t *stereo, uint32_t frames);

/* Control side: clears the integrated and range histories, the momentary
 * and short-term maxima and the true-peak hold. The running windows, the
 * K-filters and the true-peak interpolator's 12-sample history go on, so
 * the first readings after a reset still see audio from just before it. */
MIXBOX_TESTABLE void mixbox_loudness_meter_reset(mixbox_loudness_meter_t *m);

/* Control side: integer log and histogram work (at most a few thousand
 * operations), no allocation, no <math.h>. */
MIXBOX_TESTABLE void mixbox_loudness_meter_read(const mixbox_loudness_meter_t *m, loudness_reading_t *r);

#endif
