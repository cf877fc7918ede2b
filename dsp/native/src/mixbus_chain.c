#include "mixbus_chain.h"

#include "bus_compressor.h"
#include "bus_eq.h"
#include "de_esser.h"
#include "distortion_meter.h"
#include "drive_stage.h"
#include "gain_ramp.h"
#include "log2_fixed.h"
#include "output_stage.h"
#include "stereo_tools.h"
#include "true_peak_limiter.h"

#define Q24_ONE (1 << 24)
#define PARAM(p) ((int)(p) - (int)MIXBOX_FIRST_MIXBUS_PARAM)

const int32_t mixbox_mixbus_param_default[MIXBOX_MIXBUS_PARAMS] = {
    -1000, /* threshold */
    400,   /* ratio 4:1 */
    10000, /* attack 10 ms */
    600,   /* release 0.6 s */
    0,     /* hard knee */
    0,     /* make-up */
    0,     /* side-chain HPF off */
    0,     /* link: max */
    100,   /* mix: all wet */
    1,     /* bypassed */
    0,     /* drive off */
    -30,   /* ceiling -0.3 dBFS */
    0,     /* safety clip off */
    0,     /* dither off */
    0,     /* de-esser off */
    6500,  /* de-esser at 6.5 kHz */
    -2000, /* de-esser threshold -20 dB */
    600,   /* de-esser range 6 dB */
    60,    /* de-esser release 60 ms */
    0,     /* listen off */
    0,     /* EQ before the compressor */
    0,     /* high-pass off */
    12,    /* 12 dB/oct */
    100,   /* low shelf 100 Hz */
    0,     /* 0 dB */
    0,     /* normal slope */
    300,   /* bell 1 at 300 Hz */
    0,     /* 0 dB */
    100,   /* Q 1 */
    3000,  /* bell 2 at 3 kHz */
    0,     /* 0 dB */
    100,   /* Q 1 */
    0,     /* fixed Q */
    8000,  /* high shelf 8 kHz */
    0,     /* 0 dB */
    0,     /* low-pass off */
    100,   /* width 100 % */
    0,     /* mono-below off */
    24,    /* 24-bit output word */
    0,     /* safety mode: soft clip */
    0,     /* analyser off */
    0,     /* analyser 300 ms */
    0,     /* correlation meter off */
};

static int one_of(int32_t value, const int32_t *allowed, int count)
{
    for (int i = 0; i < count; i++) {
        if (value == allowed[i]) return 1;
    }
    return 0;
}

int mixbox_mixbus_param_in_range(mixbox_param_t param, int32_t value)
{
    static const int32_t low[MIXBOX_MIXBUS_PARAMS] = {
        -4000, 100, 100, 0, 0, 0, 0, 0, 0, 0, 0, -600, 0, 0,             /* compressor .. output */
        0, 2000, -5000, 0, 20, 0,                                         /* de-esser */
        0, 0, 12, 30, -1200, 0, 60, -1200, 40, 60, -1200, 40, 0, 1500, -1200, 0, /* EQ */
        0, 0,                                                             /* stereo tools */
        16,                                                               /* output word */
        0,                                                                /* safety mode */
        0, 0, 0,                                                          /* bus meters */
    };
    static const int32_t high[MIXBOX_MIXBUS_PARAMS] = {
        0, 2000, 30000, 2000, 1200, 2000, 500, 1, 100, 1, DRIVE_MAX_CDB, 0, 1, 1,
        1, 12000, 0, 1200, 300, 1,
        1, 150, 18, 300, 1200, 1, 8000, 1200, 400, 8000, 1200, 400, 1, 16000, 1200, 20000,
        200, 200,
        24,
        1,
        1, 1, 1,
    };
    static const int32_t highpass_hz[] = { 0, 20, 30, 40, 60, 80, 100, 150 };
    static const int32_t mono_below_hz[] = { 0, 60, 100, 150, 200 };
    int i = PARAM(param);
    if (value < low[i] || value > high[i]) return 0;
    if (param == MIXBOX_PARAM_COMP_RELEASE_MS) return value == 0 || value >= 50;      /* 0 = auto */
    if (param == MIXBOX_PARAM_COMP_SIDECHAIN_HPF_HZ) return value == 0 || value >= 20; /* 0 = off */
    if (param == MIXBOX_PARAM_EQ_HPF_HZ) return one_of(value, highpass_hz, 8);
    if (param == MIXBOX_PARAM_EQ_HPF_SLOPE) return value == 12 || value == 18;
    if (param == MIXBOX_PARAM_EQ_LOWPASS_HZ) return value == 0 || value >= 10000;       /* 0 = off */
    if (param == MIXBOX_PARAM_STEREO_MONO_BELOW_HZ) return one_of(value, mono_below_hz, 5);
    if (param == MIXBOX_PARAM_OUTPUT_WORD_BITS) return value == 16 || value == 24;
    return 1;
}

