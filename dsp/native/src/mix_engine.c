/* The summing engine: parameters, coefficient derivation and the audio path.
 * Scaling and overflow of every stage are described in mixbox_engine.h. */
#include "mixbox_engine.h"

#include <string.h>

#include "gain_law.h"
#include "bus_meters.h"
#include "correlation_meter.h"
#include "octave_analyser.h"
#include "bus_sum.h"
#include "gain_ramp.h"
#include "handoff.h"
#include "level_db.h"
#include "level_meter.h"
#include "loudness_meter.h"
#include "mixbus_chain.h"
#include "q31_math.h"
#include "segment_clock.h"

#define ENGINE_MAGIC 0x4D495842u /* "MIXB" */
#define BUS_METERS (2u * MIXBOX_SUB_BUSES + 2u)
/* The buses a channel can feed: main, then each sub-bus. */
#define BUS_MAIN 0u
#define BUS_COUNT (1u + MIXBOX_SUB_BUSES)

static int is_initialised(const mixbox_engine_t *engine)
{
    return engine->magic == ENGINE_MAGIC;
}

static uint32_t min_u32(uint32_t a, uint32_t b)
{
    return a < b ? a : b;
}

static int channel_is_silent(const mixbox_engine_t *engine, uint32_t c)
{
    return gain_ramp_is_silent(&engine->channel_gain[c][0]) && gain_ramp_is_silent(&engine->channel_gain[c][1]);
}

/* Refreshes the channel masks the audio loop reads (after ramps start or end). */
static void update_channel_masks(mixbox_engine_t *engine)
{
    uint32_t moving = 0u, audible = 0u;
    for (uint32_t c = 0; c < engine->channels; c++) {
        const mixbox_gain_ramp_t *l = &engine->channel_gain[c][0], *r = &engine->channel_gain[c][1];
        if (l->frames_left != 0u || r->frames_left != 0u) moving |= 1u << c;
        if (!channel_is_silent(engine, c)) audible |= 1u << c;
    }
    engine->channels_moving = moving;
    engine->channels_audible = audible;
    engine->sum_plan_valid = 0u; /* audible channels, routing or settled gains may differ */
}

/* ---- Control side: user units -> coefficient targets ---- */

static int32_t q40_to_q24(int64_t gain_q40)
{
    return (int32_t)((gain_q40 + (1 << 15)) >> 16);
}

static int any_channel_soloed(const mixbox_engine_t *engine)
{
    for (uint32_t c = 0; c < engine->channels; c++) {
        if (engine->channel[c].solo) return 1;
    }
    return 0;
}

/* Solo-in-place: while any channel is soloed, only soloed channels sound. */
static int channel_is_audible(const mixbox_engine_t *engine, uint32_t c, int any_solo)
{
    const mixbox_channel_params_t *p = &engine->channel[c];
    if (p->mute || p->fader_cdb <= MIXBOX_FADER_OFF_CDB) return 0;
    return !any_solo || p->solo;
}

static int32_t fader_target_q24(int32_t fader_cdb, int32_t muted)
{
    if (muted || fader_cdb <= MIXBOX_FADER_OFF_CDB) return 0;
    return q40_to_q24(mixbox_gain_from_cdb_q40(fader_cdb));
}

/* Derives a whole target set from every parameter into the control side's
 * slot and publishes it (handoff.h): the audio side adopts it at its next
 * block, all of it or (while this runs) none of it. */
static void derive_targets(mixbox_engine_t *engine)
{
    mixbox_targets_t *t = &engine->targets[engine->handoff.back];
    int any_solo = any_channel_soloed(engine);
    memset(t, 0, sizeof *t);
    for (uint32_t c = 0; c < engine->channels; c++) {
        const mixbox_channel_params_t *p = &engine->channel[c];
        t->channel_meter_offset_cdb[c] = MIXBOX_METER_SILENCE_CDB;
        if (channel_is_audible(engine, c, any_solo)) {
            int32_t cdb = p->trim_cdb + p->fader_cdb;
            int64_t sign = p->invert ? -1 : 1;
            t->channel_gain_q40[c][0] = sign * mixbox_channel_gain_q40(cdb, p->pan, 0);
            t->channel_gain_q40[c][1] = sign * mixbox_channel_gain_q40(cdb, p->pan, 1);
            t->channel_meter_offset_cdb[c] = p->trim_cdb + p->fader_cdb;
            if (((t->channel_gain_q40[c][0] | t->channel_gain_q40[c][1]) & 0xFFFF) != 0) t->channels_with_guard_bits |= 1u << c;
        }
    }
    for (uint32_t bus = 0; bus < BUS_COUNT; bus++) {
        for (uint32_t c = 0; c < engine->channels; c++) {
            const mixbox_channel_params_t *p = &engine->channel[c];
            if (bus == BUS_MAIN ? p->to_main != 0 : p->sub_bus == (int32_t)bus - 1) t->route[bus] |= 1u << c;
        }
    }
    for (uint32_t b = 0; b < MIXBOX_SUB_BUSES; b++) {
        t->sub_gain_q24[b] = fader_target_q24(engine->sub_fader_cdb[b], engine->sub_mute[b]);
    }
    t->main_gain_q24 = fader_target_q24(engine->main_fader_cdb, 0);
    mixbox_mixbus_design(&t->mixbus, engine->mixbus_param, engine->sample_rate, &engine->eq_design_cache);
    mixbox_bus_meters_design(&t->bus_meters, engine->mixbus_param, engine->sample_rate, &engine->bus_meters_design);
    handoff_publish(&engine->handoff);
}

/* ---- Audio side ---- */

/* The target set the audio side adopted last (stable until its next take). */
static const mixbox_targets_t *adopted_targets(const mixbox_engine_t *engine)
{
    return &engine->targets[engine->handoff.front];
}

/* Channels whose bus bits differ between the routing summed and the one wanted. */
static uint32_t channels_to_reroute(const mixbox_engine_t *engine)
{
    const mixbox_targets_t *wanted = adopted_targets(engine);
    uint32_t differ = 0u;
    for (uint32_t bus = 0; bus < BUS_COUNT; bus++) differ |= engine->route[bus] ^ wanted->route[bus];
    return differ;
}

