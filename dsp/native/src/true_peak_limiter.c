#include "true_peak_limiter.h"

#include <string.h>

#include "control_math.h"
#include "distortion_meter.h"
#include "log2_fixed.h"
#include "true_peak_taps.h"

#define UNITY_Q30 (1u << 30)
#define TAPS 12u
#define HISTORY (TAPS - 1u)
/* Sample s's peak is complete 6 frames after it arrives; the gain a peak
 * needs must be in force on the 6 samples either side of it too (the
 * interpolator's span: an output value between two samples is made of those
 * 12), so the hold is L + 12 frames and the audio waits L + 5 frames more
 * (latency L + 11, header). */
#define SPAN 11u
#define MIN_RAMP 2u
#define RELEASE_MS 80.0
#define RELEASE_SNAP (UNITY_Q30 >> 16)
/* The largest sum of |taps| of a phase (phases 1 and 2), Q13. */
#define TAP_SUM_MAX 16571

void mixbox_tp_limiter_design(mixbox_tp_limiter_coeffs_t *c, int32_t ceiling_cdb, int32_t on, uint32_t sample_rate)
{
    uint32_t latency = sample_rate / 2000u; /* 0.5 ms, whole frames */
    if (latency < SPAN + MIN_RAMP) latency = SPAN + MIN_RAMP;
    memset(c, 0, sizeof *c);
    c->on = on;
    c->latency = latency;
    c->ramp = latency - SPAN;
    c->hold = c->ramp + SPAN + 1u;
    c->reciprocal_q32 = (uint32_t)(((uint64_t)1 << 32) / c->ramp);
    c->release_q32 = (uint32_t)mixbox_control_round(
        (1.0 - mixbox_control_exp(-1000.0 / (RELEASE_MS * (double)sample_rate))) * 4294967296.0);
    /* Doubled detector scale: full scale = 2^23 (Q23) x 2^15 (taps) x 2. */
    double ceiling = mixbox_control_cdb_to_linear(ceiling_cdb);
    c->threshold_q39 = (int64_t)(ceiling * 549755813888.0); /* 2^39, floored */
    /* 2 x 2.03 x 2^15 x quiet <= threshold: no phase of either interpolator
     * (the largest |tap| sum: BS.1770's phases 1 and 2) passes it. */
    c->quiet_q23 = (int32_t)(c->threshold_q39 / (2 * 4 * TAP_SUM_MAX));
}

uint32_t mixbox_tp_limiter_latency(const mixbox_tp_limiter_coeffs_t *c)
{
    return c->on ? c->latency : 0u;
}

void mixbox_tp_limiter_reset(mixbox_tp_limiter_t *l, const mixbox_tp_limiter_coeffs_t *c)
{
    memset(l, 0, sizeof *l);
    for (uint32_t i = 0; i < MIXBOX_TP_LIMITER_MAX_HOLD; i++) l->needed[i] = UNITY_Q30;
    for (uint32_t i = 0; i < MIXBOX_TP_LIMITER_MAX_RAMP; i++) l->released[i] = UNITY_Q30;
    l->released_sum = (uint64_t)c->ramp * UNITY_Q30;
    l->envelope_q30 = UNITY_Q30;
}

/* The windowed-sinc interpolator: h(j) = sinc((j - 24) / 4) x Hann(j),
 * j = 0..48 (cut-off at the input's Nyquist frequency, 4x; the design
 * libebur128 measures true peak with), in Q15. Its phase 0 is the sample
 * itself; phase 1 is phase 3 reversed and phase 2 is symmetric. Tap k
 * multiplies the sample k back. */
static const int32_t sinc_phase1_q15[12] = { -5, 160, -607, 1516, -3390, 9460, 29375, -5291, 2266, -987, 339, -53 };
static const int32_t sinc_phase2_q15[12] = { -32, 339, -1104, 2626, -5935, 20505, 20505, -5935, 2626, -1104, 339, -32 };

