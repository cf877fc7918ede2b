/*
 * The bus EQ: high-pass (12 or 18 dB/oct), low shelf (optionally gentle),
 * two bells, high shelf and low-pass ("air"), each a trapezoidal SVF section
 * (svf_section.h) designed on the control side (svf_design.h):
 *   - high-pass: Butterworth, bilinear (12 dB/oct: q 0.707; 18 dB/oct: a
 *     first-order section and a q 1 section at the same frequency);
 *   - low shelf: bilinear, q 0.707, or q 0.5 for the gentle (Pultec-like)
 *     slope: two coincident first-order slopes;
 *   - bells, high shelf, low-pass: matched to the analogue prototype
 *     (Vicanek 2016), so they keep their shape up to Nyquist at 44.1 kHz.
 * Frequencies above 0.45 fs are designed at 0.45 fs.
 *
 * Bands at 0 dB and filters that are off are skipped; with all of them so
 * (and settled) the EQ costs nothing and is bit-exact.
 *
 * Scaling: the chain's int64 samples (Q31 scale, within +-2^35) are rounded
 * to Q23 int32 once (>> 8), run through the active sections and returned
 * (<< 8, within +-2^35); see svf_section.h for the sections' scaling.
 */
#ifndef MIXBOX_BUS_EQ_H
#define MIXBOX_BUS_EQ_H

#include "svf_section.h"


/* User units (as the engine's parameters). */
typedef struct {
    int32_t highpass_hz;       /* 0 = off, 20, 30, 40, 60, 80, 100, 150 */
    int32_t highpass_18db;     /* 0: 12 dB/oct, 1: 18 dB/oct */
    int32_t low_shelf_hz;      /* 30..300 */
    int32_t low_shelf_cdb;     /* -1200..+1200 */
    int32_t low_shelf_gentle;  /* 0/1 */
    int32_t bell_hz[2];        /* 60..8000 */
    int32_t bell_cdb[2];       /* -1200..+1200 */
    int32_t bell_q_x100[2];    /* 40..400 */
    int32_t proportional_q;    /* 0/1: q = max(0.4, Q |gain| / 12 dB) */
    int32_t high_shelf_hz;     /* 1500..16000 */
    int32_t high_shelf_cdb;    /* -1200..+1200 */
    int32_t lowpass_hz;        /* 0 = off, or 10000..20000 */
} mixbox_bus_eq_params_t;


/* Control side. */
void mixbox_bus_eq_design(mixbox_bus_eq_targets_t *targets, const mixbox_bus_eq_params_t *params, uint32_t sample_rate);

/* Audio side. */
void mixbox_bus_eq_init(mixbox_bus_eq_t *eq, const mixbox_bus_eq_targets_t *targets);
/* New targets, reached after ramp_frames (rounded up to whole updates; <= 1: at once). */
void mixbox_bus_eq_apply(mixbox_bus_eq_t *eq, const mixbox_bus_eq_targets_t *targets, uint32_t ramp_frames);
/* True when every band is flat and settled (process would change nothing). */
int mixbox_bus_eq_is_flat(const mixbox_bus_eq_t *eq);
/* n <= 32 frames in place (Q31-scale int64 within +-2^35). */
void mixbox_bus_eq_process(mixbox_bus_eq_t *eq, int64_t *left, int64_t *right, uint32_t n);

#endif
