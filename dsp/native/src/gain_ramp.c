#include "gain_ramp.h"

#define Q40_PER_Q24 65536

void mixbox_gain_ramp_init(mixbox_gain_ramp_t *ramp, int32_t target_q24)
{
    ramp->value = (int64_t)target_q24 * Q40_PER_Q24;
    ramp->step = 0;
    ramp->target_q24 = target_q24;
    ramp->frames_left = 0u;
}

void mixbox_gain_ramp_set_target(mixbox_gain_ramp_t *ramp, int32_t target_q24, uint32_t ramp_frames)
{
    if (target_q24 == ramp->target_q24) return;
    int64_t distance = (int64_t)target_q24 * Q40_PER_Q24 - ramp->value;
    ramp->target_q24 = target_q24;
    ramp->step = distance / (int64_t)ramp_frames;
    ramp->frames_left = ramp_frames;
}

void mixbox_gain_ramp_advance(mixbox_gain_ramp_t *ramp, uint32_t frames)
{
    if (frames == 0u) return; /* settled: value is the target already */
    ramp->value += ramp->step * (int64_t)frames;
    ramp->frames_left -= frames;
    if (ramp->frames_left == 0u) {
        /* Drop the division remainder: at most ramp_frames Q40 LSBs. */
        ramp->value = (int64_t)ramp->target_q24 * Q40_PER_Q24;
        ramp->step = 0;
    }
}
