#include "bus_sum.h"

#include <stddef.h>

#include "q31_math.h"

/* A Q40 gain as a Q24 part and its 16 guard bits, the latter placed in the
 * top of a 30-bit factor: x * fine (< 2^61) >> 32 is x times the guard bits
 * in Q53, below 2^29, so a group's four fit an int32 sum. */
static inline int32_t coarse_q24(int64_t gain_q40)
{
    return (int32_t)(gain_q40 >> 16);
}

static inline int32_t fine_factor(int64_t gain_q40)
{
    return (int32_t)((uint32_t)(gain_q40 & 0xFFFF) << 14);
}

static inline int32_t fine_product_q53(int32_t sample, int32_t fine)
{
    return (int32_t)(((int64_t)sample * fine) >> 32);
}

/* 4 x a Q53 fine sum: Q55. A 32-bit core (the device) builds it from its two
 * words (fine >> 30 above, fine << 2 below: 2 instructions, where the
 * compiler's sign extension and 64-bit shift take 5); a 64-bit core
 * multiplies. The same value either way (MIXBOX_PORTABLE_PATHS picks the
 * words on any core, as in square_sum.h). */
static inline int64_t fine_to_q55(int32_t fine_q53)
{
#if UINTPTR_MAX > 0xFFFFFFFFu && !defined(MIXBOX_PORTABLE_PATHS)
    return (int64_t)fine_q53 * 4;
#else
    uint64_t high = (uint64_t)(uint32_t)(fine_q53 >> 30) << 32;
    return (int64_t)(high | (uint32_t)((uint32_t)fine_q53 << 2));
#endif
}

/* A Q55 sum floored to a multiple of 2^16 (the Q39 grid), kept in Q55: only
 * the low word changes. */
static inline int64_t on_q39_grid(int64_t sum_q55)
{
    return (int64_t)((uint64_t)sum_q55 & ~(uint64_t)0xFFFF);
}

/* The group's Q55 sum of coarse products plus its Q53 fine products, floored
 * once to Q39. */
static inline int64_t group_to_q39(int64_t coarse_q55, int32_t fine_q53)
{
    return (coarse_q55 + fine_to_q55(fine_q53)) >> 16;
}

/* A group's sums -> the Q31 output the join makes of that group's Q39 sum
 * alone: round(floor(S / 2^16) / 2^8) = floor((S + 2^23) / 2^24), S = coarse +
 * 4 fine (nested floors), = 2^8 high + floor((low / 4 + fine + 2^21) / 2^22)
 * with high, low the coarse sum's words. The bracket fits 32 bits while fine
 * < 2^30 - 2^21 (mixbox_bus_sum_call_can_put_out). 2^8 high plus a part in
 * [-2^9, 2^9) fits 32 bits while high is in [-2^23 + 2, 2^23 - 3] (the output
 * at least 2^9 from clipping): *near_clipping is set where it is not, for the
 * caller to check once (group_outputs_fit). One add and one compare (a branch
 * almost never taken) per output. */
static ALWAYS_INLINE int32_t group_to_q31(int64_t coarse_q55, int32_t fine_q53, uint32_t *near_clipping)
{
    uint32_t low = (uint32_t)coarse_q55;
    int32_t high = (int32_t)(coarse_q55 >> 32);
    int32_t part = (int32_t)((low >> 2) + (1u << 21) + (uint32_t)fine_q53);
    if ((uint32_t)high + ((1u << 23) - 2u) > (1u << 24) - 5u) *near_clipping = 1u;
    return (int32_t)(((uint32_t)high << 8) + (uint32_t)(part >> 22));
}

static int group_outputs_fit(uint32_t near_clipping)
{
    return !near_clipping;
}

/* |a side's fine sum| <= the sum of ceil(factor / 2) (|x| <= 2^31): at most
 * 2^30 - 2^21, as group_to_q31 needs. */
static int fine_sum_is_small(const int32_t *fine, uint32_t count)
{
    uint64_t factors = 0u;
    for (uint32_t m = 0; m < count; m++) factors += (uint32_t)fine[m];
    return factors / 2u + count <= (1u << 30) - (1u << 21);
}