static int64_t magnitude64(int64_t v)
{
    return v < 0 ? -v : v;
}

static int64_t max64(int64_t a, int64_t b)
{
    return a > b ? a : b;
}

/* Twice the largest |value| in the interval between the samples 6 and 5
 * back (w[5], w[6]), Q23 x Q15 x 2 (full scale 2^39): the samples, and the
 * points both interpolators put between them. w[11 - k] is the sample k
 * back. Folded (as in true_peak.c): with the pairs s(k) +- s(11 - k), a
 * phase and its mirror are sum +- dif, both doubled. */
static int64_t interval_peak_x2(const int32_t *w)
{
    int64_t bs_sum03 = 0, bs_dif03 = 0, bs_sum12 = 0, bs_dif12 = 0, sinc_sum13 = 0, sinc_dif13 = 0, sinc_2 = 0;
    for (uint32_t k = 0; k < 6u; k++) {
        int64_t fold_sum = (int64_t)w[11u - k] + w[k], fold_dif = (int64_t)w[11u - k] - w[k];
        bs_sum03 += (true_peak_taps_q13[0][k] + true_peak_taps_q13[0][11u - k]) * fold_sum;
        bs_dif03 += (true_peak_taps_q13[0][k] - true_peak_taps_q13[0][11u - k]) * fold_dif;
        bs_sum12 += (true_peak_taps_q13[1][k] + true_peak_taps_q13[1][11u - k]) * fold_sum;
        bs_dif12 += (true_peak_taps_q13[1][k] - true_peak_taps_q13[1][11u - k]) * fold_dif;
        sinc_sum13 += (sinc_phase1_q15[k] + sinc_phase1_q15[11u - k]) * fold_sum;
        sinc_dif13 += (sinc_phase1_q15[k] - sinc_phase1_q15[11u - k]) * fold_dif;
        sinc_2 += 2 * sinc_phase2_q15[k] * fold_sum;
    }
    /* BS.1770 values (Q13) x 4 to Q15. */
    int64_t peak = max64(magnitude64(bs_sum03 + bs_dif03), magnitude64(bs_sum03 - bs_dif03));
    peak = max64(peak, max64(magnitude64(bs_sum12 + bs_dif12), magnitude64(bs_sum12 - bs_dif12))) * 4;
    peak = max64(peak, max64(magnitude64(sinc_sum13 + sinc_dif13), magnitude64(sinc_sum13 - sinc_dif13)));
    peak = max64(peak, magnitude64(sinc_2));
    /* The samples themselves: |x| x 2^15, doubled. */
    peak = max64(peak, magnitude64((int64_t)w[5] * 65536));
    return max64(peak, magnitude64((int64_t)w[6] * 65536));
}

/* The most the outer taps (0-3 and 8-11) of any phase add to a doubled
 * interpolated value, per unit of the window's largest |sample| (Q15):
 * 2 x 4 x 3368, BS.1770's phases 1 and 2 (Q13 x 4); the sinc's are smaller
 * (2 x 5933, 2 x 8202). */
#define OUTER_TAPS_X2_Q15 26944

/* The central taps (4-7: the two samples around the interval and their
 * neighbours) alone: the largest |doubled value| they give any phase of
 * either interpolator, and the two samples (|x| x 2^15, doubled), on samples
 * w >> shift. `type` int64_t with shift 0: interval_peak_x2's scale. int32_t
 * with shift 9 (Q14 samples) for windows at or under full scale: a folded
 * pair is then at most 2^15 and no phase's central |tap| sum passes 52880
 * (Q15; BS.1770's 13203 in Q13 x 4), so every value stays below 2^31. */
