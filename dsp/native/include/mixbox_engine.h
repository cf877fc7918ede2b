/*
 * mixbox_engine.h - the MixBox fixed-point summing engine (C99, libc only).
 *
 * One engine instance mixes N input channels (interleaved TDM frames) into an
 * interleaved stereo output for the DAC:
 *
 *   input ch --trim/fader/polarity/pan--+--> sub-bus 0 --fader/mute--+
 *                                       +--> sub-bus 1 --fader/mute--+--> main --fader--> DAC
 *                                       +------------------------------> main
 *
 * The caller owns all memory: declare a mixbox_engine_t (static, stack or
 * heap) and call mixbox_init() on it. No function allocates, locks or blocks.
 *
 * Sample format: q31_t is Q1.31, full scale = [-1, 1). The TDM codecs deliver
 * 24-bit samples left-justified in 32-bit slots, which is Q1.31 with the low
 * 8 bits zero; any 32-bit value is accepted.
 *
 * Units at the API: gains in centi-dB (cdB, 1/100 dB), pan -100 (hard left)
 * .. +100 (hard right), switches 0/1, meter readings in cdB relative to full
 * scale. Frames, not samples: one frame = one sample of every channel.
 *
 * Return codes: every function returning mixbox_status_t returns MIXBOX_OK or
 * a negative error; on error nothing was changed and nothing was written.
 *
 * Threads: one control thread and one audio thread may use an engine at once
 * (after mixbox_init, which runs before both). Control side: mixbox_set_param
 * and mixbox_get_param. Audio side: mixbox_process and every meter, gain
 * reduction and loudness function. The two sides share only a triple buffer
 * of complete target sets (src/handoff.h, docs/ENGINE.md): the audio side
 * adopts the newest complete set at a block start, never waits and never
 * sees a half-written one. Two threads on one side need their own lock.
 */
#ifndef MIXBOX_ENGINE_H
#define MIXBOX_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever the struct layout or a function signature changes; the
 * firmware compares it with its own at boot. */
#define MIXBOX_ABI_VERSION 0x00040000u

#define MIXBOX_MAX_CHANNELS 16u
#define MIXBOX_DEFAULT_CHANNELS 8u
#define MIXBOX_SUB_BUSES 2u
#define MIXBOX_MAX_BLOCK_FRAMES 256u
#define MIXBOX_MIN_SAMPLE_RATE 8000u
#define MIXBOX_MAX_SAMPLE_RATE 96000u /* the loudness meter's bound */

/* Work is done in chunks of at most this many frames (bounded scratch). */
#define MIXBOX_CHUNK_FRAMES 32u
/* RMS window: 30 segments of 10 ms = 300 ms, rectangular. */
#define MIXBOX_METER_SEGMENTS 30u

/* Parameter ranges (cdB). A fader at MIXBOX_FADER_OFF_CDB is -inf (silence). */
#define MIXBOX_TRIM_MIN_CDB (-2000)
#define MIXBOX_TRIM_MAX_CDB 2000
#define MIXBOX_FADER_OFF_CDB (-14400)
#define MIXBOX_FADER_MAX_CDB 1200
#define MIXBOX_PAN_MIN (-100)
#define MIXBOX_PAN_MAX 100
#define MIXBOX_NO_SUB_BUS (-1)

/* Meter reading for silence (and the floor of every reading). */
#define MIXBOX_METER_SILENCE_CDB (-20000)

typedef int32_t q31_t;

typedef enum {
    MIXBOX_OK = 0,
    MIXBOX_ERR_NULL = -1,            /* instance or buffer pointer is NULL */
    MIXBOX_ERR_NOT_INITIALISED = -2, /* mixbox_init() has not succeeded on this instance */
    MIXBOX_ERR_SAMPLE_RATE = -3,     /* not in 8000..96000 or not a multiple of 100 Hz */
    MIXBOX_ERR_CHANNEL_COUNT = -4,   /* not in 1..MIXBOX_MAX_CHANNELS */
    MIXBOX_ERR_BLOCK_SIZE = -5,      /* frames not in 1..MIXBOX_MAX_BLOCK_FRAMES */
    MIXBOX_ERR_BUFFER_TOO_SHORT = -6,/* a buffer holds fewer samples than frames need */
    MIXBOX_ERR_INDEX = -7,           /* channel, bus or meter index out of range */
    MIXBOX_ERR_PARAM = -8,           /* unknown parameter id */
    MIXBOX_ERR_VALUE = -9            /* parameter value out of its range */
} mixbox_status_t;