static void ramp_channel_to(mixbox_engine_t *engine, uint32_t c, int64_t left_q40, int64_t right_q40, uint32_t frames)
{
    mixbox_gain_ramp_set_target_q40(&engine->channel_gain[c][0], left_q40, frames);
    mixbox_gain_ramp_set_target_q40(&engine->channel_gain[c][1], right_q40, frames);
}

/* Gives channel c (silent now) its wanted routing and ramps it to its gains. */
static void reroute_channel(mixbox_engine_t *engine, uint32_t c, uint32_t frames)
{
    const mixbox_targets_t *wanted = adopted_targets(engine);
    uint32_t bit = 1u << c;
    for (uint32_t bus = 0; bus < BUS_COUNT; bus++) {
        engine->route[bus] = (engine->route[bus] & ~bit) | (wanted->route[bus] & bit);
    }
    engine->channels_rerouting &= ~bit;
    ramp_channel_to(engine, c, wanted->channel_gain_q40[c][0], wanted->channel_gain_q40[c][1], frames);
}

/* Reroutes the channels whose fade-out has just reached silence. */
static void finish_fade_outs(mixbox_engine_t *engine)
{
    uint32_t rerouting = engine->channels_rerouting;
    for (uint32_t c = 0; rerouting >> c != 0u; c++) {
        if ((rerouting >> c & 1u) && channel_is_silent(engine, c)) reroute_channel(engine, c, engine->ramp_frames);
    }
}

/* At a block start, adopts the newest complete target set published since
 * the previous block, if any, and starts the ramps toward it. The set stays
 * in the front slot until the next take: a channel waiting to be rerouted
 * takes its gains from it mid-block. */
static void adopt_targets(mixbox_engine_t *engine)
{
    if (!handoff_take(&engine->handoff)) return;
    const mixbox_targets_t *t = adopted_targets(engine);
    /* Before the first block, a 1-frame ramp: the scene the box boots with
     * applies at once instead of gliding in from the defaults. */
    uint32_t frames = engine->started ? engine->ramp_frames : 1u;
    engine->channels_rerouting = channels_to_reroute(engine);
    for (uint32_t c = 0; c < engine->channels; c++) {
        if (!(engine->channels_rerouting >> c & 1u)) {
            ramp_channel_to(engine, c, t->channel_gain_q40[c][0], t->channel_gain_q40[c][1], frames);
        } else if (!engine->started || channel_is_silent(engine, c)) {
            reroute_channel(engine, c, frames);
        } else {
            ramp_channel_to(engine, c, 0, 0, frames); /* fade out; finish_fade_outs reroutes it */
        }
    }
    for (uint32_t b = 0; b < MIXBOX_SUB_BUSES; b++) {
        mixbox_gain_ramp_set_target(&engine->sub_gain[b], t->sub_gain_q24[b], frames);
    }
    mixbox_gain_ramp_set_target(&engine->main_gain, t->main_gain_q24, frames);
    update_channel_masks(engine);
    mixbox_mixbus_apply(&engine->mixbus, &t->mixbus, frames);
    mixbox_bus_meters_apply(&engine->bus_meters, &t->bus_meters);
}

/* Frames from here on that share one ramp phase (moving or steady). */
static uint32_t ramp_segment(const mixbox_gain_ramp_t *ramp, uint32_t frames)
{
    return ramp->frames_left != 0u ? min_u32(ramp->frames_left, frames) : frames;
}

/* The two sums (Q39, [0] left, [1] right) of bus `bus` (BUS_MAIN or 1 + sub-bus index). */
static int64_t (*bus_sums(mixbox_engine_t *engine, uint32_t bus))[MIXBOX_CHUNK_FRAMES]
{
    return bus == BUS_MAIN ? engine->main_sum : engine->sub_sum[bus - 1u];
}

static void zero_bus(mixbox_engine_t *engine, uint32_t bus, uint32_t from, uint32_t frames)
{
    int64_t (*sums)[MIXBOX_CHUNK_FRAMES] = bus_sums(engine, bus);
    memset(sums[0] + from, 0, frames * sizeof sums[0][0]);
    memset(sums[1] + from, 0, frames * sizeof sums[1][0]);
}

/* Two calls of one bus with at most BUS_SUM_GROUP members between them
 * become one two-group call (bus_sum.h: the same sums, one pass); returns
 * the number of calls left. */
static uint32_t merge_group_calls(mixbox_bus_sum_call_t *plan, uint32_t calls)
{
    uint32_t kept = 0u;
    for (uint32_t k = 0; k < calls; k++) {
        mixbox_bus_sum_call_t call = plan[k];
        if (k + 1u < calls && plan[k + 1u].bus == call.bus && call.count + plan[k + 1u].count <= BUS_SUM_GROUP) {
            const mixbox_bus_sum_call_t *next = &plan[++k];
            for (uint32_t m = 0; m < next->count; m++) {
                call.channel[call.count + m] = next->channel[m];
                call.left_q24[call.count + m] = next->left_q24[m];
                call.right_q24[call.count + m] = next->right_q24[m];
                call.left_fine[call.count + m] = next->left_fine[m];
                call.right_fine[call.count + m] = next->right_fine[m];
            }
            call.split = call.count;
            call.count = (uint8_t)(call.count + next->count);
            call.guard = 1u; /* the two-group kernels make every guard-bit product */
        }
        plan[kept++] = call;
    }
    return kept;
}

/* Plans the settled channel sum: one call per bus and slot group that has
 * an audible channel feeding that bus, with the channels' settled gains. */
