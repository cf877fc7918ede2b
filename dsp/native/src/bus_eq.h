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




/* Control side. Re-designs only the bands whose parameters (or the rate)
 * changed since the cache's last design; cache may be NULL (all designed).
 * The fitted bands cost a few million instructions in software double on
 * the device, so a knob turn must not re-design the others. */
void mixbox_bus_eq_design(mixbox_bus_eq_targets_t *targets, const mixbox_bus_eq_params_t *params, uint32_t sample_rate,
                          mixbox_bus_eq_design_cache_t *cache);

/* Audio side. */
void mixbox_bus_eq_init(mixbox_bus_eq_t *eq, const mixbox_bus_eq_targets_t *targets);
/* New targets, reached after ramp_frames (rounded up to whole updates; <= 1: at once). */
void mixbox_bus_eq_apply(mixbox_bus_eq_t *eq, const mixbox_bus_eq_targets_t *targets, uint32_t ramp_frames);
/* True when every band is flat and settled (process would change nothing). */
int mixbox_bus_eq_is_flat(const mixbox_bus_eq_t *eq);
/* n <= 32 frames in place (Q31-scale int64 within +-2^35). */
void mixbox_bus_eq_process(mixbox_bus_eq_t *eq, int64_t *left, int64_t *right, uint32_t n);

/* True when no band moves and at least one sounds: the EQ then filters every
 * frame of a chunk, so the chain may run it on Q23 samples. */
int mixbox_bus_eq_is_settled_on(const mixbox_bus_eq_t *eq);

/* As mixbox_bus_eq_process from Q23 samples (svf_section.h; used as
 * scratch), the result written to the chain's left/right, for an EQ that is
 * settled and on (the same values as the int64 path, for chain samples that
 * were within +-2^35 when rounded to Q23). */
void mixbox_bus_eq_process_q23(mixbox_bus_eq_t *eq, int32_t *left_q23, int32_t *right_q23, int64_t *left,
                               int64_t *right, uint32_t n);

#endif