/* Parameters for mixbox_set_param / mixbox_get_param. `index` is the channel
 * (CHANNEL_*), the sub-bus (SUB_*) or ignored (MAIN_*). */
typedef enum {
    MIXBOX_PARAM_CHANNEL_TRIM_CDB = 0,   /* -2000..+2000, default 0 */
    MIXBOX_PARAM_CHANNEL_FADER_CDB = 1,  /* -14400 (off)..+1200, default 0 */
    MIXBOX_PARAM_CHANNEL_PAN = 2,        /* -100..+100, constant power, -3 dB centre; default 0 */
    MIXBOX_PARAM_CHANNEL_MUTE = 3,       /* 0/1, default 0 */
    MIXBOX_PARAM_CHANNEL_SOLO = 4,       /* 0/1 solo-in-place, default 0 */
    MIXBOX_PARAM_CHANNEL_INVERT = 5,     /* 0/1 polarity invert, default 0 */
    MIXBOX_PARAM_CHANNEL_TO_MAIN = 6,    /* 0/1 route to the main bus, default 1 */
    MIXBOX_PARAM_CHANNEL_SUB_BUS = 7,    /* -1 (none), 0 or 1; default -1 */
    MIXBOX_PARAM_SUB_FADER_CDB = 8,      /* -14400 (off)..+1200, default 0 */
    MIXBOX_PARAM_SUB_MUTE = 9,           /* 0/1, default 0 */
    MIXBOX_PARAM_MAIN_FADER_CDB = 10,    /* -14400 (off)..+1200, default 0 */

    /* Mix-bus chain, after the main fader: compressor -> drive -> output. */
    MIXBOX_PARAM_COMP_THRESHOLD_CDB = 11, /* -4000..0, default -1000 */
    MIXBOX_PARAM_COMP_RATIO_X100 = 12,    /* 100..2000 (1:1..20:1), default 400 */
    MIXBOX_PARAM_COMP_ATTACK_US = 13,     /* 100..30000 us, default 10000 */
    MIXBOX_PARAM_COMP_RELEASE_MS = 14,    /* 50..2000 ms, or 0 = auto (program dependent); default 600 */
    MIXBOX_PARAM_COMP_KNEE_CDB = 15,      /* 0..1200 (below 10: hard knee), default 0 */
    MIXBOX_PARAM_COMP_MAKEUP_CDB = 16,    /* 0..2000, default 0 */
    MIXBOX_PARAM_COMP_SIDECHAIN_HPF_HZ = 17, /* 0 = off, or 20..500 Hz (panel: 60, 90, 150); default 0 */
    MIXBOX_PARAM_COMP_LINK = 18,          /* 0 = max(|L|,|R|), 1 = average; default 0 */
    MIXBOX_PARAM_COMP_MIX_PERCENT = 19,   /* wet share 0..100 (parallel compression), default 100 */
    MIXBOX_PARAM_COMP_BYPASS = 20,        /* 0/1, default 1 (compressor out) */
    MIXBOX_PARAM_DRIVE_CDB = 21,          /* saturation drive 0 (off)..1800, default 0 */
    MIXBOX_PARAM_OUTPUT_CEILING_CDB = 22, /* safety ceiling -600..0, default -30 */
    MIXBOX_PARAM_OUTPUT_SAFETY = 23,      /* 0/1 soft clip to the ceiling, default 0 */
    MIXBOX_PARAM_OUTPUT_DITHER = 24,      /* 0/1 TPDF dither to 24 bits, default 0 */
    MIXBOX_PARAM_COUNT = 25
} mixbox_param_t;

#define MIXBOX_FIRST_MIXBUS_PARAM MIXBOX_PARAM_COMP_THRESHOLD_CDB
#define MIXBOX_MIXBUS_PARAMS (MIXBOX_PARAM_COUNT - MIXBOX_FIRST_MIXBUS_PARAM)

