#include "halfband_decimator.h"

#include "q31_math.h"

/* The branches' allpass coefficients, a = 0.144941157 and 0.595643972:
 * stopband 58.4 dB from 0.365 fs. The analyser's bands reach 0.135 of a
 * level's input rate, so what folds onto them comes from 0.365 fs up. Both
 * as signed words for one mulh: a0 in Q32 (below 1/2), the second as
 * 1 - a1 in Q32 (a1 d = d - (1 - a1) d, within one unit of the floor). */
#define BRANCH0_Q32 622517529
#define BRANCH1_COMPLEMENT_Q32 1736695916 /* 2^32 - 2558271380 */

/* y[n] = a (x[n] - y[n-1]) + x[n-1]. From a chain input within full scale,
 * through up to nine stages, the impulse responses (double model) sum to at
 * most 4.03 at x - y1, 2.72 and 1.95 at the branch outputs, 4.66 at their
 * sum and 1.86 at the output: all under the 8 that Q28 holds. */
static ALWAYS_INLINE int32_t branch0_step(int32_t x, int32_t *x1, int32_t *y1)
{
    int32_t y = mul_high_s32(x - *y1, BRANCH0_Q32) + *x1;
    *x1 = x;
    *y1 = y;
    return y;
}

static ALWAYS_INLINE int32_t branch1_step(int32_t x, int32_t *x1, int32_t *y1)
{
    int32_t d = x - *y1;
    int32_t y = d - mul_high_s32(d, BRANCH1_COMPLEMENT_Q32) + *x1;
    *x1 = x;
    *y1 = y;
    return y;
}

uint32_t mixbox_halfband_decimate(mixbox_halfband_t *filter, int32_t *samples, uint32_t frames)
{
    if (frames == 0u) return 0u;
    int32_t x1_0 = filter->x1[0], y1_0 = filter->y1[0], x1_1 = filter->x1[1], y1_1 = filter->y1[1];
    const int32_t *in = samples, *end = samples + frames;
    int32_t *out = samples;
    /* A pair is (x[2m-1], x[2m]): the first goes to branch 1, the second to branch 0. */
    if (filter->phase != 0u) {
        int32_t odd = filter->held, even = *in++;
        *out++ = (branch0_step(even, &x1_0, &y1_0) + branch1_step(odd, &x1_1, &y1_1)) >> 1;
    }
    /* Two pairs a turn: the branches' last inputs then trade registers
     * instead of moving (the same arithmetic). */
    for (; end - in >= 4; in += 4) {
        out[0] = (branch0_step(in[1], &x1_0, &y1_0) + branch1_step(in[0], &x1_1, &y1_1)) >> 1;
        out[1] = (branch0_step(in[3], &x1_0, &y1_0) + branch1_step(in[2], &x1_1, &y1_1)) >> 1;
        out += 2;
    }
    for (; end - in >= 2; in += 2) {
        int32_t odd = in[0], even = in[1];
        *out++ = (branch0_step(even, &x1_0, &y1_0) + branch1_step(odd, &x1_1, &y1_1)) >> 1;
    }
    filter->phase = in < end ? 1u : 0u;
    if (in < end) filter->held = *in;
    filter->x1[0] = x1_0;
    filter->y1[0] = y1_0;
    filter->x1[1] = x1_1;
    filter->y1[1] = y1_1;
    return (uint32_t)(out - samples);
}
