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
 * The state types live in mixbox_engine_state.h (included below): their
 * fields are the engine's private business, visible only so the caller can
 * size and place the memory.
 *
 * Names: everything this header and the ones it includes declare starts with
 * mixbox_ or MIXBOX_, so it links beside CMSIS-DSP (q31_t) or any other
 * library; the shared library exports only the MIXBOX_API functions.
 *
 * Sample format: mixbox_q31_t is Q1.31, full scale = [-1, 1). The TDM codecs
 * deliver 24-bit samples left-justified in 32-bit slots, which is Q1.31 with
 * the low 8 bits zero; any 32-bit value is accepted.
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

#include "mixbox_export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever the struct layout or a function signature changes; the
 * firmware compares it with its own at boot. */
#define MIXBOX_ABI_VERSION 0x0005000Au

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

typedef int32_t mixbox_q31_t;

typedef enum {
    MIXBOX_OK = 0,
    MIXBOX_ERR_NULL = -1,            /* instance or buffer pointer is NULL */
    MIXBOX_ERR_NOT_INITIALISED = -2, /* mixbox_init() has not succeeded on this instance */
    MIXBOX_ERR_SAMPLE_RATE = -3,     /* not in 8000..96000 Hz (any integer rate there is fine) */
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

    /* Mix-bus chain, after the main fader: de-esser -> (EQ) -> compressor ->
     * (EQ) -> drive -> stereo tools -> output (docs/ENGINE.md, "Mix-bus chain"). */
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
    MIXBOX_PARAM_OUTPUT_DITHER = 24,      /* 0/1 TPDF dither to the output word (OUTPUT_WORD_BITS), default 0 */

    /* De-esser (split band, one detector for both sides). */
    MIXBOX_PARAM_DEESS_ON = 25,             /* 0/1, default 0 */
    MIXBOX_PARAM_DEESS_HZ = 26,             /* detector band centre 2000..12000 Hz, default 6500 */
    MIXBOX_PARAM_DEESS_THRESHOLD_CDB = 27,  /* -5000..0, default -2000 */
    MIXBOX_PARAM_DEESS_RANGE_CDB = 28,      /* largest reduction 0..1200, default 600 */
    MIXBOX_PARAM_DEESS_RELEASE_MS = 29,     /* 20..300, default 60 (attack is 1 ms) */
    MIXBOX_PARAM_DEESS_LISTEN = 30,         /* 0/1: output what the detector hears, default 0 */

    /* Bus EQ. A band at 0 dB or a filter that is off costs nothing. */
    MIXBOX_PARAM_EQ_AFTER_COMP = 31,        /* 0: before the compressor (default), 1: after it */
    MIXBOX_PARAM_EQ_HPF_HZ = 32,            /* 0 (off), 20, 30, 40, 60, 80, 100 or 150; default 0 */
    MIXBOX_PARAM_EQ_HPF_SLOPE = 33,         /* 12 or 18 dB/oct, default 12 */
    MIXBOX_PARAM_EQ_LOW_SHELF_HZ = 34,      /* 30..300, default 100 */
    MIXBOX_PARAM_EQ_LOW_SHELF_CDB = 35,     /* -1200..+1200, default 0 */
    MIXBOX_PARAM_EQ_LOW_SHELF_GENTLE = 36,  /* 0/1: gentle (Pultec-like) slope, default 0 */
    MIXBOX_PARAM_EQ_BELL1_HZ = 37,          /* 60..8000, default 300 */
    MIXBOX_PARAM_EQ_BELL1_CDB = 38,         /* -1200..+1200, default 0 */
    MIXBOX_PARAM_EQ_BELL1_Q_X100 = 39,      /* 40..400 (Q 0.4..4), default 100 */
    MIXBOX_PARAM_EQ_BELL2_HZ = 40,          /* 60..8000, default 3000 */
    MIXBOX_PARAM_EQ_BELL2_CDB = 41,         /* -1200..+1200, default 0 */
    MIXBOX_PARAM_EQ_BELL2_Q_X100 = 42,      /* 40..400, default 100 */
    MIXBOX_PARAM_EQ_PROPORTIONAL_Q = 43,    /* 0/1: the bells' Q = max(0.4, Q |gain| / 12 dB), default 0 */
    MIXBOX_PARAM_EQ_HIGH_SHELF_HZ = 44,     /* 1500..16000, default 8000 */
    MIXBOX_PARAM_EQ_HIGH_SHELF_CDB = 45,    /* -1200..+1200, default 0 */
    MIXBOX_PARAM_EQ_LOWPASS_HZ = 46,        /* 0 (off) or 10000..20000 (air band), default 0 */

    /* Stereo tools (mid/side), after the drive. */
    MIXBOX_PARAM_STEREO_WIDTH_PERCENT = 47, /* side gain 0..200 %, default 100 (bit-exact) */
    MIXBOX_PARAM_STEREO_MONO_BELOW_HZ = 48, /* 0 (off), 60, 100, 150 or 200: side high-passed (LR4); default 0 */
    /* Output word (appended: ids above never renumber). */
    MIXBOX_PARAM_OUTPUT_WORD_BITS = 49,     /* 24 or 16 bits, default 24: what dither targets; at 16 every output
                                               sample is rounded to the 16-bit grid (0x7FFF0000 at most), dithered or not */

    /* The safety stage's mode (with MIXBOX_PARAM_OUTPUT_SAFETY on): 0 = the
     * zero-latency soft clip to the ceiling in dBFS (default); 1 = the
     * look-ahead true-peak limiter, the ceiling in dBTP, the bus delayed by
     * mixbox_latency_frames() (0.5 ms: 24 frames at 48 kHz). */
    MIXBOX_PARAM_OUTPUT_LIMITER = 50,

    /* Bus meters of the main output (appended; off = no cost). */
    MIXBOX_PARAM_ANALYSER_ON = 51,          /* 0/1: the octave analyser (mixbox_spectrum_read), default 0 */
    MIXBOX_PARAM_ANALYSER_SLOW = 52,        /* 0: 300 ms averaging (default), 1: 3 s */
    MIXBOX_PARAM_CORRELATION_ON = 53,       /* 0/1: the correlation meter (mixbox_correlation_read), default 0 */
    MIXBOX_PARAM_COUNT = 54
} mixbox_param_t;

