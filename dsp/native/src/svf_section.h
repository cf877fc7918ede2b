/*
 * A trapezoidal (topology-preserving) state-variable filter section in fixed
 * point, after A. Simper (Cytomic), "SvfLinearTrapOptimised2":
 *   a1 = 1 / (1 + g (g + k)), a2 = g a1, a3 = g a2
 *   v3 = x - ic2;  v1 = a1 ic1 + a2 v3;  v2 = ic2 + a2 ic1 + a3 v3
 *   ic1 = 2 v1 - ic1;  ic2 = 2 v2 - ic2
 * with the output written as a correction of the input,
 *   y = x + c0 x + c1 v1 + c2 v2      (c0 = m0 - 1, c1 = m1, c2 = m2),
 * so a band whose c are all zero is the input itself, bit for bit, and is
 * skipped. It stays stable and click-free while g and k move, so knobs are
 * followed by smoothing the coefficients, never by resetting the state.
 *
 * Scaling (every int32): samples and states in "Q23" (Q31 scale >> 8: full
 * scale 2^23, +-2^27 = +24 dBFS, the chain's input bound). States reach at
 * most ~12x the input for the sharpest section (a +12 dB bell at Q 4: pole
 * Q 8), below 2^31 (checked by the section's bound test). v1 = ic1 - d1 ic1
 * + a2 v3 (d1 = 1 - a1) and v2 = ic2 + g v1 (= ic2 + a2 ic1 + a3 v3): the
 * large parts are exact adds; the pair of small products for v1 shares one
 * exponent (mantissas normalised below 2^32, one mulhsu each), g v1 has its
 * own, and each carries its fraction bits into the next sample (first-order
 * error feedback), so low cut-offs (poles next to z = 1) neither hum nor
 * drift: a 20 Hz high-pass or +12 dB shelf at 96 kHz adds about -139 / -132
 * dBFS RMS. The output terms are v c_int +
 * mulhsu(v, c_frac), rounded (within half an LSB each), and the
 * section output is saturated at +-2^27 (+24 dBFS), so a cascade of boosts
 * can never wrap.
 *
 * Smoothing: coefficients (g, k, c) move linearly toward a new target over a
 * number of updates, one update every MIXBOX_SVF_UPDATE_FRAMES frames of the
 * stream (a fixed grid: output does not depend on the block size); each
 * update re-derives the per-sample coefficients (one 64-bit division).
 * Coefficient formats: g, k Q28 (below 8); c Q27 (below 16 in magnitude).
 *
 * Kernels (chosen at each derivation from g and the mix, svf_section.c):
 * sections whose rounding noise would stay under about -125 dBFS RMS
 * without error feedback (mid and high poles, gentle mixes) run a lean
 * kernel: the same equations with n1 = n2 = 0 (Q32 coefficients) and v2
 * from the pair a2 ic1 + a3 v3 (a difference of two floored high words,
 * unbiased without a carry), no carries, both channels in one loop; the rest (low poles with strong
 * mixes: the 20 Hz high-pass, low shelves, low boosts) keep the
 * error-feedback kernel above.
 *
 * A target with k = 0 is a first-order section instead (the 18 dB/oct
 * high-pass's first-order part): the one-pole trapezoidal low-pass
 * lp = s + G (x - s), s' = 2 lp - s, G = g / (1 + g), one product pair per
 * sample with the same error feedback, and y = x + c1 lp (c1 = -1: the
 * high-pass). Half the work of a second-order section.
 */
#ifndef MIXBOX_SVF_SECTION_H
#define MIXBOX_SVF_SECTION_H

#include "mixbox_engine.h"
#include "q31_math.h"

#define MIXBOX_SVF_UPDATE_FRAMES 8u
/* Section input and output bound in Q23: +24 dBFS. */
#define MIXBOX_SVF_LIMIT ((int32_t)1 << 27)


/* The chain's samples (Q31 scale, int64) and the sections' Q23: in, limited
 * to +-2^35 (+24 dBFS) and rounded; out, exact. */
#define MIXBOX_CHAIN_LIMIT ((int64_t)1 << 35)

/* True for x in [-2^35, 2^35): the high word in [-8, 8), one add and
 * compare on a 32-bit core. */
static inline int mixbox_svf_chain_in_range(int64_t x)
{
    return (uint32_t)((int32_t)(x >> 32) + 8) < 16u;
}

/* (x + 128) >> 8 for x within the range, without a 64-bit add:
 * floor(x / 128) fits 32 bits there, and (q + 1) >> 1 of it is the same. */
static inline int32_t mixbox_svf_round_in_range(int64_t x)
{
    int32_t q = (int32_t)((uint32_t)((uint64_t)x >> 32) << 25 | (uint32_t)x >> 7);
    return (q + 1) >> 1;
}

