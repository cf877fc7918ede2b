#include "octave_analyser.h"

#include <string.h>

#include "control_math.h"
#include "halfband_decimator.h"
#include "level_db.h"
#include "meter_average.h"
#include "meter_filter_design.h"
#include "meter_section.h"
#include "square_sum.h"

/* Base-two exact mid-band frequencies (IEC 61260-1:2014 5.4, G = 2,
 * f_r = 1000 Hz): f_m = 1000 x 2^(band - 5); band edges f_m x 2^(+-1/2)
 * (5.6). */
#define LOWEST_BAND_EXPONENT (-5)
#define HIGHEST_CENTRE 0.19 /* a band's centre at its level's rate stays at or below this */
#define EDGE_LIMIT 0.45     /* band edges above this fraction of the rate are out of reach */

/* exp(-1/steps) for the averaging, steps = tau / 10 ms. */
static uint32_t averaging_alpha_q32(double steps)
{
    double alpha = 1.0 - mixbox_control_exp(-1.0 / steps);
    return (uint32_t)mixbox_control_round(alpha * 4294967296.0);
}

void mixbox_analyser_design(mixbox_analyser_coeffs_t *c, uint32_t sample_rate, int32_t on, int32_t slow)
{
    memset(c, 0, sizeof *c);
    c->on = on;
    c->alpha_q32 = averaging_alpha_q32(slow ? 300.0 : 30.0);
    if (!on) return;
    double fs = (double)sample_rate;
    double sqrt2 = mixbox_control_sqrt(2.0);
    c->levels = 1u;
    for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) {
        int exponent = LOWEST_BAND_EXPONENT + (int)b;
        double centre = 1000.0;
        for (int i = 0; i < exponent; i++) centre *= 2.0;
        for (int i = 0; i > exponent; i--) centre /= 2.0;
        uint32_t level = 0u;
        while (level + 1u < MIXBOX_ANALYSER_LEVELS && centre * (double)(1u << (level + 1u)) / fs <= HIGHEST_CENTRE) level++;
        double rate = fs / (double)(1u << level);
        double low = centre / sqrt2 / rate, high = centre * sqrt2 / rate;
        c->level[b] = level;
        if (low >= EDGE_LIMIT) {
            c->sections[b] = 0u;
            continue;
        }
        if (high >= EDGE_LIMIT) {
            mixbox_meter_highpass3_design(low, c->section[b]);
            c->sections[b] = 2u;
        } else {
            mixbox_meter_bandpass3_design(low, high, c->section[b]);
            c->sections[b] = 3u;
        }
        if (level + 1u > c->levels) c->levels = level + 1u;
        /* The energy average is of segment sums of Q24 squares; a segment
         * holds (fs / 100) / 2^level samples of the band's rate on average:
         * mean square re full scale = energy x 2^level x 100 / fs / 2^48. */
        double per_sample = (double)(1u << level) * 100.0 / fs;
        double offset_cdb = 1000.0 * mixbox_control_log(per_sample) / CM_LN10 - 48.0 * 301.0299956639812;
        c->offset_mcdb[b] = (int32_t)mixbox_control_round(offset_cdb * 1000.0);
    }
}

void mixbox_analyser_apply(mixbox_analyser_t *a, const mixbox_analyser_coeffs_t *coeffs)
{
    int was_on = a->coeffs.on;
    a->coeffs = *coeffs;
    if (coeffs->on && !was_on) {
        memset(a->section, 0, sizeof a->section);
        memset(a->decimator, 0, sizeof a->decimator);
        memset(a->segment_sum, 0, sizeof a->segment_sum);
        memset(a->energy, 0, sizeof a->energy);
        a->batched = 0;
        a->waiting = 0u;
    }
}

/* Adds the Q24 square of a band's Q28 output to its segment sum (exact:
 * squares below 2^53; two words on a 32-bit core, square_sum.h). */
