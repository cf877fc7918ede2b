#include "true_peak.h"
#include "true_peak_taps.h"

#include <string.h>

#include "level_db.h"
#include "q31_math.h"

/* The Annex 2 taps: true_peak_taps.h. */

/* The largest sum of |taps| of a phase (phases 1 and 2), Q13: no
 * interpolated value exceeds it times the largest |sample| of its window. */
#define TAP_SUM_MAX 16571u

#define HISTORY (MIXBOX_TRUE_PEAK_TAPS - 1u)
#define PASS_FRAMES 64u /* frames per pass: a stack window of 11 + 64 int32 */

void mixbox_true_peak_init(mixbox_true_peak_t *tp)
{
    memset(tp, 0, sizeof *tp);
}

void mixbox_true_peak_clear_hold(mixbox_true_peak_t *tp)
{
    tp->max_q28 = 0u;
}

/* The lower of the two holds: a value at or under it raises neither. */
static uint32_t lower_hold(const mixbox_true_peak_t *tp)
{
    return tp->recent_q28 < tp->max_q28 ? tp->recent_q28 : tp->max_q28;
}

/*
 * Phase p and its mirror 3 - p share folded inputs: with s(k) the sample k
 * back, t the taps of phase p and k < 6,
 *   sum = sum (t[k] + t[11-k]) (s(k) + s(11-k)) = phase p + phase 3-p,
 *   dif = sum (t[k] - t[11-k]) (s(k) - s(11-k)) = phase p - phase 3-p,
 * so sum + dif and sum - dif are the two phases doubled: 24 multiplies per
 * sample instead of 48, exact. w[11 - k] is the sample k back.
 */
#define FOLD_SUM(p, k) (true_peak_taps_q13[p][k] + true_peak_taps_q13[p][11 - (k)])
#define FOLD_DIF(p, k) (true_peak_taps_q13[p][k] - true_peak_taps_q13[p][11 - (k)])
#define FOLD(k) do { \
        int32_t fold_sum = w[11 - (k)] + w[k], fold_dif = w[11 - (k)] - w[k]; \
        sum03 += FOLD_SUM(0, k) * fold_sum; dif03 += FOLD_DIF(0, k) * fold_dif; \
        sum12 += FOLD_SUM(1, k) * fold_sum; dif12 += FOLD_DIF(1, k) * fold_dif; \
    } while (0)

/* Widens [low, high] to v; |v| is then q31_range_magnitude(high, low). */
#define TRACK(v) do { if ((v) > high) high = (v); if ((v) < low) low = (v); } while (0)

/* Sum of |taps| of phase p outside its four central taps (4..7, the samples
 * around the interpolated point; pairs 4 and 5 when folded): 1335 for
 * phases 0 and 3, 3368 for phases 1 and 2. */
#define TAP_ABS(p, k) (true_peak_taps_q13[p][k] < 0 ? -true_peak_taps_q13[p][k] : true_peak_taps_q13[p][k])
#define OUTER_TAP_SUM(p) (TAP_ABS(p, 0) + TAP_ABS(p, 1) + TAP_ABS(p, 2) + TAP_ABS(p, 3) + \
                          TAP_ABS(p, 8) + TAP_ABS(p, 9) + TAP_ABS(p, 10) + TAP_ABS(p, 11))

/* The pair screens. Taps 5 and 6 weigh the two samples around a phase's
 * point, u (5 back) and v (6 back); with sigma = u + v and delta = u - v a
 * phase's pair term doubled is PAIR_SUM(p) sigma - PAIR_DIF(p) delta
 * (phase 3 - p: + delta), so the larger of the mirrored two is at most
 * PAIR_SUM |sigma| + PAIR_DIF |delta|: 10198 |sigma| + 2578 |delta| for
 * phases 1 and 2, 9089 |sigma| + 6839 |delta| for 0 and 3. The other ten
 * taps add at most PAIR_OUTER(p) times the largest |sample|: 6373 and 2660.
 * Coarser and cheaper first: both samples within pair_limit, where
 * 10198 x limit + 6373 x bound is the hold (10198 and 6373 are the larger
 * pair and outer sums). */
#define PAIR_SUM(p) (true_peak_taps_q13[p][5] + true_peak_taps_q13[p][6])
#define PAIR_DIF(p) (true_peak_taps_q13[p][6] - true_peak_taps_q13[p][5])
#define PAIR_OUTER(p) (OUTER_TAP_SUM(p) + TAP_ABS(p, 4) + TAP_ABS(p, 7))

/* Sum of |taps| of phase p on the six outermost samples (taps 0..2 and
 * 9..11; folded pairs 0..2): 673 for phases 0 and 3, 1806 for 1 and 2. */
