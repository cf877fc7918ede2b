#include "level_meter.h"

#include <string.h>

#include "level_db.h"
#include "q31_math.h"

void mixbox_level_meter_init(mixbox_level_meter_t *meter)
{
    memset(meter, 0, sizeof *meter);
}

void mixbox_level_meter_accumulate_stereo(mixbox_level_meter_t *left, mixbox_level_meter_t *right, const q31_t *stereo,
                                          uint32_t frames)
{
    level_run_t l = level_run_start(), r = level_run_start();
    for (const q31_t *end = stereo + 2u * frames; stereo != end; stereo += 2) {
        level_run_add(&l, stereo[0]);
        level_run_add(&r, stereo[1]);
    }
    level_meter_end_run(left, &l);
    level_meter_end_run(right, &r);
}

/* A sample at the converter's full-scale code has clipped in the ADC. The
 * pre-fader peak is the run's, kept apart: one compare per run, none per sample.
 * Out of line: inlined, GCC (rv32, -O2) gave up keeping the four runs of the
 * metering loop in registers (about 10 more instructions per frame). */
static OUT_OF_LINE void note_input_peak(mixbox_level_meter_t *meter, uint32_t peak)
{
    if (peak > meter->input_peak) meter->input_peak = peak;
    if (peak >= (uint32_t)LEVEL_METER_INPUT_CLIP_Q31) {
        meter->clipped = 1u;
        meter->input_clipped = 1u;
    }
}

static void end_input_run(mixbox_level_meter_t *meter, const level_run_t *run)
{
    note_input_peak(meter, level_meter_end_run(meter, run));
}

void mixbox_level_meter_accumulate_inputs(mixbox_level_meter_t *meters, const q31_t *input, uint32_t channels, uint32_t frames)
{
    uint32_t c = 0;
    for (; c + 4u <= channels; c += 4u) {
        level_run_t a = level_run_start(), b = level_run_start();
        level_run_t d = level_run_start(), e = level_run_start();
        for (const q31_t *x = input + c, *end = x + frames * channels; x != end; x += channels) {
            level_run_add(&a, x[0]);
            level_run_add(&b, x[1]);
            level_run_add(&d, x[2]);
            level_run_add(&e, x[3]);
        }
        end_input_run(&meters[c], &a);
        end_input_run(&meters[c + 1u], &b);
        end_input_run(&meters[c + 2u], &d);
        end_input_run(&meters[c + 3u], &e);
    }
    for (; c < channels; c++) {
        level_run_t a = level_run_start();
        for (const q31_t *x = input + c, *end = x + frames * channels; x != end; x += channels) level_run_add(&a, *x);
        end_input_run(&meters[c], &a);
    }
}

void mixbox_level_meter_end_segment(mixbox_level_meter_t *meter)
{
    uint32_t slot = meter->next_segment;
    meter->window_sum = meter->window_sum - meter->ring[slot] + meter->segment_sum;
    meter->ring[slot] = meter->segment_sum;
    meter->segment_sum = 0u;
    meter->next_segment = slot + 1u == MIXBOX_METER_SEGMENTS ? 0u : slot + 1u;
}

/* Both readings share the window's RMS and hold; each resets its own peak and clip. */
static void read_and_reset(const mixbox_level_meter_t *meter, uint32_t window_frames, uint32_t *peak,
                           uint32_t *clipped, mixbox_meter_reading_t *reading)
{
    reading->peak_cdb = mixbox_peak_to_cdb(*peak);
    /* The window counts as silent where it reaches back before init. */
    reading->rms_cdb = mixbox_mean_square_to_cdb(meter->window_sum, window_frames);
    reading->hold_cdb = mixbox_peak_to_cdb(meter->hold);
    reading->clipped = *clipped ? 1 : 0;
    *peak = 0u;
    *clipped = 0u;
}

void mixbox_level_meter_read(mixbox_level_meter_t *meter, uint32_t window_frames, mixbox_meter_reading_t *reading)
{
    read_and_reset(meter, window_frames, &meter->peak, &meter->clipped, reading);
}

void mixbox_level_meter_read_input(mixbox_level_meter_t *meter, uint32_t window_frames, mixbox_meter_reading_t *reading)
{
    read_and_reset(meter, window_frames, &meter->input_peak, &meter->input_clipped, reading);
}