int mixbox_bus_sum_call_can_put_out(const mixbox_bus_sum_call_t *call)
{
    return fine_sum_is_small(call->left_fine, call->count) && fine_sum_is_small(call->right_fine, call->count);
}

/* Whether the members' samples are consecutive channels (x[m] = x[0] + m). */
static int members_are_adjacent(const q31_t *const *x, uint32_t count)
{
    return x[count - 1u] - x[0] == (ptrdiff_t)(count - 1u);
}

/* Settled gains are loop constants: a kernel per group size keeps them in
 * registers (the compiler unrolls the member loop for a constant count). */
/* `guard`: some member's gains have guard bits (a constant per kernel:
 * without them the products of the bits are left out, not computed as 0). */
/* `out`: the kernel of mixbox_bus_sum_call_run_out (outputs, not sums). */
/* `split` (nonzero: a two-group call, mixbox_bus_sum_call_t.split): members
 * [0, split) are one slot group and the rest the next; the first group's
 * sum is floored to Q39 where it ends (low 16 bits cleared, still Q55) and
 * the second's products are added onto it, so the one floor at the end
 * floors only the second: floor(A / 2^16) + floor(B / 2^16) = floor((2^16
 * floor(A / 2^16) + B) / 2^16). The same bits as a call per group, without
 * the first call's shift and stores and the second's loads and 64-bit add. */
/* `adjacent`: the members are consecutive channels (always so for a full
 * group): one pointer per frame, the members at fixed offsets from it, where
 * a pointer per member costs an add per member and frame and registers the
 * gains then lose to the stack. */
static ALWAYS_INLINE void sum_settled(const q31_t *const *x, const int32_t *left, const int32_t *right,
                                      const int32_t *left_fine, const int32_t *right_fine, const uint32_t count,
                                      uint32_t stride, uint32_t frames, int64_t *sums, const int first, const int guard, const int out, int32_t *out_left,
                                      int32_t *out_right, uint32_t *near_clipping, const int adjacent, const uint32_t split,
                                      const int q55, const int tail)
{
    const int full = adjacent || (count == BUS_SUM_GROUP && split == 0u);
    /* The gains in locals: the int32 outputs could otherwise alias them, and
     * the compiler would load them again every frame. */
    int32_t gain_left[BUS_SUM_GROUP], gain_right[BUS_SUM_GROUP], fine_gain_left[BUS_SUM_GROUP],
        fine_gain_right[BUS_SUM_GROUP];
    for (uint32_t m = 0; m < count; m++) {
        gain_left[m] = left[m];
        gain_right[m] = right[m];
        fine_gain_left[m] = guard ? left_fine[m] : 0;
        fine_gain_right[m] = guard ? right_fine[m] : 0;
    }
    for (uint32_t i = 0; i < frames; i++) {
        int64_t group_left = 0, group_right = 0; /* Q55 */
        int32_t fine_left = 0, fine_right = 0;   /* Q53 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC unroll 4
#endif
        for (uint32_t m = 0; m < count; m++) {
            int32_t sample = full ? x[0][i * stride + m]
                             : tail && m >= split ? x[split][i * stride + (m - split)] : x[m][i * stride];
            if (split != 0u && m == split) {
                group_left = on_q39_grid(group_left + fine_to_q55(fine_left));
                group_right = on_q39_grid(group_right + fine_to_q55(fine_right));
                fine_left = 0;
                fine_right = 0;
            }
            group_left += (int64_t)sample * gain_left[m];
            group_right += (int64_t)sample * gain_right[m];
            if (guard) {
                fine_left += fine_product_q53(sample, fine_gain_left[m]);
                fine_right += fine_product_q53(sample, fine_gain_right[m]);
            }
        }
        if (out) {
            out_left[i] = group_to_q31(group_left, fine_left, near_clipping);
            out_right[i] = group_to_q31(group_right, fine_right, near_clipping);
            continue;
        }
        int64_t *sum_left = &sums[i], *sum_right = &sums[i + MIXBOX_CHUNK_FRAMES];
        if (q55) {
            /* The sums on the Q39 grid in Q55: the floor of the group's part
             * is the floor of the sum (the sum before is on the grid). */
            int64_t part_left = guard ? group_left + fine_to_q55(fine_left) : group_left;
            int64_t part_right = guard ? group_right + fine_to_q55(fine_right) : group_right;
            *sum_left = on_q39_grid(first ? part_left : *sum_left + part_left);
            *sum_right = on_q39_grid(first ? part_right : *sum_right + part_right);
            continue;
        }
        *sum_left = (first ? 0 : *sum_left) + (guard ? group_to_q39(group_left, fine_left) : group_left >> 16);
        *sum_right = (first ? 0 : *sum_right) + (guard ? group_to_q39(group_right, fine_right) : group_right >> 16);
    }
}

