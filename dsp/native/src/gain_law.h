/* User units -> fixed-point gain coefficients (control side only). */
#ifndef MIXBOX_GAIN_LAW_H
#define MIXBOX_GAIN_LAW_H

#include <stdint.h>
#include "mixbox_testable.h"

/* Lowest and highest cdB accepted by mixbox_gain_from_cdb_q40 (decades -9..+1). */
#define GAIN_LAW_MIN_CDB (-18000)
#define GAIN_LAW_MAX_CDB 3999

/* 10^(cdb/2000) in Q40, relative error below 2^-28. Integer-only so host and
 * device derive bit-identical coefficients. cdb outside the range -> 0. */
MIXBOX_TESTABLE int64_t mixbox_gain_from_cdb_q40(int32_t cdb);

/* Constant-power pan law, -3 dB at centre: left = cos(t), right = sin(t) with
 * t = (pan + 100) / 200 * pi/2, in Q30. pan is clamped to -100..100. */
MIXBOX_TESTABLE int32_t mixbox_pan_left_q30(int32_t pan);
MIXBOX_TESTABLE int32_t mixbox_pan_right_q30(int32_t pan);

/* A channel's left (right = 0) or right (right = 1) coefficient in Q40:
 * 10^(cdb/2000) x the pan law's cos or sin, in double (control_math: bit-
 * identical host and device), rounded once, so the coefficient is within
 * 2^-41 of the exact law (the tables above would leave 2^-25 in Q24; #17).
 * cdb outside the range -> 0. Below 2^45.4 at +32 dB. */
int64_t mixbox_channel_gain_q40(int32_t cdb, int32_t pan, int right);

#endif