#define FAR_TAP_SUM(p) (TAP_ABS(p, 0) + TAP_ABS(p, 1) + TAP_ABS(p, 2) + TAP_ABS(p, 9) + TAP_ABS(p, 10) + TAP_ABS(p, 11))

/* The outer taps added to a position's central sums, and the four doubled
 * phases tracked: the rare case, out of line so that the screening loop
 * keeps its values in registers. The largest outer pair (taps 3 and 8)
 * first: where the six far taps (at most 2 x FAR_TAP_SUM(p) x bound on a
 * doubled phase) cannot then reach past the extremes, nothing here can
 * raise them and the far products are left out; on dense material that
 * is most of the positions that get here. */
static OUT_OF_LINE void all_taps(const int32_t *w, int32_t sum03, int32_t dif03, int32_t sum12, int32_t dif12,
                                 int32_t *high_out, int32_t *low_out, int32_t sample_bound)
{
    int32_t high = *high_out, low = *low_out;
    FOLD(3);
    const int32_t far03 = 2 * FAR_TAP_SUM(0) * sample_bound, far12 = 2 * FAR_TAP_SUM(1) * sample_bound;
    int32_t v0 = sum03 + dif03, v3 = sum03 - dif03, v1 = sum12 + dif12, v2 = sum12 - dif12;
    if (v0 <= high - far03 && v0 >= low + far03 && v3 <= high - far03 && v3 >= low + far03 &&
        v1 <= high - far12 && v1 >= low + far12 && v2 <= high - far12 && v2 >= low + far12) return;
    FOLD(0);
    FOLD(1);
    FOLD(2);
    TRACK(sum03 + dif03);
    TRACK(sum03 - dif03);
    TRACK(sum12 + dif12);
    TRACK(sum12 - dif12);
    *high_out = high;
    *low_out = low;
}

/* Twice the largest |interpolated value| over `frames` positions of
 * window, or peak_x2 if that is higher; window[i + 11] is the newest sample
 * of position i and no |sample| exceeds sample_bound.
 *
 * Each screen below leaves out only positions that provably cannot beat
 * peak_x2 (so the result is the same as with every product computed), the
 * cheapest first: the pair's magnitudes (an add and a compare per
 * position), the signed pair, then the central taps, which give each
 * doubled phase to within twice the phase's outer tap sum times
 * sample_bound: only when that margin could reach past the extremes so far
 * are the outer taps added. Out of line: the loop then has the registers
 * to itself, and on RV32 rebuilds and reloads fewer of its taps and limits
 * at each position (docs/PERFORMANCE.md, issue #19 rounds). */
static OUT_OF_LINE uint32_t interpolated_peak_x2(const int32_t *window, uint32_t frames, uint32_t peak_x2, int32_t sample_bound)
{
    int32_t high = (int32_t)peak_x2, low = -(int32_t)peak_x2;
    const int32_t outer03 = 2 * OUTER_TAP_SUM(0) * sample_bound, outer12 = 2 * OUTER_TAP_SUM(1) * sample_bound;
    int32_t high03 = high - outer03, low03 = low + outer03, high12 = high - outer12, low12 = low + outer12;
    /* |s| <= pair_limit as one unsigned compare, (s + limit) <= 2 limit;
     * with no room, the offset 2^30 and span 0 pass no |s| <= 2^15. */
    int32_t pair_room = (int32_t)(peak_x2 / 2u) - PAIR_OUTER(1) * sample_bound;
    int32_t pair_limit = pair_room / PAIR_SUM(1);
    int32_t pair_offset = pair_room >= 0 ? pair_limit : (int32_t)1 << 30;
    uint32_t pair_span = pair_room >= 0 ? 2u * (uint32_t)pair_limit : 0u;
#define SMALL(s) ((uint32_t)((s) + pair_offset) <= pair_span)
    /* The signed pair's room: peak_x2 less the doubled outer bound
     * (negative: none). Every term stays below 2^31 (|sigma|, |delta| <=
     * 2^16). */
    const int32_t room12 = (int32_t)peak_x2 - 2 * PAIR_OUTER(1) * sample_bound;
    const int32_t room03 = (int32_t)peak_x2 - 2 * PAIR_OUTER(0) * sample_bound;
    const int32_t *w = window, *end = window + frames;
    int older_small = SMALL(window[5]);
    while (w < end) {
        int newer_small = SMALL(w[6]);
        if (older_small && newer_small) {
            /* A run of small samples: a load, an add and a compare per
             * position until the next large sample. */
            do {
                w++;
            } while (w != end && SMALL(w[6]));
            if (w == end) break;
            newer_small = 0;
        }
        older_small = newer_small;
        int32_t sigma = w[6] + w[5], delta = w[6] - w[5];
        sigma = sigma < 0 ? -sigma : sigma;
        delta = delta < 0 ? -delta : delta;
        if (PAIR_SUM(1) * sigma + PAIR_DIF(1) * delta > room12 || PAIR_SUM(0) * sigma + PAIR_DIF(0) * delta > room03) {
            int32_t sum03 = 0, dif03 = 0, sum12 = 0, dif12 = 0;
            FOLD(4);
            FOLD(5);
            int32_t v0 = sum03 + dif03, v3 = sum03 - dif03, v1 = sum12 + dif12, v2 = sum12 - dif12;
            if (v0 > high03 || v0 < low03 || v3 > high03 || v3 < low03 ||
                v1 > high12 || v1 < low12 || v2 > high12 || v2 < low12) {
                all_taps(w, sum03, dif03, sum12, dif12, &high, &low, sample_bound);
                high03 = high - outer03;
                low03 = low + outer03;
                high12 = high - outer12;
                low12 = low + outer12;
            }
        }
        w++;
    }
#undef SMALL
    return q31_range_magnitude(high, low);
}