/* Meter ids: channels first, then sub-bus and main outputs (fixed numbers,
 * whatever the channel count). */
#define MIXBOX_METER_CHANNEL(ch) ((uint32_t)(ch))
#define MIXBOX_METER_SUB_LEFT(bus) (MIXBOX_MAX_CHANNELS + 2u * (uint32_t)(bus))
#define MIXBOX_METER_SUB_RIGHT(bus) (MIXBOX_MAX_CHANNELS + 2u * (uint32_t)(bus) + 1u)
#define MIXBOX_METER_MAIN_LEFT (MIXBOX_MAX_CHANNELS + 2u * MIXBOX_SUB_BUSES)
#define MIXBOX_METER_MAIN_RIGHT (MIXBOX_METER_MAIN_LEFT + 1u)
#define MIXBOX_METER_COUNT (MIXBOX_METER_MAIN_RIGHT + 1u)

/* One meter reading, all levels in cdB re full scale, floored at
 * MIXBOX_METER_SILENCE_CDB. RMS uses 0 dBFS = full-scale DC/square wave, so a
 * full-scale sine reads -301. */
typedef struct {
    int32_t peak_cdb; /* highest |sample| since the previous read */
    int32_t rms_cdb;  /* RMS over the last 300 ms (30 complete 10 ms segments) */
    int32_t hold_cdb; /* highest |sample| since init or mixbox_meter_reset_hold() */
    int32_t clipped;  /* 1 if a clip happened since the previous read */
} mixbox_meter_reading_t;

/* Loudness of the main bus (after the output stage), EBU R 128. */
/* All levels in 1/100 LU (LUFS x 100, or LU x 100 for the range) or
 * 1/100 dB (dBTP x 100); MIXBOX_METER_SILENCE_CDB (-20000) when silent or not
 * yet defined, and the floor of every level. */
typedef struct {
    int32_t momentary_clu;       /* last 400 ms, LUFS x 100 */
    int32_t short_term_clu;      /* last 3 s */
    int32_t integrated_clu;      /* gated, since reset */
    int32_t momentary_max_clu;   /* highest momentary value since reset */
    int32_t short_term_max_clu;  /* highest short-term value since reset */
    int32_t loudness_range_clu;  /* LRA, LU x 100, resolution 0.1 LU */
    int32_t true_peak_max_cdb;   /* dBTP x 100, max-hold since reset */
    int32_t range_stable;        /* 0 during the first 60 s after reset (Tech 3341 section 2.4), then 1 */
} mixbox_loudness_reading_t;

/* ---- Internal state: visible only so the caller can own the memory. ---- */

/* A gain moving linearly to its target over a fixed number of frames. */
typedef struct {
    int64_t value;        /* current gain, Q24 with 16 guard bits (Q40) */
    int64_t step;         /* per-frame increment, Q40 */
    int32_t target_q24;   /* where the ramp ends */
    uint32_t frames_left; /* 0 = settled at target */
} mixbox_gain_ramp_t;

/* Peak / RMS / clip accumulators of one signal. */
typedef struct {
    uint32_t peak;          /* max |x| since last read, Q31 magnitude (2^31 = full scale) */
    uint32_t hold;          /* max |x| since hold reset */
    uint32_t clipped;       /* nonzero after a clip, until read */
    uint32_t next_segment;  /* ring position of the oldest segment */
    uint64_t segment_sum;   /* sum of (x>>8)^2 over the running 10 ms segment */
    uint64_t window_sum;    /* sum of the ring (exact: integer add/subtract) */
    uint64_t ring[MIXBOX_METER_SEGMENTS];
} mixbox_level_meter_t;

/* Loudness meter state (BS.1770-4 / EBU R 128): see src/loudness_meter.h. */
#define K_WEIGHTING_CHANNELS 2u

/* Coefficients: shelf b in Q29 (|b1| reaches 2.69), every a in Q30. The
 * high-pass numerator is [1, -2, 1] at every rate, as in BS.1770-4 Table 2
 * (applied as exact integer adds). */
typedef struct {
    int32_t shelf_b0, shelf_b1, shelf_b2; /* Q29 */
    int32_t shelf_a1, shelf_a2;           /* Q30 */
    int32_t hp_a1, hp_a2;                 /* Q30 */
} k_weighting_coefs_t;