static void design_toolkit(mixbox_mixbus_settings_t *s, const int32_t *v, uint32_t sample_rate,
                           mixbox_bus_eq_design_cache_t *eq_cache)
{
    mixbox_de_esser_params_t de_esser = {
        v[PARAM(MIXBOX_PARAM_DEESS_ON)], v[PARAM(MIXBOX_PARAM_DEESS_HZ)], v[PARAM(MIXBOX_PARAM_DEESS_THRESHOLD_CDB)],
        v[PARAM(MIXBOX_PARAM_DEESS_RANGE_CDB)], v[PARAM(MIXBOX_PARAM_DEESS_RELEASE_MS)], v[PARAM(MIXBOX_PARAM_DEESS_LISTEN)],
    };
    mixbox_de_esser_design(&s->de_esser, &de_esser, sample_rate);

    mixbox_bus_eq_params_t eq = {
        v[PARAM(MIXBOX_PARAM_EQ_HPF_HZ)], v[PARAM(MIXBOX_PARAM_EQ_HPF_SLOPE)] == 18,
        v[PARAM(MIXBOX_PARAM_EQ_LOW_SHELF_HZ)], v[PARAM(MIXBOX_PARAM_EQ_LOW_SHELF_CDB)],
        v[PARAM(MIXBOX_PARAM_EQ_LOW_SHELF_GENTLE)],
        { v[PARAM(MIXBOX_PARAM_EQ_BELL1_HZ)], v[PARAM(MIXBOX_PARAM_EQ_BELL2_HZ)] },
        { v[PARAM(MIXBOX_PARAM_EQ_BELL1_CDB)], v[PARAM(MIXBOX_PARAM_EQ_BELL2_CDB)] },
        { v[PARAM(MIXBOX_PARAM_EQ_BELL1_Q_X100)], v[PARAM(MIXBOX_PARAM_EQ_BELL2_Q_X100)] },
        v[PARAM(MIXBOX_PARAM_EQ_PROPORTIONAL_Q)],
        v[PARAM(MIXBOX_PARAM_EQ_HIGH_SHELF_HZ)], v[PARAM(MIXBOX_PARAM_EQ_HIGH_SHELF_CDB)],
        v[PARAM(MIXBOX_PARAM_EQ_LOWPASS_HZ)],
    };
    mixbox_bus_eq_design(&s->eq, &eq, sample_rate, eq_cache);
    s->eq_after_compressor = v[PARAM(MIXBOX_PARAM_EQ_AFTER_COMP)];

    mixbox_stereo_tools_params_t stereo = {
        v[PARAM(MIXBOX_PARAM_STEREO_WIDTH_PERCENT)], v[PARAM(MIXBOX_PARAM_STEREO_MONO_BELOW_HZ)],
    };
    mixbox_stereo_tools_design(&s->stereo, &stereo, sample_rate);
}