/* One settled kernel per group size, `first` and `guard` (and `q55`: the
 * sums' form, bus_sum.h), all constants in it: no per-frame branch or load. */
static ALWAYS_INLINE void sum_settled_kernels(const q31_t *const *x, const int32_t *left, const int32_t *right,
                                              const int32_t *left_fine, const int32_t *right_fine, uint32_t count,
                                              uint32_t stride, uint32_t frames, int64_t *sums, int first, int guard,
                                              const int q55)
{
#define SETTLED(n, f, g) \
    sum_settled(x, left, right, left_fine, right_fine, n, stride, frames, sums, f, g, 0, 0, 0, 0, 0, 0u, q55, 0); \
    break
#define ADJACENT(n, f, g) \
    sum_settled(x, left, right, left_fine, right_fine, n, stride, frames, sums, f, g, 0, 0, 0, 0, 1, 0u, q55, 0); \
    break
    if (count == 2u || count == 3u) {
        if (members_are_adjacent(x, count)) {
            switch ((count - 2u) * 4u + (first ? 2u : 0u) + (guard ? 1u : 0u)) {
            case 0: ADJACENT(2, 0, 0);
            case 1: ADJACENT(2, 0, 1);
            case 2: ADJACENT(2, 1, 0);
            case 3: ADJACENT(2, 1, 1);
            case 4: ADJACENT(3, 0, 0);
            case 5: ADJACENT(3, 0, 1);
            case 6: ADJACENT(3, 1, 0);
            default: ADJACENT(3, 1, 1);
            }
            return;
        }
    }
    switch ((count - 1u) * 4u + (first ? 2u : 0u) + (guard ? 1u : 0u)) {
    case 0: SETTLED(1, 0, 0);
    case 1: SETTLED(1, 0, 1);
    case 2: SETTLED(1, 1, 0);
    case 3: SETTLED(1, 1, 1);
    case 4: SETTLED(2, 0, 0);
    case 5: SETTLED(2, 0, 1);
    case 6: SETTLED(2, 1, 0);
    case 7: SETTLED(2, 1, 1);
    case 8: SETTLED(3, 0, 0);
    case 9: SETTLED(3, 0, 1);
    case 10: SETTLED(3, 1, 0);
    case 11: SETTLED(3, 1, 1);
    case 12: SETTLED(4, 0, 0);
    case 13: SETTLED(4, 0, 1);
    case 14: SETTLED(4, 1, 0);
    default: SETTLED(4, 1, 1);
    }
#undef SETTLED
#undef ADJACENT
}

static void sum_settled_kernel(const q31_t *const *x, const int32_t *left, const int32_t *right,
                               const int32_t *left_fine, const int32_t *right_fine, uint32_t count, uint32_t stride,
                               uint32_t frames, int64_t *sums, int first, int guard)
{
    sum_settled_kernels(x, left, right, left_fine, right_fine, count, stride, frames, sums, first, guard, 0);
}

static void sum_settled_kernel_q55(const q31_t *const *x, const int32_t *left, const int32_t *right,
                                   const int32_t *left_fine, const int32_t *right_fine, uint32_t count,
                                   uint32_t stride, uint32_t frames, int64_t *sums, int first, int guard)
{
    sum_settled_kernels(x, left, right, left_fine, right_fine, count, stride, frames, sums, first, guard, 1);
}

/* The two-group kernels (`split`), one per size, split and `first`; always
 * with the guard-bit products (a member without guard bits adds 0). */
