#include "level_db.h"
#include "mixbox_engine.h"

int32_t mixbox_log2_q16(uint64_t x)
{
    if (x == 0u) return -1;
    int32_t whole = 63;
    while ((x >> whole) == 0u) whole--;

    /* Normalise to a Q31 mantissa in [1, 2), then read the fraction bit by
     * bit: squaring the mantissa doubles its logarithm. */
    uint64_t m = whole >= 31 ? x >> (whole - 31) : x << (31 - whole);
    int32_t fraction = 0;
    for (int bit = 15; bit >= 0; bit--) {
        m = (m * m) >> 31;
        if (m >= ((uint64_t)1 << 32)) {
            m >>= 1;
            fraction |= 1 << bit;
        }
    }
    return whole * 65536 + fraction;
}

/* 20*log10(2) = 6.0206 dB per octave -> 602.05999 cdB per log2 unit. */
static int32_t log2_q16_to_cdb(int64_t log2_q16_value, int64_t cdb_per_unit_milli)
{
    int64_t scaled = log2_q16_value * cdb_per_unit_milli;
    int64_t divisor = (int64_t)65536 * 1000;
    int64_t cdb = scaled >= 0 ? (scaled + divisor / 2) / divisor : -((-scaled + divisor / 2) / divisor);
    return cdb < MIXBOX_METER_SILENCE_CDB ? MIXBOX_METER_SILENCE_CDB : (int32_t)cdb;
}

int32_t mixbox_peak_to_cdb(uint32_t magnitude_q31)
{
    if (magnitude_q31 == 0u) return MIXBOX_METER_SILENCE_CDB;
    int64_t relative = (int64_t)mixbox_log2_q16(magnitude_q31) - (int64_t)31 * 65536;
    return log2_q16_to_cdb(relative, 602060);
}

int32_t mixbox_mean_square_to_cdb(uint64_t sum_of_squares, uint32_t count)
{
    if (sum_of_squares == 0u || count == 0u) return MIXBOX_METER_SILENCE_CDB;
    int64_t relative = (int64_t)mixbox_log2_q16(sum_of_squares) - mixbox_log2_q16(count) - (int64_t)46 * 65536;
    return log2_q16_to_cdb(relative, 301030);
}

int32_t mixbox_cdb_add(int32_t a, int32_t b)
{
    if (a <= MIXBOX_METER_SILENCE_CDB || b <= MIXBOX_METER_SILENCE_CDB) return MIXBOX_METER_SILENCE_CDB;
    int64_t sum = (int64_t)a + b;
    return sum < MIXBOX_METER_SILENCE_CDB ? MIXBOX_METER_SILENCE_CDB : (int32_t)sum;
}