void mixbox_mixbus_design(mixbox_mixbus_settings_t *s, const int32_t *v, uint32_t sample_rate,
                          mixbox_bus_eq_design_cache_t *eq_cache)
{
    design_toolkit(s, v, sample_rate, eq_cache);

    compressor_params_t comp = {
        v[PARAM(MIXBOX_PARAM_COMP_THRESHOLD_CDB)], v[PARAM(MIXBOX_PARAM_COMP_RATIO_X100)],
        v[PARAM(MIXBOX_PARAM_COMP_ATTACK_US)], v[PARAM(MIXBOX_PARAM_COMP_RELEASE_MS)],
        v[PARAM(MIXBOX_PARAM_COMP_KNEE_CDB)], v[PARAM(MIXBOX_PARAM_COMP_SIDECHAIN_HPF_HZ)],
        v[PARAM(MIXBOX_PARAM_COMP_LINK)],
    };
    mixbox_compressor_design(&s->compressor, &comp, sample_rate);

    int32_t drive_cdb = v[PARAM(MIXBOX_PARAM_DRIVE_CDB)];
    mixbox_drive_design(&s->drive, drive_cdb > 0 ? drive_cdb : 1);
    s->drive_mix_q24 = drive_cdb > 0 ? Q24_ONE : 0;

    /* The safety stage is the soft clip or the limiter, never both. */
    int32_t safety = v[PARAM(MIXBOX_PARAM_OUTPUT_SAFETY)], limiter = v[PARAM(MIXBOX_PARAM_OUTPUT_LIMITER)];
    mixbox_output_stage_design(&s->output, v[PARAM(MIXBOX_PARAM_OUTPUT_CEILING_CDB)], safety && !limiter,
                               v[PARAM(MIXBOX_PARAM_OUTPUT_DITHER)], v[PARAM(MIXBOX_PARAM_OUTPUT_WORD_BITS)]);
    mixbox_tp_limiter_design(&s->limiter, v[PARAM(MIXBOX_PARAM_OUTPUT_CEILING_CDB)], safety && limiter, sample_rate);

    /* Make-up in log2 units; 1 log2 unit = 602.06 cdB. */
    s->makeup_q24 = (int32_t)(((int64_t)v[PARAM(MIXBOX_PARAM_COMP_MAKEUP_CDB)] * 100000 * Q24_ONE) / 60205999);
    int32_t wet_percent = v[PARAM(MIXBOX_PARAM_COMP_BYPASS)] ? 0 : v[PARAM(MIXBOX_PARAM_COMP_MIX_PERCENT)];
    s->wet_q24 = wet_percent == 100 ? Q24_ONE : (int32_t)(((int64_t)wet_percent * Q24_ONE) / 100);
    s->dry_q24 = Q24_ONE - s->wet_q24;
}

uint32_t mixbox_mixbus_latency(const int32_t *v, uint32_t sample_rate)
{
    mixbox_tp_limiter_coeffs_t limiter;
    mixbox_tp_limiter_design(&limiter, v[PARAM(MIXBOX_PARAM_OUTPUT_CEILING_CDB)],
                             v[PARAM(MIXBOX_PARAM_OUTPUT_SAFETY)] && v[PARAM(MIXBOX_PARAM_OUTPUT_LIMITER)], sample_rate);
    return mixbox_tp_limiter_latency(&limiter);
}

void mixbox_mixbus_init(mixbox_mixbus_t *chain, const mixbox_mixbus_settings_t *s)
{
    mixbox_compressor_init(&chain->compressor);
    mixbox_compressor_set_coeffs(&chain->compressor, &s->compressor);
    chain->drive = s->drive;
    chain->output = s->output;
    mixbox_gain_ramp_init(&chain->makeup, s->makeup_q24);
    mixbox_gain_ramp_init(&chain->wet, s->wet_q24);
    mixbox_gain_ramp_init(&chain->dry, s->dry_q24);
    mixbox_gain_ramp_init(&chain->drive_mix, s->drive_mix_q24);
    chain->dither_seed = 0x2545F491u; /* any nonzero seed */
    mixbox_de_esser_init(&chain->de_esser, &s->de_esser);
    mixbox_bus_eq_init(&chain->eq, &s->eq);
    chain->eq_after_compressor = s->eq_after_compressor;
    mixbox_stereo_tools_init(&chain->stereo, &s->stereo);
    chain->limiter_coeffs = s->limiter;
    mixbox_tp_limiter_reset(&chain->limiter, &s->limiter);
}

