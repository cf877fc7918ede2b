#include "halfband_decimator.h"

#include "q31_math.h"

/* The branches' allpass coefficients in Q32 (0.144941157, 0.595643972):
 * stopband 58.4 dB from 0.365 fs. The analyser's bands reach 0.135 of a
 * level's input rate, so what folds onto them comes from 0.365 fs up. */
#define BRANCH0_Q32 622517529u
#define BRANCH1_Q32 2558271380u

/* y[n] = a (x[n] - y[n-1]) + x[n-1]. From a chain input within full scale,
 * through up to nine stages, the impulse responses (double model) sum to at
 * most 4.03 at x - y1, 2.72 and 1.95 at the branch outputs, 4.66 at their
 * sum and 1.86 at the output: all under the 8 that Q28 holds. */
static ALWAYS_INLINE int32_t allpass_step(int32_t x, int32_t *x1, int32_t *y1, uint32_t a_q32)
{
    int32_t y = mul_high_s32_u32(x - *y1, a_q32) + *x1;
    *x1 = x;
    *y1 = y;
    return y;
}

uint32_t mixbox_halfband_decimate(mixbox_halfband_t *filter, int32_t *samples, uint32_t frames)
{
    int32_t x1_0 = filter->x1[0], y1_0 = filter->y1[0], x1_1 = filter->x1[1], y1_1 = filter->y1[1];
    int32_t odd = filter->held;
    uint32_t i = 0, written = 0;
    if (frames == 0u) return 0u;
    /* A pair is (x[2m-1], x[2m]): the first goes to branch 1, the second to branch 0. */
    if (filter->phase != 0u) {
        int32_t even = samples[0];
        samples[written++] = (allpass_step(even, &x1_0, &y1_0, BRANCH0_Q32) +
                              allpass_step(odd, &x1_1, &y1_1, BRANCH1_Q32)) >> 1;
        i = 1u;
    }
    for (; i + 1u < frames; i += 2u) {
        odd = samples[i];
        int32_t even = samples[i + 1u];
        samples[written++] = (allpass_step(even, &x1_0, &y1_0, BRANCH0_Q32) +
                              allpass_step(odd, &x1_1, &y1_1, BRANCH1_Q32)) >> 1;
    }
    filter->phase = i < frames ? 1u : 0u;
    if (i < frames) odd = samples[i];
    filter->held = odd;
    filter->x1[0] = x1_0;
    filter->y1[0] = y1_0;
    filter->x1[1] = x1_1;
    filter->y1[1] = y1_1;
    return written;
}
