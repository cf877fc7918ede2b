/* Bounded history of block loudness for gated (integrated) loudness and
 * loudness range: a histogram of 0.1 LU bins from -70 to +5 LUFS plus the
 * exact sum of the counted blocks' energies. Memory is fixed whatever the
 * duration (the approach of libebur128's histogram mode). */
#ifndef MIXBOX_LOUDNESS_HISTOGRAM_H
#define MIXBOX_LOUDNESS_HISTOGRAM_H

#include <stdint.h>

#include "mixbox_engine.h"

/* Bin b covers [FLOOR + b BIN, FLOOR + (b + 1) BIN) mLU (MIXBOX_LOUDNESS_HIST_BINS bins). */
#define LOUDNESS_HIST_FLOOR_MLU (-70000)
#define LOUDNESS_HIST_BIN_MLU 100


/* Window sums are sums over `window_frames` frames of squared K-weighted
 * samples in Q20 (full scale^2 = 2^40, k_weighting.h), summed over the channels (weights
 * 1.0 for L and R, BS.1770-4 Table 3). Uses control_math (control side). */
void mixbox_loudness_histogram_init(mixbox_loudness_histogram_t *h, uint32_t window_frames);

/* Forgets every block (keeps the constants). */
void mixbox_loudness_histogram_clear(mixbox_loudness_histogram_t *h);

/* Loudness of a window sum in mLU: -0.691 + 10 log10(sum / (frames * 2^40))
 * (BS.1770-4 Annex 1, eq. 2); INT32_MIN for 0. Integer only. */
int32_t mixbox_loudness_histogram_window_mlu(const mixbox_loudness_histogram_t *h, uint64_t window_sum);

/* Adds a block (audio side, once per 100 ms): blocks at or below -70 LUFS
 * (the absolute gate, BS.1770-4 Annex 1 eq. 6 counts blocks with l > -70)
 * are not counted. Cost: one mixbox_log2_q16 (16 squarings), no division. */
void mixbox_loudness_histogram_add(mixbox_loudness_histogram_t *h, uint64_t window_sum);

/* Gated loudness in mLU (BS.1770-4 Annex 1, section 5.1): relative gate
 * `relative_gate_mlu` (-10000) below the absolute-gated loudness; INT32_MIN
 * when no block passed. Exact for the blocks above the relative gate
 * bin; the energy of the bins gated out is estimated at their bin centre
 * (+/-0.05 LU each) and subtracted from the exact total. */
int32_t mixbox_loudness_histogram_gated_mlu(const mixbox_loudness_histogram_t *h, int32_t relative_gate_mlu);

/* Loudness range in mLU (EBU Tech 3342 section 3.1): relative gate
 * `relative_gate_mlu` (-20000), then the 95th minus the 10th percentile of
 * the remaining blocks (nearest-rank as in Tech 3342's MATLAB listing),
 * resolution 0.1 LU; INT32_MIN when no block passed. */
int32_t mixbox_loudness_histogram_range_mlu(const mixbox_loudness_histogram_t *h, int32_t relative_gate_mlu);

#endif