void mixbox_mixbus_apply(mixbox_mixbus_t *chain, const mixbox_mixbus_settings_t *s, uint32_t ramp_frames)
{
    mixbox_compressor_set_coeffs(&chain->compressor, &s->compressor);
    chain->drive = s->drive;
    chain->output = s->output;
    mixbox_gain_ramp_set_target(&chain->makeup, s->makeup_q24, ramp_frames);
    mixbox_gain_ramp_set_target(&chain->wet, s->wet_q24, ramp_frames);
    mixbox_gain_ramp_set_target(&chain->dry, s->dry_q24, ramp_frames);
    mixbox_gain_ramp_set_target(&chain->drive_mix, s->drive_mix_q24, ramp_frames);
    mixbox_de_esser_apply(&chain->de_esser, &s->de_esser, ramp_frames);
    if (s->eq_after_compressor != chain->eq_after_compressor) {
        /* The EQ moves: its bands drop to flat at once (states cleared) and
         * fade in again at the new place over the ramp. */
        mixbox_bus_eq_t *eq = &chain->eq;
        mixbox_bus_eq_targets_t flat = s->eq;
        for (uint32_t i = 0; i < MIXBOX_BUS_EQ_SECTIONS; i++) {
            flat.section[i].c_q27[0] = flat.section[i].c_q27[1] = flat.section[i].c_q27[2] = 0;
        }
        mixbox_bus_eq_init(eq, &flat);
        chain->eq_after_compressor = s->eq_after_compressor;
    }
    mixbox_bus_eq_apply(&chain->eq, &s->eq, ramp_frames);
    mixbox_stereo_tools_apply(&chain->stereo, &s->stereo, ramp_frames);
    /* The limiter comes in from rest (silence in its delay: the output jumps
     * by its latency once, as any change of latency does). */
    if (s->limiter.on && !chain->limiter_coeffs.on) mixbox_tp_limiter_reset(&chain->limiter, &s->limiter);
    chain->limiter_coeffs = s->limiter;
}

/* floor(x * gain / 2^24), with a 32x32 product when x fits (the usual case). */
static inline int64_t scale_q24(int64_t x, int32_t gain_q24)
{
    if (x == (int32_t)x) return ((int64_t)(int32_t)x * gain_q24) >> 24;
    return (x * gain_q24) >> 24;
}

/* floor(x * share / 2^24) for a share below 1 (< 2^24): share * 2^8 fits 32
 * bits unsigned, so the product is one high word. */
static inline int32_t scale_by_share_q24(int32_t x, int32_t share_q24)
{
    return mul_high_s32_u32(x, (uint32_t)share_q24 << 8);
}

/* Compressed and dry signal as one gain: wet * g + dry (Q24, < 2^27.6). */
static inline int32_t parallel_gain_q24(int32_t gain_q24, int32_t wet_q24, int32_t dry_q24)
{
    if (wet_q24 == Q24_ONE) return gain_q24 + dry_q24;
    return scale_by_share_q24(gain_q24, wet_q24) + dry_q24;
}

/* The drive's distortion meter over a run of frames: its sums (added to in
 * memory on the metered frames: the drive's loop keeps its coefficients in
 * the registers four 64-bit sums would take) and its place on the stream's
 * grid of metered frames (distortion_meter.h). */
typedef struct {
    mixbox_distortion_meter_t *sums;
    uint32_t frames_to_next;
} drive_meter_run_t;

/* One frame within int32 through the drive fully in: all in 32 bits
 * (drive_stage.h). The drive's linear part is its input (the curve is
 * level-compensated to unity slope): its distortion is the output minus the
 * input, metered on every 4th frame. */
static ALWAYS_INLINE void drive_frame32(const mixbox_drive_coeffs_t *coeffs, int32_t l, int32_t r, int64_t *out_left,
                                        int64_t *out_right, drive_meter_run_t *meter)
{
    int32_t out_l = drive_process32(coeffs, l), out_r = drive_process32(coeffs, r);
    *out_left = out_l;
    *out_right = out_r;
    if (!distortion_meter_due(&meter->frames_to_next)) return;
    meter->sums->residual += distortion_square32(out_l - l) + distortion_square32(out_r - r);
    meter->sums->signal += distortion_square32(l) + distortion_square32(r);
}