static OUT_OF_LINE void plan_settled_sum(mixbox_engine_t *engine)
{
    uint32_t audible = engine->channels_audible, fed = 0u, calls = 0u;
    uint32_t guard_bits = adopted_targets(engine)->channels_with_guard_bits;
    for (uint32_t bus = 0; bus < BUS_COUNT; bus++) {
        uint32_t feeding = engine->route[bus] & audible;
        for (uint32_t group = 0; feeding >> group != 0u; group += BUS_SUM_GROUP) {
            mixbox_bus_sum_call_t *call = &engine->sum_plan[calls];
            uint32_t count = 0u;
            for (uint32_t c = group; c < group + BUS_SUM_GROUP; c++) {
                if (!(feeding >> c & 1u)) continue;
                mixbox_bus_sum_call_set_member(call, count++, c, engine->channel_gain[c][0].value,
                                               engine->channel_gain[c][1].value);
            }
            if (count == 0u) continue;
            call->bus = (uint8_t)bus;
            call->count = (uint8_t)count;
            call->split = 0u;
            call->guard = ((guard_bits & feeding) >> group & ((1u << BUS_SUM_GROUP) - 1u)) != 0u;
            call->first = !(fed >> bus & 1u);
            fed |= 1u << bus;
            calls++;
        }
    }
    calls = merge_group_calls(engine->sum_plan, calls);
    uint64_t main_bound[2] = { 0u, 0u };
    for (uint32_t k = 0; k < calls; k++) {
        mixbox_bus_sum_call_t *call = &engine->sum_plan[k];
        int only = call->first && (k + 1u == calls || engine->sum_plan[k + 1u].bus != call->bus);
        if (only && mixbox_bus_sum_call_can_put_out(call)) call->first = BUS_SUM_ONLY_CALL;
        if (call->bus == BUS_MAIN) {
            main_bound[0] += mixbox_bus_sum_call_bound(call, 0u);
            main_bound[1] += mixbox_bus_sum_call_bound(call, 1u);
        }
    }
    /* The main sum in Q55 (bus_sum.h) stays below 2^61 from the channels
     * (2^31 x a bound of at most 2^30) and 2^56 from the two sub-bus outputs
     * the join adds (each at most 2^31 x 2^24): no 64-bit overflow. Eight
     * 16-channel groups at +32 dB would not fit; they keep the Q39 form. */
    engine->sum_plan_main_q55 = main_bound[0] <= (1u << 30) && main_bound[1] <= (1u << 30);
    engine->sum_plan_calls = calls;
    engine->sum_plan_fed = fed;
    engine->sum_plan_valid = 1u;
}

static int fader_is_unity(const mixbox_gain_ramp_t *fader)
{
    return fader->frames_left == 0u && fader->target_q24 == (1 << 24);
}

/* sum_channels while no channel gain moves: the planned calls. With `out`
 * (the calls cover the whole chunk), a sub-bus that one call feeds and whose
 * fader is settled at 0 dB gets its output from that call (sub_out, not its
 * sums): its bit in *out; and where the main fader is settled at 0 dB (the
 * join rounds the main sum) and the plan's gains allow it, the main sums are
 * made in Q55 (mixbox_bus_sum_call_run_q55): the main bus's bit in *out. */
static uint32_t sum_settled_channels(mixbox_engine_t *engine, const q31_t *input, uint32_t offset, uint32_t frames,
                                     uint32_t *out)
{
    if (!engine->sum_plan_valid) plan_settled_sum(engine);
    const q31_t *frame0 = input + offset * engine->channels;
    int main_q55 = out != 0 && engine->sum_plan_main_q55 && fader_is_unity(&engine->main_gain);
    if (main_q55) *out |= 1u << BUS_MAIN;
    for (uint32_t k = 0; k < engine->sum_plan_calls; k++) {
        const mixbox_bus_sum_call_t *call = &engine->sum_plan[k];
        uint32_t bus = call->bus;
        if (out != 0 && call->first == BUS_SUM_ONLY_CALL && bus != BUS_MAIN &&
            fader_is_unity(&engine->sub_gain[bus - 1u])) {
            mixbox_level_meter_t *meter = &engine->meter[MIXBOX_METER_SUB_LEFT(bus - 1u)];
            mixbox_bus_sum_call_run_out(call, frame0, engine->channels, frames, engine->sub_out[bus - 1u],
                                        engine->sub_sum[bus - 1u], &meter[0].clipped, &meter[1].clipped);
            *out |= 1u << bus;
            continue;
        }
        if (main_q55 && bus == BUS_MAIN) {
            mixbox_bus_sum_call_run_q55(call, frame0, engine->channels, frames, engine->main_sum);
            continue;
        }
        mixbox_bus_sum_call_run(call, frame0, engine->channels, frames, bus_sums(engine, bus), offset);
    }
    return engine->sum_plan_fed;
}

/* Sums `frames` frames (all in one ramp phase) of every audible channel
 * into the bus sums, a group of channel slots at a time. Returns a bit mask
 * of the buses something fed; the others' sums are left untouched. */
static uint32_t sum_channels(mixbox_engine_t *engine, const q31_t *input, uint32_t offset, uint32_t frames,
                             uint32_t *out)
{
    if (engine->channels_moving == 0u) return sum_settled_channels(engine, input, offset, frames, out);
    uint32_t audible = engine->channels_audible, fed = 0u, stride = engine->channels;
    uint32_t guard_bits = adopted_targets(engine)->channels_with_guard_bits;
    for (uint32_t bus = 0; bus < BUS_COUNT; bus++) {
        uint32_t feeding = engine->route[bus] & audible;
        for (uint32_t group = 0; feeding >> group != 0u; group += BUS_SUM_GROUP) {
            bus_sum_member_t members[BUS_SUM_GROUP], *m = members;
            for (uint32_t c = group; c < group + BUS_SUM_GROUP; c++) {
                if (!(feeding >> c & 1u)) continue;
                const mixbox_gain_ramp_t *l = &engine->channel_gain[c][0], *r = &engine->channel_gain[c][1];
                m->x = input + offset * stride + c;
                m->left_q40 = l->value;
                m->left_step = l->frames_left != 0u ? l->step : 0;
                m->right_q40 = r->value;
                m->right_step = r->frames_left != 0u ? r->step : 0;
                m++;
            }
            uint32_t count = (uint32_t)(m - members);
            if (count == 0u) continue;
            int moving = ((engine->channels_moving & feeding) >> group & ((1u << BUS_SUM_GROUP) - 1u)) != 0u;
            /* Settled, a channel's gains are its adopted targets (or 0 while it
             * waits to be rerouted), so the adopted set says which have guard bits. */
            int guard = ((guard_bits & feeding) >> group & ((1u << BUS_SUM_GROUP) - 1u)) != 0u;
            mixbox_bus_sum_group(members, count, moving, guard, stride, frames, bus_sums(engine, bus), offset,
                                 !(fed >> bus & 1u));
            fed |= 1u << bus;
        }
    }
    return fed;
}

