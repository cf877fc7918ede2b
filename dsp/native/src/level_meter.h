/* Peak, 300 ms RMS, hold and clip of one signal: accumulated by the audio
 * side, read and reset by the control side. */
#ifndef MIXBOX_LEVEL_METER_H
#define MIXBOX_LEVEL_METER_H

#include "mixbox_engine.h"

/* 24-bit converter full-scale code, left-justified: input at or beyond it
 * has clipped in the ADC. */
#define LEVEL_METER_INPUT_CLIP_Q31 0x7FFFFF00

void level_meter_init(mixbox_level_meter_t *meter);

/* Adds `frames` samples taken every `stride` samples from `samples`.
 * Scaling: squares of the top 24 bits (< 2^46) summed in 64 bits; a 10 ms
 * segment at 96 kHz (960 squares) stays below 2^56. */
void level_meter_accumulate(mixbox_level_meter_t *meter, const q31_t *samples, uint32_t stride, uint32_t frames);

/* The same for a channel input, flagging a clip when a sample reached the
 * converter's full-scale code: one pass over the samples, not two. */
void level_meter_accumulate_input(mixbox_level_meter_t *meter, const q31_t *samples, uint32_t stride, uint32_t frames);

/* Closes the running 10 ms segment into the 300 ms window. */
void level_meter_end_segment(mixbox_level_meter_t *meter);

/* Readings in cdB; resets peak and clip. segment_frames sizes the window. */
void level_meter_read(mixbox_level_meter_t *meter, uint32_t segment_frames, mixbox_meter_reading_t *reading);

#endif
