#include "true_peak.h"

#include <string.h>

#include "level_db.h"

/* BS.1770-4 Annex 2, Table (interpolating FIR, 48 coefficients as four
 * 12-tap phases), times 2^13: every published coefficient is an exact
 * multiple of 2^-13 (e.g. 0.9721679687500 = 7964/8192). Tap k multiplies
 * the input k samples back. Phases 3 and 2 are phases 0 and 1 reversed. */
static const int16_t true_peak_taps_q13[TRUE_PEAK_PHASES][TRUE_PEAK_TAPS] = {
    {14, 90, -161, 272, -487, 1125, 7964, -838, 390, -218, 122, -68},
    {-239, 240, -424, 730, -1364, 3810, 6388, -1641, 832, -477, 271, -155},
    {-155, 271, -477, 832, -1641, 6388, 3810, -1364, 730, -424, 240, -239},
    {-68, 122, -218, 390, -838, 7964, 1125, -487, 272, -161, 90, 14},
};

void true_peak_init(true_peak_t *tp)
{
    memset(tp, 0, sizeof *tp);
}

void true_peak_clear_hold(true_peak_t *tp)
{
    tp->max_q44 = 0u;
}

/* The filter runs on the top 16 bits of each sample (Q1.15 in an int32):
 * a phase's 12-tap sum is below 2^15 * 16571 (the largest sum of |taps|)
 * < 2^29.1, so it accumulates in 32 bits — one multiply-add per tap on a
 * 32-bit core instead of a 64-bit one. Dropping the low 16 bits moves a peak
 * by at most 2^-15 of full scale: under 0.0003 dB at -1 dBTP. Magnitudes here
 * are Q28 (Q15 samples x Q13 taps), kept as Q44 in the hold. */
#define TRUE_PEAK_INPUT_SHIFT 16
#define TRUE_PEAK_Q44_SHIFT (44 - 28)

static inline uint32_t magnitude32(int32_t v)
{
    return v < 0 ? (uint32_t)(-v) : (uint32_t)v;
}

void true_peak_process(true_peak_t *tp, uint32_t channel, int32_t x)
{
    true_peak_channel_t *ch = &tp->channel[channel];
    int32_t top = x >> TRUE_PEAK_INPUT_SHIFT;
    uint32_t position = ch->position == 0u ? TRUE_PEAK_TAPS - 1u : ch->position - 1u;
    ch->history[position] = top;
    ch->history[position + TRUE_PEAK_TAPS] = top;
    ch->position = position;

    /* The 12 newest samples are read once and shared by the 4 phases; the
     * products are written out so no loop bookkeeping runs per tap (the same
     * integer sums as a loop: exact, in any order). */
    const int32_t *w = &ch->history[position]; /* w[0] is the newest sample */
    int32_t w0 = w[0], w1 = w[1], w2 = w[2], w3 = w[3], w4 = w[4], w5 = w[5];
    int32_t w6 = w[6], w7 = w[7], w8 = w[8], w9 = w[9], w10 = w[10], w11 = w[11];
    uint32_t peak = magnitude32(top * 8192);
    for (uint32_t phase = 0; phase < TRUE_PEAK_PHASES; phase++) {
        const int16_t *t = true_peak_taps_q13[phase];
        int32_t sum = w0 * t[0] + w1 * t[1] + w2 * t[2] + w3 * t[3] + w4 * t[4] + w5 * t[5]
                    + w6 * t[6] + w7 * t[7] + w8 * t[8] + w9 * t[9] + w10 * t[10] + w11 * t[11];
        uint32_t magnitude = magnitude32(sum);
        if (magnitude > peak) peak = magnitude;
    }
    uint64_t peak_q44 = (uint64_t)peak << TRUE_PEAK_Q44_SHIFT;
    if (peak_q44 > tp->max_q44) tp->max_q44 = peak_q44;
}

int32_t true_peak_read_cdb(const true_peak_t *tp)
{
    if (tp->max_q44 == 0u) return MIXBOX_METER_SILENCE_CDB;
    /* 20*log10(2) = 6.0206 dB per octave: cdB = log2 (Q16) * 602.06 / 65536. */
    int64_t relative = (int64_t)log2_q16(tp->max_q44) - (int64_t)44 * 65536;
    int64_t scaled = relative * 602060;
    int64_t divisor = (int64_t)65536 * 1000;
    int64_t cdb = scaled >= 0 ? (scaled + divisor / 2) / divisor : -((-scaled + divisor / 2) / divisor);
    return cdb < MIXBOX_METER_SILENCE_CDB ? MIXBOX_METER_SILENCE_CDB : (int32_t)cdb;
}