#define FOLDED(taps, k, fold) (((taps)[k] + (taps)[11 - (k)]) * (fold))
#define FOLDED_DIF(taps, k, fold) (((taps)[k] - (taps)[11 - (k)]) * (fold))
#define MAGNITUDE(v) ((v) < 0 ? -(v) : (v))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define DEFINE_CENTRAL_PEAK_X2(name, type, shift) \
    static type name(const int32_t *w) \
    { \
        type w4 = w[4] >> (shift), w5 = w[5] >> (shift), w6 = w[6] >> (shift), w7 = w[7] >> (shift); \
        type sum4 = w7 + w4, dif4 = w7 - w4, sum5 = w6 + w5, dif5 = w6 - w5; \
        type bs_sum03 = FOLDED(true_peak_taps_q13[0], 4, sum4) + FOLDED(true_peak_taps_q13[0], 5, sum5); \
        type bs_dif03 = FOLDED_DIF(true_peak_taps_q13[0], 4, dif4) + FOLDED_DIF(true_peak_taps_q13[0], 5, dif5); \
        type bs_sum12 = FOLDED(true_peak_taps_q13[1], 4, sum4) + FOLDED(true_peak_taps_q13[1], 5, sum5); \
        type bs_dif12 = FOLDED_DIF(true_peak_taps_q13[1], 4, dif4) + FOLDED_DIF(true_peak_taps_q13[1], 5, dif5); \
        type sinc_sum13 = FOLDED(sinc_phase1_q15, 4, sum4) + FOLDED(sinc_phase1_q15, 5, sum5); \
        type sinc_dif13 = FOLDED_DIF(sinc_phase1_q15, 4, dif4) + FOLDED_DIF(sinc_phase1_q15, 5, dif5); \
        type sinc_2 = FOLDED(sinc_phase2_q15, 4, sum4) + FOLDED(sinc_phase2_q15, 5, sum5); /* symmetric: doubled */ \
        /* max(|sum + dif|, |sum - dif|) = |sum| + |dif| */ \
        type bs03 = MAGNITUDE(bs_sum03) + MAGNITUDE(bs_dif03), bs12 = MAGNITUDE(bs_sum12) + MAGNITUDE(bs_dif12); \
        type sinc13 = MAGNITUDE(sinc_sum13) + MAGNITUDE(sinc_dif13); \
        type peak = MAX(MAX(bs03, bs12) * 4, MAX(sinc13, MAGNITUDE(sinc_2))); \
        type samples = MAX(MAGNITUDE(w5), MAGNITUDE(w6)) * 65536; \
        return MAX(peak, samples); \
    }
DEFINE_CENTRAL_PEAK_X2(central_peak_x2, int64_t, 0)
DEFINE_CENTRAL_PEAK_X2(central_peak_q14_x2, int32_t, 9)
#undef DEFINE_CENTRAL_PEAK_X2
#undef FOLDED
#undef FOLDED_DIF
#undef MAGNITUDE
#undef MAX

/* What central_peak_q14_x2 can be short of the value on the full samples,
 * in its own units: every folded pair is within 2 of its exact value, so a
 * value is off by less than 2 x (its central |folded taps| sum), at most
 * 2 x 69332 (the sinc's phases 1 and 3: 47516 + 21816) < 2^18; the samples
 * by less than 2^16. */
#define CENTRAL_Q14_ERROR (1 << 18)

/* The most the outer taps (0-3 and 8-11) of any phase add to a doubled
 * interpolated value, per unit of the window's largest |sample| (Q15):
 * 2 x 4 x 3368, BS.1770's phases 1 and 2 (Q13 x 4); the sinc's are smaller
 * (2 x 5933, 2 x 8202). */
#define OUTER_TAPS_X2_Q15 26944

/* How a chunk's intervals are screened before interpolating: a doubled
 * central value at or under `limit` (the threshold less what the outer taps
 * could add) leaves the interval's peak at or under the threshold, and 0
 * stands for it (the gain it needs is unity either way: the same gains as
 * interpolating everything). In 32 bits while the chunk's windows are at or
 * under full scale (the usual case), else in 64. */
