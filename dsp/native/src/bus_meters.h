/* The bus meters of the main output, the octave analyser and the
 * correlation meter, behind the engine's four hooks: designed with the
 * target set, adopted with it, fed each chunk of output, stepped at each
 * 10 ms segment end. Off, each costs a test per chunk. */
#ifndef MIXBOX_BUS_METERS_H
#define MIXBOX_BUS_METERS_H

#include "mixbox_engine.h"

/* Control side, from the mix-bus parameter values (as mixbus_param): the
 * design, from the cache when its parameters are unchanged. */
void mixbox_bus_meters_design(mixbox_bus_meters_coeffs_t *coeffs, const int32_t *mixbus_param, uint32_t sample_rate,
                              mixbox_bus_meters_design_cache_t *cache);
void mixbox_bus_meters_apply(mixbox_bus_meters_t *meters, const mixbox_bus_meters_coeffs_t *coeffs);
/* Each chunk of output, with the main output's level meters (left, right):
 * the correlation meter, when on, runs them in its own pass. */
void mixbox_bus_meters_process(mixbox_bus_meters_t *meters, mixbox_level_meter_t *left, mixbox_level_meter_t *right,
                               const mixbox_q31_t *stereo, uint32_t frames);
void mixbox_bus_meters_end_segment(mixbox_bus_meters_t *meters);

#endif
