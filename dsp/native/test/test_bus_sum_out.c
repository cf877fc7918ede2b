/* A sub-bus's output made by its only call (mixbox_bus_sum_call_run_out)
 * against the way the join makes it: the call's Q39 sums
 * (mixbox_bus_sum_call_run), rounded to Q31 and saturated. Random groups of
 * 1-4 members with gains up to +32 dB and large guard bits, samples up to full
 * scale, quiet and loud (the near-clipping frames take the long way): every
 * output sample and clip flag must match, and both ways must have run.
 * Two-group calls (mixbox_bus_sum_call_t.split) against a call per group.
 * Exact-edge calls: the short way's accepted range, pinned to the step.
 * The main bus's Q55 form (mixbox_bus_sum_call_run_q55) against the Q39 sums. */
#include <stdio.h>
#include <string.h>

#include "bus_sum.h"

#define FRAMES MIXBOX_CHUNK_FRAMES
#define STRIDE 8u

static uint64_t state = 0x9E3779B97F4A7C15ull;

static uint64_t next(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

/* A Q40 gain of at most +32 dB (2^24 x 39.8 < 2^29.32 in Q24), often with all 16 guard bits set. */
static int64_t random_gain_q40(void)
{
    int64_t magnitude = (int64_t)(next() % ((uint64_t)1 << 45)) >> (next() % 24u);
    if (next() % 4u == 0u) magnitude |= 0xFFFF;
    return next() % 2u ? -magnitude : magnitude;
}

static int32_t random_sample(uint32_t loudness)
{
    switch (next() % 8u) {
    case 0: return INT32_MAX;
    case 1: return INT32_MIN;
    default: return (int32_t)(uint32_t)next() >> loudness;
    }
}

/* Runs the call both ways on `input`; counts mismatches into *failures and
 * returns whether the join's way clipped. */
static uint32_t compare_ways(const mixbox_bus_sum_call_t *call, const q31_t *input, const char *what, uint32_t trial,
                             uint32_t *failures)
{
    static int64_t sums[2][FRAMES], scratch[2][FRAMES];
    static int32_t out[2][FRAMES];
    mixbox_bus_sum_call_run(call, input, STRIDE, FRAMES, sums, 0u);
    uint32_t clipped[2] = { 0u, 0u }, want_clipped[2] = { 0u, 0u };
    mixbox_bus_sum_call_run_out(call, input, STRIDE, FRAMES, out, scratch, &clipped[0], &clipped[1]);
    for (uint32_t side = 0; side < 2u; side++) {
        for (uint32_t i = 0; i < FRAMES; i++) {
            int32_t want = q31_saturate_flag(q39_round_to_q31(sums[side][i]), &want_clipped[side]);
            if (out[side][i] != want && (*failures)++ < 5u) {
                printf("FAIL %s trial %u side %u frame %u: %d, want %d\n", what, trial, side, i, out[side][i], want);
            }
        }
        if (clipped[side] != want_clipped[side] && (*failures)++ < 5u) printf("FAIL %s trial %u: clip flag\n", what, trial);
    }
    return want_clipped[0] | want_clipped[1];
}

/* n of the four slots, at random (a bit mask). */
static uint32_t random_slots(uint32_t n)
{
    for (;;) {
        uint32_t mask = (uint32_t)(next() % 16u);
        uint32_t bits = (mask & 1u) + (mask >> 1 & 1u) + (mask >> 2 & 1u) + (mask >> 3);
        if (bits == n) return mask;
    }
}

/* A two-group call (split: members of slots 0-3, then of 4-7, at most four)
 * against a call per group: the same Q39 sums, written and added, and its
 * output against the join's way of the per-group sums. Returns whether all
 * matched. */
static uint32_t compare_split(const q31_t *input, uint32_t trial, uint32_t *failures)
{
    static int64_t want[2][FRAMES], got[2][FRAMES], scratch[2][FRAMES];
    static int32_t out[2][FRAMES];
    mixbox_bus_sum_call_t group[2] = { { 0 }, { 0 } }, call = { 0 };
    uint32_t in_first = 1u + (uint32_t)(next() % 3u);
    uint32_t slots[2] = { random_slots(in_first), random_slots(1u + (uint32_t)(next() % (4u - in_first))) };
    for (uint32_t g = 0; g < 2u; g++) {
        for (uint32_t slot = 0; slot < 4u; slot++) {
            if (!(slots[g] >> slot & 1u)) continue;
            int64_t left = random_gain_q40(), right = random_gain_q40();
            mixbox_bus_sum_call_set_member(&group[g], group[g].count++, 4u * g + slot, left, right);
            mixbox_bus_sum_call_set_member(&call, call.count++, 4u * g + slot, left, right);
        }
        group[g].guard = 1u;
    }
    call.split = (uint8_t)in_first;
    call.guard = 1u;
    uint32_t mismatches = 0u;
    for (uint32_t adding = 0; adding < 2u; adding++) {
        for (uint32_t i = 0; i < FRAMES; i++) {
            int64_t before = adding ? (int64_t)(next() % ((uint64_t)1 << 50)) - ((int64_t)1 << 49) : 0;
            want[0][i] = got[0][i] = before;
            want[1][i] = got[1][i] = -before;
        }
        group[0].first = call.first = (uint8_t)!adding;
        group[1].first = 0u;
        mixbox_bus_sum_call_run(&group[0], input, STRIDE, FRAMES, want, 0u);
        mixbox_bus_sum_call_run(&group[1], input, STRIDE, FRAMES, want, 0u);
        mixbox_bus_sum_call_run(&call, input, STRIDE, FRAMES, got, 0u);
        for (uint32_t side = 0; side < 2u; side++) {
            for (uint32_t i = 0; i < FRAMES; i++) mismatches += got[side][i] != want[side][i];
        }
    }
    if (mixbox_bus_sum_call_can_put_out(&call)) {
        /* The join's way: the per-group sums written, rounded, saturated. */
        group[0].first = 1u;
        mixbox_bus_sum_call_run(&group[0], input, STRIDE, FRAMES, want, 0u);
        mixbox_bus_sum_call_run(&group[1], input, STRIDE, FRAMES, want, 0u);
        uint32_t clipped[2] = { 0u, 0u }, want_clipped[2] = { 0u, 0u };
        call.first = BUS_SUM_ONLY_CALL;
        mixbox_bus_sum_call_run_out(&call, input, STRIDE, FRAMES, out, scratch, &clipped[0], &clipped[1]);
        for (uint32_t side = 0; side < 2u; side++) {
            for (uint32_t i = 0; i < FRAMES; i++) {
                mismatches += out[side][i] != q31_saturate_flag(q39_round_to_q31(want[side][i]), &want_clipped[side]);
            }
            mismatches += clipped[side] != want_clipped[side];
        }
    }
    if (mismatches != 0u && (*failures)++ < 5u) printf("FAIL split trial %u: %u mismatches\n", trial, mismatches);
    return mismatches == 0u;
}


/* The Q55 form (mixbox_bus_sum_call_run_q55) against the Q39 sums: 2^16 x
 * the same value, written and added onto sums on the grid, for one- and
 * two-group calls of 1-4 members. Returns whether all matched. */
static uint32_t compare_q55(const q31_t *input, uint32_t trial, uint32_t *failures)
{
    static int64_t want[2][FRAMES], got[2][FRAMES];
    mixbox_bus_sum_call_t call = { 0 };
    uint32_t split = (uint32_t)(next() % 2u);
    uint32_t in_first = 1u + (uint32_t)(next() % 3u);
    uint32_t slots[2] = { random_slots(in_first), random_slots(1u + (uint32_t)(next() % (4u - in_first))) };
    if (!split) slots[0] = random_slots(1u + (uint32_t)(next() % 4u));
    for (uint32_t g = 0; g < 1u + split; g++) {
        for (uint32_t slot = 0; slot < 4u; slot++) {
            if (slots[g] >> slot & 1u) mixbox_bus_sum_call_set_member(&call, call.count++, 4u * g + slot, random_gain_q40(), random_gain_q40());
        }
    }
    call.split = (uint8_t)(split ? in_first : 0u);
    call.guard = (uint8_t)(split || next() % 2u);
    uint32_t mismatches = 0u;
    for (uint32_t adding = 0; adding < 2u; adding++) {
        for (uint32_t i = 0; i < FRAMES; i++) {
            int64_t before = adding ? (int64_t)(next() % ((uint64_t)1 << 44)) - ((int64_t)1 << 43) : 0;
            want[0][i] = before;
            want[1][i] = -before;
            got[0][i] = before * 65536;
            got[1][i] = -before * 65536;
        }
        call.first = (uint8_t)!adding;
        mixbox_bus_sum_call_run(&call, input, STRIDE, FRAMES, want, 0u);
        mixbox_bus_sum_call_run_q55(&call, input, STRIDE, FRAMES, got);
        for (uint32_t side = 0; side < 2u; side++) {
            for (uint32_t i = 0; i < FRAMES; i++) mismatches += got[side][i] != want[side][i] * 65536;
        }
    }
    if (mismatches != 0u && (*failures)++ < 5u) printf("FAIL q55 trial %u: %u mismatches\n", trial, mismatches);
    return mismatches == 0u;
}

/* The short way's accepted range, exactly: it puts out a call only while
 * every frame's coarse high word is in [-2^23 + 2, 2^23 - 3] (group_to_q31);
 * elsewhere it takes the long way (the call's sums, in scratch). One step
 * wider at either end still gives the join's output (the bracket fits up to
 * [-2^23 + 1, 2^23 - 2]), so the outputs alone cannot pin the edge: each case
 * also checks which way ran (scratch written or not). A call whose frames are
 * silent but one: that frame's coarse sum is x * 2^24 of one member at unity
 * (its high word floor(x / 2^8)), the others adding exactly 0 (silent
 * samples, or a pair that cancels); the case's guard bits only move the
 * part below the high word. */
typedef struct {
    const char *name;
    uint8_t count, split, guard;
    uint8_t channel[4];
} edge_call_t;

static const edge_call_t edge_calls[] = {
    { "1 member", 1, 0, 0, { 0 } },
    { "1 member, guard", 1, 0, 1, { 5 } },
    { "2 apart", 2, 0, 0, { 0, 2 } },
    { "2 apart, guard", 2, 0, 1, { 1, 3 } },
    { "2 adjacent", 2, 0, 0, { 1, 2 } },
    { "2 adjacent, guard", 2, 0, 1, { 4, 5 } },
    { "3 apart", 3, 0, 0, { 0, 1, 3 } },
    { "3 apart, guard", 3, 0, 1, { 4, 6, 7 } },
    { "3 adjacent", 3, 0, 0, { 0, 1, 2 } },
    { "3 adjacent, guard", 3, 0, 1, { 5, 6, 7 } },
    { "4", 4, 0, 0, { 0, 1, 2, 3 } },
    { "4, guard", 4, 0, 1, { 4, 5, 6, 7 } },
    { "split 1+1", 2, 1, 1, { 3, 4 } },
    { "split 1+2", 3, 1, 1, { 2, 4, 7 } },
    { "split 2+1", 3, 2, 1, { 1, 3, 6 } },
    { "split 1+3", 4, 1, 1, { 3, 4, 5, 6 } },
    { "split 2+2", 4, 2, 1, { 2, 3, 4, 5 } },
    { "split 3+1", 4, 3, 1, { 0, 2, 3, 5 } },
};

#define HIGH_MIN (-(1 << 23))
#define HIGH_MAX ((1 << 23) - 1)

/* The coarse high word the short way checks for one frame of `call` (the
 * rule of group_to_q31 and the two-group floor, restated): the coarse
 * products summed, a two-group call's first group floored to the Q39 grid
 * with its guard-bit products. */
static int32_t coarse_high(const mixbox_bus_sum_call_t *call, const q31_t *frame, uint32_t side)
{
    const int32_t *coarse = side ? call->right_q24 : call->left_q24, *fine = side ? call->right_fine : call->left_fine;
    int64_t sum = 0;
    int64_t fine_sum = 0;
    for (uint32_t m = 0; m < call->count; m++) {
        if (call->split != 0u && m == call->split) {
            sum = (int64_t)((uint64_t)(sum + 4 * fine_sum) & ~(uint64_t)0xFFFF);
            fine_sum = 0;
        }
        int64_t x = frame[call->channel[m]];
        sum += x * coarse[m];
        fine_sum += (x * fine[m]) >> 32;
    }
    return (int32_t)(sum >> 32);
}

/* One case: member `loud` carries the edge frame on `side` with coarse high
 * word `high` (a gain of sign `sign`); returns the number of mismatches
 * (outputs, clip flags, the way taken). */
static uint32_t edge_case(const edge_call_t *shape, uint32_t loud, uint32_t side, int32_t high, int sign,
                          q31_t *input)
{
    static int64_t sums[2][FRAMES], scratch[2][FRAMES];
    static int32_t out[2][FRAMES];
    mixbox_bus_sum_call_t call;
    uint32_t frame = (uint32_t)(next() % FRAMES);
    q31_t *x = &input[frame * STRIDE];
    for (uint32_t i = 0; i < FRAMES * STRIDE; i++) input[i] = 0;
    /* Random guard bits and low bits until the frame's high word is the one
     * wanted (a two-group call's floor can borrow from it). */
    for (uint32_t attempt = 0;; attempt++) {
        if (attempt == 64u) return 1u;
        uint32_t fine = next() % 2u ? 0xFFFFu : (uint32_t)(next() % 0x10000u);
        memset(&call, 0, sizeof call);
        for (uint32_t m = 0; m < shape->count; m++) {
            int64_t guard = shape->guard ? (int64_t)fine : 0;
            int64_t unity = ((int64_t)1 << 40) + guard;
            int64_t edge_gain = sign > 0 ? unity : -((int64_t)1 << 40) + guard;
            /* The loud member's other side: a quiet gain, far from clipping. */
            int64_t quiet = ((int64_t)1 << 36) + guard;
            int64_t left = m != loud ? unity : side == 0u ? edge_gain : quiet;
            int64_t right = m != loud ? unity : side == 1u ? edge_gain : quiet;
            mixbox_bus_sum_call_set_member(&call, call.count++, shape->channel[m], left, right);
        }
        call.split = shape->split;
        call.guard = shape->guard;
        call.first = BUS_SUM_ONLY_CALL;
        /* x * 2^24 (or -x * 2^24) has high word `high` for x = 2^8 high + r (or its negation). */
        int64_t loud_x = (int64_t)high * 256 + (int64_t)(next() % 256u);
        x[shape->channel[loud]] = (q31_t)(sign > 0 ? loud_x : -loud_x);
        /* Two other members (if any) cancel each other's coarse products. */
        if (shape->count >= 3u) {
            int32_t y = (int32_t)(next() % 0x40000000u);
            x[shape->channel[(loud + 1u) % shape->count]] = y;
            x[shape->channel[(loud + 2u) % shape->count]] = -y;
        }
        if (coarse_high(&call, x, side) == high) break;
    }
    int32_t other = coarse_high(&call, x, side ^ 1u);
    mixbox_bus_sum_call_run(&call, input, STRIDE, FRAMES, sums, 0u);
    for (uint32_t s = 0; s < 2u; s++) {
        for (uint32_t i = 0; i < FRAMES; i++) scratch[s][i] = INT64_MIN;
    }
    uint32_t clipped[2] = { 0u, 0u }, want_clipped[2] = { 0u, 0u }, mismatches = 0u;
    mixbox_bus_sum_call_run_out(&call, input, STRIDE, FRAMES, out, scratch, &clipped[0], &clipped[1]);
    for (uint32_t s = 0; s < 2u; s++) {
        for (uint32_t i = 0; i < FRAMES; i++) {
            mismatches += out[s][i] != q31_saturate_flag(q39_round_to_q31(sums[s][i]), &want_clipped[s]);
        }
        mismatches += clipped[s] != want_clipped[s];
    }
    int long_way = scratch[0][0] != INT64_MIN;
    int want_long = high < HIGH_MIN + 2 || high > HIGH_MAX - 2 || other < HIGH_MIN + 2 || other > HIGH_MAX - 2;
    mismatches += long_way != want_long;
    return mismatches;
}

/* Every shape, each member as the loud one, both sides, both gain signs, at,
 * one inside and one outside each edge (and the extremes). */
static uint32_t edge_cases(q31_t *input, uint32_t *failures)
{
    const int32_t highs[] = { HIGH_MIN, HIGH_MIN + 1, HIGH_MIN + 2, HIGH_MIN + 3,
                              HIGH_MAX - 3, HIGH_MAX - 2, HIGH_MAX - 1, HIGH_MAX };
    uint32_t cases = 0u, failed = 0u;
    for (uint32_t c = 0; c < sizeof edge_calls / sizeof edge_calls[0]; c++) {
        const edge_call_t *shape = &edge_calls[c];
        for (uint32_t loud = 0; loud < shape->count; loud++) {
            for (uint32_t k = 0; k < 8u * 2u * 2u; k++) {
                int32_t high = highs[k % 8u];
                uint32_t side = k / 8u % 2u;
                int sign = k / 16u ? -1 : 1;
                /* -x for x = 2^8 high + r must fit int32: skip the one high word where it cannot. */
                if (sign < 0 && high == HIGH_MIN) continue;
                uint32_t bad = edge_case(shape, loud, side, high, sign, input);
                failed += bad != 0u;
                if (bad != 0u && (*failures)++ < 5u) {
                    printf("FAIL edge %s member %u side %u high %d sign %d: %u mismatches\n", shape->name, loud, side,
                           high, sign, bad);
                }
                cases++;
            }
        }
    }
    if (failed != 0u) printf("FAIL: %u of %u exact-edge calls\n", failed, cases);
    return cases;
}

int main(void)
{
    static q31_t input[FRAMES * STRIDE];
    uint32_t failures = 0u, runs = 0u, refused = 0u, clipped_runs = 0u;
    for (uint32_t trial = 0; trial < 200000u; trial++) {
        mixbox_bus_sum_call_t call = { 0 };
        uint32_t first_slot = (next() % 2u) * 4u;
        for (uint32_t c = 0; c < 4u; c++) {
            if (next() % 3u == 0u && !(c == 3u && call.count == 0u)) continue;
            mixbox_bus_sum_call_set_member(&call, call.count++, first_slot + c, random_gain_q40(), random_gain_q40());
        }
        call.guard = 1u;
        call.first = BUS_SUM_ONLY_CALL;
        if (!mixbox_bus_sum_call_can_put_out(&call)) { refused++; continue; }
        uint32_t loudness = (uint32_t)(next() % 16u);
        for (uint32_t i = 0; i < FRAMES * STRIDE; i++) input[i] = random_sample(loudness);
        clipped_runs += compare_ways(&call, input, "random", trial, &failures);
        runs++;
    }
    /* At the edge of the short way: one member a little above or below unity, samples within 2^10 of full scale. */
    uint32_t edge_clips = 0u;
    for (uint32_t trial = 0; trial < 20000u; trial++) {
        mixbox_bus_sum_call_t call = { 0 };
        int64_t gain = ((int64_t)1 << 40) + (int64_t)(next() % 0x20000u) - 0x10000;
        mixbox_bus_sum_call_set_member(&call, call.count++, 0u, next() % 2u ? gain : -gain, gain);
        call.guard = 1u;
        call.first = BUS_SUM_ONLY_CALL;
        for (uint32_t i = 0; i < FRAMES * STRIDE; i++) {
            int32_t below = (int32_t)(next() % 1024u);
            input[i] = next() % 2u ? INT32_MAX - below : INT32_MIN + below;
        }
        edge_clips += compare_ways(&call, input, "edge", trial, &failures);
    }
    if (edge_clips == 0u || edge_clips == 20000u) { printf("FAIL: the edge trials did not straddle clipping\n"); failures++; }
    /* Four members with every guard bit set: their fine sums could reach the bound. */
    mixbox_bus_sum_call_t big = { 0 };
    for (uint32_t m = 0; m < 4u; m++) mixbox_bus_sum_call_set_member(&big, big.count++, m, 0xFFFF, 0xFFFF);
    if (mixbox_bus_sum_call_can_put_out(&big)) { printf("FAIL: four full guard factors accepted\n"); failures++; }
    uint32_t split_runs = 0u;
    for (uint32_t trial = 0; trial < 50000u; trial++) {
        uint32_t loudness = (uint32_t)(next() % 16u);
        for (uint32_t i = 0; i < FRAMES * STRIDE; i++) input[i] = random_sample(loudness);
        split_runs += compare_split(input, trial, &failures);
    }
    printf("%u two-group calls matched a call per group\n", split_runs);
    printf("%u exact-edge calls\n", edge_cases(input, &failures));
    uint32_t q55_runs = 0u;
    for (uint32_t trial = 0; trial < 20000u; trial++) {
        uint32_t loudness = (uint32_t)(next() % 16u);
        for (uint32_t i = 0; i < FRAMES * STRIDE; i++) input[i] = random_sample(loudness);
        q55_runs += compare_q55(input, trial, &failures);
    }
    printf("%u calls in Q55 matched the Q39 sums\n", q55_runs);
    if (q55_runs != 20000u) failures++;
    if (split_runs != 50000u) failures++;
    printf("%u calls compared (%u with a clip), %u refused\n", runs, clipped_runs, refused);
    if (runs < 100000u || clipped_runs < 1000u || refused == 0u) { printf("FAIL: a way was not exercised\n"); failures++; }
    return failures == 0u ? 0 : 1;
}