static ALWAYS_INLINE void sum_split_kernels(const q31_t *const *x, const int32_t *left, const int32_t *right,
                                            const int32_t *left_fine, const int32_t *right_fine, uint32_t count,
                                            uint32_t split, uint32_t stride, uint32_t frames, int64_t *sums,
                                            int first, const int q55)
{
#define SPLIT(n, s, f) \
    sum_settled(x, left, right, left_fine, right_fine, n, stride, frames, sums, f, 1, 0, 0, 0, 0, 0, s, q55, 0); \
    break
#define SPLIT_TAIL(n, s, f) \
    sum_settled(x, left, right, left_fine, right_fine, n, stride, frames, sums, f, 1, 0, 0, 0, 0, 0, s, q55, 1); \
    break
    /* The second group's members consecutive channels (two or three of
     * them): one pointer for them, as for an adjacent call. */
    if (count - split >= 2u && members_are_adjacent(x + split, count - split)) {
        switch (count * 8u + split * 2u + (first ? 1u : 0u)) {
        case 3 * 8 + 2: SPLIT_TAIL(3, 1u, 0);
        case 3 * 8 + 3: SPLIT_TAIL(3, 1u, 1);
        case 4 * 8 + 2: SPLIT_TAIL(4, 1u, 0);
        case 4 * 8 + 3: SPLIT_TAIL(4, 1u, 1);
        case 4 * 8 + 4: SPLIT_TAIL(4, 2u, 0);
        default: SPLIT_TAIL(4, 2u, 1);
        }
        return;
    }
    switch (count * 8u + split * 2u + (first ? 1u : 0u)) {
    case 2 * 8 + 2: SPLIT(2, 1u, 0);
    case 2 * 8 + 3: SPLIT(2, 1u, 1);
    case 3 * 8 + 2: SPLIT(3, 1u, 0);
    case 3 * 8 + 3: SPLIT(3, 1u, 1);
    case 3 * 8 + 4: SPLIT(3, 2u, 0);
    case 3 * 8 + 5: SPLIT(3, 2u, 1);
    case 4 * 8 + 2: SPLIT(4, 1u, 0);
    case 4 * 8 + 3: SPLIT(4, 1u, 1);
    case 4 * 8 + 4: SPLIT(4, 2u, 0);
    case 4 * 8 + 5: SPLIT(4, 2u, 1);
    case 4 * 8 + 6: SPLIT(4, 3u, 0);
    default: SPLIT(4, 3u, 1);
    }
#undef SPLIT
#undef SPLIT_TAIL
}

static void sum_split_kernel(const q31_t *const *x, const int32_t *left, const int32_t *right,
                             const int32_t *left_fine, const int32_t *right_fine, uint32_t count, uint32_t split,
                             uint32_t stride, uint32_t frames, int64_t *sums, int first)
{
    sum_split_kernels(x, left, right, left_fine, right_fine, count, split, stride, frames, sums, first, 0);
}

static void sum_split_kernel_q55(const q31_t *const *x, const int32_t *left, const int32_t *right,
                                 const int32_t *left_fine, const int32_t *right_fine, uint32_t count, uint32_t split,
                                 uint32_t stride, uint32_t frames, int64_t *sums, int first)
{
    sum_split_kernels(x, left, right, left_fine, right_fine, count, split, stride, frames, sums, first, 1);
}

void mixbox_bus_sum_call_set_member(mixbox_bus_sum_call_t *call, uint32_t m, uint32_t channel, int64_t left_q40,
                                    int64_t right_q40)
{
    call->channel[m] = (uint8_t)channel;
    call->left_q24[m] = coarse_q24(left_q40);
    call->right_q24[m] = coarse_q24(right_q40);
    call->left_fine[m] = fine_factor(left_q40);
    call->right_fine[m] = fine_factor(right_q40);
}

