#include "output_stage.h"

#include "control_math.h"
#include "q31_math.h"

void output_stage_design(mixbox_output_coeffs_t *c, int32_t ceiling_cdb, int32_t safety_on, int32_t dither_on)
{
    double ceiling = cm_cdb_to_linear(ceiling_cdb) * 2147483647.0;
    double knee = ceiling * cm_cdb_to_linear(-300);
    double range = ceiling - knee;
    c->safety_on = safety_on;
    c->dither_on = dither_on;
    c->ceiling = cm_round(ceiling);
    c->knee = cm_round(knee);
    c->cubic_q28 = (int32_t)cm_round(4.0 / 27.0 * 4611686018427387904.0 / (range * range) * 268435456.0);
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

int32_t output_stage_process(const mixbox_output_coeffs_t *c, uint32_t *dither_seed, int64_t x, uint32_t *over)
{
    if (x > Q31_MAX || x < Q31_MIN) *over = 1u;
    if (c->safety_on) x = soft_clip(c, x);
    if (c->dither_on) {
        /* Two values in [0, 256) (one 24-bit LSB) summed and centred: TPDF. */
        int64_t tpdf = (int64_t)(next_random(dither_seed) >> 24) + (int64_t)(next_random(dither_seed) >> 24) - 255;
        x = ((x + tpdf + 128) >> 8) * 256;
        if (c->safety_on && x > c->ceiling) x -= 256; /* stay under the ceiling after rounding */
        if (c->safety_on && x < -c->ceiling) x += 256;
        /* Saturate onto the 24-bit grid: the largest code is 0x7FFFFF00. */
        return (int32_t)((uint32_t)q31_saturate(x) & 0xFFFFFF00u);
    }
    return q31_saturate(x);
}