/* Any chain frame through the drive fully in. */
static ALWAYS_INLINE void drive_frame(const mixbox_drive_coeffs_t *coeffs, int64_t l, int64_t r, int64_t *out_left,
                                      int64_t *out_right, drive_meter_run_t *meter)
{
    if (l == (int32_t)l && r == (int32_t)r) { /* the usual frame */
        drive_frame32(coeffs, (int32_t)l, (int32_t)r, out_left, out_right, meter);
        return;
    }
    /* Limited as in the crossfade (the make-up can lift the bus past
     * +24 dBFS; the curve is flat there either way): the meter sees
     * the same input on both paths. */
    l = mixbus_limit_input(l);
    r = mixbus_limit_input(r);
    int64_t out_l = drive_process(coeffs, l), out_r = drive_process(coeffs, r);
    *out_left = out_l;
    *out_right = out_r;
    if (!distortion_meter_due(&meter->frames_to_next)) return;
    meter->sums->residual += distortion_square(out_l - l) + distortion_square(out_r - r);
    meter->sums->signal += distortion_square(l) + distortion_square(r);
}

static int compressor_ramps_settled(const mixbox_mixbus_t *chain)
{
    return chain->makeup.frames_left == 0u && chain->wet.frames_left == 0u && chain->dry.frames_left == 0u;
}

static int drive_fully_in(const mixbox_mixbus_t *chain)
{
    return chain->drive_mix.frames_left == 0u && chain->drive_mix.target_q24 == Q24_ONE;
}

static drive_meter_run_t drive_meter_start(mixbox_mixbus_t *chain)
{
    drive_meter_run_t meter = { &chain->drive_distortion, chain->drive_distortion.frames_to_next };
    return meter;
}

static void drive_meter_finish(mixbox_mixbus_t *chain, const drive_meter_run_t *meter)
{
    chain->drive_distortion.frames_to_next = meter->frames_to_next;
}

/* One frame of the compressor's gain (Q24); with_drive: then through the drive, fully in. */
static ALWAYS_INLINE void compress_frame(int32_t gain, int64_t *left, int64_t *right, const int with_drive,
                                         const mixbox_drive_coeffs_t *drive_coeffs, drive_meter_run_t *meter)
{
    int64_t l = *left, r = *right;
    if (gain < Q24_ONE && l == (int32_t)l && r == (int32_t)r) {
        /* The usual frame (compressing, no make-up above the reduction,
         * within int32): scale_q24 as one high word, and the result stays
         * within int32 for the drive. */
        int32_t out_l = scale_by_share_q24((int32_t)l, gain), out_r = scale_by_share_q24((int32_t)r, gain);
        if (with_drive) {
            OPAQUE_INT32(out_l);
            OPAQUE_INT32(out_r);
            drive_frame32(drive_coeffs, out_l, out_r, left, right, meter);
        } else {
            *left = out_l;
            *right = out_r;
        }
        return;
    }
    l = scale_q24(l, gain);
    r = scale_q24(r, gain);
    if (with_drive) {
        drive_frame(drive_coeffs, l, r, left, right, meter);
    } else {
        *left = l;
        *right = r;
    }
}

/* The compressor's gain over frames whose make-up and mix ramps are settled.
 * with_drive: each frame then goes through the drive (fully in) while in
 * registers, instead of a second pass over the chunk; the gains are worked
 * out first, in place of the reductions, so that pass holds only the drive's
 * terms. */
static ALWAYS_INLINE void compress_settled(mixbox_mixbus_t *chain, int64_t *left, int64_t *right,
                                          int32_t *reduction, uint32_t frames, const int with_drive)
{
    const int32_t makeup = chain->makeup.target_q24, wet = chain->wet.target_q24, dry = chain->dry.target_q24;
    /* Make-up 0..+3.4 and reduction 0..13 log2 units: exp2's range (log2_fixed.h). */
    if (!with_drive) {
        /* As below: the usual frames first, in a loop with nothing else in it. */
        uint32_t i = 0;
        for (; i < frames; i++) {
            int32_t g = parallel_gain_q24(exp2_gain_q24_in_range(makeup - reduction[i]), wet, dry);
            int64_t l = left[i], r = right[i];
            if (g >= Q24_ONE || l != (int32_t)l || r != (int32_t)r) break;
            left[i] = scale_by_share_q24((int32_t)l, g);
            right[i] = scale_by_share_q24((int32_t)r, g);
        }
        for (; i < frames; i++)
            compress_frame(parallel_gain_q24(exp2_gain_q24_in_range(makeup - reduction[i]), wet, dry), &left[i], &right[i],
                           0, &chain->drive, 0);
        return;
    }
    int32_t *gain = reduction;
    for (uint32_t i = 0; i < frames; i++) gain[i] = parallel_gain_q24(exp2_gain_q24_in_range(makeup - reduction[i]), wet, dry);
    const mixbox_drive_coeffs_t drive_coeffs = chain->drive;
    drive_meter_run_t meter = drive_meter_start(chain);
    /* The usual frames in a loop with nothing else in it; from the first
     * other frame on, the loop that checks each frame. */
    const int32_t *g = gain, *const end = gain + frames; /* pointers, no frame count */
    int64_t *l = left, *r = right;
    for (; g != end; g++, l++, r++) {
        if (*g >= Q24_ONE || *l != (int32_t)*l || *r != (int32_t)*r) break;
        int32_t out_l = scale_by_share_q24((int32_t)*l, *g), out_r = scale_by_share_q24((int32_t)*r, *g);
        OPAQUE_INT32(out_l);
        OPAQUE_INT32(out_r);
        drive_frame32(&drive_coeffs, out_l, out_r, l, r, &meter);
    }
    for (uint32_t i = (uint32_t)(g - gain); i < frames; i++)
        compress_frame(gain[i], &left[i], &right[i], 1, &drive_coeffs, &meter);
    drive_meter_finish(chain, &meter);
}

