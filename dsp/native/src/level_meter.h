/* Peak, 300 ms RMS, hold and clip of one signal: accumulated by the audio
 * side, read and reset by the control side. */
#ifndef MIXBOX_LEVEL_METER_H
#define MIXBOX_LEVEL_METER_H

#include "mixbox_engine.h"
#include "q31_math.h"
#include "exact_run_sum.h"

/* 24-bit converter full-scale code, left-justified: input at or beyond it
 * has clipped in the ADC. */
#define LEVEL_METER_INPUT_CLIP_Q31 0x7FFFFF00

void mixbox_level_meter_init(mixbox_level_meter_t *meter);

/* A run of samples being metered inside another loop (the loop that makes
 * them), so they are not read back: highest and lowest sample and the sum of
 * squares, in registers until level_meter_end_run adds them to the meter.
 * A run is at most one chunk (MIXBOX_CHUNK_FRAMES samples): its square sum
 * of the top 24 bits (t = x >> 8, |t| < 2^23) stays exact over it. */
#define LEVEL_RUN_SHIFT 8
typedef char mixbox_level_run_fits_a_chunk[EXACT_RUN_SUM_FITS(MIXBOX_CHUNK_FRAMES, LEVEL_RUN_SHIFT, 23) ? 1 : -1];

typedef struct {
    int32_t highest, lowest;
    exact_run_sum_t sum;
} level_run_t;

static inline level_run_t level_run_start(void)
{
    level_run_t run = { 0, 0, exact_run_sum_start() };
    return run;
}

static inline void level_run_add(level_run_t *run, int32_t x)
{
    if (x > run->highest) run->highest = x;
    if (x < run->lowest) run->lowest = x;
    int32_t top24 = x >> LEVEL_RUN_SHIFT;
    exact_run_sum_add(&run->sum, x, top24, top24);
}

/* Adds the run to the meter; returns the run's peak magnitude. */
static inline uint32_t level_meter_end_run(mixbox_level_meter_t *meter, const level_run_t *run)
{
    meter->segment_sum += (uint64_t)exact_run_sum_value(&run->sum, LEVEL_RUN_SHIFT);
    uint32_t peak = q31_range_magnitude(run->highest, run->lowest);
    if (peak > meter->peak) meter->peak = peak;
    if (peak > meter->hold) meter->hold = peak;
    return peak;
}

/* Adds `frames` (at most MIXBOX_CHUNK_FRAMES) interleaved stereo frames to
 * the left and right meters, in one pass. Scaling: squares of the top 24
 * bits (< 2^46) summed in 64 bits; a 10 ms segment at 96 kHz (960 squares)
 * stays below 2^56. */
void mixbox_level_meter_accumulate_stereo(mixbox_level_meter_t *left, mixbox_level_meter_t *right, const q31_t *stereo,
                                          uint32_t frames);

/* The meters of `channels` interleaved inputs over `frames` (at most
 * MIXBOX_CHUNK_FRAMES) frames (meters[c] for channel c, its
 * pre-fader peak and clip too), flagging a clip where a sample reached the
 * converter's full-scale code.
 * Channels are metered a few at a time: one pass over the frames loads each
 * sample once and shares the loop's overhead. */
void mixbox_level_meter_accumulate_inputs(mixbox_level_meter_t *meters, const q31_t *input, uint32_t channels, uint32_t frames);

/* Closes the running 10 ms segment into the 300 ms window. */
void mixbox_level_meter_end_segment(mixbox_level_meter_t *meter);

/* Readings in cdB; resets peak and clip. window_frames: the frames in the
 * ring's MIXBOX_METER_SEGMENTS segments (the RMS divisor). */
void mixbox_level_meter_read(mixbox_level_meter_t *meter, uint32_t window_frames, mixbox_meter_reading_t *reading);

/* A channel's pre-fader reading: its own peak and clip (reset here), the
 * channel meter's RMS and hold (left alone). */
void mixbox_level_meter_read_input(mixbox_level_meter_t *meter, uint32_t window_frames, mixbox_meter_reading_t *reading);

#endif
