/* Linear level -> centi-dB, for meter readings (control side only). */
#ifndef MIXBOX_LEVEL_DB_H
#define MIXBOX_LEVEL_DB_H

#include <stdint.h>
#include "mixbox_testable.h"

/* log2(x) in Q16 for x >= 1 (error below 2^-15); x = 0 -> -1. */
MIXBOX_TESTABLE int32_t mixbox_log2_q16(uint64_t x);

/* 20*log10(magnitude / 2^31) in cdB, floored at MIXBOX_METER_SILENCE_CDB. */
MIXBOX_TESTABLE int32_t mixbox_peak_to_cdb(uint32_t magnitude_q31);

/* 10*log10(sum / (count * 2^46)) in cdB: the mean of `count` squares of
 * 24-bit samples re full scale, floored at MIXBOX_METER_SILENCE_CDB. */
MIXBOX_TESTABLE int32_t mixbox_mean_square_to_cdb(uint64_t sum_of_squares, uint32_t count);

/* a + b in cdB, floored at MIXBOX_METER_SILENCE_CDB and never overflowing. */
int32_t mixbox_cdb_add(int32_t a, int32_t b);

#endif
