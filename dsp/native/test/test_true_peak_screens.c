/* The true-peak meter's screens (true_peak.c) leave out only work that
 * cannot raise a hold: its two holds (the max-hold and the reading since the
 * last take) against the same holds computed at every position, every
 * phase, with all 12 Annex 2 taps in 64 bits. Signals: dense noise at
 * several levels (uniform, and sums that are nearly Gaussian), sparse
 * clicks, sines near fs/4 and 11 kHz at several phases, full-scale squares,
 * alternating full scale, a rising ramp, silence with bursts; runs of every
 * length from 1 to 150 frames, with the recent hold taken at random. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "true_peak.h"
#include "true_peak_taps.h"

#define FRAMES 6000u

static int failures;
static uint32_t seed = 7u;

static int32_t next_random(void)
{
    seed = seed * 1664525u + 1013904223u; /* Numerical Recipes LCG */
    return (int32_t)seed;
}

/* The direct model: the same Q1.15 input and Q28 holds, every product. */
typedef struct {
    int32_t history[2][MIXBOX_TRUE_PEAK_TAPS - 1u];
    uint32_t max_q28, recent_q28;
} model_t;

static void model_run(model_t *m, uint32_t channel, const int32_t *x, uint32_t frames)
{
    int32_t *h = m->history[channel];
    for (uint32_t i = 0; i < frames; i++) {
        int32_t s = x[2u * i] >> 16;
        uint64_t peak = (uint64_t)(s < 0 ? -(int64_t)s : s) << 13;
        for (uint32_t p = 0; p < TRUE_PEAK_PHASES; p++) {
            /* Tap k multiplies the sample k back: s for k = 0, h[10 - (k - 1)] after. */
            int64_t v = (int64_t)true_peak_taps_q13[p][0] * s;
            for (uint32_t k = 1; k < MIXBOX_TRUE_PEAK_TAPS; k++) v += (int64_t)true_peak_taps_q13[p][k] * h[11u - k];
            uint64_t magnitude = (uint64_t)(v < 0 ? -v : v);
            if (magnitude > peak) peak = magnitude;
        }
        memmove(h, h + 1, sizeof m->history[0] - sizeof h[0]);
        h[MIXBOX_TRUE_PEAK_TAPS - 2u] = s;
        if (peak > m->max_q28) m->max_q28 = (uint32_t)peak;
        if (peak > m->recent_q28) m->recent_q28 = (uint32_t)peak;
    }
}

static int32_t stereo[2u * FRAMES];

static void check(const char *what)
{
    mixbox_true_peak_t tp;
    model_t model;
    mixbox_true_peak_init(&tp);
    memset(&model, 0, sizeof model);
    uint32_t done = 0;
    while (done < FRAMES) {
        uint32_t n = 1u + (uint32_t)next_random() % 150u;
        if (n > FRAMES - done) n = FRAMES - done;
        for (uint32_t ch = 0; ch < 2u; ch++) {
            mixbox_true_peak_run(&tp, ch, stereo + 2u * done + ch, n);
            model_run(&model, ch, stereo + 2u * done + ch, n);
        }
        done += n;
        if (tp.max_q28 != model.max_q28 || tp.recent_q28 != model.recent_q28) {
            printf("FAIL %s at frame %u: max %u recent %u, want %u %u\n", what, done, tp.max_q28, tp.recent_q28,
                   model.max_q28, model.recent_q28);
            failures++;
            return;
        }
        if ((next_random() & 7) == 0) {
            (void)mixbox_true_peak_take_recent_cdb(&tp);
            model.recent_q28 = 0u;
        }
    }
}

static int32_t saturated(double v)
{
    if (v >= 2147483647.0) return 2147483647;
    if (v <= -2147483648.0) return (int32_t)-2147483647 - 1;
    return (int32_t)v;
}

int main(void)
{
    char what[80];
    for (int shift = 0; shift <= 12; shift += 3) {
        for (uint32_t i = 0; i < 2u * FRAMES; i++) stereo[i] = next_random() >> shift;
        snprintf(what, sizeof what, "uniform noise >> %d", shift);
        check(what);
        for (uint32_t i = 0; i < 2u * FRAMES; i++) {
            int64_t sum = 0;
            for (int k = 0; k < 8; k++) sum += next_random() >> 3;
            stereo[i] = (int32_t)(sum >> shift);
        }
        snprintf(what, sizeof what, "summed noise >> %d", shift);
        check(what);
    }
    memset(stereo, 0, sizeof stereo);
    for (uint32_t i = 0; i < 2u * FRAMES; i += 2u + (uint32_t)next_random() % 40u) stereo[i] = next_random();
    check("sparse clicks");
    static const double hz[] = { 11025.0, 11000.0, 12000.0, 997.0, 19000.0, 23900.0 };
    for (uint32_t f = 0; f < sizeof hz / sizeof hz[0]; f++) {
        for (int phase = 0; phase < 4; phase++) {
            for (uint32_t i = 0; i < FRAMES; i++) {
                double s = sin(2.0 * 3.14159265358979 * hz[f] * i / 48000.0 + phase * 0.39269908);
                stereo[2u * i] = saturated(s * 2147483647.0 * 0.99);
                stereo[2u * i + 1u] = saturated(s * 2147483647.0 * 0.5);
            }
            snprintf(what, sizeof what, "sine %.0f Hz, phase %d", hz[f], phase);
            check(what);
        }
    }
    for (uint32_t period = 2; period <= 16; period += 2) {
        for (uint32_t i = 0; i < 2u * FRAMES; i++) stereo[i] = (i / 2u) % period < period / 2u ? 2147483647 : -2147483647 - 1;
        snprintf(what, sizeof what, "full-scale square, period %u", period);
        check(what);
    }
    for (uint32_t i = 0; i < 2u * FRAMES; i++) stereo[i] = (int32_t)(i / 2u + 1u) * ((i & 2u) ? -300000 : 300000);
    check("rising ramp");
    memset(stereo, 0, sizeof stereo);
    for (uint32_t start = 100; start + 64u < FRAMES; start += 700u) {
        for (uint32_t i = 0; i < 64u; i++) stereo[2u * (start + i)] = stereo[2u * (start + i) + 1u] = next_random();
    }
    check("silence with bursts");
    if (failures == 0) printf("true-peak screens: every hold matches every position's taps\n");
    return failures == 0 ? 0 : 1;
}