static ALWAYS_INLINE void add_square(square_sum_t *sum, int32_t y)
{
    int32_t v = y >> 4;
    square_sum_add(sum, (uint64_t)((int64_t)v * v));
}

/* meter_bandpass_step's arithmetic on named histories: in, in2 = the
 * input now and two samples ago, out1, out2 the output one and two ago. */
static ALWAYS_INLINE int32_t bandpass_section(int32_t b0, int32_t a1, int32_t a2, int32_t in, int32_t in2, int32_t out1,
                                              int32_t out2)
{
    return (mul_high_s32(b0, in - in2) - mul_high_s32(a1, out1) - mul_high_s32(a2, out2)) * 4;
}

/* A band-pass band over n samples of its level: three meter_bandpass_step
 * sections, written out with the delay lines shared (a section's output
 * history is the next one's input history: x, u, v, y) and three samples
 * per pass: a history needs three registers (the new sample is made while
 * the two before it are read), so after three samples each is back in the
 * register it started in and nothing moves. The same arithmetic as three
 * meter_bandpass_step calls. */
static OUT_OF_LINE void bandpass_band(const mixbox_meter_section_coeffs_t *c, mixbox_meter_section_t *state,
                                      const int32_t *x, uint32_t n, uint64_t *segment_sum)
{
    const int32_t b0 = c[0].b0, a1 = c[0].a1, a2 = c[0].a2;
    const int32_t d0 = c[1].b0, c1 = c[1].a1, c2 = c[1].a2;
    const int32_t f0 = c[2].b0, e1 = c[2].a1, e2 = c[2].a2;
    int32_t x1 = state[0].x1, x2 = state[0].x2, u1 = state[0].y1, u2 = state[0].y2;
    int32_t v1 = state[1].y1, v2 = state[1].y2, y1 = state[2].y1, y2 = state[2].y2;
    square_sum_t sum = square_sum_start(*segment_sum);
    for (const int32_t *end = x + n / 3u * 3u; x < end; x += 3) {
        int32_t xa = x[0u];
        int32_t ua = bandpass_section(b0, a1, a2, xa, x2, u1, u2);
        int32_t va = bandpass_section(d0, c1, c2, ua, u2, v1, v2);
        int32_t ya = bandpass_section(f0, e1, e2, va, v2, y1, y2);
        add_square(&sum, ya);
        int32_t xb = x[1u];
        int32_t ub = bandpass_section(b0, a1, a2, xb, x1, ua, u1);
        int32_t vb = bandpass_section(d0, c1, c2, ub, u1, va, v1);
        int32_t yb = bandpass_section(f0, e1, e2, vb, v1, ya, y1);
        add_square(&sum, yb);
        int32_t xc = x[2u];
        int32_t uc = bandpass_section(b0, a1, a2, xc, xa, ub, ua);
        int32_t vc = bandpass_section(d0, c1, c2, uc, ua, vb, va);
        int32_t yc = bandpass_section(f0, e1, e2, vc, va, yb, ya);
        add_square(&sum, yc);
        x2 = xb; x1 = xc;
        u2 = ub; u1 = uc;
        v2 = vb; v1 = vc;
        y2 = yb; y1 = yc;
    }
    for (uint32_t i = 0; i < n % 3u; i++) {
        int32_t xa = x[i];
        int32_t ua = bandpass_section(b0, a1, a2, xa, x2, u1, u2);
        int32_t va = bandpass_section(d0, c1, c2, ua, u2, v1, v2);
        int32_t ya = bandpass_section(f0, e1, e2, va, v2, y1, y2);
        add_square(&sum, ya);
        x2 = x1; x1 = xa;
        u2 = u1; u1 = ua;
        v2 = v1; v1 = va;
        y2 = y1; y1 = ya;
    }
    state[0].x1 = x1;
    state[0].x2 = x2;
    state[0].y1 = u1;
    state[0].y2 = u2;
    state[1].y1 = v1;
    state[1].y2 = v2;
    state[2].y1 = y1;
    state[2].y2 = y2;
    *segment_sum = square_sum_value(&sum);
}