/* Sums the chunk's channels, split where a channel ramp ends. Returns the
 * buses whose sums hold the chunk: main always, a sub-bus when something fed
 * it or its fader moves (stretches nothing fed are zero). An idle sub-bus's
 * sums are left alone: it is skipped after this. *out: the buses (in the
 * result) whose Q31 output is in sub_out instead (sum_settled_channels). */
static uint32_t mix_channels(mixbox_engine_t *engine, const q31_t *input, uint32_t frames, uint32_t *out)
{
    *out = 0u;
    uint32_t valid = 1u << BUS_MAIN;
    for (uint32_t b = 0; b < MIXBOX_SUB_BUSES; b++) {
        if (engine->sub_gain[b].frames_left != 0u) valid |= 1u << (b + 1u);
    }
    for (uint32_t done = 0; done < frames;) {
        uint32_t n = frames - done;
        uint32_t moving = engine->channels_moving;
        for (uint32_t c = 0; moving >> c != 0u; c++) {
            n = ramp_segment(&engine->channel_gain[c][1], ramp_segment(&engine->channel_gain[c][0], n));
        }
        /* Settled from the start, the one call covers the chunk. */
        uint32_t fed = sum_channels(engine, input, done, n, done == 0u && n == frames ? out : 0);
        for (uint32_t bus = 0; bus < BUS_COUNT; bus++) {
            if (!(fed >> bus & 1u) && (valid >> bus & 1u)) zero_bus(engine, bus, done, n);
            if ((fed & ~valid) >> bus & 1u) zero_bus(engine, bus, 0u, done); /* first fed here */
        }
        valid |= fed;
        if (moving != 0u) {
            for (uint32_t c = 0; c < engine->channels; c++) {
                mixbox_gain_ramp_t *l = &engine->channel_gain[c][0], *r = &engine->channel_gain[c][1];
                if (l->frames_left != 0u) mixbox_gain_ramp_advance(l, min_u32(n, l->frames_left));
                if (r->frames_left != 0u) mixbox_gain_ramp_advance(r, min_u32(n, r->frames_left));
            }
            if (engine->channels_rerouting != 0u) finish_fade_outs(engine);
            update_channel_masks(engine);
        }
        done += n;
    }
    return valid;
}

/* A bus sum x its fader (ramped), in place, settled or not. With `to_chain`
 * the result is rounded to Q31 scale and limited to the chain's input range
 * (+24 dBFS), not yet saturated: the main bus keeps its overs for the mix-bus
 * chain. Without it the result stays in Q39 for the sub-bus loop, which
 * rounds and saturates it in its own pass. */
static ALWAYS_INLINE void scale_by_fader(mixbox_gain_ramp_t *fader, int64_t *left, int64_t *right,
                                         uint32_t frames, const int to_chain)
{
    for (uint32_t done = 0; done < frames;) {
        uint32_t n = ramp_segment(fader, frames - done);
        int64_t gain_q40 = fader->value;
        for (uint32_t i = done; i < done + n; i++) {
            gain_q40 += fader->step;
            int32_t gain_q24 = (int32_t)(gain_q40 >> 16);
            int64_t l = q39_scale_q24(left[i], gain_q24), r = q39_scale_q24(right[i], gain_q24);
            left[i] = to_chain ? mixbus_limit_input(q39_round_to_q31(l)) : l;
            right[i] = to_chain ? mixbus_limit_input(q39_round_to_q31(r)) : r;
        }
        mixbox_gain_ramp_advance(fader, min_u32(n, fader->frames_left));
        done += n;
    }
}

/* 2^8 x a Q31 sample: Q39. A 32-bit core (the device) builds it from its two
 * words (2 instructions, where the compiler's sign extension and 64-bit shift
 * take 4); a 64-bit core multiplies. The same value either way. */
static inline int64_t q31_to_q39(int32_t x)
{
#if UINTPTR_MAX > 0xFFFFFFFFu && !defined(MIXBOX_PORTABLE_PATHS)
    return (int64_t)x * 256;
#else
    uint64_t high = (uint64_t)(uint32_t)(x >> 24) << 32;
    return (int64_t)(high | ((uint32_t)x << 8));
#endif
}

/* 2^24 x a Q31 sample: Q55 (as q31_to_q39). */
static inline int64_t q31_to_q55(int32_t x)
{
#if UINTPTR_MAX > 0xFFFFFFFFu && !defined(MIXBOX_PORTABLE_PATHS)
    return (int64_t)x * (1 << 24);
#else
    uint64_t high = (uint64_t)(uint32_t)(x >> 8) << 32;
    return (int64_t)(high | ((uint32_t)x << 24));
#endif
}

/* Q39 sum -> the sub-bus output (Q31, rounded, saturated: clip flagged) into
 * its meter run, and onto the main sum. Unsaturated, the output back in Q39 is
 * the sum rounded to the Q31 grid, so no shifts there and back are needed. */
static ALWAYS_INLINE void sub_bus_sample(int64_t sum_q39, int64_t *main_q39, level_run_t *meter, uint32_t *clipped,
                                         const int q55)
{
    int64_t on_grid = (sum_q39 + 128) & ~(int64_t)255;
    int32_t out;
    if ((uint64_t)(on_grid + ((int64_t)1 << 39)) < ((uint64_t)1 << 40)) {
        /* From the two words: GCC (rv32) otherwise takes the meter's products
         * from the 64-bit value, three multiplies where one does. */
        out = (int32_t)((uint32_t)on_grid >> 8 | (uint32_t)(on_grid >> 32) << 24);
    } else {
        out = on_grid < 0 ? Q31_MIN : Q31_MAX;
        *clipped = 1u;
        on_grid = (int64_t)out * 256;
    }
    *main_q39 += q55 ? q31_to_q55(out) : on_grid; /* on_grid = 2^8 out */
    level_run_add(meter, out);
}

/* A sub-bus output its call made (sum_settled_channels) onto the main sum,
 * as sub_bus_sample puts it there, into its meter run. `q55`: the main sum
 * is in Q55 (2^16 x Q39). */
