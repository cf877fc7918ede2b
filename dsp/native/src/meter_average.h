/* The bus meters' exponential averaging: at each 10 ms segment end,
 * average += (segment sum - average) * alpha, alpha = 1 - exp(-10 ms / tau)
 * in Q32 (a first-order low-pass of the segment sums: its step response
 * reaches 1 - 1/e after tau). Exact 64 x 32 product, floor rounding. */
#ifndef MIXBOX_METER_AVERAGE_H
#define MIXBOX_METER_AVERAGE_H

#include <stdint.h>

static inline int64_t meter_average_step(int64_t average, int64_t segment_sum, uint32_t alpha_q32)
{
    int64_t d = segment_sum - average; /* both below 2^62 */
    int64_t high = (d >> 32) * (int64_t)alpha_q32;
    int64_t low = (int64_t)(((uint64_t)(uint32_t)d * alpha_q32) >> 32);
    return average + high + low;
}

#endif
