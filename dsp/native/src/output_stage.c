#include "output_stage.h"

#include "control_math.h"
#include "distortion_meter.h"
#include "q31_math.h"

void mixbox_output_stage_design(mixbox_output_coeffs_t *c, int32_t ceiling_cdb, int32_t safety_on, int32_t dither_on,
                                int32_t word_bits)
{
    double ceiling = mixbox_control_cdb_to_linear(ceiling_cdb) * 2147483647.0;
    double knee = ceiling * mixbox_control_cdb_to_linear(-300);
    double range = ceiling - knee;
    c->safety_on = safety_on;
    c->dither_on = dither_on;
    c->word_shift = 32 - word_bits;
    /* A 16-bit word is always rounded to its grid; a 24-bit one only when dithered
     * (otherwise the output stays Q31 and the DAC or file takes its 24 bits). */
    c->quantise = dither_on || word_bits < 24;
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

/* The two byte pairs of a random word summed at once (bytes 3 + 2 in the
 * upper half, 1 + 0 in the lower; each sum below 2^9, so no carry crosses):
 * each sum less 255 is a TPDF of +-1 24-bit LSB. */
static ALWAYS_INLINE uint32_t byte_pair_sums(uint32_t word, uint32_t byte_mask)
{
    return (word & byte_mask) + ((word >> 8) & byte_mask);
}

/* The two halves of a random word summed and centred: TPDF of +-1 16-bit LSB
 * (2^16 Q31 codes). */
static int32_t tpdf16(uint32_t word)
{
    return (int32_t)(word >> 16) + (int32_t)(word & 0xFFFFu) - 65535;
}

/* Any sample: the reference path. `rounding` is the dither plus half a
 * grid step (only used when quantising). The soft clip's residual (its
 * output minus its input, Q21) is squared into *residual. */
static int32_t process_sample(const mixbox_output_coeffs_t *c, int32_t rounding, int64_t x, uint32_t *over,
                              uint64_t *residual)
{
    if (x > Q31_MAX || x < Q31_MIN) *over = 1u;
    if (c->safety_on) {
        int64_t clipped = soft_clip(c, x);
        *residual += distortion_square(clipped - x);
        x = clipped;
    }
    if (c->quantise) {
        int shift = c->word_shift;
        int64_t step = (int64_t)1 << shift;
        x = ((x + rounding) >> shift) * step;
        /* Dither and rounding can land past the ceiling by more than one grid
         * step: take the grid value at or under the ceiling. */
        int64_t grid_ceiling = c->ceiling & ~(step - 1);
        if (c->safety_on && x > c->ceiling) x = grid_ceiling;
        if (c->safety_on && x < -c->ceiling) x = -grid_ceiling;
        /* Saturate onto the word's grid: the largest code is 0x7FFFFF00 (24 bits) or 0x7FFF0000 (16). */
        return (int32_t)((uint32_t)q31_saturate(x) & ~(uint32_t)(step - 1));
    }
    return q31_saturate(x);
}

/* A sample within +-quiet: untouched by the clip, never over, and room for
 * the dither's rounding in 32 bits. The same value as process_sample. `shift`
 * is a constant in each loop below (8 or 16), so this is an add and a mask. */
static ALWAYS_INLINE int32_t process_quiet(const int quantise, int32_t rounding, int32_t x, const int shift)
{
    if (!quantise) return x;
    const uint32_t step = 1u << shift;
    return (int32_t)((uint32_t)(x + rounding) & ~(step - 1u));
}

/* Whether x lies within +-quiet (0 <= quiet < 2^31, span = 2 quiet): within
 * int32 (its high word is its low word's sign) and then one unsigned compare
 * of x + quiet against 2 quiet, in place of two 64-bit compares on a 32-bit core. */
static ALWAYS_INLINE int within_quiet(int64_t x, uint32_t quiet, uint32_t span)
{
    return x == (int32_t)x && (uint32_t)(int32_t)x + quiet <= span;
}

/* Neither clip nor quantising: only the saturation, which a sample inside the
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

/* The soft clip's linear part is its input: the meter's reference energy,
 * taken on every 4th frame (distortion_meter.h) and counted 4 times. The
 * residual is exact (every clipped sample): it is only computed where the
 * clip acts. */
static uint64_t signal_energy(const int64_t *left, const int64_t *right, uint32_t frames,
                              mixbox_distortion_meter_t *meter)
{
    uint64_t sum = 0u;
    for (uint32_t i = meter->frames_to_next; i < frames; i += DISTORTION_METER_EVERY) {
        sum += distortion_square(left[i]) + distortion_square(right[i]);
    }
    return sum * DISTORTION_METER_EVERY;
}

/* The dither and half a grid step for one frame (`shift` and `dither_on`
 * constant). */
static ALWAYS_INLINE void frame_rounding(uint32_t *seed, int32_t *rounding_left, int32_t *rounding_right, const int shift,
                                         const int dither_on, uint32_t byte_mask)
{
    const int32_t half_step = 1 << (shift - 1);
    *rounding_left = half_step;
    *rounding_right = half_step;
    if (dither_on && shift == 8) {
        uint32_t sums = byte_pair_sums(next_random(seed), byte_mask); /* one word dithers a stereo frame */
        *rounding_left = (int32_t)(sums >> 16) + (half_step - 255);
        /* The lower sum is below 2^9: its 10 bits are one immediate mask. */
        *rounding_right = (int32_t)(sums & 0x3FFu) + (half_step - 255);
    } else if (dither_on) {
        *rounding_left += tpdf16(next_random(seed)); /* a word per sample */
        *rounding_right += tpdf16(next_random(seed));
    }
}

/* The frames of one word length and dither setting (`shift` and `dither_on`
 * constant: one loop each). Quantising follows from them: dithered, or a
 * 16-bit word (mixbox_output_stage_design). Frames whose samples are both
 * within +-quiet take a loop with no call in it (gcc would otherwise set up
 * process_sample's arguments at every sample); from the first frame with a
 * louder sample on, the loop that checks each sample. */
static ALWAYS_INLINE void process_frames(const mixbox_output_coeffs_t *c, uint32_t *dither_seed, const int64_t *left,
                                         const int64_t *right, q31_t *output, uint32_t frames, uint32_t *over_left,
                                         uint32_t *over_right, uint64_t *residual, const int shift, const int dither_on)
{
    /* Without the clip: room under full scale for the largest dither and half step (2 steps - 1 codes). */
    const uint32_t quiet = (uint32_t)(c->safety_on ? c->knee : Q31_MAX - ((2 << shift) - 1));
    const int quantise = dither_on || shift == 16;
    /* Kept in registers (gcc had rebuilt both in the loop). */
    uint32_t byte_mask = 0x00FF00FFu, span = 2u * quiet;
    OPAQUE_INT32(byte_mask);
    OPAQUE_INT32(span);
    uint32_t seed = *dither_seed;
    /* Pointers, no frame count: the output's end ends the loop. */
    q31_t *out = output, *const end = output + 2u * frames;
    const int64_t *l_in = left, *r_in = right;
    for (; out != end; out += 2, l_in++, r_in++) {
        int64_t l = *l_in, r = *r_in;
        if (!within_quiet(l, quiet, span) || !within_quiet(r, quiet, span)) break;
        int32_t rounding_left, rounding_right;
        frame_rounding(&seed, &rounding_left, &rounding_right, shift, dither_on, byte_mask);
        out[0] = process_quiet(quantise, rounding_left, (int32_t)l, shift);
        out[1] = process_quiet(quantise, rounding_right, (int32_t)r, shift);
    }
    for (uint32_t i = (uint32_t)(l_in - left); i < frames; i++) {
        int32_t rounding_left, rounding_right;
        frame_rounding(&seed, &rounding_left, &rounding_right, shift, dither_on, byte_mask);
        int64_t l = left[i], r = right[i];
        output[2 * i] = within_quiet(l, quiet, span) ? process_quiet(quantise, rounding_left, (int32_t)l, shift)
                                               : process_sample(c, rounding_left, l, over_left, residual);
        output[2 * i + 1] = within_quiet(r, quiet, span) ? process_quiet(quantise, rounding_right, (int32_t)r, shift)
                                                   : process_sample(c, rounding_right, r, over_right, residual);
    }
    *dither_seed = seed;
}

void mixbox_output_stage_process(const mixbox_output_coeffs_t *c, uint32_t *dither_seed, const int64_t *left,
                                 const int64_t *right, q31_t *output, uint32_t frames, uint32_t *over_left,
                                 uint32_t *over_right, mixbox_distortion_meter_t *distortion)
{
    uint64_t residual = 0u;
    if (!c->safety_on && !c->quantise) {
        saturate_only(left, right, output, frames, over_left, over_right);
    } else if (c->word_shift == 16 && c->dither_on) {
        process_frames(c, dither_seed, left, right, output, frames, over_left, over_right, &residual, 16, 1);
    } else if (c->word_shift == 16) {
        process_frames(c, dither_seed, left, right, output, frames, over_left, over_right, &residual, 16, 0);
    } else if (c->dither_on) {
        process_frames(c, dither_seed, left, right, output, frames, over_left, over_right, &residual, 8, 1);
    } else {
        process_frames(c, dither_seed, left, right, output, frames, over_left, over_right, &residual, 8, 0);
    }
    if (c->safety_on) mixbox_distortion_meter_add(distortion, residual, signal_energy(left, right, frames, distortion));
    distortion_meter_skip(distortion, frames); /* on or off: the grid is the stream's frames */
}
