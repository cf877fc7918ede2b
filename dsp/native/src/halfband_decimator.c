#include "halfband_decimator.h"

#include "q31_math.h"

/* The nonzero side taps h[11 +- k], k = 1, 3, ..., 11, in Q31; the centre
 * tap is 1/2. Kaiser-windowed sinc(n/2)/2 (beta 8), the first tap adjusted by
 * 0.0000235 so the taps sum to exactly 1 (unity gain at DC). */
static const int32_t halfband_taps_q31[6] = {
    662665022, -171653905, 60568886, -17954361, 3390610, -145340,
};

#define CENTRE 11u

uint32_t mixbox_halfband_decimate(mixbox_halfband_t *filter, const int32_t *input, uint32_t stride,
                                  int32_t *output, uint32_t frames)
{
    uint32_t position = filter->position, phase = filter->phase, written = 0u;
    int32_t *history = filter->history;
    for (uint32_t i = 0; i < frames; i++) {
        /* Each sample is stored twice, so the last 23 always lie in a row. */
        int32_t x = input[(size_t)i * stride];
        history[position] = x;
        history[position + MIXBOX_HALFBAND_TAPS] = x;
        position = position + 1u == MIXBOX_HALFBAND_TAPS ? 0u : position + 1u;
        phase ^= 1u;
        if (phase != 0u) continue;
        const int32_t *w = history + position; /* oldest first */
        /* Pairs of Q28 samples (below 2^30) times Q31 taps: Q27 high words. */
        int32_t sum = w[CENTRE] >> 2; /* x / 2 in Q27 */
        for (uint32_t k = 0; k < 6u; k++) {
            uint32_t offset = 2u * k + 1u;
            sum += mul_high_s32(w[CENTRE - offset] + w[CENTRE + offset], halfband_taps_q31[k]);
        }
        output[written++] = sum * 2;
    }
    filter->position = position;
    filter->phase = phase;
    return written;
}

uint32_t mixbox_binomial_decimate(mixbox_binomial_decimator_t *filter, int32_t *samples, uint32_t frames)
{
    int32_t previous = filter->previous, odd = filter->odd;
    uint32_t phase = filter->phase, written = 0u;
    for (uint32_t i = 0; i < frames; i++) {
        int32_t x = samples[i];
        phase ^= 1u;
        if (phase != 0u) {
            odd = previous; /* x[2n-2] */
        } else {
            /* Q28 samples: the sum stays below 2^31. */
            samples[written++] = (odd + 2 * previous + x) >> 2;
        }
        previous = x;
    }
    filter->previous = previous;
    filter->odd = odd;
    filter->phase = phase;
    return written;
}
