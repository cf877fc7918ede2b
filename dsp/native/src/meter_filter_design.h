/* Control side: Butterworth filters for the meters, as cascades of
 * mixbox_meter_section_coeffs_t (Q30), by the bilinear transform with the
 * edges prewarped (frequencies below are fractions of the sample rate).
 * Each section is scaled to unity gain at the filter's reference frequency
 * (band centre, Nyquist or DC), so the cascade is too and no intermediate
 * result grows much beyond the input. Double arithmetic through
 * control_math only: bit-identical on host and device. */
#ifndef MIXBOX_METER_FILTER_DESIGN_H
#define MIXBOX_METER_FILTER_DESIGN_H

#include "mixbox_engine.h"

/* Third-order Butterworth band-pass (six poles, three sections) with -3 dB
 * edges at low and high. */
void mixbox_meter_bandpass3_design(double low, double high, mixbox_meter_section_coeffs_t section[3]);

/* Third-order Butterworth high-pass (two sections: a pole pair and a real
 * pole) with -3 dB at `corner`. */
void mixbox_meter_highpass3_design(double corner, mixbox_meter_section_coeffs_t section[2]);

/* Fourth-order Butterworth low-pass (two sections) with -3 dB at `corner`. */
void mixbox_meter_lowpass4_design(double corner, mixbox_meter_section_coeffs_t section[2]);

/* The gain (linear) of a cascade at frequency f (fraction of the sample
 * rate), from the quantised coefficients: for tests and the design itself. */
double mixbox_meter_cascade_gain(const mixbox_meter_section_coeffs_t *section, uint32_t count, double f);

#endif