void mixbox_bus_sum_call_run(const mixbox_bus_sum_call_t *call, const q31_t *frame0, uint32_t stride, uint32_t frames,
                             int64_t (*sums)[MIXBOX_CHUNK_FRAMES], uint32_t from)
{
    const q31_t *x[BUS_SUM_GROUP];
    for (uint32_t m = 0; m < call->count; m++) x[m] = frame0 + call->channel[m];
    if (call->split != 0u) {
        sum_split_kernel(x, call->left_q24, call->right_q24, call->left_fine, call->right_fine, call->count,
                         call->split, stride, frames, sums[0] + from, call->first);
        return;
    }
    sum_settled_kernel(x, call->left_q24, call->right_q24, call->left_fine, call->right_fine, call->count, stride,
                       frames, sums[0] + from, call->first, call->guard);
}

void mixbox_bus_sum_call_run_q55(const mixbox_bus_sum_call_t *call, const q31_t *frame0, uint32_t stride,
                                 uint32_t frames, int64_t (*sums)[MIXBOX_CHUNK_FRAMES])
{
    const q31_t *x[BUS_SUM_GROUP];
    for (uint32_t m = 0; m < call->count; m++) x[m] = frame0 + call->channel[m];
    if (call->split != 0u) {
        sum_split_kernel_q55(x, call->left_q24, call->right_q24, call->left_fine, call->right_fine, call->count,
                             call->split, stride, frames, sums[0], call->first);
        return;
    }
    sum_settled_kernel_q55(x, call->left_q24, call->right_q24, call->left_fine, call->right_fine, call->count,
                           stride, frames, sums[0], call->first, call->guard);
}

/* |a side's Q55 sum| <= 2^31 (sum of |Q24 gain| + 1): a Q24 product at most
 * 2^31 |gain|, 4 x a guard-bit product at most 2^31. */
uint64_t mixbox_bus_sum_call_bound(const mixbox_bus_sum_call_t *call, uint32_t side)
{
    const int32_t *gains = side ? call->right_q24 : call->left_q24;
    uint64_t bound = 0u;
    for (uint32_t m = 0; m < call->count; m++) bound += q31_magnitude(gains[m]) + 1u;
    return bound;
}

/* The output kernels, one per group size and `guard` (and adjacency), or per
 * size and split for a two-group call. Returns 0 where some
 * output is not right (group_to_q31). */
static int out_settled_kernel(const q31_t *const *x, const int32_t *left, const int32_t *right,
                              const int32_t *left_fine, const int32_t *right_fine, uint32_t count, uint32_t stride,
                              uint32_t frames, int guard, uint32_t split, int32_t *out_left, int32_t *out_right)
{
    uint32_t near_clipping = 0u;
#define OUT(n, g, a) \
    sum_settled(x, left, right, left_fine, right_fine, n, stride, frames, 0, 1, g, 1, out_left, out_right, &near_clipping, a, 0u, 0, 0); \
    break
#define OUT_SPLIT(n, s) \
    sum_settled(x, left, right, left_fine, right_fine, n, stride, frames, 0, 1, 1, 1, out_left, out_right, &near_clipping, 0, s, 0, 0); \
    break
    if (split != 0u) {
        switch (count * 4u + split) {
        case 2 * 4 + 1: OUT_SPLIT(2, 1u);
        case 3 * 4 + 1: OUT_SPLIT(3, 1u);
        case 3 * 4 + 2: OUT_SPLIT(3, 2u);
        case 4 * 4 + 1: OUT_SPLIT(4, 1u);
        case 4 * 4 + 2: OUT_SPLIT(4, 2u);
        default: OUT_SPLIT(4, 3u);
        }
        return group_outputs_fit(near_clipping);
    }
    int adjacent = (count == 2u || count == 3u) && members_are_adjacent(x, count);
    switch ((count - 1u) * 4u + (guard ? 1u : 0u) + (adjacent ? 2u : 0u)) {
    case 0: OUT(1, 0, 0);
    case 1: OUT(1, 1, 0);
    case 4: OUT(2, 0, 0);
    case 5: OUT(2, 1, 0);
    case 6: OUT(2, 0, 1);
    case 7: OUT(2, 1, 1);
    case 8: OUT(3, 0, 0);
    case 9: OUT(3, 1, 0);
    case 10: OUT(3, 0, 1);
    case 11: OUT(3, 1, 1);
    case 12: OUT(4, 0, 0);
    default: OUT(4, 1, 0);
    }
#undef OUT
#undef OUT_SPLIT
    return group_outputs_fit(near_clipping);
}