#define MIXBOX_FIRST_MIXBUS_PARAM MIXBOX_PARAM_COMP_THRESHOLD_CDB
#define MIXBOX_MIXBUS_PARAMS (MIXBOX_PARAM_COUNT - MIXBOX_FIRST_MIXBUS_PARAM)

/* Meter ids: channels first (post-fader), then sub-bus and main outputs, then
 * each channel's pre-fader input meter (fixed numbers, whatever the channel
 * count). */
#define MIXBOX_METER_CHANNEL(ch) ((uint32_t)(ch))
#define MIXBOX_METER_SUB_LEFT(bus) (MIXBOX_MAX_CHANNELS + 2u * (uint32_t)(bus))
#define MIXBOX_METER_SUB_RIGHT(bus) (MIXBOX_MAX_CHANNELS + 2u * (uint32_t)(bus) + 1u)
#define MIXBOX_METER_MAIN_LEFT (MIXBOX_MAX_CHANNELS + 2u * MIXBOX_SUB_BUSES)
#define MIXBOX_METER_MAIN_RIGHT (MIXBOX_METER_MAIN_LEFT + 1u)
#define MIXBOX_METER_INPUT(ch) (MIXBOX_METER_MAIN_RIGHT + 1u + (uint32_t)(ch))
#define MIXBOX_METER_COUNT (MIXBOX_METER_MAIN_RIGHT + 1u + MIXBOX_MAX_CHANNELS)

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

