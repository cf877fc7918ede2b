/* The mix-bus chain after the main fader: bus compressor with parallel
 * (wet/dry) mix and make-up, drive, output stage. Parameters in user units
 * are turned into one mixbox_mixbus_settings_t on the control side; the audio
 * side adopts it at a block start, ramping make-up, wet/dry and the drive
 * crossfade over the engine's 5 ms ramp.
 *
 * Scaling: the chain runs on Q31-scale int64 samples (the main bus before
 * saturation), limited to +-2^35 (+24 dBFS) by the caller. Make-up (<= +20 dB) and
 * wet/dry (<= 1.0) keep products below 2^63; the output stage saturates once.
 * Compressed and dry paths are summed as one gain, wet * g + dry, applied
 * once (the same sum as two products, to within an LSB of rounding).
 * The dry and wet paths have no delay, so the parallel mix is phase-coherent.
 */
#ifndef MIXBOX_MIXBUS_CHAIN_H
#define MIXBOX_MIXBUS_CHAIN_H

#include "mixbox_engine.h"
#include "q31_math.h"

/* Defaults and ranges of the MIXBOX_PARAM_COMP_* .. OUTPUT_* parameters, in
 * the order of mixbox_param_t. */
extern const int32_t mixbox_mixbus_param_default[MIXBOX_MIXBUS_PARAMS];
int mixbox_mixbus_param_in_range(mixbox_param_t param, int32_t value);

/* Control side: user values (indexed from MIXBOX_FIRST_MIXBUS_PARAM) -> settings. */
/* eq_cache (control side, may be NULL) keeps the EQ's last design: a change
 * re-designs only the bands it touches. */
void mixbox_mixbus_design(mixbox_mixbus_settings_t *settings, const int32_t *values, uint32_t sample_rate,
                          mixbox_bus_eq_design_cache_t *eq_cache);

/* Control side: the frames the chain delays the output by with these user
 * values (the true-peak limiter's latency, or 0). */
uint32_t mixbox_mixbus_latency(const int32_t *values, uint32_t sample_rate);

/* Audio side. */
void mixbox_mixbus_init(mixbox_mixbus_t *chain, const mixbox_mixbus_settings_t *settings);
void mixbox_mixbus_apply(mixbox_mixbus_t *chain, const mixbox_mixbus_settings_t *settings, uint32_t ramp_frames);

/* Input bound of the chain: +24 dBFS (Q31 scale). */
#define MIXBUS_INPUT_LIMIT ((int64_t)1 << 35)

static inline int64_t mixbus_limit_input(int64_t x)
{
    /* One unsigned compare for the usual case (x within the limits). */
    if ((uint64_t)(x + MIXBUS_INPUT_LIMIT) <= (uint64_t)(2 * MIXBUS_INPUT_LIMIT)) return x;
    return x > 0 ? MIXBUS_INPUT_LIMIT : -MIXBUS_INPUT_LIMIT;
}

/* Processes `frames` (<= MIXBOX_CHUNK_FRAMES) stereo samples from main_left/
 * main_right (within +-MIXBUS_INPUT_LIMIT, see mixbus_limit_input;
 * overwritten: each stage works in place over the chunk) into the
 * interleaved output; sets over_left/over_right where the bus exceeded full
 * scale before the output stage. */
void mixbox_mixbus_process(mixbox_mixbus_t *chain, int64_t *main_left, int64_t *main_right,
                           q31_t *output, uint32_t frames, uint32_t *over_left, uint32_t *over_right);

/* Largest gain reduction since the previous call, in cdB (>= 0), 0 while the
 * compressor is out (its wet share's target is 0); resets it. */
int32_t mixbox_mixbus_read_gain_reduction(mixbox_mixbus_t *chain);

/* At each 10 ms meter segment end (keeps the distortion sums in range). */
void mixbox_mixbus_end_segment(mixbox_mixbus_t *chain);

/* The distortion a stage (MIXBOX_DISTORTION_*) added since the previous
 * call, cdB re the signal (distortion_meter.h); resets it. */
int32_t mixbox_mixbus_read_distortion(mixbox_mixbus_t *chain, uint32_t stage);

/* The de-esser's largest reduction since the previous call, cdB (>= 0); resets it. */
int32_t mixbox_mixbus_read_de_esser_reduction(mixbox_mixbus_t *chain);

#endif