/* meter_highpass_real_step's and meter_highpass_pair_step's arithmetic on
 * named histories, as bandpass_section. */
static ALWAYS_INLINE int32_t highpass_real_section(int32_t b0, int32_t a1, int32_t in, int32_t in1, int32_t out1)
{
    return (mul_high_s32(b0, in - in1) - mul_high_s32(a1, out1)) * 4;
}

static ALWAYS_INLINE int32_t highpass_pair_section(int32_t b0, int32_t a1, int32_t a2, int32_t in, int32_t in1,
                                                   int32_t in2, int32_t out1, int32_t out2)
{
    return (mul_high_s32(b0, in - 2 * in1 + in2) - mul_high_s32(a1, out1) - mul_high_s32(a2, out2)) * 4;
}

/* The top band as a high-pass: meter_highpass_real_step then
 * meter_highpass_pair_step, written out as run_bandpass is (the first
 * section's output history is the pair's input history: x, w, y; three
 * samples per pass). The same arithmetic. */
static OUT_OF_LINE void highpass_band(const mixbox_meter_section_coeffs_t *c, mixbox_meter_section_t *state,
                                      const int32_t *x, uint32_t n, uint64_t *segment_sum)
{
    const int32_t b0 = c[0].b0, a1 = c[0].a1;
    const int32_t d0 = c[1].b0, c1 = c[1].a1, c2 = c[1].a2;
    int32_t x1 = state[0].x1, x2 = state[0].x2, w1 = state[0].y1, w2 = state[0].y2;
    int32_t y1 = state[1].y1, y2 = state[1].y2;
    square_sum_t sum = square_sum_start(*segment_sum);
    for (const int32_t *end = x + n / 3u * 3u; x < end; x += 3) {
        int32_t xa = x[0u];
        int32_t wa = highpass_real_section(b0, a1, xa, x1, w1);
        int32_t ya = highpass_pair_section(d0, c1, c2, wa, w1, w2, y1, y2);
        add_square(&sum, ya);
        int32_t xb = x[1u];
        int32_t wb = highpass_real_section(b0, a1, xb, xa, wa);
        int32_t yb = highpass_pair_section(d0, c1, c2, wb, wa, w1, ya, y1);
        add_square(&sum, yb);
        int32_t xc = x[2u];
        int32_t wc = highpass_real_section(b0, a1, xc, xb, wb);
        int32_t yc = highpass_pair_section(d0, c1, c2, wc, wb, wa, yb, ya);
        add_square(&sum, yc);
        x2 = xb; x1 = xc;
        w2 = wb; w1 = wc;
        y2 = yb; y1 = yc;
    }
    for (uint32_t i = 0; i < n % 3u; i++) {
        int32_t xa = x[i];
        int32_t wa = highpass_real_section(b0, a1, xa, x1, w1);
        int32_t ya = highpass_pair_section(d0, c1, c2, wa, w1, w2, y1, y2);
        add_square(&sum, ya);
        x2 = x1; x1 = xa;
        w2 = w1; w1 = wa;
        y2 = y1; y1 = ya;
    }
    state[0].x1 = x1;
    state[0].x2 = x2;
    state[0].y1 = w1;
    state[0].y2 = w2;
    state[1].x1 = w1;
    state[1].x2 = w2;
    state[1].y1 = y1;
    state[1].y2 = y2;
    *segment_sum = square_sum_value(&sum);
}

/* The levels from here down run in batches of at least BATCH samples of
 * this level's rate (fs / 8: 6 kHz at 48 kHz, about 4 per chunk), so the
 * bands and decimators below it run a few times per batch instead of on
 * one sample or none each chunk. Batches close at fixed counts of samples,
 * whatever the block size. */
#define BATCH_LEVEL 3u
#define BATCH 16u

