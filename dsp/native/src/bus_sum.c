#include "bus_sum.h"

#include "q31_math.h"

/* Settled gains are loop constants: a kernel per group size keeps them in
 * registers (the compiler unrolls the member loop for a constant count). */
static ALWAYS_INLINE void sum_settled(const bus_sum_member_t *members, const uint32_t count, uint32_t stride,
                                      uint32_t frames, int64_t *sum_left, int64_t *sum_right, const int first)
{
    const q31_t *x[BUS_SUM_GROUP];
    int32_t left[BUS_SUM_GROUP], right[BUS_SUM_GROUP];
    for (uint32_t m = 0; m < count; m++) {
        x[m] = members[m].x;
        left[m] = (int32_t)(members[m].left_q40 >> 16);
        right[m] = (int32_t)(members[m].right_q40 >> 16);
    }
    /* A full group is four consecutive slots: one pointer per frame, the
     * members at fixed offsets from it. */
    const int full = count == BUS_SUM_GROUP;
    for (uint32_t i = 0; i < frames; i++) {
        int64_t group_left = 0, group_right = 0; /* Q55 */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC unroll 4
#endif
        for (uint32_t m = 0; m < count; m++) {
            int32_t sample = full ? x[0][i * stride + m] : x[m][i * stride];
            group_left += (int64_t)sample * left[m];
            group_right += (int64_t)sample * right[m];
        }
        sum_left[i] = (first ? 0 : sum_left[i]) + (group_left >> 16);
        sum_right[i] = (first ? 0 : sum_right[i]) + (group_right >> 16);
    }
}

static void sum_moving(const bus_sum_member_t *members, uint32_t count, uint32_t stride, uint32_t frames,
                       int64_t *sum_left, int64_t *sum_right, int first)
{
    bus_sum_member_t m[BUS_SUM_GROUP];
    for (uint32_t k = 0; k < count; k++) m[k] = members[k];
    for (uint32_t i = 0; i < frames; i++) {
        int64_t group_left = 0, group_right = 0; /* Q55 */
        for (uint32_t k = 0; k < count; k++) {
            int64_t sample = m[k].x[i * stride];
            m[k].left_q40 += m[k].left_step;
            m[k].right_q40 += m[k].right_step;
            group_left += sample * (int32_t)(m[k].left_q40 >> 16);
            group_right += sample * (int32_t)(m[k].right_q40 >> 16);
        }
        sum_left[i] = (first ? 0 : sum_left[i]) + (group_left >> 16);
        sum_right[i] = (first ? 0 : sum_right[i]) + (group_right >> 16);
    }
}

void mixbox_bus_sum_group(const bus_sum_member_t *members, uint32_t count, int moving, uint32_t stride,
                          uint32_t frames, int64_t *sum_left, int64_t *sum_right, int first)
{
    if (moving) {
        sum_moving(members, count, stride, frames, sum_left, sum_right, first);
        return;
    }
    /* `first` is a constant in each kernel too: no per-frame branch or load. */
    switch (count * 2u + (first ? 1u : 0u)) {
    case 2: sum_settled(members, 1, stride, frames, sum_left, sum_right, 0); break;
    case 3: sum_settled(members, 1, stride, frames, sum_left, sum_right, 1); break;
    case 4: sum_settled(members, 2, stride, frames, sum_left, sum_right, 0); break;
    case 5: sum_settled(members, 2, stride, frames, sum_left, sum_right, 1); break;
    case 6: sum_settled(members, 3, stride, frames, sum_left, sum_right, 0); break;
    case 7: sum_settled(members, 3, stride, frames, sum_left, sum_right, 1); break;
    case 8: sum_settled(members, 4, stride, frames, sum_left, sum_right, 0); break;
    default: sum_settled(members, 4, stride, frames, sum_left, sum_right, 1); break;
    }
}
