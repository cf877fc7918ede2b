/* 10 ms meter segments of whole frames at any integer sample rate.
 *
 * Segment k spans frames floor(k fs / 100) .. floor((k + 1) fs / 100) - 1, so
 * it has floor(fs / 100) frames or one more (110 or 111 at 11 025 Hz, where
 * 10 ms is 110.25 frames), and n consecutive segments always hold n fs / 100
 * frames rounded down or up: exactly 0.4 s (40 segments: 4 410 frames at
 * 11 025 Hz) or 3 s (300 segments) of frames whenever that is a whole number.
 * At multiples of 100 Hz every segment is fs / 100 frames, as before.
 *
 * The clock is the pair (whole = floor(fs / 100), fraction = fs mod 100) and a
 * phase, k fs mod 100: how far segment k's start lies behind k fs / 100, in
 * hundredths of a frame. Integer only, no division (the audio side steps it
 * once per segment). */
#ifndef MIXBOX_SEGMENT_CLOCK_H
#define MIXBOX_SEGMENT_CLOCK_H

#include <stdint.h>

#define SEGMENTS_PER_SECOND 100u

/* fs mod 100 from fs and floor(fs / 100). */
static inline uint32_t segment_fraction(uint32_t sample_rate, uint32_t whole)
{
    return sample_rate - SEGMENTS_PER_SECOND * whole;
}

/* Frames of the segment that starts at `phase`. */
static inline uint32_t segment_frames_at(uint32_t whole, uint32_t fraction, uint32_t phase)
{
    return whole + (phase + fraction >= SEGMENTS_PER_SECOND ? 1u : 0u);
}

/* The phase of the next segment. */
static inline uint32_t segment_phase_after(uint32_t fraction, uint32_t phase)
{
    phase += fraction;
    return phase >= SEGMENTS_PER_SECOND ? phase - SEGMENTS_PER_SECOND : phase;
}

#endif