/* The bands and decimators over the n mono samples in a->work (Q28). */
static void run_levels(mixbox_analyser_t *a, uint32_t n)
{
    const mixbox_analyser_coeffs_t *c = &a->coeffs;
    int32_t *x = a->work;
    uint32_t level = 0;
    /* Samples past a full batch wait for the next one (two chunks bring at
     * most 9 at the batched rate, so these are fewer than BATCH). */
    int32_t after_batch[BATCH];
    uint32_t after = 0u;
    int batch_closed = 0;
    /* The top band first: the bands' levels only grow downwards. */
    for (uint32_t b = MIXBOX_SPECTRUM_BANDS; b-- > 0u;) {
        uint32_t sections = c->sections[b];
        if (sections == 0u) continue;
        /* The next levels: in place (outputs never overtake inputs). */
        for (; level < c->level[b] && n > 0u; level++) {
            n = mixbox_halfband_decimate(&a->decimator[level], x, n);
            if (level + 1u == BATCH_LEVEL) {
                /* A batch closes at exactly BATCH samples, so where it closes
                 * never depends on the chunks that fed it. */
                uint32_t take = BATCH - a->batched < n ? BATCH - a->batched : n;
                for (uint32_t i = 0; i < take; i++) a->batch[a->batched + i] = x[i];
                for (uint32_t i = take; i < n; i++) after_batch[after++] = x[i];
                a->batched += take;
                if (a->batched < BATCH) return;
                x = a->batch;
                n = BATCH;
                batch_closed = 1;
            }
        }
        if (n == 0u) break;
        if (sections == 3u) {
            bandpass_band(c->section[b], a->section[b], x, n, &a->segment_sum[b]);
        } else {
            highpass_band(c->section[b], a->section[b], x, n, &a->segment_sum[b]);
        }
    }
    if (!batch_closed) return;
    for (uint32_t i = 0; i < after; i++) a->batch[i] = after_batch[i];
    a->batched = after;
}

/* The mono sum waits one call in a->work: every other call (and each
 * segment end) runs the bands and decimators over two calls' samples, so the
 * calls of levels 0-2, each about 70 instructions of set-up (saves,
 * coefficient and history loads) on 8-32 samples, come half as often. The
 * same samples through the same filters into the same segment's sums (read
 * only at the segment end): the same readings; a call carries at most one
 * call's work more. */
int32_t *mixbox_analyser_mono(mixbox_analyser_t *a)
{
    return a->work + a->waiting;
}

void mixbox_analyser_run(mixbox_analyser_t *a, uint32_t frames)
{
    if (a->waiting == 0u) {
        a->waiting = frames;
        return;
    }
    run_levels(a, a->waiting + frames);
    a->waiting = 0u;
}

void mixbox_analyser_end_segment(mixbox_analyser_t *a)
{
    if (!a->coeffs.on) return;
    if (a->waiting != 0u) run_levels(a, a->waiting);
    a->waiting = 0u;
    for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) {
        a->energy[b] = (uint64_t)meter_average_step((int64_t)a->energy[b], (int64_t)a->segment_sum[b], a->coeffs.alpha_q32);
        a->segment_sum[b] = 0u;
    }
}

void mixbox_analyser_read(const mixbox_analyser_t *a, mixbox_spectrum_reading_t *reading)
{
    const mixbox_analyser_coeffs_t *c = &a->coeffs;
    reading->on = c->on;
    for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) {
        reading->band_cdb[b] = MIXBOX_METER_SILENCE_CDB;
        if (!c->on || c->sections[b] == 0u || a->energy[b] == 0u) continue;
        /* 10 log10(energy): 301.03 cdB per log2 unit, in milli-cdB. */
        int64_t milli = ((int64_t)mixbox_log2_q16(a->energy[b]) * 301030 + 32768) / 65536 + c->offset_mcdb[b];
        int64_t cdb = milli >= 0 ? (milli + 500) / 1000 : -((-milli + 500) / 1000);
        reading->band_cdb[b] = cdb < MIXBOX_METER_SILENCE_CDB ? MIXBOX_METER_SILENCE_CDB : (int32_t)cdb;
    }
}