/* The compressor over `frames`. with_drive (the caller found its ramps
 * settled, the drive fully in and nothing between the two): the drive too,
 * frame by frame. */
static void compress(mixbox_mixbus_t *chain, int64_t *left, int64_t *right, uint32_t frames, int with_drive)
{
    int32_t reduction[MIXBOX_CHUNK_FRAMES];
    mixbox_compressor_detect(&chain->compressor, left, right, reduction, frames);
    if (with_drive) {
        compress_settled(chain, left, right, reduction, frames, 1);
        return;
    }
    if (compressor_ramps_settled(chain)) {
        compress_settled(chain, left, right, reduction, frames, 0);
        return;
    }
    for (uint32_t i = 0; i < frames; i++) {
        int32_t makeup = gain_ramp_tick(&chain->makeup), wet = gain_ramp_tick(&chain->wet), dry = gain_ramp_tick(&chain->dry);
        int32_t gain = parallel_gain_q24(exp2_gain_q24_in_range(makeup - reduction[i]), wet, dry);
        compress_frame(gain, &left[i], &right[i], 0, &chain->drive, 0);
    }
}

/* The drive over a chunk: fully in, or crossfaded with its input while its
 * mix ramps. */
static void drive(mixbox_mixbus_t *chain, int64_t *left, int64_t *right, uint32_t frames)
{
    const mixbox_drive_coeffs_t coeffs = chain->drive;
    drive_meter_run_t meter = drive_meter_start(chain);
    if (drive_fully_in(chain)) { /* as the crossfade at 1 */
        for (uint32_t i = 0; i < frames; i++) drive_frame(&coeffs, left[i], right[i], &left[i], &right[i], &meter);
    } else {
        for (uint32_t i = 0; i < frames; i++) {
            int64_t amount = gain_ramp_tick(&chain->drive_mix);
            int64_t l = mixbus_limit_input(left[i]), r = mixbus_limit_input(right[i]);
            left[i] = l + (((drive_process(&coeffs, l) - l) * amount) >> 24);
            right[i] = r + (((drive_process(&coeffs, r) - r) * amount) >> 24);
            if (!distortion_meter_due(&meter.frames_to_next)) continue;
            if (amount == 0) continue; /* faded out: not the stage's signal (the chunk may go on) */
            meter.sums->residual += distortion_square(left[i] - l) + distortion_square(right[i] - r);
            meter.sums->signal += distortion_square(l) + distortion_square(r);
        }
    }
    drive_meter_finish(chain, &meter);
}

/* Frames of this chunk a ramp fading out spends above zero (all of them
 * unless it lands on zero inside the chunk). */
static uint32_t frames_until_out(const mixbox_gain_ramp_t *ramp, uint32_t frames)
{
    return ramp->target_q24 == 0 && ramp->frames_left < frames ? ramp->frames_left : frames;
}

/* The de-esser and the EQ before the compressor. Both on: one Q23 copy of
 * the chunk for both (the same values as each converting on its own) while
 * the EQ filters every frame and no sample is beyond +-2^35. */