/* The 11 history samples, written out (no loop counter: 22 instructions). */
static void copy_history(int32_t *to, const int32_t *from)
{
    to[0] = from[0]; to[1] = from[1]; to[2] = from[2]; to[3] = from[3]; to[4] = from[4]; to[5] = from[5];
    to[6] = from[6]; to[7] = from[7]; to[8] = from[8]; to[9] = from[9]; to[10] = from[10];
}

void mixbox_true_peak_run(mixbox_true_peak_t *tp, uint32_t channel, const q31_t *x, uint32_t frames)
{
    mixbox_true_peak_channel_t *ch = &tp->channel[channel];
    int32_t window[HISTORY + PASS_FRAMES];
    while (frames > 0u) {
        uint32_t n = frames < PASS_FRAMES ? frames : PASS_FRAMES;
        int32_t high = 0, low = 0;
        copy_history(window, ch->history);
        for (uint32_t i = 0; i < n; i++) {
            int32_t s = x[2u * i] >> 16;
            window[HISTORY + i] = s;
            TRACK(s);
        }
        uint32_t sample_peak = q31_range_magnitude(high, low);
        uint32_t window_peak = sample_peak > ch->history_peak ? sample_peak : ch->history_peak;

        /* The pass's own samples count (|x| << 13): the interpolation need
         * only look for values above them too, which keeps its screens
         * working right after the reading since the last take restarts at
         * 0. Exact skip: a pass whose windows cannot beat that leaves it (no
         * interpolated value exceeds 2.03 times its largest sample). */
        uint32_t hold = lower_hold(tp), peak = sample_peak * 8192u;
        if (peak < hold) peak = hold;
        if (window_peak * TAP_SUM_MAX > peak) peak = interpolated_peak_x2(window, n, 2u * peak, (int32_t)window_peak) / 2u;
        if (peak > tp->max_q28) tp->max_q28 = peak;
        if (peak > tp->recent_q28) tp->recent_q28 = peak;

        copy_history(ch->history, window + n);
        /* The new history's bound: this pass's samples, and the old bound
         * while some of the old history remains. */
        ch->history_peak = n >= HISTORY ? sample_peak : window_peak;
        x += 2u * n;
        frames -= n;
    }
}

/* A Q28 hold in cdB. */
static int32_t hold_cdb(uint32_t hold_q28)
{
    if (hold_q28 == 0u) return MIXBOX_METER_SILENCE_CDB;
    /* 20*log10(2) = 6.0206 dB per octave: cdB = log2 (Q16) * 602.06 / 65536.
     * The Q28 hold is read as Q44 (<< 16), as mixbox_log2_q16 wants large values. */
    int64_t relative = (int64_t)mixbox_log2_q16((uint64_t)hold_q28 << 16) - (int64_t)44 * 65536;
    int64_t scaled = relative * 602060;
    int64_t divisor = (int64_t)65536 * 1000;
    int64_t cdb = scaled >= 0 ? (scaled + divisor / 2) / divisor : -((-scaled + divisor / 2) / divisor);
    return cdb < MIXBOX_METER_SILENCE_CDB ? MIXBOX_METER_SILENCE_CDB : (int32_t)cdb;
}

int32_t mixbox_true_peak_read_cdb(const mixbox_true_peak_t *tp)
{
    return hold_cdb(tp->max_q28);
}

int32_t mixbox_true_peak_take_recent_cdb(mixbox_true_peak_t *tp)
{
    int32_t cdb = hold_cdb(tp->recent_q28);
    tp->recent_q28 = 0u;
    return cdb;
}
