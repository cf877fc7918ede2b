/* A half-band low-pass that halves the sample rate: the step between the
 * octave levels of the analyser and the last two on the way to the
 * correlation meter's low band. Polyphase IIR (two first-order allpass
 * branches at the low rate): H(z) = (A0(z^2) + z^-1 A1(z^2)) / 2,
 * A(z) = (a + z^-1) / (1 + a z^-1), so two products per output sample (one
 * per input sample). Designed for this project (minimax over the stopband by
 * a numerical search): stopband from 0.365 fs at least 58.4 dB down,
 * passband to 0.135 fs flat within 0.00001 dB (the branches are
 * power-complementary), zero at Nyquist. Its phase is not linear, which
 * neither meter sees: both measure energies, and the correlation meter's
 * two sides go through the same filter.
 * Data in Q28 (full scale 2^28, three bits of headroom); int32 only. */
#ifndef MIXBOX_HALFBAND_DECIMATOR_H
#define MIXBOX_HALFBAND_DECIMATOR_H

#include "mixbox_engine.h"

/* Processes `frames` samples in place: writes the outputs to the start of
 * `samples` (outputs never overtake inputs) and returns how many (frames / 2,
 * give or take the sample held from the previous call). */
uint32_t mixbox_halfband_decimate(mixbox_halfband_t *filter, int32_t *samples, uint32_t frames);

#endif
