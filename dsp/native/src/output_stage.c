#include "output_stage.h"

#include "control_math.h"
#include "q31_math.h"

void mixbox_output_stage_design(mixbox_output_coeffs_t *c, int32_t ceiling_cdb, int32_t safety_on, int32_t dither_on)
{
    double ceiling = mixbox_control_cdb_to_linear(ceiling_cdb) * 2147483647.0;
    double knee = ceiling * mixbox_control_cdb_to_linear(-300);
    double range = ceiling - knee;
    c->safety_on = safety_on;
    c->dither_on = dither_on;
    c->ceiling = mixbox_control_round(ceiling);
    c->knee = mixbox_control_round(knee);
    c->cubic_q28 = (int32_t)mixbox_control_round(4.0 / 27.0 * 4611686018427387904.0 / (range * range) * 268435456.0);
}

static int64_t soft_clip(const mixbox_output_coeffs_t *c, int64_t x)
{
    int64_t magnitude = x < 0 ? -x : x;
    if (magnitude <= c->knee) return x;
    int64_t t = magnitude - c->knee;
    int64_t limited;
    if (2 * t >= 3 * (c->ceiling - c->knee)) {
        limited = c->ceiling;
    } else {
        int64_t cube = (((t * t) >> 31) * t) >> 31;
        limited = c->knee + t - ((cube * c->cubic_q28) >> 28);
        if (limited > c->ceiling) limited = c->ceiling;
    }
    return x < 0 ? -limited : limited;
}

/* xorshift32 (Marsaglia 2003): cheap, and identical on every platform. */
static uint32_t next_random(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

/* Two bytes of a random word summed and centred: TPDF of +-1 24-bit LSB. */
static int32_t tpdf(uint32_t two_bytes)
{
    return (int32_t)((two_bytes >> 8) & 255u) + (int32_t)(two_bytes & 255u) - 255;
}

/* Any sample: the reference path. */
static int32_t process_sample(const mixbox_output_coeffs_t *c, int32_t dither, int64_t x, uint32_t *over)
{
    if (x > Q31_MAX || x < Q31_MIN) *over = 1u;
    if (c->safety_on) x = soft_clip(c, x);
    if (c->dither_on) {
        x = ((x + dither + 128) >> 8) * 256;
        /* Dither and rounding can land up to 383 codes past the ceiling, more
         * than one grid step: take the grid value at or under the ceiling. */
        int64_t grid_ceiling = c->ceiling & ~(int64_t)255;
        if (c->safety_on && x > c->ceiling) x = grid_ceiling;
        if (c->safety_on && x < -c->ceiling) x = -grid_ceiling;
        /* Saturate onto the 24-bit grid: the largest code is 0x7FFFFF00. */
        return (int32_t)((uint32_t)q31_saturate(x) & 0xFFFFFF00u);
    }
    return q31_saturate(x);
}

/* A sample within +-quiet: untouched by the clip, never over, and room for
 * the dither's rounding in 32 bits. The same value as process_sample. */
static int32_t process_quiet(int32_t dither_on, int32_t dither, int32_t x)
{
    if (!dither_on) return x;
    return (int32_t)((uint32_t)(x + dither + 128) & 0xFFFFFF00u);
}

/* Neither clip nor dither: only the saturation, which a sample inside the
 * 32-bit range skips (one compare of its high word). The same values as
 * process_sample with both off. */
static void saturate_only(const int64_t *left, const int64_t *right, q31_t *output, uint32_t frames,
                          uint32_t *over_left, uint32_t *over_right)
{
    for (uint32_t i = 0; i < frames; i++) {
        int64_t l = left[i], r = right[i];
        output[2 * i] = l == (int32_t)l ? (int32_t)l : q31_saturate_flag(l, over_left);
        output[2 * i + 1] = r == (int32_t)r ? (int32_t)r : q31_saturate_flag(r, over_right);
    }
}

void mixbox_output_stage_process(const mixbox_output_coeffs_t *c, uint32_t *dither_seed, const int64_t *left,
                                 const int64_t *right, q31_t *output, uint32_t frames, uint32_t *over_left,
                                 uint32_t *over_right)
{
    if (!c->safety_on && !c->dither_on) {
        saturate_only(left, right, output, frames, over_left, over_right);
        return;
    }
    const int64_t quiet = c->safety_on ? c->knee : Q31_MAX - 511;
    const int32_t dither_on = c->dither_on;
    uint32_t seed = *dither_seed;
    for (uint32_t i = 0; i < frames; i++) {
        uint32_t random = dither_on ? next_random(&seed) : 0u;
        int32_t dither_left = tpdf(random >> 16), dither_right = tpdf(random);
        int64_t l = left[i], r = right[i];
        output[2 * i] = l <= quiet && l >= -quiet ? process_quiet(dither_on, dither_left, (int32_t)l)
                                                  : process_sample(c, dither_left, l, over_left);
        output[2 * i + 1] = r <= quiet && r >= -quiet ? process_quiet(dither_on, dither_right, (int32_t)r)
                                                      : process_sample(c, dither_right, r, over_right);
    }
    *dither_seed = seed;
}
