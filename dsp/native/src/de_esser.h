/*
 * Split-band de-esser with one detector for both sides: an SVF band-pass
 * (bilinear, q 2, unity gain at the frequency) picks the sibilance band of
 * each channel; the louder of the two band magnitudes, in log2 units, over
 * the threshold is the wanted reduction (reduce to the threshold), at most
 * the range; a smooth decoupled peak detector (attack 1 ms, release as set,
 * as the bus compressor's) smooths it; each side then loses that much of
 * its band only:
 *   y = x - (1 - g) band(x),   g = 2^(-reduction)
 * which is x itself, bit for bit, while the reduction is 0 (the subtraction
 * is skipped). The detector steps once per MIXBOX_DE_ESSER_STEP_FRAMES frames
 * of the stream (a fixed grid: the output does not depend on the block size)
 * on the loudest band sample of the step, its shares made for that step; the
 * cut 1 - g ramps linearly to each step's value over the next step, so the
 * per-frame work is the two band corrections and one add. Listen mode outputs band(x): what the detector hears.
 * Switched off, it releases to rest and is then skipped (zero cost).
 *
 * Scaling: the band in Q23 int32 (svf_section.h); levels and reduction as
 * the compressor's (log2 units, Q24; smoothing states Q27); 1 - g in Q32;
 * the correction (1 - g) band as a high word, back in Q31 scale (<< 8).
 */
#ifndef MIXBOX_DE_ESSER_H
#define MIXBOX_DE_ESSER_H

#include "svf_section.h"

#define MIXBOX_DE_ESSER_Q 2.0
#define MIXBOX_DE_ESSER_ATTACK_S 0.001
/* Frames per detector step. */
#define MIXBOX_DE_ESSER_STEP_FRAMES 8u

typedef struct {
    int32_t on;            /* 0/1 */
    int32_t hz;            /* 2000..12000 */
    int32_t threshold_cdb; /* -5000..0 */
    int32_t range_cdb;     /* 0..1200 */
    int32_t release_ms;    /* 20..300 */
    int32_t listen;        /* 0/1 */
} mixbox_de_esser_params_t;


void mixbox_de_esser_design(mixbox_de_esser_coeffs_t *coeffs, const mixbox_de_esser_params_t *params,
                            uint32_t sample_rate);
void mixbox_de_esser_init(mixbox_de_esser_t *d, const mixbox_de_esser_coeffs_t *coeffs);
void mixbox_de_esser_apply(mixbox_de_esser_t *d, const mixbox_de_esser_coeffs_t *coeffs, uint32_t ramp_frames);
/* n <= 32 frames in place (Q31-scale int64 within +-2^35). */
void mixbox_de_esser_process(mixbox_de_esser_t *d, int64_t *left, int64_t *right, uint32_t n);
/* The same on Q23 samples (svf_section.h), for the chain's toolkit run
 * (de-esser and EQ on one Q23 copy): the int64 path's output rounded to
 * Q23, for inputs that were within +-2^35. */
void mixbox_de_esser_process_q23(mixbox_de_esser_t *d, int32_t *left, int32_t *right, uint32_t n);

/* Largest reduction since the previous read, cdB (>= 0); resets it. */
int32_t mixbox_de_esser_read_reduction(mixbox_de_esser_t *d);

#endif