/* A second-order high-pass section in int32 (highpass_section.h): its two
 * small feedback factors, each scaled to just below 2^31, and the fraction
 * bits their products keep. */
typedef struct {
    int32_t c2_scaled, g_scaled; /* 1 - a2 and 1 + a1 + a2 */
    int32_t c2_bits, g_bits;
    int32_t c2_mask, g_mask;
} highpass_section_coeffs_t;

typedef struct {
    int32_t x1, x_d1;      /* previous input and its first difference */
    int32_t y1, y_d1;      /* previous output and its first difference */
    int32_t c2_carry;      /* damping residue minus the previous damping product */
    int32_t g_residue;     /* fraction bits of the DC feedback product */
} highpass_section_t;

/* One channel, int32 in Q27 (full scale = 2^27, 4 bits of headroom): the
 * shelf as a transposed direct form II, then the high-pass section. See
 * k_weighting.c. */
typedef struct {
    int32_t shelf_z1, shelf_z2; /* transposed DF-II states */
    highpass_section_t hp;
} k_weighting_channel_t;

typedef struct {
    k_weighting_coefs_t coefs;
    highpass_section_coeffs_t hp;
    k_weighting_channel_t channel[K_WEIGHTING_CHANNELS];
} k_weighting_t;

#define TRUE_PEAK_CHANNELS 2u
#define TRUE_PEAK_PHASES 4u
#define TRUE_PEAK_TAPS 12u

/* The filter runs on the top 16 bits of each sample (Q1.15); interpolated
 * values and the hold are Q28 (Q15 samples x Q13 taps), see true_peak.c. */
typedef struct {
    int32_t history[TRUE_PEAK_TAPS - 1u]; /* the last 11 inputs (Q1.15), oldest first */
    uint32_t history_peak;                /* at least their largest magnitude */
} true_peak_channel_t;

typedef struct {
    true_peak_channel_t channel[TRUE_PEAK_CHANNELS];
    uint32_t max_q28; /* highest |interpolated or input sample| since clear */
} true_peak_t;

/* Bin b covers [-70.0 + 0.1 b, -70.0 + 0.1 (b + 1)) LUFS; louder blocks
 * (above +5 LUFS, reachable only by near-full-scale treble) go to the top
 * bin. In milli-LU (mLU, 1/1000 LU). */
#define LOUDNESS_HIST_BINS 750u
#define LOUDNESS_HIST_FLOOR_MLU (-70000)
#define LOUDNESS_HIST_BIN_MLU 100

/* 128-bit unsigned accumulator (C99 has no portable 128-bit integer). */
typedef struct {
    uint64_t high;
    uint64_t low;
} loudness_u128_t;

typedef struct {
    uint32_t count[LOUDNESS_HIST_BINS]; /* blocks per bin */
    uint32_t total;                     /* blocks counted; stops at UINT32_MAX (13 years at 10 blocks/s) */
    uint32_t reserved;
    loudness_u128_t energy;             /* exact sum of the counted blocks' window sums */
    /* Constants set by loudness_histogram_init: */
    uint64_t bin0_energy;    /* window sum of a block at bin 0's centre (-69.95 LUFS) */
    uint32_t bin_step_q30;   /* 10^(0.1/10) in Q30: energy ratio of adjacent bins */
    int32_t log2_window_q16; /* log2(frames per window) + 40 (the square of full scale, Q20^2), Q16 */
} loudness_histogram_t;

#define LOUDNESS_SEGMENTS_MOMENTARY 40u  /* 400 ms */
#define LOUDNESS_SEGMENTS_SHORT_TERM 300u /* 3 s */
#define LOUDNESS_SEGMENTS_PER_BLOCK_HOP 10u /* 100 ms */
#define LOUDNESS_SEGMENTS_RANGE_STABLE 6000u /* 60 s (EBU Tech 3341 section 2.4) */

