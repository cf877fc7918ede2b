/*
 * The fitted EQ designs' poles, looked up instead of searched. The pole
 * search (mixbox_svf_design_matched) costs 3-70 million soft-double
 * instructions on the device's control core; its results, run offline at a
 * grid of settings for the bus EQ's fitted bands at 44.1, 48, 88.2 and
 * 96 kHz, are tabulated (svf_pole_table_data.c, written by
 * tools/svf_pole_table_gen.c from that same search) as the final g and k
 * over the search's start (mixbox_svf_fit_start_g, k = 1 / q), and
 * interpolated here; the numerator is then fitted on those poles
 * (mixbox_svf_design_fitted), a bounded cost.
 *
 * Each lookup returns 1 with the two ratios, or 0 where there is no table
 * for the rate (the caller runs the search).
 */
#ifndef MIXBOX_SVF_POLE_TABLE_H
#define MIXBOX_SVF_POLE_TABLE_H

#include <stdint.h>

/* The grid the tables are generated on (the generator and the lookup share it). */
#define MIXBOX_POLE_TABLE_RATES 4
#define MIXBOX_POLE_BELL_HZ 44      /* 60 Hz * 2^(i/6): 60 Hz .. 8.6 kHz */
#define MIXBOX_POLE_BELL_DB 9       /* -12 .. +12 dB in 3 dB steps */
#define MIXBOX_POLE_BELL_Q 7        /* 0.4 * 10^(j/6): 0.4 .. 4 */
#define MIXBOX_POLE_SHELF_HZ 42     /* 1.5 kHz * 2^(i/12): 1.5 .. 16.8 kHz */
#define MIXBOX_POLE_SHELF_DB 25     /* -12 .. +12 dB in 1 dB steps */
#define MIXBOX_POLE_LOWPASS_HZ 25   /* 10 kHz * 2^(i/24): 10 .. 20 kHz */

extern const uint32_t mixbox_pole_table_rates[MIXBOX_POLE_TABLE_RATES];
extern const float mixbox_pole_bell_hz[MIXBOX_POLE_BELL_HZ];
extern const float mixbox_pole_bell_q[MIXBOX_POLE_BELL_Q];
extern const float mixbox_pole_shelf_hz[MIXBOX_POLE_SHELF_HZ];
extern const float mixbox_pole_lowpass_hz[MIXBOX_POLE_LOWPASS_HZ];
/* [rate][hz][dB][q][g ratio, k ratio] and so on. */
extern const float mixbox_pole_bell[MIXBOX_POLE_TABLE_RATES][MIXBOX_POLE_BELL_HZ][MIXBOX_POLE_BELL_DB][MIXBOX_POLE_BELL_Q][2];
extern const float mixbox_pole_high_shelf[MIXBOX_POLE_TABLE_RATES][MIXBOX_POLE_SHELF_HZ][MIXBOX_POLE_SHELF_DB][2];
extern const float mixbox_pole_lowpass[MIXBOX_POLE_TABLE_RATES][MIXBOX_POLE_LOWPASS_HZ][2];

/* Bell at hz (its centre), quality q (the prototype's, before q A), gain db. */
int mixbox_svf_pole_table_bell(uint32_t sample_rate, double hz, double q, double db, double ratio[2]);
/* Butterworth high shelf with midpoint hz, gain db. */
int mixbox_svf_pole_table_high_shelf(uint32_t sample_rate, double hz, double db, double ratio[2]);
/* Butterworth low-pass at hz. */
int mixbox_svf_pole_table_lowpass(uint32_t sample_rate, double hz, double ratio[2]);

#endif