static void toolkit_before_compressor(mixbox_mixbus_t *chain, int64_t *left, int64_t *right, uint32_t frames)
{
    int eq_before = !chain->eq_after_compressor;
    if (eq_before && !chain->de_esser.idle && mixbox_bus_eq_is_settled_on(&chain->eq)) {
        int32_t *left_q23 = chain->eq.work[0], *right_q23 = chain->eq.work[1];
        if (mixbox_svf_chunk_from_chain(left, right, left_q23, right_q23, frames)) {
            mixbox_de_esser_process_q23(&chain->de_esser, left_q23, right_q23, frames);
            mixbox_bus_eq_process_q23(&chain->eq, left_q23, right_q23, left, right, frames);
            return;
        }
    }
    mixbox_de_esser_process(&chain->de_esser, left, right, frames);
    if (eq_before) mixbox_bus_eq_process(&chain->eq, left, right, frames);
}

void mixbox_mixbus_process(mixbox_mixbus_t *chain, int64_t *main_left, int64_t *main_right,
                           q31_t *output, uint32_t frames, uint32_t *over_left, uint32_t *over_right)
{
    /* Parts that are out and settled cost nothing (and change nothing). The
     * compressor runs exactly the frames its wet share is above zero (the
     * rest of the chunk is dry at 1.0: untouched), and is reset on the frame
     * it goes out, so its state never depends on where chunks end. */
    toolkit_before_compressor(chain, main_left, main_right, frames);
    int drive_done = 0;
    if (!gain_ramp_is_silent(&chain->wet)) {
        uint32_t wet_frames = frames_until_out(&chain->wet, frames);
        /* Every frame compressed with settled ramps, the drive fully in and no
         * EQ between them: the drive in the compressor's pass (the same values). */
        drive_done = wet_frames == frames && compressor_ramps_settled(chain) && !chain->eq_after_compressor &&
                     drive_fully_in(chain);
        compress(chain, main_left, main_right, wet_frames, drive_done);
        if (gain_ramp_is_silent(&chain->wet)) mixbox_compressor_reset(&chain->compressor);
    }
    if (chain->eq_after_compressor) mixbox_bus_eq_process(&chain->eq, main_left, main_right, frames);
    if (!drive_done) {
        if (!gain_ramp_is_silent(&chain->drive_mix)) drive(chain, main_left, main_right, frames);
        else distortion_meter_skip(&chain->drive_distortion, frames); /* its grid is the stream's frames */
    }
    mixbox_stereo_tools_process(&chain->stereo, main_left, main_right, frames);
    if (chain->limiter_coeffs.on) {
        uint64_t residual = 0u, signal = 0u;
        mixbox_tp_limiter_process(&chain->limiter, &chain->limiter_coeffs, main_left, main_right, frames, &residual,
                                  &signal);
        mixbox_distortion_meter_add(&chain->safety_distortion, residual, signal);
    }
    mixbox_output_stage_process(&chain->output, &chain->dither_seed, main_left, main_right, output, frames,
                                over_left, over_right, &chain->safety_distortion);
}

void mixbox_mixbus_end_segment(mixbox_mixbus_t *chain)
{
    mixbox_distortion_meter_end_segment(&chain->drive_distortion);
    mixbox_distortion_meter_end_segment(&chain->safety_distortion);
}

int32_t mixbox_mixbus_read_distortion(mixbox_mixbus_t *chain, uint32_t stage)
{
    return mixbox_distortion_meter_read(stage == MIXBOX_DISTORTION_DRIVE ? &chain->drive_distortion
                                                                         : &chain->safety_distortion);
}

int32_t mixbox_mixbus_read_de_esser_reduction(mixbox_mixbus_t *chain)
{
    return mixbox_de_esser_read_reduction(&chain->de_esser);
}

int32_t mixbox_mixbus_read_gain_reduction(mixbox_mixbus_t *chain)
{
    int32_t gr_q24 = chain->compressor.gr_max_q24;
    chain->compressor.gr_max_q24 = 0;
    /* Out (bypassed or mix 0, fading or not): the needle rests. */
    if (chain->wet.target_q24 == 0) return 0;
    /* log2 units -> cdB, rounded. */
    return (int32_t)(((int64_t)gr_q24 * 60205999 / 100000 + (1 << 23)) >> 24);
}
