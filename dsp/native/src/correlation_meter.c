#include "correlation_meter.h"

#include <stddef.h>
#include <string.h>

#include "control_math.h"
#include "halfband_decimator.h"
#include "meter_average.h"
#include "meter_filter_design.h"
#include "meter_section.h"
#include "exact_run_sum.h"
#include "level_meter.h"
#include "octave_analyser.h"
#include "square_sum.h"

#define LOW_BAND_HZ 150.0
#define LOW_RATE_MIN_HZ 1200u /* the low band's products run at 1.2..2.4 kHz */

void mixbox_correlation_design(mixbox_correlation_coeffs_t *c, uint32_t sample_rate, int32_t on)
{
    memset(c, 0, sizeof *c);
    c->on = on;
    /* tau = 300 ms: 30 segments. */
    c->alpha_q32 = (uint32_t)mixbox_control_round((1.0 - mixbox_control_exp(-1.0 / 30.0)) * 4294967296.0);
    uint32_t stages = 0u;
    /* At least 2 (8 kHz: 2 kHz), so both fine stages always run. */
    while (stages < MIXBOX_CORRELATION_MAX_STAGES && (sample_rate >> (stages + 1u)) >= LOW_RATE_MIN_HZ) stages++;
    c->stages = stages;
    mixbox_meter_lowpass4_design(LOW_BAND_HZ * (double)(1u << stages) / (double)sample_rate, c->low_pass);
}

void mixbox_correlation_apply(mixbox_correlation_meter_t *m, const mixbox_correlation_coeffs_t *coeffs)
{
    int was_on = m->coeffs.on;
    m->coeffs = *coeffs;
    if (coeffs->on && !was_on) {
        memset(m->segment, 0, sizeof m->segment);
        memset(m->average, 0, sizeof m->average);
        memset(&m->coarse, 0, sizeof m->coarse);
        memset(m->decimator, 0, sizeof m->decimator);
        memset(m->low_pass, 0, sizeof m->low_pass);
        m->coarse_waiting = 0u;
    }
}

/* One pass over the frames (a chunk: at most MIXBOX_CHUNK_FRAMES) for three
 * jobs. The main output's level meters (left, right): their peaks, and
 * their squares, which are the full band's L^2 and R^2. The full band's sums: exact products of the 24-bit (Q23) samples,
 * below 2^46, summed over the chunk as one run (exact_run_sum.h). And both sides' coarse
 * halvings in one step: D = 2^coarse input samples per output, weighted
 * 1, 2, ..., D, ..., 2, 1 over 2D - 1 inputs, which is the response of
 * `coarse` cascaded [1 2 1]/4 halvings, ((1 - z^-D) / (1 - z^-1))^2 / D^2:
 * double zeros on every frequency that folds onto DC (docs/ENGINE.md). By
 * running sums over a block of D inputs: B = sum x_i, A = sum of the running
 * sums = sum (D - i) x_i; the output is A + (D B' - A'), B' and A' those of
 * the block before. Inputs in Q(30 - 2 coarse), so D B, A and the output
 * stay within 2^30; the output is Q30 of full scale, kept in Q28, appended
 * to the segment's in work. Returns how many. */
