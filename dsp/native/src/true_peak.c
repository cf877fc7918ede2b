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

static inline uint64_t magnitude64(int64_t v)
{
    /* |v| < 2^46 here, so the negation cannot overflow. */
    return v < 0 ? (uint64_t)(-v) : (uint64_t)v;
}

void true_peak_process(true_peak_t *tp, uint32_t channel, int32_t x)
{
    true_peak_channel_t *ch = &tp->channel[channel];
    uint32_t position = ch->position == 0u ? TRUE_PEAK_TAPS - 1u : ch->position - 1u;
    ch->history[position] = x;
    ch->history[position + TRUE_PEAK_TAPS] = x;
    ch->position = position;

    const int32_t *window = &ch->history[position]; /* window[0] is x */
    uint64_t peak = magnitude64((int64_t)x * 8192);
    for (uint32_t phase = 0; phase < TRUE_PEAK_PHASES; phase++) {
        const int16_t *taps = true_peak_taps_q13[phase];
        int64_t sum = 0;
        for (uint32_t k = 0; k < TRUE_PEAK_TAPS; k++) sum += (int64_t)window[k] * taps[k];
        uint64_t magnitude = magnitude64(sum);
        if (magnitude > peak) peak = magnitude;
    }
    if (peak > tp->max_q44) tp->max_q44 = peak;
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
