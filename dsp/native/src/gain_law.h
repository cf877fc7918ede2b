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

/* gain_q40 * pan_q30 as a Q24 coefficient, rounded once. |gain| < 2^46. */
int32_t mixbox_gain_times_pan_q24(int64_t gain_q40, int32_t pan_q30);

#endif