static ALWAYS_INLINE uint32_t full_band_and_coarse(mixbox_correlation_meter_t *m, mixbox_level_meter_t *left,
                                                   mixbox_level_meter_t *right, int32_t *mono,
                                                   const mixbox_q31_t *stereo, uint32_t frames, uint32_t coarse)
{
    mixbox_triangle_decimator_t *t = &m->coarse;
    uint32_t shift = 2u * coarse + 1u, block = 1u << coarse, count = t->count;
    /* Fewer than LOW_RUN wait: room for the chunk's. */
    int32_t *out_l = m->work[0] + m->coarse_waiting, *out_r = m->work[1] + m->coarse_waiting;
    uint32_t n = 0;
    int32_t sum_l = t->sum[0], ramp_l = t->ramp[0], sum_r = t->sum[1], ramp_r = t->ramp[1];
    level_run_t ll = level_run_start(), rr = level_run_start();
    exact_run_sum_t lr = exact_run_sum_start();
    for (uint32_t i = 0; i < frames; i++) {
        int32_t l = stereo[2u * i], r = stereo[2u * i + 1u];
        level_run_add(&ll, l);
        level_run_add(&rr, r);
        exact_run_sum_add(&lr, l, l >> LEVEL_RUN_SHIFT, r >> LEVEL_RUN_SHIFT);
        if (mono != NULL) mono[i] = MIXBOX_ANALYSER_MONO_Q28(l, r);
        sum_l += l >> shift;
        ramp_l += sum_l;
        sum_r += r >> shift;
        ramp_r += sum_r;
        if (++count == block) {
            out_l[n] = (ramp_l + t->carry[0]) >> 2;
            out_r[n] = (ramp_r + t->carry[1]) >> 2;
            n++;
            t->carry[0] = sum_l * (int32_t)block - ramp_l;
            t->carry[1] = sum_r * (int32_t)block - ramp_r;
            sum_l = ramp_l = sum_r = ramp_r = 0;
            count = 0;
        }
    }
    m->segment[0] += exact_run_sum_value(&ll.sum, LEVEL_RUN_SHIFT);
    m->segment[1] += exact_run_sum_value(&rr.sum, LEVEL_RUN_SHIFT);
    m->segment[2] += exact_run_sum_value(&lr, LEVEL_RUN_SHIFT);
    level_meter_end_run(left, &ll);
    level_meter_end_run(right, &rr);
    t->count = count;
    t->sum[0] = sum_l;
    t->ramp[0] = ramp_l;
    t->sum[1] = sum_r;
    t->ramp[1] = ramp_r;
    return n;
}

/* One side's coarse output on down to the low band's rate and low-passed (Q28, in place). */
static uint32_t low_band(mixbox_correlation_meter_t *m, uint32_t side, uint32_t n)
{
    int32_t *x = m->work[side];
    for (uint32_t s = 0; s < MIXBOX_CORRELATION_FINE_STAGES && n > 0u; s++) {
        n = mixbox_halfband_decimate(&m->decimator[side][s], x, n);
    }
    mixbox_meter_section_t s0 = m->low_pass[side][0], s1 = m->low_pass[side][1];
    for (uint32_t i = 0; i < n; i++) {
        x[i] = meter_section_step(&m->coeffs.low_pass[1], &s1, meter_section_step(&m->coeffs.low_pass[0], &s0, x[i]));
    }
    m->low_pass[side][0] = s0;
    m->low_pass[side][1] = s1;
    return n;
}

/* The low band on the coarse outputs waiting: run when MIXBOX_CORRELATION_LOW_RUN
 * wait (every 4 chunks at 48 kHz) and at each segment end, not every chunk:
 * the same samples through the same filters (a sample a fine stage holds for
 * its pair waits in it either way), so the same products reach the same
 * segment's sums, with the fine stages' and the low-pass's calls a quarter as
 * often and no burst at the segment end (at most LOW_RUN - 1 + one chunk's
 * outputs wait). */
static void low_band_products(mixbox_correlation_meter_t *m)
{
    uint32_t coarse_n = m->coarse_waiting;
    m->coarse_waiting = 0u;
    /* Below 150 Hz: both sides decimate in step, so n is the same. */
    if (coarse_n == 0u) return;
    uint32_t n = low_band(m, 0u, coarse_n);
    (void)low_band(m, 1u, coarse_n);
    square_sum_t ll = square_sum_start(0u), rr = square_sum_start(0u), lr = square_sum_start(0u);
    for (uint32_t i = 0; i < n; i++) {
        int32_t l = m->work[0][i] >> 5, r = m->work[1][i] >> 5; /* Q23 */
        square_sum_add(&ll, (uint64_t)((int64_t)l * l));
        square_sum_add(&rr, (uint64_t)((int64_t)r * r));
        square_sum_add(&lr, (uint64_t)((int64_t)l * r));
    }
    m->segment[3] += (int64_t)square_sum_value(&ll);
    m->segment[4] += (int64_t)square_sum_value(&rr);
    m->segment[5] += (int64_t)square_sum_value(&lr);
}