typedef struct {
    k_weighting_t k_weighting;
    true_peak_t true_peak;

    uint32_t sample_rate;
    uint32_t segment_frames;      /* frames per 10 ms */
    uint32_t segment_frames_left; /* of the running segment */
    uint32_t ring_position;       /* oldest segment in ring[] */
    uint32_t segments_since_reset;/* saturates at UINT32_MAX (13.6 years) */
    uint32_t reserved;

    /* Sums of squared K-weighted samples (Q20^2, both channels), see
     * loudness_meter_process for their bounds. */
    uint64_t segment_sum;          /* running 10 ms segment */
    uint64_t momentary_sum;        /* last 40 complete segments */
    uint64_t short_term_sum;       /* last 300 complete segments */
    uint64_t momentary_max_sum;    /* since reset */
    uint64_t short_term_max_sum;   /* since reset */
    uint64_t ring[LOUDNESS_SEGMENTS_SHORT_TERM];

    loudness_histogram_t integrated; /* 400 ms blocks, every 100 ms */
    loudness_histogram_t range;      /* 3 s windows, every 100 ms */
} loudness_meter_t;

/* Compressor coefficients, derived from user units on the control side.
 * Levels are log2 units re full scale (1.0 = 6.02 dB), Q24. */
typedef struct {
    int32_t threshold_q24;
    int32_t knee_q24;          /* knee width; 0 = hard knee */
    int32_t slope_q24;         /* 1 - 1/ratio */
    int32_t knee_factor_q24;   /* slope / (2 knee) */
    uint32_t quiet_below;      /* side-chain magnitudes below this reduce nothing */
    uint32_t attack_q32;       /* 1 - exp(-1 / (t fs)) */
    uint32_t release_q32;      /* release, or the fast release in auto mode */
    uint32_t slow_release_q32; /* auto mode's slow tracker; 0 in manual mode */
    int32_t link_average;
    int32_t hpf_on;
    uint32_t hpf_gain_q32;     /* the side-chain high-pass's b0 (< 1), Q32 */
    highpass_section_coeffs_t hpf;
} mixbox_compressor_coeffs_t;

typedef struct {
    mixbox_compressor_coeffs_t coeffs;
    highpass_section_t sidechain[2];
    int32_t peak_q27;     /* release stage of the smooth decoupled peak detector */
    int32_t slow_q27;     /* auto release: slow tracker of the peak stage */
    int32_t smooth_q27;   /* attack stage: the gain reduction applied */
    int32_t gr_max_q24;   /* largest gain reduction since the meter was read */
} mixbox_compressor_t;

typedef struct {
    int32_t gain_q24;     /* into the curve */
    int32_t makeup_q24;   /* 1 / (1.5 gain): small signals leave at unity */
    int32_t flat_above;   /* inputs >= this are on the curve's flat top */
    int32_t flat_below;   /* inputs <= this are on its flat bottom */
} mixbox_drive_coeffs_t;

typedef struct {
    int32_t safety_on;
    int32_t dither_on;
    int64_t ceiling;      /* Q31 magnitude */
    int64_t knee;         /* ceiling - 3 dB: soft clipping starts here */
    int32_t cubic_q28;    /* (4/27) 2^62 / (ceiling - knee)^2 */
} mixbox_output_coeffs_t;

/* Everything the control side derives for the mix-bus chain. */
typedef struct {
    mixbox_compressor_coeffs_t compressor;
    mixbox_drive_coeffs_t drive;
    mixbox_output_coeffs_t output;
    int32_t makeup_q24;     /* log2 units */
    int32_t wet_q24;        /* compressed share, linear */
    int32_t dry_q24;        /* uncompressed share, linear */
    int32_t drive_mix_q24;  /* 0 = drive stage out, 1.0 = in */
} mixbox_mixbus_settings_t;

typedef struct {
    mixbox_compressor_t compressor;
    mixbox_drive_coeffs_t drive;
    mixbox_output_coeffs_t output;
    mixbox_gain_ramp_t makeup;
    mixbox_gain_ramp_t wet;
    mixbox_gain_ramp_t dry;
    mixbox_gain_ramp_t drive_mix;
    uint32_t dither_seed;
} mixbox_mixbus_t;

typedef struct {
    int32_t trim_cdb;
    int32_t fader_cdb;
    int32_t pan;
    int32_t mute;
    int32_t solo;
    int32_t invert;
    int32_t to_main;
    int32_t sub_bus;
} mixbox_channel_params_t;

/* One complete set of coefficient targets: derived from every parameter on
 * the control side, adopted whole by the audio side at a block start. */
