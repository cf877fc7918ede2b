/*
 * Stereo-linked feed-forward bus compressor after Giannoulis, Massberg and
 * Reiss, "Digital Dynamic Range Compressor Design - A Tutorial and Analysis",
 * JAES 60(6), 2012: gain computer in the log domain with the quadratic soft
 * knee (their eq. 4), then the smooth decoupled peak detector on the gain
 * reduction (their eq. 17, the recommended "log domain, after the gain
 * computer" arrangement), one-pole coefficients alpha = exp(-1/(t fs)).
 *
 * Auto release (program dependent): the peak stage releases fast (0.1 s)
 * while a slow tracker (1.2 s) follows it; the larger of the two is released.
 * A short peak barely charges the slow tracker and recovers in ~0.1 s; a long
 * stretch of compression charges it and recovers over ~1.2 s.
 *
 * Scaling: the side chain sees the signal >> 8 (int32, LSB -138 dBFS; the
 * optional high-pass is an int32 highpass_section after its b0 gain); levels and gain reduction are log2 units in Q24; the smoothing
 * states are Q27 in int32 (a reduction is at most 13 log2 units < 2^30.71)
 * and move by one 32x32 high-word product per step with a Q32 share. Steps
 * floor: a falling state always lands on its target (the meter returns to
 * 0); a rising one stops within 1/share Q27 units of it: 7e-5 dB for a 30 ms
 * attack, 0.003 dB for the 1.2 s auto-release tracker.
 */
#ifndef MIXBOX_BUS_COMPRESSOR_H
#define MIXBOX_BUS_COMPRESSOR_H

#include "mixbox_engine.h"

/* User units, as the MIXBOX_PARAM_COMP_* parameters. */
typedef struct {
    int32_t threshold_cdb;
    int32_t ratio_x100;
    int32_t attack_us;
    int32_t release_ms;   /* 0 = auto */
    int32_t knee_cdb;
    int32_t sidechain_hpf_hz;
    int32_t link_average;
} compressor_params_t;

/* Control side: user units -> coefficients. */
void mixbox_compressor_design(mixbox_compressor_coeffs_t *coeffs, const compressor_params_t *params, uint32_t sample_rate);

/* Audio side. */
void mixbox_compressor_init(mixbox_compressor_t *compressor);
/* New coefficients; a changed side-chain filter restarts from rest. */
void mixbox_compressor_set_coeffs(mixbox_compressor_t *compressor, const mixbox_compressor_coeffs_t *coeffs);

/* Back to rest, as after init (coefficients kept): detector history, the
 * side-chain filters' states and the gain-reduction maximum. */
void mixbox_compressor_reset(mixbox_compressor_t *compressor);

/* `frames` stereo frames (Q31-scale, |x| <= 2^35) through the detector:
 * writes each frame's smoothed gain reduction in log2 units (Q24, >= 0). */
void mixbox_compressor_detect(mixbox_compressor_t *compressor, const int64_t *left, const int64_t *right,
                              int32_t *reduction_q24, uint32_t frames);

#endif