/* The chunk is one run of the full band's product sums. */
typedef char correlation_chunk_is_one_run[EXACT_RUN_SUM_FITS(MIXBOX_CHUNK_FRAMES, LEVEL_RUN_SHIFT, 23) ? 1 : -1];

void mixbox_correlation_process(mixbox_correlation_meter_t *m, mixbox_level_meter_t *left, mixbox_level_meter_t *right,
                                 int32_t *mono, const mixbox_q31_t *stereo, uint32_t frames)
{
    uint32_t coarse = m->coeffs.stages - MIXBOX_CORRELATION_FINE_STAGES;
    /* Two copies of the pass, with and without the mono sum: no test per frame. */
    if (mono != NULL) {
        m->coarse_waiting += full_band_and_coarse(m, left, right, mono, stereo, frames, coarse);
    } else {
        m->coarse_waiting += full_band_and_coarse(m, left, right, NULL, stereo, frames, coarse);
    }
    if (m->coarse_waiting >= MIXBOX_CORRELATION_LOW_RUN) low_band_products(m);
}

void mixbox_correlation_end_segment(mixbox_correlation_meter_t *m)
{
    if (!m->coeffs.on) return;
    low_band_products(m);
    for (uint32_t k = 0; k < MIXBOX_CORRELATION_SUMS; k++) {
        m->average[k] = meter_average_step(m->average[k], m->segment[k], m->coeffs.alpha_q32);
        m->segment[k] = 0;
    }
}

void mixbox_correlation_sums(const mixbox_correlation_meter_t *m, mixbox_correlation_sums_t *sums)
{
    memset(sums, 0, sizeof *sums);
    sums->on = m->coeffs.on;
    if (m->coeffs.on) memcpy(sums->sum, m->average, sizeof sums->sum);
}

/* r = LR / sqrt(L^2 R^2) in 1/10000; 0 when either side is silent. */
static int32_t correlation_x10000(int64_t ll, int64_t rr, int64_t lr)
{
    if (ll <= 0 || rr <= 0) return 0;
    double r = (double)lr / mixbox_control_sqrt((double)ll * (double)rr);
    if (r > 1.0) r = 1.0;
    if (r < -1.0) r = -1.0;
    return (int32_t)mixbox_control_round(r * 10000.0);
}

void mixbox_correlation_reading_from_sums(const mixbox_correlation_sums_t *sums, mixbox_correlation_reading_t *reading)
{
    const int64_t *s = sums->sum;
    reading->on = sums->on;
    reading->correlation_x10000 = correlation_x10000(s[0], s[1], s[2]);
    reading->low_correlation_x10000 = correlation_x10000(s[3], s[4], s[5]);
    /* 4 M^2 = L^2 + R^2 + 2 LR and 4 S^2 = L^2 + R^2 - 2 LR. */
    double power = (double)s[0] + (double)s[1], cross = 2.0 * (double)s[2];
    double mid = power + cross, side = power - cross;
    if (side <= 0.0) {
        reading->width_cdb = MIXBOX_METER_SILENCE_CDB;
    } else if (mid <= 0.0) {
        reading->width_cdb = -MIXBOX_METER_SILENCE_CDB;
    } else {
        double cdb = 1000.0 * mixbox_control_log(side / mid) / CM_LN10;
        if (cdb < MIXBOX_METER_SILENCE_CDB) cdb = MIXBOX_METER_SILENCE_CDB;
        if (cdb > -MIXBOX_METER_SILENCE_CDB) cdb = -MIXBOX_METER_SILENCE_CDB;
        reading->width_cdb = (int32_t)mixbox_control_round(cdb);
    }
}
