/* Loopback self-test (mixbox_loopback_* in mixbox_engine.h): the generator and
 * capture run on the audio side, the analysis on the control side. These are
 * the pieces the two sides share. */
#ifndef MIXBOX_LOOPBACK_TEST_H
#define MIXBOX_LOOPBACK_TEST_H

#include <stdint.h>

/* The marker's chips come from an 8-bit maximal-length shift register
 * (x^8 + x^6 + x^5 + x^4 + 1, period 255) started from this state, so the
 * analysis can replay exactly what the generator sent. */
#define LOOPBACK_MLS_SEED 0x01u

/* Next chip of the sequence: +1 or -1; advances *shift_register. */
int32_t mixbox_loopback_mls_chip(uint32_t *shift_register);

/* Peak of the marker: -12.04 dBFS (1/4 full scale); one quarter of it per unit. */
#define LOOPBACK_MARKER_QUARTER_Q31 0x08000000
/* Amplitude of the tone: -6.02 dBFS (1/2 full scale). */
#define LOOPBACK_TONE_AMPLITUDE_Q31 0x40000000

#endif
