/* Bounded history of block loudness for gated (integrated) loudness and
 * loudness range: a histogram of 0.1 LU bins from -70 to +5 LUFS plus the
 * exact sum of the counted blocks' energies. Memory is fixed whatever the
 * duration (the approach of libebur128's histogram mode). */
#ifndef MIXBOX_LOUDNESS_HISTOGRAM_H
#define MIXBOX_LOUDNESS_HISTOGRAM_H

#include <stdint.h>

/* Bin b covers [-70.0 + 0.1 b, -70.0 + 0.1 (b + 1)) LUFS; louder blocks
 * (above +5 LUFS, reachable only by near-full-scale treble) go to the top
 * bin. In milli-LU (mLU, 1/1000 LU). */
#define LOUDNESS_HIST_BINS 750u
#define LOUDNESS_HIST_FLOOR_MLU (-70000)
#define LOUDNESS_HIST_BIN_MLU 100

/* 128-bit unsigned accumulator (C99 has no portable 128-bit integer). */
typedef struct {
    uint64_t high;
    uint64_t low;
} loudness_u128_t;

typedef struct {
    uint32_t count[LOUDNESS_HIST_BINS]; /* blocks per bin */
    uint32_t total;                     /* blocks counted; stops at UINT32_MAX (13 years at 10 blocks/s) */
    uint32_t reserved;
    loudness_u128_t energy;             /* exact sum of the counted blocks' window sums */
    /* Constants set by loudness_histogram_init: */
    uint64_t bin0_energy;    /* window sum of a block at bin 0's centre (-69.95 LUFS) */
    uint32_t bin_step_q30;   /* 10^(0.1/10) in Q30: energy ratio of adjacent bins */
    int32_t log2_window_q16; /* log2(frames per window) + 42 (the square of full scale, Q21^2), Q16 */
} loudness_histogram_t;

/* Window sums are sums over `window_frames` frames of squared K-weighted
 * samples in Q21 (full scale^2 = 2^42), summed over the channels (weights
 * 1.0 for L and R, BS.1770-4 Table 3). Uses <math.h> (control side). */
void loudness_histogram_init(loudness_histogram_t *h, uint32_t window_frames);

/* Forgets every block (keeps the constants). */
void loudness_histogram_clear(loudness_histogram_t *h);

/* Loudness of a window sum in mLU: -0.691 + 10 log10(sum / (frames * 2^42))
 * (BS.1770-4 Annex 1, eq. 2); INT32_MIN for 0. Integer only. */
int32_t loudness_histogram_window_mlu(const loudness_histogram_t *h, uint64_t window_sum);

/* Adds a block (audio side, once per 100 ms): blocks at or below -70 LUFS
 * (the absolute gate, BS.1770-4 Annex 1 eq. 6 counts blocks with l > -70)
 * are not counted. Cost: one log2_q16 (16 squarings), no division. */
void loudness_histogram_add(loudness_histogram_t *h, uint64_t window_sum);

/* Gated loudness in mLU (BS.1770-4 Annex 1, section 5.1): relative gate
 * `relative_gate_mlu` (-10000) below the absolute-gated loudness; INT32_MIN
 * when no block passed. Exact for the blocks above the relative gate
 * bin; the energy of the bins gated out is estimated at their bin centre
 * (+/-0.05 LU each) and subtracted from the exact total. */
int32_t loudness_histogram_gated_mlu(const loudness_histogram_t *h, int32_t relative_gate_mlu);

/* Loudness range in mLU (EBU Tech 3342 section 3.1): relative gate
 * `relative_gate_mlu` (-20000), then the 95th minus the 10th percentile of
 * the remaining blocks (nearest-rank as in Tech 3342's MATLAB listing),
 * resolution 0.1 LU; INT32_MIN when no block passed. */
int32_t loudness_histogram_range_mlu(const loudness_histogram_t *h, int32_t relative_gate_mlu);

#endif