static ALWAYS_INLINE void sub_bus_out_sample(int32_t out, int64_t *main_q39, level_run_t *meter, const int q55)
{
    *main_q39 += q55 ? q31_to_q55(out) : q31_to_q39(out);
    level_run_add(meter, out);
}

/* One side of the main bus in one pass: the sub-buses in `subs` (bit b:
 * sub-bus b) put out and onto the main sum (those in `made` from their
 * outputs in sub_out), and with `round` (the main fader settled at 0 dB,
 * where scaling by exactly 1.0 changes nothing) the sum rounded to Q31 scale
 * and limited to the chain's input range. All are constants in each kernel. */
/* `q55` (with `round` only): the main sum is in Q55 (mixbox_bus_sum_call_run_q55),
 * rounded at 2^24: round(floor(S / 2^16) / 2^8) = floor((S + 2^23) / 2^24)
 * for S on the Q39 grid. */
static ALWAYS_INLINE void join_main_side(mixbox_engine_t *engine, uint32_t side, uint32_t frames, const uint32_t subs,
                                         const uint32_t made, const int round, const int q55)
{
    int64_t *main_q39 = engine->main_sum[side];
    /* Sub-bus 1's side at a fixed offset from sub-bus 0's: one pointer each for
     * the sums and the outputs, not two. */
    const int64_t *sub0 = engine->sub_sum[0][side], *sub1 = sub0 + 2u * MIXBOX_CHUNK_FRAMES;
    const int32_t *out0 = engine->sub_out[0][side], *out1 = out0 + 2u * MIXBOX_CHUNK_FRAMES;
    mixbox_level_meter_t *meter0 = &engine->meter[MIXBOX_METER_SUB_LEFT(0) + side];
    mixbox_level_meter_t *meter1 = &engine->meter[MIXBOX_METER_SUB_LEFT(1) + side];
    level_run_t run0 = level_run_start(), run1 = level_run_start();
    uint32_t clipped0 = 0u, clipped1 = 0u;
    for (uint32_t i = 0; i < frames; i++) {
        int64_t sum = main_q39[i];
        if (made & 1u) sub_bus_out_sample(out0[i], &sum, &run0, q55);
        else if (subs & 1u) sub_bus_sample(sub0[i], &sum, &run0, &clipped0, q55);
        if (made & 2u) sub_bus_out_sample(out1[i], &sum, &run1, q55);
        else if (subs & 2u) sub_bus_sample(sub1[i], &sum, &run1, &clipped1, q55);
        if (q55) main_q39[i] = mixbus_limit_input((sum + (1 << 23)) >> 24);
        else main_q39[i] = round ? mixbus_limit_input(q39_round_to_q31(sum)) : sum;
    }
    if (subs & 1u) {
        meter0->clipped |= clipped0;
        level_meter_end_run(meter0, &run0);
    }
    if (subs & 2u) {
        meter1->clipped |= clipped1;
        level_meter_end_run(meter1, &run1);
    }
}

/* join_main_side's kernels name the sub-buses one by one. */
typedef char mixbox_join_main_needs_two_sub_buses[MIXBOX_SUB_BUSES == 2u ? 1 : -1];

/* `made` (a subset of `subs`): sub-buses whose output is in sub_out. `q55`
 * (with `round`): the main sum is in Q55. */
static void join_main(mixbox_engine_t *engine, uint32_t frames, uint32_t subs, uint32_t made, int round, int q55)
{
    for (uint32_t side = 0; side < 2u; side++) {
        /* Sub-bus sets and rounding are constants in each kernel: no per-frame branch. */
#define JOIN(s, m, r) join_main_side(engine, side, frames, s, m, r, 0); break
#define JOIN_Q55(s, m) join_main_side(engine, side, frames, s, m, 1, 1); break
        if (q55) {
            switch (made * 4u + subs) {
            case 0: JOIN_Q55(0u, 0u);
            case 1: JOIN_Q55(1u, 0u);
            case 2: JOIN_Q55(2u, 0u);
            case 3: JOIN_Q55(3u, 0u);
            case 4 + 1: JOIN_Q55(1u, 1u);
            case 4 + 3: JOIN_Q55(3u, 1u);
            case 8 + 2: JOIN_Q55(2u, 2u);
            case 8 + 3: JOIN_Q55(3u, 2u);
            default: JOIN_Q55(3u, 3u);
            }
            continue;
        }
        switch (made * 8u + subs * 2u + (round ? 1u : 0u)) {
        case 1: JOIN(0u, 0u, 1);
        case 2: JOIN(1u, 0u, 0);
        case 3: JOIN(1u, 0u, 1);
        case 4: JOIN(2u, 0u, 0);
        case 5: JOIN(2u, 0u, 1);
        case 6: JOIN(3u, 0u, 0);
        case 7: JOIN(3u, 0u, 1);
        case 8 + 2: JOIN(1u, 1u, 0);
        case 8 + 3: JOIN(1u, 1u, 1);
        case 8 + 6: JOIN(3u, 1u, 0);
        case 8 + 7: JOIN(3u, 1u, 1);
        case 16 + 4: JOIN(2u, 2u, 0);
        case 16 + 5: JOIN(2u, 2u, 1);
        case 16 + 6: JOIN(3u, 2u, 0);
        case 16 + 7: JOIN(3u, 2u, 1);
        case 24 + 6: JOIN(3u, 3u, 0);
        case 24 + 7: JOIN(3u, 3u, 1);
        default: break; /* nothing to join, nothing to round */
        }
#undef JOIN
#undef JOIN_Q55
    }
}

/* The buses after the channel sums: each sub-bus in `subs` scaled by its
 * fader (in Q39, below 2^51: no limit needed before its saturation), then
 * put out (one saturation, meters) onto the main sum; the main sum scaled by
 * the main fader, rounded to Q31 scale and limited to the chain's input
 * range (see scale_by_fader). The sub-bus outputs, the main rounding at 0 dB
 * and the sum share one pass over the frames. `made`: sub-buses (of `subs`)
 * whose output the channel sum made (sub_out; their faders are at 0 dB). */
