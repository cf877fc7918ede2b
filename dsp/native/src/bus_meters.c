#include "bus_meters.h"

#include <stddef.h>

#include "correlation_meter.h"
#include "level_meter.h"
#include "octave_analyser.h"

#define PARAM(p) ((int)(p) - (int)MIXBOX_FIRST_MIXBUS_PARAM)

void mixbox_bus_meters_design(mixbox_bus_meters_coeffs_t *c, const int32_t *v, uint32_t sample_rate,
                              mixbox_bus_meters_design_cache_t *cache)
{
    int32_t analyser_on = v[PARAM(MIXBOX_PARAM_ANALYSER_ON)], slow = v[PARAM(MIXBOX_PARAM_ANALYSER_SLOW)];
    int32_t correlation_on = v[PARAM(MIXBOX_PARAM_CORRELATION_ON)];
    /* The sample rate is fixed for an engine's life: the cache need not key on it. */
    if (!cache->valid || cache->analyser_on != analyser_on || cache->analyser_slow != slow ||
        cache->correlation_on != correlation_on) {
        mixbox_analyser_design(&cache->coeffs.analyser, sample_rate, analyser_on, slow);
        mixbox_correlation_design(&cache->coeffs.correlation, sample_rate, correlation_on);
        cache->analyser_on = analyser_on;
        cache->analyser_slow = slow;
        cache->correlation_on = correlation_on;
        cache->valid = 1;
    }
    *c = cache->coeffs;
}

void mixbox_bus_meters_apply(mixbox_bus_meters_t *m, const mixbox_bus_meters_coeffs_t *c)
{
    mixbox_analyser_apply(&m->analyser, &c->analyser);
    mixbox_correlation_apply(&m->correlation, &c->correlation);
}

/* The main output's level meters and the analyser's mono sum, in one pass. */
static void levels_and_mono(mixbox_level_meter_t *left, mixbox_level_meter_t *right, const mixbox_q31_t *stereo,
                            uint32_t frames, int32_t *mono)
{
    level_run_t l = level_run_start(), r = level_run_start();
    for (uint32_t i = 0; i < frames; i++) {
        int32_t a = stereo[2u * i], b = stereo[2u * i + 1u];
        level_run_add(&l, a);
        level_run_add(&r, b);
        mono[i] = MIXBOX_ANALYSER_MONO_Q28(a, b);
    }
    level_meter_end_run(left, &l);
    level_meter_end_run(right, &r);
}

/* One pass over the frames for the main output's level meters and what is
 * on of the analyser's mono sum and the correlation meter, which read the
 * same samples; then the analyser's bands. */
void mixbox_bus_meters_process(mixbox_bus_meters_t *m, mixbox_level_meter_t *left, mixbox_level_meter_t *right,
                               const mixbox_q31_t *stereo, uint32_t frames)
{
    int32_t *mono = m->analyser.coeffs.on ? mixbox_analyser_mono(&m->analyser) : NULL;
    if (m->correlation.coeffs.on) {
        mixbox_correlation_process(&m->correlation, left, right, mono, stereo, frames);
    } else if (mono != NULL) {
        levels_and_mono(left, right, stereo, frames, mono);
    } else {
        mixbox_level_meter_accumulate_stereo(left, right, stereo, frames);
    }
    if (mono != NULL) mixbox_analyser_run(&m->analyser, frames);
}

void mixbox_bus_meters_end_segment(mixbox_bus_meters_t *m)
{
    mixbox_analyser_end_segment(&m->analyser);
    mixbox_correlation_end_segment(&m->correlation);
}
