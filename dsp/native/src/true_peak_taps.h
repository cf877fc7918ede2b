/* The BS.1770-4 Annex 2 interpolation taps (4x oversampling, 4 phases of
 * 12), shared by the true-peak meter and the true-peak limiter. */
#ifndef MIXBOX_TRUE_PEAK_TAPS_H
#define MIXBOX_TRUE_PEAK_TAPS_H

#include <stdint.h>

#include "mixbox_engine.h"

/* BS.1770-4 Annex 2, Table (interpolating FIR, 48 coefficients as four
 * 12-tap phases), times 2^13: every published coefficient is an exact
 * multiple of 2^-13 (e.g. 0.9721679687500 = 7964/8192). Tap k multiplies
 * the input k samples back. Phases 3 and 2 are phases 0 and 1 reversed. */
static const int16_t true_peak_taps_q13[4][MIXBOX_TRUE_PEAK_TAPS] = {
    {14, 90, -161, 272, -487, 1125, 7964, -838, 390, -218, 122, -68},
    {-239, 240, -424, 730, -1364, 3810, 6388, -1641, 832, -477, 271, -155},
    {-155, 271, -477, 832, -1641, 6388, 3810, -1364, 730, -424, 240, -239},
    {-68, 122, -218, 390, -838, 7964, 1125, -487, 272, -161, 90, 14},
};

#endif