typedef struct {
    int32_t channel_gain_q24[MIXBOX_MAX_CHANNELS][2];
    int32_t channel_meter_offset_cdb[MIXBOX_MAX_CHANNELS]; /* trim + fader, or MIXBOX_METER_SILENCE_CDB */
    uint32_t route[1u + MIXBOX_SUB_BUSES]; /* per bus (main, subs): bit c = channel c feeds it */
    int32_t sub_gain_q24[MIXBOX_SUB_BUSES];
    int32_t main_gain_q24;
    mixbox_mixbus_settings_t mixbus;
} mixbox_targets_t;

/* The hand-off of target sets between the two sides, a triple buffer (see
 * src/handoff.h): slot indices into mixbox_engine_t.targets. */
typedef struct {
    uint32_t back;      /* control side only: the slot it writes next */
    uint32_t published; /* both sides, atomically: the latest complete slot (bits 0-1) + fresh flag (bit 2) */
    uint32_t front;     /* audio side only: the slot the audio path reads */
} mixbox_handoff_t;

typedef struct {
    uint32_t magic;            /* set by mixbox_init */
    uint32_t sample_rate;
    uint32_t channels;
    uint32_t ramp_frames;      /* gain ramp length: 5 ms */
    uint32_t segment_frames;   /* meter segment length: 10 ms */
    uint32_t segment_frames_left;
    uint32_t started;          /* a block has been processed */

    /* Control side: user-unit parameters, as set. */
    mixbox_channel_params_t channel[MIXBOX_MAX_CHANNELS];
    int32_t sub_fader_cdb[MIXBOX_SUB_BUSES];
    int32_t sub_mute[MIXBOX_SUB_BUSES];
    int32_t main_fader_cdb;
    int32_t mixbus_param[MIXBOX_MIXBUS_PARAMS];

    /* Target sets: the control side writes targets[handoff.back] whole and
     * publishes it; the audio side reads only targets[handoff.front]. */
    mixbox_targets_t targets[3];
    mixbox_handoff_t handoff;

    /* Audio-side state. */
    mixbox_gain_ramp_t channel_gain[MIXBOX_MAX_CHANNELS][2];
    uint32_t route[1u + MIXBOX_SUB_BUSES];        /* the routing the audio path sums with */
    uint32_t channels_rerouting; /* bit c: channel c fades out before its routing changes */
    uint32_t channels_moving;  /* bit c: a gain ramp of channel c is moving */
    uint32_t channels_audible; /* bit c: channel c's gains are not both settled at 0 */
    mixbox_gain_ramp_t sub_gain[MIXBOX_SUB_BUSES];
    mixbox_gain_ramp_t main_gain;
    mixbox_mixbus_t mixbus;
    mixbox_level_meter_t meter[MIXBOX_METER_COUNT];
    loudness_meter_t loudness;  /* of the main-bus output */

    /* Scratch for one chunk: bus sums in Q39 (Q31 with 8 extra fraction bits). */
    int64_t main_sum[2][MIXBOX_CHUNK_FRAMES];
    int64_t sub_sum[MIXBOX_SUB_BUSES][2][MIXBOX_CHUNK_FRAMES];
} mixbox_engine_t;

/* ---- API ---- */

uint32_t mixbox_abi_version(void);

/* sizeof(mixbox_engine_t), for callers that allocate it from another language. */
uint32_t mixbox_engine_size(void);

/* Clears *engine and sets every parameter to its default: all channels at
 * 0 dB, centre, to main; sub-buses and main at 0 dB. Gains start settled. */
mixbox_status_t mixbox_init(mixbox_engine_t *engine, uint32_t sample_rate_hz, uint32_t channels);