/* ---- Bus meters of the main output (src/octave_analyser.c, src/correlation_meter.c) ----
 *
 * Octave analyser: the mono sum (L + R) / 2 of what the DAC receives, in ten
 * octave bands with base-two exact mid-band frequencies 1000 x 2^k Hz,
 * k = -5..4 (IEC 61260-1:2014 5.4 allows G = 2; nominal 31.5 Hz .. 16 kHz):
 * third-order Butterworth band-pass filters (class 1 relative-attenuation
 * mask of IEC 61260-1:2014 Table 1, docs/ENGINE.md), each lower octave run
 * at half the rate of the one above. Band levels are mean squares averaged
 * exponentially with a time constant of 300 ms or 3 s
 * (MIXBOX_PARAM_ANALYSER_SLOW), updated every 10 ms segment, in cdB re full
 * scale like the RMS meters (a full-scale sine at a band centre reads -301).
 * A band whose lower edge lies above 0.45 fs reads MIXBOX_METER_SILENCE_CDB;
 * a band whose upper edge does is a high-pass (16 kHz at 44.1 and 48 kHz). */
#define MIXBOX_SPECTRUM_BANDS 10u

typedef struct {
    int32_t band_cdb[MIXBOX_SPECTRUM_BANDS]; /* 31.5 Hz first */
    int32_t on;                              /* 0: the analyser is off, every band reads silence */
} mixbox_spectrum_reading_t;

/* Correlation meter: exponential averages (time constant 300 ms, updated
 * every 10 ms segment) of L^2, R^2 and L R of the main output, and the same
 * of L and R low-passed at 150 Hz (4th-order Butterworth, on a rate of
 * 1.2-2.4 kHz reached by half-band decimation). The audio side only sums;
 * the division and square root happen in mixbox_correlation_from_sums. */
#define MIXBOX_CORRELATION_SUMS 6u /* L^2, R^2, LR, then the same below 150 Hz */

typedef struct {
    int64_t sum[MIXBOX_CORRELATION_SUMS];
    int32_t on;
    int32_t reserved;
} mixbox_correlation_sums_t;

typedef struct {
    int32_t correlation_x10000;     /* sum LR / sqrt(sum L^2 sum R^2), -10000..10000; 0 when a side is silent */
    int32_t width_cdb;              /* 10 log10(sum S^2 / sum M^2), M = (L+R)/2, S = (L-R)/2; floored at
                                       MIXBOX_METER_SILENCE_CDB (mono), at most -MIXBOX_METER_SILENCE_CDB */
    int32_t low_correlation_x10000; /* the same correlation below 150 Hz */
    int32_t on;                     /* 0: the meter is off, everything reads 0 and the width silence */
} mixbox_correlation_reading_t;

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

/* ---- State: the engine and the loopback test, owned by the caller ---- */
#include "mixbox_engine_state.h"

/* ---- API ---- */

MIXBOX_API uint32_t mixbox_abi_version(void);

/* sizeof(mixbox_engine_t), for callers that allocate it from another language. */
MIXBOX_API uint32_t mixbox_engine_size(void);

/* Clears *engine and sets every parameter to its default: all channels at
 * 0 dB, centre, to main; sub-buses and main at 0 dB. Gains start settled.
 * sample_rate_hz: any integer rate in MIXBOX_MIN_SAMPLE_RATE..
 * MIXBOX_MAX_SAMPLE_RATE (11025 and 22050 Hz too; meter timing in whole-frame
 * 10 ms segments, docs/ENGINE.md "Sample rates"). */
MIXBOX_API mixbox_status_t mixbox_init(mixbox_engine_t *engine, uint32_t sample_rate_hz, uint32_t channels);