/* The long way (near clipping): the Q39 sums, rounded and saturated as the
 * join does for a sub-bus sum. */
static OUT_OF_LINE void out_from_sums(const mixbox_bus_sum_call_t *call, const q31_t *frame0, uint32_t stride,
                                      uint32_t frames, int32_t (*out)[MIXBOX_CHUNK_FRAMES],
                                      int64_t (*scratch)[MIXBOX_CHUNK_FRAMES], uint32_t *clipped_left,
                                      uint32_t *clipped_right)
{
    mixbox_bus_sum_call_run(call, frame0, stride, frames, scratch, 0u);
    for (uint32_t i = 0; i < frames; i++) {
        out[0][i] = q31_saturate_flag(q39_round_to_q31(scratch[0][i]), clipped_left);
        out[1][i] = q31_saturate_flag(q39_round_to_q31(scratch[1][i]), clipped_right);
    }
}

void mixbox_bus_sum_call_run_out(const mixbox_bus_sum_call_t *call, const q31_t *frame0, uint32_t stride,
                                 uint32_t frames, int32_t (*out)[MIXBOX_CHUNK_FRAMES],
                                 int64_t (*scratch)[MIXBOX_CHUNK_FRAMES], uint32_t *clipped_left,
                                 uint32_t *clipped_right)
{
    const q31_t *x[BUS_SUM_GROUP];
    for (uint32_t m = 0; m < call->count; m++) x[m] = frame0 + call->channel[m];
    if (!out_settled_kernel(x, call->left_q24, call->right_q24, call->left_fine, call->right_fine, call->count,
                            stride, frames, call->guard, call->split, out[0], out[1])) {
        out_from_sums(call, frame0, stride, frames, out, scratch, clipped_left, clipped_right);
    }
}

static void sum_moving(const bus_sum_member_t *members, uint32_t count, uint32_t stride, uint32_t frames,
                       int64_t *sum_left, int64_t *sum_right, int first)
{
    bus_sum_member_t m[BUS_SUM_GROUP];
    for (uint32_t k = 0; k < count; k++) m[k] = members[k];
    for (uint32_t i = 0; i < frames; i++) {
        int64_t group_left = 0, group_right = 0; /* Q55 */
        int32_t fine_left = 0, fine_right = 0;   /* Q53 */
        for (uint32_t k = 0; k < count; k++) {
            int32_t sample = m[k].x[i * stride];
            m[k].left_q40 += m[k].left_step;
            m[k].right_q40 += m[k].right_step;
            group_left += (int64_t)sample * coarse_q24(m[k].left_q40);
            group_right += (int64_t)sample * coarse_q24(m[k].right_q40);
            fine_left += fine_product_q53(sample, fine_factor(m[k].left_q40));
            fine_right += fine_product_q53(sample, fine_factor(m[k].right_q40));
        }
        sum_left[i] = (first ? 0 : sum_left[i]) + group_to_q39(group_left, fine_left);
        sum_right[i] = (first ? 0 : sum_right[i]) + group_to_q39(group_right, fine_right);
    }
}

void mixbox_bus_sum_group(const bus_sum_member_t *members, uint32_t count, int moving, int guard, uint32_t stride,
                          uint32_t frames, int64_t (*sums)[MIXBOX_CHUNK_FRAMES], uint32_t from, int first)
{
    if (moving) {
        sum_moving(members, count, stride, frames, sums[0] + from, sums[1] + from, first);
        return;
    }
    const q31_t *x[BUS_SUM_GROUP];
    int32_t left[BUS_SUM_GROUP], right[BUS_SUM_GROUP], left_fine[BUS_SUM_GROUP], right_fine[BUS_SUM_GROUP];
    for (uint32_t m = 0; m < count; m++) {
        x[m] = members[m].x;
        left[m] = coarse_q24(members[m].left_q40);
        right[m] = coarse_q24(members[m].right_q40);
        left_fine[m] = fine_factor(members[m].left_q40);
        right_fine[m] = fine_factor(members[m].right_q40);
    }
    sum_settled_kernel(x, left, right, left_fine, right_fine, count, stride, frames, sums[0] + from, first, guard);
}
