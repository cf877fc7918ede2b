/*
 * Control-side design of the trapezoidal state-variable filter sections
 * (svf_section.h) in double, built with -ffp-contract=off and control_math
 * only, so host and device derive identical coefficients.
 *
 * Every band is an analogue second-order prototype, s normalised to its pole
 * frequency:  H(s) = (n2 s^2 + n1 s + n0) / (s^2 + s/q + 1).
 * The SVF (A. Simper, Cytomic, "SvfLinearTrapOptimised2") realises exactly
 * that transfer function through the bilinear transform with
 * g = tan(pi f_pole / fs), k = 1/q and the output mix
 * y = m0 x + m1 v1 + m2 v2 with m0 = n2, m1 = n1 - k n2, m2 = n0 - n2
 * (v1: band output s/D, v2: low output 1/D).
 *
 * Near Nyquist the bilinear transform cramps bells and shelves; the fitted
 * ("matched") design follows the analogue magnitude up to 0.4 fs (20 kHz at
 * 44.1/48 kHz): poles from impulse invariance (z = e^(sT), M. Vicanek,
 * "Matched Second Order Digital Filters", 2016) or the bilinear transform,
 * whichever fits better, refined by a coordinate search over g and k; the
 * numerator power in Vicanek's phi form (linear in B0, B1, B2) fitted by
 * least squares, made minimax by Lawson's reweighting, then factored. Any
 * stable digital biquad is again an SVF (its poles give g and k, its
 * numerator the mix), so both designs run on the same section. The fit stops
 * as soon as its worst error over the grid is 0.02 dB: most bands (a bell at
 * 3 kHz, a shelf at 8 kHz, at 48 kHz) end at the starting poles; bands near
 * Nyquist (a low-pass at 18 kHz, a 16 kHz shelf at 44.1 kHz) run the pole
 * search, tens of millions of RV32IMC instructions in software double. So the
 * bus EQ searches only where it has no pole table (svf_pole_table.h: the
 * search's results, tabulated offline); elsewhere mixbox_svf_design_fitted
 * fits the numerator on the tabulated poles, at most 1.7 million
 * (docs/PERFORMANCE.md "No EQ design stalls a control tick").
 */
#ifndef MIXBOX_SVF_DESIGN_H
#define MIXBOX_SVF_DESIGN_H

#include "svf_section.h"

typedef struct {
    double n0, n1, n2; /* numerator, s normalised to the pole frequency */
    double q;          /* pole quality factor */
    double pole_hz;    /* pole frequency */
} mixbox_svf_prototype_t;

/* The section in double: y = m0 x + m1 v1 + m2 v2. */
typedef struct {
    double g, k, m0, m1, m2;
} mixbox_svf_design_t;

/* Prototypes in the usual user terms (Audio EQ Cookbook shapes, written as
 * Simper's SVF types; A = 10^(dB/40)). */
mixbox_svf_prototype_t mixbox_svf_bell(double hz, double q, double db);       /* poles: q A */
mixbox_svf_prototype_t mixbox_svf_low_shelf(double hz, double q, double db);  /* midpoint hz, poles at hz / sqrt(A) */
mixbox_svf_prototype_t mixbox_svf_high_shelf(double hz, double q, double db); /* midpoint hz, poles at hz sqrt(A) */
mixbox_svf_prototype_t mixbox_svf_highpass(double hz, double q);
mixbox_svf_prototype_t mixbox_svf_lowpass(double hz, double q);
mixbox_svf_prototype_t mixbox_svf_bandpass(double hz, double q);              /* unity gain at hz */
/* s / (s + 1) as (s^2 + s) / (s + 1)^2: a first-order high-pass on the section. */
mixbox_svf_prototype_t mixbox_svf_highpass_first_order(double hz);

/* |H(j 2 pi hz)| of the analogue prototype. */
double mixbox_svf_prototype_magnitude(const mixbox_svf_prototype_t *p, double hz);

void mixbox_svf_design_bilinear(mixbox_svf_design_t *d, const mixbox_svf_prototype_t *p, double sample_rate);
/* Fitted design; match_hz (0 < match_hz < fs/2) is the band's own frequency:
 * the fit starts at 20 Hz, or six octaves below it if that is lower. */
void mixbox_svf_design_matched(mixbox_svf_design_t *d, const mixbox_svf_prototype_t *p, double sample_rate,
                               double match_hz);

/* The fitted design's first g: the bilinear design's, its pole held below
 * 0.45 fs (a high shelf's poles lie above its midpoint: beyond Nyquist for a
 * 16 kHz +12 dB shelf at 44.1 kHz). */
double mixbox_svf_fit_start_g(double pole_hz, double sample_rate);

/* The fitted design's numerator alone, on the poles of the SVF with g and k
 * (the pole search's result, from svf_pole_table.h): one least-squares fit
 * and its Lawson rounds, bounded cost (docs/PERFORMANCE.md). */
void mixbox_svf_design_fitted(mixbox_svf_design_t *d, const mixbox_svf_prototype_t *p, double sample_rate,
                              double match_hz, double g, double k);

/* The first-order high-pass s / (s + 1) at hz, as a first-order section
 * (k = 0, svf_section.h): y = x - lp, g = tan(pi hz / fs). */
void mixbox_svf_design_first_order_highpass(mixbox_svf_design_t *d, double hz, double sample_rate);

/* Digital magnitude of a design (k = 0: a first-order section) at hz (tests, and the design's own checks). */
double mixbox_svf_design_magnitude(const mixbox_svf_design_t *d, double hz, double sample_rate);

/* To the section's fixed-point target: g, k in Q28 (below 8), the mix as the
 * correction c0 = m0 - 1, c1 = m1, c2 = m2 in Q27 (below 16 in magnitude). */
void mixbox_svf_quantise(mixbox_svf_target_t *target, const mixbox_svf_design_t *d);

#endif