/*
 * Mixes `frames` frames: `input` holds frames*channels interleaved samples,
 * `output` receives frames*2 interleaved samples (L, R). The lengths are the
 * buffers' capacities in samples; output beyond frames*2 is never touched.
 *
 * Scaling and overflow: each channel sample (Q1.31) is multiplied by its
 * combined left/right gain (Q7.24, at most +32 dB) into a 64-bit product; the
 * products of a group of up to four channel slots (0-3, 4-7, ...) are summed
 * in Q55 (below 2^62.4) and rounded down once into the bus's Q39 (Q31 + 8
 * fraction bits): the worst case (16 channels at full scale and +32 dB) stays
 * below 2^49, 14 bits under the int64 limit, so sums never wrap. A sub-bus sum is
 * scaled by its fader (exact 64x32 split multiply), rounded to Q31 and
 * saturated once: the sub-bus output. Sub-bus outputs join the main sum in
 * Q39; the main sum is scaled by the main fader, rounded and saturated once
 * into `output`. Unity gains are exact: one channel at 0 dB panned hard left
 * or right reaches the output bit for bit.
 *
 * Parameter changes made since the previous call start ramping at the first
 * frame of this call and reach their target after 5 ms, whatever the block
 * size (parameters set before the first call apply at once: the scene the box
 * starts with does not fade in from the defaults): the output depends only on the input and on where in the sample
 * stream parameters changed, not on how the stream was cut into blocks.
 * A routing change (to main, sub-bus) would cut or add the channel on a bus
 * at once, so a sounding channel first fades out over 5 ms on its old
 * routing, changes routing on the frame it reaches silence, and fades back
 * in over 5 ms; a silent channel changes routing at once.
 */
mixbox_status_t mixbox_process(mixbox_engine_t *engine,
                               const q31_t *input, size_t input_samples,
                               q31_t *output, size_t output_samples,
                               uint32_t frames);

/* Sets one parameter in user units (see mixbox_param_t for ranges). The new
 * coefficients are derived here, on the control side, from all current
 * parameters, so the order of set calls never matters. */
mixbox_status_t mixbox_set_param(mixbox_engine_t *engine, mixbox_param_t param, uint32_t index, int32_t value);

mixbox_status_t mixbox_get_param(const mixbox_engine_t *engine, mixbox_param_t param, uint32_t index, int32_t *value);

/*
 * Reads one meter and resets its peak and clip flag (RMS and hold go on).
 * Channel meters are measured at the channel input and reported post-fader:
 * the input level plus trim and fader in dB, or silence while the channel is
 * muted, soloed out or its fader is off (exact while the gain is steady; during
 * a 5 ms ramp it reports the target). Their clip flag means the input reached
 * the converter's full-scale code (24-bit, +/-0x7FFFFF00). Bus meters measure
 * the bus output and flag a clip when saturation changed a sample.
 */
mixbox_status_t mixbox_meter_read(mixbox_engine_t *engine, uint32_t meter_id, mixbox_meter_reading_t *reading);

mixbox_status_t mixbox_meter_reset_hold(mixbox_engine_t *engine, uint32_t meter_id);

/* The compressor's largest gain reduction since the previous read, in cdB
 * (>= 0, e.g. 350 = 3.5 dB), like the needle of a hardware bus compressor;
 * resets it. 0 while the compressor is out (bypassed or mix 0), from the
 * first block after the setting; the compressor leaves at rest (detector,
 * side-chain filter and reading cleared) on the frame its 5 ms fade-out ends,
 * so it comes back in the same way whatever the block size. */
mixbox_status_t mixbox_gain_reduction_read(mixbox_engine_t *engine, int32_t *gain_reduction_cdb);

/* Loudness of what the DAC receives (EBU R 128 / ITU-R BS.1770-4): momentary,
 * short-term, integrated, their maxima, loudness range and true-peak max-hold.
 * Reading does not reset; mixbox_loudness_reset() starts a new measurement
 * (integrated, range, maxima and true-peak hold). */
mixbox_status_t mixbox_loudness_read(const mixbox_engine_t *engine, mixbox_loudness_reading_t *reading);
mixbox_status_t mixbox_loudness_reset(mixbox_engine_t *engine);

/* ---- Loopback self-test (src/loopback_test.c) ----
 *
 * The DAC plays a test signal while one output is patched into input 1; the
 * box measures what comes back: round-trip latency, level and THD+N.
 * Timeline (frames from start): MAX_LATENCY frames of silence (flushes what
 * was playing), the latency marker: a 255-chip maximal-length sequence
 * smoothed by [1 2 1]/4 (257 frames, peaks at -12 dBFS): one sharp
 * correlation peak and no tail of its own, with its top Nyquist octave
 * rolled off so the peak is round enough for sub-sample interpolation and
 * the converters' filters do not ring it into a clip; then MAX_LATENCY
 * frames of silence for it to return, then a ~1 kHz sine at
 * -6 dBFS (a whole number of frames per cycle) analysed over whole cycles
 * once it has settled. About 130 ms at 48 kHz.
 * mixbox_loopback_start and mixbox_loopback_result are control side (they
 * use double); mixbox_loopback_process is audio side: integer only, no
 * allocation, no lock, no wait. */