static void finish_buses(mixbox_engine_t *engine, uint32_t subs, uint32_t made, uint32_t frames, int main_q55)
{
    for (uint32_t b = 0; b < MIXBOX_SUB_BUSES; b++) {
        if ((subs >> b & 1u) && !(made >> b & 1u) && !fader_is_unity(&engine->sub_gain[b])) {
            scale_by_fader(&engine->sub_gain[b], engine->sub_sum[b][0], engine->sub_sum[b][1], frames, 0);
        }
    }
    int main_unity = fader_is_unity(&engine->main_gain);
    join_main(engine, frames, subs, made, main_unity, main_q55);
    if (!main_unity) scale_by_fader(&engine->main_gain, engine->main_sum[0], engine->main_sum[1], frames, 1);
}

/* Main bus: the mix-bus chain (which saturates once), meters (the main
 * level meters with the bus meters: the correlation meter shares their pass). */
static void finish_main_bus(mixbox_engine_t *engine, q31_t *output, uint32_t frames)
{
    mixbox_level_meter_t *meter_left = &engine->meter[MIXBOX_METER_MAIN_LEFT];
    mixbox_level_meter_t *meter_right = &engine->meter[MIXBOX_METER_MAIN_RIGHT];
    mixbox_mixbus_process(&engine->mixbus, engine->main_sum[0], engine->main_sum[1], output, frames,
                          &meter_left->clipped, &meter_right->clipped);
    mixbox_bus_meters_process(&engine->bus_meters, meter_left, meter_right, output, frames);
}

static void process_chunk(mixbox_engine_t *engine, const q31_t *input, q31_t *output, uint32_t frames)
{
    mixbox_level_meter_accumulate_inputs(&engine->meter[MIXBOX_METER_CHANNEL(0)], input, engine->channels, frames);
    uint32_t made;
    uint32_t valid = mix_channels(engine, input, frames, &made);
    /* A sub-bus nothing fed, with its fader settled, outputs exact zeros: its
     * meters and the main sum would not change, so it is skipped. */
    finish_buses(engine, valid >> 1, made >> 1, frames, (made >> BUS_MAIN) & 1u);
    finish_main_bus(engine, output, frames);
    mixbox_loudness_meter_process(&engine->loudness, output, frames);
}

/* Closes every meter's running 10 ms segment and starts the next segment
 * (its length from the segment clock). */
static OUT_OF_LINE void end_meter_segment(mixbox_engine_t *engine)
{
    for (uint32_t c = 0; c < engine->channels; c++) {
        mixbox_level_meter_end_segment(&engine->meter[MIXBOX_METER_CHANNEL(c)]);
    }
    for (uint32_t m = 0; m < BUS_METERS; m++) {
        mixbox_level_meter_end_segment(&engine->meter[MIXBOX_METER_SUB_LEFT(0) + m]);
    }
    mixbox_mixbus_end_segment(&engine->mixbus);
    mixbox_bus_meters_end_segment(&engine->bus_meters);
    uint32_t fraction = segment_fraction(engine->sample_rate, engine->segment_frames);
    engine->segment_phase = segment_phase_after(fraction, engine->segment_phase);
    engine->segment_frames_left = segment_frames_at(engine->segment_frames, fraction, engine->segment_phase);
}

