#include "gain_ramp.h"

#define Q40_PER_Q24 65536

void mixbox_gain_ramp_init_q40(mixbox_gain_ramp_t *ramp, int64_t target_q40)
{
    ramp->value = target_q40;
    ramp->step = 0;
    ramp->target_q24 = (int32_t)(target_q40 >> 16);
    ramp->target_fine = (uint32_t)(target_q40 & 0xFFFF);
    ramp->frames_left = 0u;
}

void mixbox_gain_ramp_init(mixbox_gain_ramp_t *ramp, int32_t target_q24)
{
    mixbox_gain_ramp_init_q40(ramp, (int64_t)target_q24 * Q40_PER_Q24);
}

void mixbox_gain_ramp_set_target_q40(mixbox_gain_ramp_t *ramp, int64_t target_q40, uint32_t ramp_frames)
{
    if (target_q40 == gain_ramp_target_q40(ramp)) return;
    int64_t distance = target_q40 - ramp->value;
    ramp->target_q24 = (int32_t)(target_q40 >> 16);
    ramp->target_fine = (uint32_t)(target_q40 & 0xFFFF);
    ramp->step = distance / (int64_t)ramp_frames;
    ramp->frames_left = ramp_frames;
}

void mixbox_gain_ramp_set_target(mixbox_gain_ramp_t *ramp, int32_t target_q24, uint32_t ramp_frames)
{
    mixbox_gain_ramp_set_target_q40(ramp, (int64_t)target_q24 * Q40_PER_Q24, ramp_frames);
}

void mixbox_gain_ramp_advance(mixbox_gain_ramp_t *ramp, uint32_t frames)
{
    if (frames == 0u) return; /* settled: value is the target already */
    ramp->value += ramp->step * (int64_t)frames;
    ramp->frames_left -= frames;
    if (ramp->frames_left == 0u) {
        /* Drop the division remainder: at most ramp_frames Q40 LSBs. */
        ramp->value = gain_ramp_target_q40(ramp);
        ramp->step = 0;
    }
}