/*
 * Mixes `frames` frames: `input` holds frames*channels interleaved samples,
 * `output` receives frames*2 interleaved samples (L, R). The lengths are the
 * buffers' capacities in samples; output beyond frames*2 is never touched.
 *
 * Scaling and overflow: each channel sample (Q1.31) is multiplied by its
 * combined left/right gain (Q40: derived in double and rounded once, within
 * 2^-41 of the exact gain and pan law; at most +32 dB): its Q7.24 part into a
 * 64-bit Q55 product, its 16 guard bits into a Q53 one; the products of a
 * group of up to four channel slots (0-3, 4-7, ...) are summed (below 2^62.4)
 * and rounded down once into the bus's Q39 (Q31 + 8 fraction bits): the worst case (16 channels at full scale and +32 dB) stays
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
MIXBOX_API mixbox_status_t mixbox_process(mixbox_engine_t *engine,
                                          const mixbox_q31_t *input, size_t input_samples,
                                          mixbox_q31_t *output, size_t output_samples,
                                          uint32_t frames);

/* Sets one parameter in user units (see mixbox_param_t for ranges). The new
 * coefficients are derived here, on the control side, from all current
 * parameters, so the order of set calls never matters. */
MIXBOX_API mixbox_status_t mixbox_set_param(mixbox_engine_t *engine, mixbox_param_t param, uint32_t index, int32_t value);

MIXBOX_API mixbox_status_t mixbox_get_param(const mixbox_engine_t *engine, mixbox_param_t param, uint32_t index, int32_t *value);

/*
 * Reads one meter and resets its peak and clip flag (RMS and hold go on).
 * Channel meters are measured at the channel input and reported post-fader:
 * the input level plus trim and fader in dB, or silence while the channel is
 * muted, soloed out or its fader is off (exact while the gain is steady; during
 * a 5 ms ramp it reports the target). Their clip flag means the input reached
 * the converter's full-scale code (24-bit, +/-0x7FFFFF00). Bus meters measure
 * the bus output and flag a clip when saturation changed a sample.
 * Input meters (MIXBOX_METER_INPUT) are pre-fader: the ADC sample as it
 * arrives (after the converter's analogue gain, before trim, fader, mute and
 * solo), what a console's input meter shows, so a muted or faded-down input is
 * still seen; their peak and clip flag are their own (a read of one meter
 * does not reset the other), RMS and hold are the channel's input level (the
 * channel meter's without its offset; resetting either's hold resets both).
 */
MIXBOX_API mixbox_status_t mixbox_meter_read(mixbox_engine_t *engine, uint32_t meter_id, mixbox_meter_reading_t *reading);

MIXBOX_API mixbox_status_t mixbox_meter_reset_hold(mixbox_engine_t *engine, uint32_t meter_id);

/* The compressor's largest gain reduction since the previous read, in cdB
 * (>= 0, e.g. 350 = 3.5 dB), like the needle of a hardware bus compressor;
 * resets it. 0 while the compressor is out (bypassed or mix 0), from the
 * first block after the setting; the compressor leaves at rest (detector,
 * side-chain filter and reading cleared) on the frame its 5 ms fade-out ends,
 * so it comes back in the same way whatever the block size. */
MIXBOX_API mixbox_status_t mixbox_gain_reduction_read(mixbox_engine_t *engine, int32_t *gain_reduction_cdb);

/* The de-esser's largest reduction of its band since the previous read, in
 * cdB (>= 0); resets it. 0 while the de-esser is off and released. */
MIXBOX_API mixbox_status_t mixbox_de_esser_reduction_read(mixbox_engine_t *engine, int32_t *reduction_cdb);

/* Distortion meters: the stage whose added distortion is read. */
#define MIXBOX_DISTORTION_DRIVE 0u  /* the drive (saturation) stage */
#define MIXBOX_DISTORTION_SAFETY 1u /* the safety stage: soft clip or true-peak limiter */
#define MIXBOX_DISTORTION_STAGES 2u

/* The distortion a stage added since the previous read, in cdB: the energy
 * of (stage output - its linear part) relative to that of the linear part
 * (10 log10 of the ratio; e.g. -4000 = 40 dB under the signal). The linear
 * part is the stage's small-signal response, which is its input: the drive's
 * curve is level-compensated to unity, the soft clip is unity under its knee,
 * and the limiter's is its delayed input. Resets it. MIXBOX_METER_SILENCE_CDB
 * when the stage did not change the signal (exactly, e.g. while it is off). */