static inline int32_t mixbox_svf_from_chain(int64_t x)
{
    if (mixbox_svf_chain_in_range(x)) return mixbox_svf_round_in_range(x);
    if ((uint64_t)(x + MIXBOX_CHAIN_LIMIT) > (uint64_t)(2 * MIXBOX_CHAIN_LIMIT)) x = x > 0 ? MIXBOX_CHAIN_LIMIT : -MIXBOX_CHAIN_LIMIT;
    return (int32_t)((x + 128) >> 8);
}

/* y * 256, its two words written out: gcc spells (int64_t)y * 256 on a
 * 32-bit core as four instructions for the high word where one shift does. */
static inline int64_t mixbox_svf_to_chain(int32_t y)
{
    return (int64_t)((uint64_t)(int64_t)(y >> 24) << 32 | (uint32_t)y << 8);
}

/* A chunk of the chain to Q23 (as mixbox_svf_from_chain); returns 0 if a
 * sample was beyond +-2^35 (then the Q23 copy is not to be used: stages on
 * the int64 samples limit after their own corrections). */
int mixbox_svf_chunk_from_chain(const int64_t *left, const int64_t *right, int32_t *left_q23, int32_t *right_q23,
                                uint32_t n);

/* And back (exact). */
void mixbox_svf_chunk_to_chain(const int32_t *left_q23, const int32_t *right_q23, int64_t *left, int64_t *right,
                               uint32_t n);

/* Starts settled at the target, from rest. */
void mixbox_svf_init(mixbox_svf_section_t *section, const mixbox_svf_target_t *target);

/* Aims at a new target over `updates` updates (<= 1: at once). A section
 * that is flat and settled takes the new g and k at once (nothing sounds
 * through it) and ramps only its mix up from zero. No-op if unchanged. */
void mixbox_svf_set_target(mixbox_svf_section_t *section, const mixbox_svf_target_t *target, uint32_t updates);

/* One smoothing step (call at each update point while updates_left > 0).
 * A section that lands on a flat target goes to rest (states cleared) and
 * is skipped from then on. */
void mixbox_svf_update(mixbox_svf_section_t *section);

/* True when the target's mix is all zero: the band is the identity. */
int mixbox_svf_target_is_flat(const mixbox_svf_target_t *target);

/* Both channels' n samples in place (as mixbox_svf_run for channels 0 and 1). */
void mixbox_svf_run_stereo(mixbox_svf_section_t *section, int32_t *left, int32_t *right, uint32_t n);

/* As mixbox_svf_run_stereo, from in_left/in_right (not changed unless the
 * same buffers) into left/right: the de-esser's band without a copy where
 * its kernel allows (a lean band-pass), else copied and run in place. */
void mixbox_svf_run_stereo_from(mixbox_svf_section_t *section, const int32_t *in_left, const int32_t *in_right,
                                int32_t *left, int32_t *right, uint32_t n);

/* As mixbox_svf_run_stereo from left_q23/right_q23 (not changed), the
 * outputs written to the chain's left/right (mixbox_svf_to_chain) in the
 * section's own loop: the same values as running it and then
 * mixbox_svf_chunk_to_chain. Returns 0 (and does nothing) unless the
 * section runs the lean kernel with a fraction or weights mix (a low-pass,
 * a gentle bell or shelf: the EQ's usual last band). */
int mixbox_svf_run_stereo_to_chain(mixbox_svf_section_t *section, const int32_t *left_q23, const int32_t *right_q23,
                                   int64_t *left, int64_t *right, uint32_t n);

/* Filters n samples (Q23, within +-MIXBOX_SVF_LIMIT) of channel ch in place. */
void mixbox_svf_run(mixbox_svf_section_t *section, uint32_t ch, int32_t *samples, uint32_t n);

/* The 18 dB/oct high-pass: `second` (a second-order high-pass, c1 = -1)
 * then `first` (the first-order high-pass) on both channels in one sample
 * loop, the same bits as running them one after the other. Returns 0 (and
 * does nothing) unless both are in those forms with error feedback. */
int mixbox_svf_run_highpass_18db(mixbox_svf_section_t *second, mixbox_svf_section_t *first, int32_t *left,
                                 int32_t *right, uint32_t n);

/* a then b on channel 0 in one sample loop, for two sections whose kernels
 * are the same (the side's LR4: same targets, same updates): the same bits
 * as running them one after the other. Returns 0 (and does nothing) unless
 * both are high-pass forms with error feedback. */
int mixbox_svf_run_twice(mixbox_svf_section_t *a, mixbox_svf_section_t *b, int32_t *samples, uint32_t n);

/* a then b on both channels, each channel in one sample loop: the same bits
 * as running them one after the other. Returns 0 (and does nothing) unless
 * both run the lean kernel with a fraction or weights mix. */
int mixbox_svf_run_pair(mixbox_svf_section_t *a, mixbox_svf_section_t *b, int32_t *left, int32_t *right, uint32_t n);

/* Back to rest (states and carries cleared), coefficients kept. */
void mixbox_svf_clear(mixbox_svf_section_t *section);

#endif