mixbox_status_t mixbox_process(mixbox_engine_t *engine,
                               const q31_t *input, size_t input_samples,
                               q31_t *output, size_t output_samples,
                               uint32_t frames)
{
    if (engine == NULL || input == NULL || output == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    if (frames == 0u || frames > MIXBOX_MAX_BLOCK_FRAMES) return MIXBOX_ERR_BLOCK_SIZE;
    if (input_samples < (size_t)frames * engine->channels || output_samples < (size_t)frames * 2u) {
        return MIXBOX_ERR_BUFFER_TOO_SHORT;
    }

    adopt_targets(engine);
    engine->started = 1u;
    /* Chunks end at meter segment boundaries, so meters do not depend on
     * the block size either. */
    while (frames > 0u) {
        uint32_t n = min_u32(min_u32(frames, MIXBOX_CHUNK_FRAMES), engine->segment_frames_left);
        process_chunk(engine, input, output, n);
        input += (size_t)n * engine->channels;
        output += (size_t)n * 2u;
        frames -= n;
        engine->segment_frames_left -= n;
        if (engine->segment_frames_left == 0u) end_meter_segment(engine);
    }
    return MIXBOX_OK;
}

/* ---- API: lifecycle and parameters ---- */

uint32_t mixbox_abi_version(void)
{
    return MIXBOX_ABI_VERSION;
}

uint32_t mixbox_engine_size(void)
{
    return (uint32_t)sizeof(mixbox_engine_t);
}

mixbox_status_t mixbox_init(mixbox_engine_t *engine, uint32_t sample_rate_hz, uint32_t channels)
{
    if (engine == NULL) return MIXBOX_ERR_NULL;
    if (sample_rate_hz < MIXBOX_MIN_SAMPLE_RATE || sample_rate_hz > MIXBOX_MAX_SAMPLE_RATE) return MIXBOX_ERR_SAMPLE_RATE;
    if (channels == 0u || channels > MIXBOX_MAX_CHANNELS) return MIXBOX_ERR_CHANNEL_COUNT;

    memset(engine, 0, sizeof *engine);
    engine->sample_rate = sample_rate_hz;
    engine->channels = channels;
    engine->ramp_frames = sample_rate_hz / 200u; /* 5 ms in whole frames: 55 at 11 025 Hz */
    engine->segment_frames = sample_rate_hz / SEGMENTS_PER_SECOND;
    engine->segment_phase = 0u;
    engine->segment_frames_left = segment_frames_at(engine->segment_frames, segment_fraction(sample_rate_hz, engine->segment_frames), 0u);

    for (uint32_t c = 0; c < MIXBOX_MAX_CHANNELS; c++) {
        engine->channel[c].to_main = 1;
        engine->channel[c].sub_bus = MIXBOX_NO_SUB_BUS;
    }
    memcpy(engine->mixbus_param, mixbox_mixbus_param_default, sizeof engine->mixbus_param);
    handoff_init(&engine->handoff);
    derive_targets(engine);
    (void)handoff_take(&engine->handoff); /* the defaults are in force from the start */
    const mixbox_targets_t *t = adopted_targets(engine);

    for (uint32_t c = 0; c < channels; c++) {
        mixbox_gain_ramp_init_q40(&engine->channel_gain[c][0], t->channel_gain_q40[c][0]);
        mixbox_gain_ramp_init_q40(&engine->channel_gain[c][1], t->channel_gain_q40[c][1]);
    }
    for (uint32_t b = 0; b < MIXBOX_SUB_BUSES; b++) {
        mixbox_gain_ramp_init(&engine->sub_gain[b], t->sub_gain_q24[b]);
    }
    mixbox_gain_ramp_init(&engine->main_gain, t->main_gain_q24);
    memcpy(engine->route, t->route, sizeof engine->route);
    update_channel_masks(engine);
    mixbox_mixbus_init(&engine->mixbus, &t->mixbus);
    mixbox_bus_meters_apply(&engine->bus_meters, &t->bus_meters);
    for (uint32_t m = 0; m < MIXBOX_LEVEL_METER_COUNT; m++) mixbox_level_meter_init(&engine->meter[m]);
    if (mixbox_loudness_meter_init(&engine->loudness, sample_rate_hz) != 0) return MIXBOX_ERR_SAMPLE_RATE;

    engine->magic = ENGINE_MAGIC;
    return MIXBOX_OK;
}

static int in_range(int32_t value, int32_t lo, int32_t hi)
{
    return value >= lo && value <= hi;
}

static int param_value_in_range(mixbox_param_t param, int32_t value)
{
    switch (param) {
    case MIXBOX_PARAM_CHANNEL_TRIM_CDB: return in_range(value, MIXBOX_TRIM_MIN_CDB, MIXBOX_TRIM_MAX_CDB);
    case MIXBOX_PARAM_CHANNEL_PAN: return in_range(value, MIXBOX_PAN_MIN, MIXBOX_PAN_MAX);
    case MIXBOX_PARAM_CHANNEL_SUB_BUS: return in_range(value, MIXBOX_NO_SUB_BUS, (int32_t)MIXBOX_SUB_BUSES - 1);
    case MIXBOX_PARAM_CHANNEL_FADER_CDB:
    case MIXBOX_PARAM_SUB_FADER_CDB:
    case MIXBOX_PARAM_MAIN_FADER_CDB: return in_range(value, MIXBOX_FADER_OFF_CDB, MIXBOX_FADER_MAX_CDB);
    case MIXBOX_PARAM_CHANNEL_MUTE:
    case MIXBOX_PARAM_CHANNEL_SOLO:
    case MIXBOX_PARAM_CHANNEL_INVERT:
    case MIXBOX_PARAM_CHANNEL_TO_MAIN:
    case MIXBOX_PARAM_SUB_MUTE: return in_range(value, 0, 1);
    default: return mixbox_mixbus_param_in_range(param, value);
    }
}

/* Where a parameter is stored, or why it can't be. */
static mixbox_status_t param_slot(mixbox_engine_t *engine, mixbox_param_t param, uint32_t index, int32_t **slot)
{
    if (param >= MIXBOX_PARAM_CHANNEL_TRIM_CDB && param <= MIXBOX_PARAM_CHANNEL_SUB_BUS) {
        if (index >= engine->channels) return MIXBOX_ERR_INDEX;
        mixbox_channel_params_t *p = &engine->channel[index];
        int32_t *fields[] = { &p->trim_cdb, &p->fader_cdb, &p->pan, &p->mute,
                              &p->solo, &p->invert, &p->to_main, &p->sub_bus };
        *slot = fields[param - MIXBOX_PARAM_CHANNEL_TRIM_CDB];
        return MIXBOX_OK;
    }
    if (param == MIXBOX_PARAM_SUB_FADER_CDB || param == MIXBOX_PARAM_SUB_MUTE) {
        if (index >= MIXBOX_SUB_BUSES) return MIXBOX_ERR_INDEX;
        *slot = param == MIXBOX_PARAM_SUB_FADER_CDB ? &engine->sub_fader_cdb[index] : &engine->sub_mute[index];
        return MIXBOX_OK;
    }
    if (param == MIXBOX_PARAM_MAIN_FADER_CDB) {
        *slot = &engine->main_fader_cdb;
        return MIXBOX_OK;
    }
    if (param >= MIXBOX_FIRST_MIXBUS_PARAM && param < MIXBOX_PARAM_COUNT) {
        *slot = &engine->mixbus_param[param - MIXBOX_FIRST_MIXBUS_PARAM];
        return MIXBOX_OK;
    }
    return MIXBOX_ERR_PARAM;
}

mixbox_status_t mixbox_set_param(mixbox_engine_t *engine, mixbox_param_t param, uint32_t index, int32_t value)
{
    if (engine == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    int32_t *slot = NULL;
    mixbox_status_t status = param_slot(engine, param, index, &slot);
    if (status != MIXBOX_OK) return status;
    if (!param_value_in_range(param, value)) return MIXBOX_ERR_VALUE;
    *slot = value;
    derive_targets(engine);
    return MIXBOX_OK;
}

mixbox_status_t mixbox_get_param(const mixbox_engine_t *engine, mixbox_param_t param, uint32_t index, int32_t *value)
{
    if (engine == NULL || value == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    int32_t *slot = NULL;
    /* param_slot only locates; nothing is written through it here. */
    mixbox_status_t status = param_slot((mixbox_engine_t *)engine, param, index, &slot);
    if (status != MIXBOX_OK) return status;
    *value = *slot;
    return MIXBOX_OK;
}

/* ---- API: meters ---- */

static int meter_exists(const mixbox_engine_t *engine, uint32_t meter_id)
{
    if (meter_id < MIXBOX_MAX_CHANNELS) return meter_id < engine->channels;
    if (meter_id >= MIXBOX_METER_INPUT(0) && meter_id < MIXBOX_METER_COUNT) {
        return meter_id - MIXBOX_METER_INPUT(0) < engine->channels;
    }
    return meter_id < MIXBOX_METER_COUNT;
}

/* The accumulator a meter id reads: an input meter shares its channel's. */
static uint32_t meter_accumulator(uint32_t meter_id)
{
    return meter_id >= MIXBOX_METER_INPUT(0) ? MIXBOX_METER_CHANNEL(meter_id - MIXBOX_METER_INPUT(0)) : meter_id;
}

static int32_t offset_reading(int32_t reading_cdb, int32_t offset_cdb)
{
    if (offset_cdb == MIXBOX_METER_SILENCE_CDB) return MIXBOX_METER_SILENCE_CDB;
    return mixbox_cdb_add(reading_cdb, offset_cdb);
}

/* Frames in the RMS window, the last MIXBOX_METER_SEGMENTS complete segments:
 * floor(k fs/100) - floor((k - 30) fs/100) for k complete segments, i.e.
 * ceil((30 fs - phase) / 100) (segment_clock.h); 30 fs / 100 at multiples of
 * 100 Hz, 3 307 or 3 308 at 11 025 Hz. */
static uint32_t rms_window_frames(const mixbox_engine_t *engine)
{
    uint32_t hundredths = MIXBOX_METER_SEGMENTS * engine->sample_rate - engine->segment_phase;
    return (hundredths + SEGMENTS_PER_SECOND - 1u) / SEGMENTS_PER_SECOND;
}

mixbox_status_t mixbox_meter_read(mixbox_engine_t *engine, uint32_t meter_id, mixbox_meter_reading_t *reading)
{
    if (engine == NULL || reading == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    if (!meter_exists(engine, meter_id)) return MIXBOX_ERR_INDEX;

    if (meter_id >= MIXBOX_METER_INPUT(0)) {
        mixbox_level_meter_read_input(&engine->meter[meter_accumulator(meter_id)], rms_window_frames(engine), reading);
        return MIXBOX_OK;
    }
    mixbox_level_meter_read(&engine->meter[meter_id], rms_window_frames(engine), reading);
    if (meter_id < MIXBOX_MAX_CHANNELS) {
        /* Post-fader, by the set the audio side adopted (not the parameters,
         * which the control side may be writing). */
        int32_t offset = adopted_targets(engine)->channel_meter_offset_cdb[meter_id];
        reading->peak_cdb = offset_reading(reading->peak_cdb, offset);
        reading->rms_cdb = offset_reading(reading->rms_cdb, offset);
        reading->hold_cdb = offset_reading(reading->hold_cdb, offset);
    }
    return MIXBOX_OK;
}

mixbox_status_t mixbox_meter_reset_hold(mixbox_engine_t *engine, uint32_t meter_id)
{
    if (engine == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    if (!meter_exists(engine, meter_id)) return MIXBOX_ERR_INDEX;
    engine->meter[meter_accumulator(meter_id)].hold = 0u;
    return MIXBOX_OK;
}

mixbox_status_t mixbox_gain_reduction_read(mixbox_engine_t *engine, int32_t *gain_reduction_cdb)
{
    if (engine == NULL || gain_reduction_cdb == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    *gain_reduction_cdb = mixbox_mixbus_read_gain_reduction(&engine->mixbus);
    return MIXBOX_OK;
}

mixbox_status_t mixbox_de_esser_reduction_read(mixbox_engine_t *engine, int32_t *reduction_cdb)
{
    if (engine == NULL || reduction_cdb == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    *reduction_cdb = mixbox_mixbus_read_de_esser_reduction(&engine->mixbus);
    return MIXBOX_OK;
}

mixbox_status_t mixbox_distortion_read(mixbox_engine_t *engine, uint32_t stage, int32_t *distortion_cdb)
{
    if (engine == NULL || distortion_cdb == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    if (stage >= MIXBOX_DISTORTION_STAGES) return MIXBOX_ERR_INDEX;
    *distortion_cdb = mixbox_mixbus_read_distortion(&engine->mixbus, stage);
    return MIXBOX_OK;
}

mixbox_status_t mixbox_latency_frames(const mixbox_engine_t *engine, uint32_t *frames)
{
    if (engine == NULL || frames == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    /* The control side's latest derived set: the latency of the parameters as set. */
    *frames = mixbox_mixbus_latency(engine->mixbus_param, engine->sample_rate);
    return MIXBOX_OK;
}

mixbox_status_t mixbox_loudness_read(const mixbox_engine_t *engine, mixbox_loudness_reading_t *reading)
{
    if (engine == NULL || reading == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    mixbox_loudness_meter_read(&engine->loudness, reading);
    return MIXBOX_OK;
}

mixbox_status_t mixbox_loudness_reset(mixbox_engine_t *engine)
{
    if (engine == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    mixbox_loudness_meter_reset(&engine->loudness);
    return MIXBOX_OK;
}

mixbox_status_t mixbox_true_peak_read(mixbox_engine_t *engine, int32_t *true_peak_cdb)
{
    if (engine == NULL || true_peak_cdb == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    *true_peak_cdb = mixbox_true_peak_take_recent_cdb(&engine->loudness.true_peak);
    return MIXBOX_OK;
}

/* ---- API: bus meters ---- */

mixbox_status_t mixbox_spectrum_read(const mixbox_engine_t *engine, mixbox_spectrum_reading_t *reading)
{
    if (engine == NULL || reading == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    mixbox_analyser_read(&engine->bus_meters.analyser, reading);
    return MIXBOX_OK;
}

mixbox_status_t mixbox_correlation_sums_read(const mixbox_engine_t *engine, mixbox_correlation_sums_t *sums)
{
    if (engine == NULL || sums == NULL) return MIXBOX_ERR_NULL;
    if (!is_initialised(engine)) return MIXBOX_ERR_NOT_INITIALISED;
    mixbox_correlation_sums(&engine->bus_meters.correlation, sums);
    return MIXBOX_OK;
}

mixbox_status_t mixbox_correlation_from_sums(const mixbox_correlation_sums_t *sums, mixbox_correlation_reading_t *reading)
{
    if (sums == NULL || reading == NULL) return MIXBOX_ERR_NULL;
    mixbox_correlation_reading_from_sums(sums, reading);
    return MIXBOX_OK;
}

mixbox_status_t mixbox_correlation_read(const mixbox_engine_t *engine, mixbox_correlation_reading_t *reading)
{
    mixbox_correlation_sums_t sums;
    if (reading == NULL) return MIXBOX_ERR_NULL;
    mixbox_status_t status = mixbox_correlation_sums_read(engine, &sums);
    if (status != MIXBOX_OK) return status;
    return mixbox_correlation_from_sums(&sums, reading);
}
