#include "distortion_meter.h"

#include "level_db.h"

#define LARGE ((uint64_t)1 << 61)

void mixbox_distortion_meter_end_segment(mixbox_distortion_meter_t *m)
{
    while (m->signal >= LARGE || m->residual >= LARGE) {
        m->signal >>= 1;
        m->residual >>= 1;
    }
}

int32_t mixbox_distortion_meter_read(mixbox_distortion_meter_t *m)
{
    uint64_t residual = m->residual, signal = m->signal;
    m->residual = 0u;
    m->signal = 0u;
    if (residual == 0u || signal == 0u) return MIXBOX_METER_SILENCE_CDB;
    /* 10 log10(2) = 3.0103 dB per octave: cdB = log2 ratio (Q16) x 301.03 / 65536, rounded. */
    int64_t log2_ratio = (int64_t)mixbox_log2_q16(residual) - mixbox_log2_q16(signal);
    int64_t scaled = log2_ratio * 30103;
    int64_t divisor = (int64_t)65536 * 100;
    int64_t cdb = scaled >= 0 ? (scaled + divisor / 2) / divisor : -((-scaled + divisor / 2) / divisor);
    return cdb < MIXBOX_METER_SILENCE_CDB ? MIXBOX_METER_SILENCE_CDB : (int32_t)cdb;
}
