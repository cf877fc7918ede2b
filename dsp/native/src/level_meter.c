#include "level_meter.h"

#include <string.h>

#include "level_db.h"
#include "q31_math.h"

void level_meter_init(mixbox_level_meter_t *meter)
{
    memset(meter, 0, sizeof *meter);
}

/* Peak magnitude and sum of 24-bit squares of a run of samples. */
static uint32_t accumulate(mixbox_level_meter_t *meter, const q31_t *samples, uint32_t stride, uint32_t frames)
{
    int32_t highest = 0, lowest = 0;
    uint64_t sum = meter->segment_sum;
    for (const q31_t *end = samples + frames * stride; samples != end; samples += stride) {
        int32_t x = *samples;
        if (x > highest) highest = x;
        if (x < lowest) lowest = x;
        int32_t top24 = x >> 8;
        sum += (uint64_t)((int64_t)top24 * top24);
    }
    meter->segment_sum = sum;
    uint32_t peak = q31_range_magnitude(highest, lowest);
    if (peak > meter->peak) meter->peak = peak;
    if (peak > meter->hold) meter->hold = peak;
    return peak;
}

void level_meter_accumulate(mixbox_level_meter_t *meter, const q31_t *samples, uint32_t stride, uint32_t frames)
{
    accumulate(meter, samples, stride, frames);
}

void level_meter_accumulate_input(mixbox_level_meter_t *meter, const q31_t *samples, uint32_t stride, uint32_t frames)
{
    /* A sample at the converter's full-scale code has clipped in the ADC. */
    if (accumulate(meter, samples, stride, frames) >= (uint32_t)LEVEL_METER_INPUT_CLIP_Q31) meter->clipped = 1u;
}

void level_meter_end_segment(mixbox_level_meter_t *meter)
{
    uint32_t slot = meter->next_segment;
    meter->window_sum = meter->window_sum - meter->ring[slot] + meter->segment_sum;
    meter->ring[slot] = meter->segment_sum;
    meter->segment_sum = 0u;
    meter->next_segment = slot + 1u == MIXBOX_METER_SEGMENTS ? 0u : slot + 1u;
}

void level_meter_read(mixbox_level_meter_t *meter, uint32_t segment_frames, mixbox_meter_reading_t *reading)
{
    reading->peak_cdb = peak_to_cdb(meter->peak);
    /* The window counts as silent where it reaches back before init. */
    reading->rms_cdb = mean_square_to_cdb(meter->window_sum, segment_frames * MIXBOX_METER_SEGMENTS);
    reading->hold_cdb = peak_to_cdb(meter->hold);
    reading->clipped = meter->clipped ? 1 : 0;
    meter->peak = 0u;
    meter->clipped = 0u;
}