typedef struct {
    int narrow;        /* the 32-bit screen applies */
    int64_t limit;     /* in interval_peak_x2's scale */
    int32_t limit_q14; /* in central_peak_q14_x2's, less its error */
} interval_screen_t;

static interval_screen_t screen_for(int64_t threshold_x2, uint32_t largest_q23)
{
    interval_screen_t screen;
    screen.limit = threshold_x2 - (int64_t)largest_q23 * OUTER_TAPS_X2_Q15;
    screen.narrow = largest_q23 <= (1u << 23);
    /* Q14 samples are the Q23 scale >> 9; limit < 2^39, so its >> 9 fits. */
    int64_t limit_q14 = (screen.limit >> 9) - CENTRAL_Q14_ERROR;
    screen.limit_q14 = screen.narrow ? (int32_t)(limit_q14 < -1 ? -1 : limit_q14) : -1;
    return screen;
}

/* interval_peak_x2 where it can matter, 0 where the screen shows it does not. */
static int64_t interval_peak_over_x2(const int32_t *w, const interval_screen_t *screen)
{
    if (screen->narrow) {
        if (central_peak_q14_x2(w) <= screen->limit_q14) return 0;
    } else if (central_peak_x2(w) <= screen->limit) {
        return 0;
    }
    return interval_peak_x2(w);
}

/* The gain (Q30) that brings peak_x2 down to the threshold; unity at or
 * under it. A division of two 64-bit values costs hundreds of instructions
 * on a 32-bit core, so the ratio is taken in the log domain: both >> 13
 * (peak < 2^44.1, threshold >= 2^38 at -6 dB: 25 bits kept), log2 and exp2
 * by the compressor's tables (log2_fixed.h: errors below 5e-5 log2 units and
 * 3e-5), less a margin that covers them (2^-13 log2 units, 0.0007 dB), so
 * the gain is never above ceiling / peak. */
#define LOG_MARGIN_Q24 (1 << 11)

static uint32_t needed_gain(int64_t peak_x2, int64_t threshold_x2)
{
    if (peak_x2 <= threshold_x2) return UNITY_Q30;
    int32_t log_ratio = log2_level_q24((uint32_t)(threshold_x2 >> 13)) -
                        log2_level_q24((uint32_t)((peak_x2 >> 13) + 1)) - LOG_MARGIN_Q24;
    return (uint32_t)exp2_gain_q24(log_ratio) << 6;
}

/* The held minimum, the released envelope, its moving average. */
static uint32_t envelope_step(mixbox_tp_limiter_t *l, const mixbox_tp_limiter_coeffs_t *c, uint32_t needed)
{
    uint32_t position = l->hold_position;
    uint32_t old = l->needed[position];
    if (needed < UNITY_Q30) l->reducing++;
    if (old < UNITY_Q30) l->reducing--;
    l->needed[position] = needed;
    l->hold_position = position + 1u == c->hold ? 0u : position + 1u;
    uint32_t held = UNITY_Q30;
    if (l->reducing != 0u) {
        for (uint32_t i = 0; i < c->hold; i++) {
            if (l->needed[i] < held) held = l->needed[i];
        }
    }
    uint32_t envelope = l->envelope_q30;
    if (held <= envelope) {
        envelope = held; /* attack: at once (the average makes it a ramp) */
    } else {
        /* Release: a step of ceil((held - envelope) x share); the last
         * 2^-16 (0.0001 dB) in one step, so it lands exactly on unity. */
        uint64_t step = ((uint64_t)(held - envelope) * c->release_q32 + 0xFFFFFFFFu) >> 32;
        envelope = held - envelope <= RELEASE_SNAP ? held : envelope + (uint32_t)step;
    }
    l->envelope_q30 = envelope;
    position = l->ramp_position;
    l->released_sum = l->released_sum - l->released[position] + envelope;
    l->released[position] = envelope;
    l->ramp_position = position + 1u == c->ramp ? 0u : position + 1u;
    if (l->released_sum == (uint64_t)c->ramp * UNITY_Q30) return UNITY_Q30;
    /* floor(sum / L) or one less: never above the average. */
    return (uint32_t)((l->released_sum * c->reciprocal_q32) >> 32);
}