#define MIXBOX_LOOPBACK_MLS_FRAMES 255u
#define MIXBOX_LOOPBACK_MARKER_FRAMES (MIXBOX_LOOPBACK_MLS_FRAMES + 2u) /* the smoothing's tail */
#define MIXBOX_LOOPBACK_MAX_LATENCY_FRAMES 1024u
#define MIXBOX_LOOPBACK_SINE_CAPTURE_FRAMES 2400u /* 50 cycles at 48 kHz */
#define MIXBOX_LOOPBACK_MAX_PERIOD 96u            /* 1 kHz at 96 kHz */
#define MIXBOX_LOOPBACK_MARKER_CAPTURE_FRAMES (MIXBOX_LOOPBACK_MARKER_FRAMES + MIXBOX_LOOPBACK_MAX_LATENCY_FRAMES + 1u)

typedef enum {
    MIXBOX_LOOPBACK_OK = 0,
    MIXBOX_LOOPBACK_RUNNING = 1,   /* not finished (or never started) */
    MIXBOX_LOOPBACK_NO_SIGNAL = 2, /* nothing came back on input 1 (no cable?) */
    MIXBOX_LOOPBACK_CLIPPED = 3    /* input 1 reached full scale: figures given but THD+N is the clip's */
} mixbox_loopback_status_t;

/* Figures are valid when status is OK or CLIPPED. */
typedef struct {
    int32_t status;                /* mixbox_loopback_status_t */
    int32_t latency_centisamples;  /* output -> input 1, in 1/100 sample */
    int32_t level_cdb;             /* sine received, re a full-scale sine (0 dBFS) */
    int32_t gain_cdb;              /* received minus sent level */
    int32_t thd_n_cdb;             /* residual RMS / fundamental RMS */
} mixbox_loopback_result_t;

typedef struct {
    uint32_t magic;           /* set by mixbox_loopback_start */
    uint32_t sample_rate;
    uint32_t frame;           /* frames played since start */
    uint32_t mls_register;    /* the marker's shift register */
    int32_t chips[2];         /* the marker's two previous chips (the smoothing) */
    uint32_t sine_period;     /* frames per cycle of the tone */
    uint32_t sine_capture_frames; /* whole cycles */
    uint32_t sine_start;      /* frame the tone starts */
    uint32_t sine_capture_start;
    uint32_t end;             /* frame the test is over */
    uint32_t clipped;         /* input 1 reached the converter's full-scale code */
    q31_t sine[MIXBOX_LOOPBACK_MAX_PERIOD];
    q31_t marker_capture[MIXBOX_LOOPBACK_MARKER_CAPTURE_FRAMES];
    q31_t sine_capture[MIXBOX_LOOPBACK_SINE_CAPTURE_FRAMES];
} mixbox_loopback_t;

uint32_t mixbox_loopback_size(void);

/* Control side: prepares a test at the sample rate (8000..96000 Hz). */
mixbox_status_t mixbox_loopback_start(mixbox_loopback_t *test, uint32_t sample_rate_hz);

/* Audio side: plays `frames` frames of the test signal into `stereo_output`
 * (L = R) and captures input 1, read at input_channel_1[i * stride].
 * Returns 1 once the test is over (then plays silence), 0 while it runs,
 * or a negative mixbox_status_t. */
int32_t mixbox_loopback_process(mixbox_loopback_t *test, const q31_t *input_channel_1, size_t stride,
                                q31_t *stereo_output, uint32_t frames);

/* Control side: the figures (status RUNNING until process has returned 1). */
mixbox_status_t mixbox_loopback_result(const mixbox_loopback_t *test, mixbox_loopback_result_t *result);

#ifdef __cplusplus
}
#endif

#endif /* MIXBOX_ENGINE_H */
