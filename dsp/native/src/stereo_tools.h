/*
 * Stereo tools on mid/side: width (side gain 0..200 %) and "mono below"
 * (the side signal high-passed by a 4th-order Linkwitz-Riley, two
 * Butterworth q 0.707 sections, so the bass is centred). With M = (L+R)/2,
 * S = (L-R)/2 and S' = w HP4(S):
 *   L' = L - (S - S'),  R' = R + (S - S')
 * so the mid is untouched bit for bit and, at 100 % with mono-below off
 * (settled), the stage is skipped: bit-exact, zero cost. The width ramps
 * per frame over the engine's 5 ms; mono-below on/off and its frequency move
 * through the sections' coefficient smoothing (off = flat sections).
 *
 * Scaling: S in Q23 int32 ((L - R) >> 9, rounded; within +-2^27 for inputs
 * within +-2^35); w in Q24 (<= 2); S - S' back to Q31 scale (<< 8).
 */
#ifndef MIXBOX_STEREO_TOOLS_H
#define MIXBOX_STEREO_TOOLS_H

#include "svf_section.h"

typedef struct {
    int32_t width_percent;  /* 0..200, 100 = unchanged */
    int32_t mono_below_hz;  /* 0 = off, 60, 100, 150, 200 */
} mixbox_stereo_tools_params_t;


void mixbox_stereo_tools_design(mixbox_stereo_tools_coeffs_t *c, const mixbox_stereo_tools_params_t *p,
                                uint32_t sample_rate);
void mixbox_stereo_tools_init(mixbox_stereo_tools_t *t, const mixbox_stereo_tools_coeffs_t *c);
void mixbox_stereo_tools_apply(mixbox_stereo_tools_t *t, const mixbox_stereo_tools_coeffs_t *c, uint32_t ramp_frames);
/* True when settled at 100 % with mono-below out: process changes nothing. */
int mixbox_stereo_tools_is_neutral(const mixbox_stereo_tools_t *t);
/* n <= 32 frames in place (Q31-scale int64 within +-2^35). */
void mixbox_stereo_tools_process(mixbox_stereo_tools_t *t, int64_t *left, int64_t *right, uint32_t n);

#endif