MIXBOX_API mixbox_status_t mixbox_distortion_read(mixbox_engine_t *engine, uint32_t stage, int32_t *distortion_cdb);

/* Control side: the frames the current parameters delay the main output by
 * (the true-peak limiter's look-ahead; 0 with the soft clip). Every path to
 * the output goes through the delay, so nothing needs compensating inside
 * the engine; the latency table (docs/PERFORMANCE.md) counts it. */
MIXBOX_API mixbox_status_t mixbox_latency_frames(const mixbox_engine_t *engine, uint32_t *frames);

/* Loudness of what the DAC receives (EBU R 128 / ITU-R BS.1770-4): momentary,
 * short-term, integrated, their maxima, loudness range and true-peak max-hold.
 * Reading does not reset; mixbox_loudness_reset() starts a new measurement
 * (integrated, range, maxima and true-peak hold). */
MIXBOX_API mixbox_status_t mixbox_loudness_read(const mixbox_engine_t *engine, mixbox_loudness_reading_t *reading);
MIXBOX_API mixbox_status_t mixbox_loudness_reset(mixbox_engine_t *engine);

/* The output's true peak (the loudness meter's, BS.1770-4 Annex 2) since the
 * previous read, dBTP x 100; resets it, like the level meters' peaks (the
 * TP-over LED reads it every control tick). MIXBOX_METER_SILENCE_CDB when
 * nothing was measured. mixbox_loudness_reset() does not touch it, and it
 * leaves the loudness reading's true-peak max-hold as it is. */
MIXBOX_API mixbox_status_t mixbox_true_peak_read(mixbox_engine_t *engine, int32_t *true_peak_cdb);

/* The octave analyser's band levels (audio side, integer only; reading
 * does not reset). */
MIXBOX_API mixbox_status_t mixbox_spectrum_read(const mixbox_engine_t *engine, mixbox_spectrum_reading_t *reading);

/* Audio side: a copy of the correlation meter's averaged sums (no division). */
MIXBOX_API mixbox_status_t mixbox_correlation_sums_read(const mixbox_engine_t *engine, mixbox_correlation_sums_t *sums);

/* Control side: correlation, width and low-band correlation from the sums
 * (double arithmetic). */
MIXBOX_API mixbox_status_t mixbox_correlation_from_sums(const mixbox_correlation_sums_t *sums,
                                                        mixbox_correlation_reading_t *reading);

/* Both of the above, for callers on one thread (the host). */
MIXBOX_API mixbox_status_t mixbox_correlation_read(const mixbox_engine_t *engine, mixbox_correlation_reading_t *reading);

/* ---- Loopback self-test API ---- */

MIXBOX_API uint32_t mixbox_loopback_size(void);

/* Control side: prepares a test at the sample rate (8000..96000 Hz). */
MIXBOX_API mixbox_status_t mixbox_loopback_start(mixbox_loopback_t *test, uint32_t sample_rate_hz);

/* Audio side: plays `frames` frames of the test signal into `stereo_output`
 * (L = R) and captures input 1, read at input_channel_1[i * stride].
 * Returns 1 once the test is over (then plays silence), 0 while it runs,
 * or a negative mixbox_status_t. */
MIXBOX_API int32_t mixbox_loopback_process(mixbox_loopback_t *test, const mixbox_q31_t *input_channel_1, size_t stride,
                                           mixbox_q31_t *stereo_output, uint32_t frames);

/* Control side: the figures (status RUNNING until process has returned 1). */
MIXBOX_API mixbox_status_t mixbox_loopback_result(const mixbox_loopback_t *test, mixbox_loopback_result_t *result);

#ifdef __cplusplus
}
#endif

#endif /* MIXBOX_ENGINE_H */
