/* A sub-bus's output made by its only call (mixbox_bus_sum_call_run_out)
 * against the way the join makes it: the call's Q39 sums
 * (mixbox_bus_sum_call_run), rounded to Q31 and saturated. Random groups of
 * 1-4 members with gains up to +32 dB and large guard bits, samples up to full
 * scale, quiet and loud (the near-clipping frames take the long way): every
 * output sample and clip flag must match, and both ways must have run.
 * Two-group calls (mixbox_bus_sum_call_t.split) against a call per group. */
#include <stdio.h>

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
    if (split_runs != 50000u) failures++;
    printf("%u calls compared (%u with a clip), %u refused\n", runs, clipped_runs, refused);
    if (runs < 100000u || clipped_runs < 1000u || refused == 0u) { printf("FAIL: a way was not exercised\n"); failures++; }
    return failures == 0u ? 0 : 1;
}