/* x * gain (Q30), floored; |x| * gain < 2^61 (see the header). */
static int64_t apply_gain(int64_t x, uint32_t gain)
{
    return (x * (int64_t)gain) >> 30;
}

static int64_t to_q23(int64_t x)
{
    return x >> 8;
}

void mixbox_tp_limiter_process(mixbox_tp_limiter_t *l, const mixbox_tp_limiter_coeffs_t *c,
                               int64_t *left, int64_t *right, uint32_t frames, uint64_t *residual, uint64_t *signal)
{
    int32_t window[2][HISTORY + MIXBOX_CHUNK_FRAMES];
    memcpy(window[0], l->history[0], HISTORY * sizeof(int32_t));
    memcpy(window[1], l->history[1], HISTORY * sizeof(int32_t));
    const int64_t threshold = c->threshold_q39;
    const int32_t quiet = c->quiet_q23;
    uint64_t residual_sum = 0u, signal_sum = 0u;
    /* The chunk's windows (history and new samples, both sides) and their
     * largest |sample|: it bounds what the outer taps can add anywhere. */
    int32_t high = 0, low = 0;
    for (uint32_t i = 0; i < HISTORY; i++) {
        int32_t wl = window[0][i], wr = window[1][i];
        if (wl > high) high = wl;
        if (wl < low) low = wl;
        if (wr > high) high = wr;
        if (wr < low) low = wr;
    }
    for (uint32_t i = 0; i < frames; i++) {
        int32_t wl = (int32_t)to_q23(left[i]), wr = (int32_t)to_q23(right[i]);
        window[0][HISTORY + i] = wl;
        window[1][HISTORY + i] = wr;
        if (wl > high) high = wl;
        if (wl < low) low = wl;
        if (wr > high) high = wr;
        if (wr < low) low = wr;
    }
    const interval_screen_t screen = screen_for(threshold, q31_range_magnitude(high, low));
    for (uint32_t i = 0; i < frames; i++) {
        int32_t wl = window[0][HISTORY + i], wr = window[1][HISTORY + i];
        if (wl > quiet || wl < -quiet || wr > quiet || wr < -quiet) l->loud_frames = TAPS;

        int64_t peak = 0;
        if (l->loud_frames != 0u) {
            l->loud_frames--;
            int64_t pl = interval_peak_over_x2(&window[0][i], &screen);
            int64_t pr = interval_peak_over_x2(&window[1][i], &screen);
            peak = pl > pr ? pl : pr;
        }
        int64_t around = peak > l->previous_peak_q39 ? peak : l->previous_peak_q39;
        l->previous_peak_q39 = peak;
        uint32_t gain = envelope_step(l, c, needed_gain(around, threshold));

        uint32_t position = l->delay_position;
        int64_t dl = l->delay[0][position], dr = l->delay[1][position];
        l->delay[0][position] = left[i];
        l->delay[1][position] = right[i];
        l->delay_position = position + 1u == c->latency ? 0u : position + 1u;
        if (gain == UNITY_Q30) {
            left[i] = dl;
            right[i] = dr;
        } else {
            left[i] = apply_gain(dl, gain);
            right[i] = apply_gain(dr, gain);
            residual_sum += distortion_square(left[i] - dl) + distortion_square(right[i] - dr);
        }
        signal_sum += distortion_square(dl) + distortion_square(dr);
    }
    memcpy(l->history[0], &window[0][frames], HISTORY * sizeof(int32_t));
    memcpy(l->history[1], &window[1][frames], HISTORY * sizeof(int32_t));
    *residual += residual_sum;
    *signal += signal_sum;
}
