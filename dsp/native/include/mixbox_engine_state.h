/*
 * mixbox_engine_state.h - the state types of the MixBox engine: the engine
 * struct (mixbox_engine_t) and everything it embeds, and the loopback test
 * (mixbox_loopback_t).
 *
 * Included by mixbox_engine.h; include that instead. The fields are private:
 * they are here only so the caller can own the memory (a static, stack or heap
 * mixbox_engine_t, sizeof known at compile time). Only the engine reads or
 * writes them, and they change whenever MIXBOX_ABI_VERSION does.
 */
#ifndef MIXBOX_ENGINE_STATE_H
#define MIXBOX_ENGINE_STATE_H

#ifndef MIXBOX_ENGINE_H
#error "include mixbox_engine.h, which includes mixbox_engine_state.h"
#endif

/* A gain moving linearly to its target over a fixed number of frames. */
typedef struct {
    int64_t value;        /* current gain, Q24 with 16 guard bits (Q40) */
    int64_t step;         /* per-frame increment, Q40 */
    int32_t target_q24;   /* where the ramp ends (its Q24 part) */
    uint32_t frames_left; /* 0 = settled at target */
    uint32_t target_fine; /* the target's 16 guard bits below Q24 (0 for a Q24 target) */
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
    uint32_t input_peak;    /* channel meters: max |x| since the pre-fader meter's last read */
    uint32_t input_clipped; /* channel meters: an input clip since the pre-fader meter's last read */
} mixbox_level_meter_t;

/* The meters with accumulators of their own: every meter id but the
 * pre-fader input meters, which share their channel's. */
#define MIXBOX_LEVEL_METER_COUNT (MIXBOX_METER_MAIN_RIGHT + 1u)

/* Loudness meter state (BS.1770-4 / EBU R 128): see src/loudness_meter.h. */
#define MIXBOX_K_WEIGHTING_CHANNELS 2u

/* Coefficients: shelf b in Q29 (|b1| reaches 2.69), every a in Q30. The
 * high-pass numerator is [1, -2, 1] at every rate, as in BS.1770-4 Table 2
 * (applied as exact integer adds). */
typedef struct {
    int32_t shelf_b0, shelf_b1, shelf_b2; /* Q29 */
    int32_t shelf_a1, shelf_a2;           /* Q30 */
    int32_t hp_a1, hp_a2;                 /* Q30 */
} mixbox_k_weighting_coefs_t;

/* A second-order high-pass section in int32 (highpass_section.h): its two
 * small feedback factors, 1 - a2 in Q32 and 1 + a1 + a2 scaled to just below
 * 2^31, and the fraction bits the second's product keeps. */
typedef struct {
    int32_t c2_q32, g_scaled; /* 1 - a2 and 1 + a1 + a2 */
    int32_t g_bits, g_mask;
} mixbox_highpass_section_coeffs_t;

typedef struct {
    int32_t y1;            /* previous output */
    int32_t w;             /* y1 less the previous input */
    int32_t u;             /* y1's first difference less the input's, plus floor(c2 y2) */
    int32_t g_residue;     /* fraction bits of the DC feedback product */
} mixbox_highpass_section_t;

/* One channel, int32 in Q27 (full scale = 2^27, 4 bits of headroom): the
 * shelf as a transposed direct form II, then the high-pass section. See
 * k_weighting.c. */
typedef struct {
    int32_t shelf_z1, shelf_z2; /* transposed DF-II states */
    mixbox_highpass_section_t hp;
} mixbox_k_weighting_channel_t;

typedef struct {
    mixbox_k_weighting_coefs_t coefs;
    mixbox_highpass_section_coeffs_t hp;
    mixbox_k_weighting_channel_t channel[MIXBOX_K_WEIGHTING_CHANNELS];
} mixbox_k_weighting_t;

#define MIXBOX_TRUE_PEAK_CHANNELS 2u
#define MIXBOX_TRUE_PEAK_TAPS 12u

/* The filter runs on the top 16 bits of each sample (Q1.15); interpolated
 * values and the hold are Q28 (Q15 samples x Q13 taps), see true_peak.c. */
typedef struct {
    int32_t history[MIXBOX_TRUE_PEAK_TAPS - 1u]; /* the last 11 inputs (Q1.15), oldest first */
    uint32_t history_peak;                /* at least their largest magnitude */
} mixbox_true_peak_channel_t;

typedef struct {
    mixbox_true_peak_channel_t channel[MIXBOX_TRUE_PEAK_CHANNELS];
    uint32_t max_q28;    /* highest |interpolated or input sample| since clear */
    uint32_t recent_q28; /* the same since the last mixbox_true_peak_take_recent_cdb */
} mixbox_true_peak_t;

/* Bin b covers [-70.0 + 0.1 b, -70.0 + 0.1 (b + 1)) LUFS; louder blocks
 * (above +5 LUFS, reachable only by near-full-scale treble) go to the top
 * bin. In milli-LU (mLU, 1/1000 LU). */
#define MIXBOX_LOUDNESS_HIST_BINS 750u

/* 128-bit unsigned accumulator (C99 has no portable 128-bit integer). */
typedef struct {
    uint64_t high;
    uint64_t low;
} mixbox_loudness_u128_t;

typedef struct {
    uint32_t count[MIXBOX_LOUDNESS_HIST_BINS]; /* blocks per bin */
    uint32_t total;                     /* blocks counted; stops at UINT32_MAX (13 years at 10 blocks/s) */
    uint32_t reserved;
    mixbox_loudness_u128_t energy;             /* exact sum of the counted blocks' window sums */
    /* Constants set by mixbox_loudness_histogram_init: */
    uint64_t bin0_energy;    /* window sum of a block at bin 0's centre (-69.95 LUFS) */
    uint32_t bin_step_q30;   /* 10^(0.1/10) in Q30: energy ratio of adjacent bins */
    int32_t log2_window_q16; /* log2(frames per window) + 40 (the square of full scale, Q20^2), Q16 */
} mixbox_loudness_histogram_t;

#define MIXBOX_LOUDNESS_SEGMENTS_SHORT_TERM 300u /* 3 s */

typedef struct {
    mixbox_k_weighting_t k_weighting;
    mixbox_true_peak_t true_peak;

    uint32_t sample_rate;
    uint32_t segment_frames;      /* frames per 10 ms, rounded down */
    uint32_t segment_frames_left; /* of the running segment */
    uint32_t ring_position;       /* oldest segment in ring[] */
    uint32_t segments_since_reset;/* saturates at UINT32_MAX (13.6 years) */
    uint32_t segment_phase;       /* where the running segment starts, src/segment_clock.h */

    /* Sums of squared K-weighted samples (Q20^2, both channels), see
     * mixbox_loudness_meter_process for their bounds. */
    uint64_t segment_sum;          /* running 10 ms segment */
    uint64_t momentary_sum;        /* last 40 complete segments */
    uint64_t short_term_sum;       /* last 300 complete segments */
    uint64_t momentary_max_sum;    /* since reset */
    uint64_t short_term_max_sum;   /* since reset */
    uint64_t ring[MIXBOX_LOUDNESS_SEGMENTS_SHORT_TERM];

    mixbox_loudness_histogram_t integrated; /* 400 ms blocks, every 100 ms */
    mixbox_loudness_histogram_t range;      /* 3 s windows, every 100 ms */
} mixbox_loudness_meter_t;

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
    mixbox_highpass_section_coeffs_t hpf;
} mixbox_compressor_coeffs_t;

typedef struct {
    mixbox_compressor_coeffs_t coeffs;
    mixbox_highpass_section_t sidechain[2];
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
    int32_t word_shift;   /* 32 - the output word's bits: 8 (24-bit) or 16 (16-bit) */
    int32_t quantise;     /* round to the word's grid: dithered, or a 16-bit word */
    int64_t ceiling;      /* Q31 magnitude */
    int64_t knee;         /* ceiling - 3 dB: soft clipping starts here */
    int32_t cubic_q28;    /* (4/27) 2^62 / (ceiling - knee)^2 */
} mixbox_output_coeffs_t;

/* The look-ahead true-peak limiter (src/true_peak_limiter.h). Its rings
 * are sized for 96 kHz: 0.5 ms = 48 frames of latency, of which the BS.1770
 * interpolator's span takes 11; the hold covers the ramp and that span. */
#define MIXBOX_TP_LIMITER_MAX_LATENCY 48u
#define MIXBOX_TP_LIMITER_MAX_RAMP (MIXBOX_TP_LIMITER_MAX_LATENCY - 11u)
#define MIXBOX_TP_LIMITER_MAX_HOLD (MIXBOX_TP_LIMITER_MAX_RAMP + 12u)

typedef struct {
    int32_t on;
    uint32_t ramp;            /* L (frames): the moving average, the gain's ramp into a peak */
    uint32_t hold;            /* L + 12 frames: the min-hold */
    uint32_t latency;         /* L + 11 frames: what the limiter delays the bus by */
    uint32_t reciprocal_q32;  /* floor(2^32 / L) */
    uint32_t release_q32;     /* 1 - exp(-1 / (t fs)) */
    int64_t threshold_q39;    /* the ceiling in the detector's doubled scale (full scale = 2^39) */
    int32_t quiet_q23;        /* |sample| (Q23) at or below which no interpolated value can pass the ceiling */
    int32_t reserved;
} mixbox_tp_limiter_coeffs_t;

typedef struct {
    int32_t history[2][11];   /* detector input (Q23), the last 11 samples, newest last */
    int64_t delay[2][MIXBOX_TP_LIMITER_MAX_LATENCY + 1u]; /* the audio, delayed by `latency` */
    uint32_t needed[MIXBOX_TP_LIMITER_MAX_HOLD];   /* gain each of the last L + 12 frames needs, Q30 */
    uint32_t released[MIXBOX_TP_LIMITER_MAX_RAMP]; /* the released envelope, Q30, the last L frames */
    uint64_t released_sum;    /* their sum (the moving average's numerator) */
    uint32_t delay_position;  /* ring positions */
    uint32_t hold_position;
    uint32_t ramp_position;
    uint32_t reducing;        /* entries of needed[] below unity */
    uint32_t envelope_q30;    /* the released envelope's last value */
    uint32_t loud_frames;     /* frames until the detector window holds no loud sample */
    int64_t previous_peak_q39;/* the interval before the current one (detector scale) */
} mixbox_tp_limiter_t;

/* Sums for the distortion meters of the drive and safety stages: squares of
 * (stage output - its linear part) and of the linear part, Q21 (x >> 10),
 * halved together at segment ends when they grow large (the ratio is read);
 * taken on every 4th frame of the stream (src/distortion_meter.h). */
typedef struct {
    uint64_t residual;
    uint64_t signal;
    uint32_t frames_to_next;  /* frames before the next metered one (0..3) */
} mixbox_distortion_meter_t;

/* ---- The mix-bus toolkit (src/svf_section.h, bus_eq.h, de_esser.h,
 * stereo_tools.h): trapezoidal SVF sections in Q23 int32. ---- */

/* A section's coefficient target: g, k Q28 (below 8), the output mix as the
 * correction c = (m0 - 1, m1, m2) in Q27. */
typedef struct {
    uint32_t g_q28, k_q28;
    int32_t c_q27[3]; /* m0 - 1, m1, m2 */
} mixbox_svf_target_t;

/* Per-sample coefficients, derived from g, k, c at each update. */
typedef struct {
    uint32_t d1_m, a2_m1; /* 1 - a1 and a2, times 2^(32 + n1) */
    uint32_t a2_m2, a3_m; /* a2 and a3, times 2^(32 + n2) (the lean kernel's v2) */
    uint32_t g_m;         /* g times 2^(32 + n2) (the error-feedback kernel's v2 = ic2 + g v1) */
    int32_t n1, n2;
    int32_t mask1, mask2; /* 2^n - 1: the fraction bits carried */
    int32_t c_int[3];     /* c = c_int + c_frac / 2^32 */
    uint32_t c_frac[3];
    int32_t c_q32[3];     /* c0, -c1, c2 in Q32 when every |c| < 1/2 (the fraction form) */
    int32_t form;         /* which terms the mix needs (svf_section.c) */
    int32_t lean;         /* 1: no error feedback, n1 = n2 = 0 (svf_section.c) */
} mixbox_svf_kernel_t;

typedef struct {
    int32_t ic1, ic2;     /* the two integrator states */
    int32_t carry1, carry2; /* fraction bits of the v1 and v2 products */
} mixbox_svf_channel_t;

#define MIXBOX_SVF_COEFFS 5u /* g, k, c0, c1, c2 */

typedef struct {
    mixbox_svf_target_t target;
    int64_t value[MIXBOX_SVF_COEFFS]; /* current g, k (Q28) and c (Q27), 16 guard bits */
    int64_t step[MIXBOX_SVF_COEFFS];
    uint32_t updates_left;            /* 0 = settled at target */
    int32_t active;                   /* 0 = flat and settled: skipped */
    mixbox_svf_kernel_t kernel;
    mixbox_svf_channel_t channel[2];
} mixbox_svf_section_t;

#define MIXBOX_BUS_EQ_SECTIONS 7u /* high-pass (2nd + 1st order), low shelf, two bells, high shelf, low-pass */

/* The bus EQ's parameters in user units (as MIXBOX_PARAM_EQ_*). */
typedef struct {
    int32_t highpass_hz;       /* 0 = off, 20, 30, 40, 60, 80, 100, 150 */
    int32_t highpass_18db;     /* 0: 12 dB/oct, 1: 18 dB/oct */
    int32_t low_shelf_hz;      /* 30..300 */
    int32_t low_shelf_cdb;     /* -1200..+1200 */
    int32_t low_shelf_gentle;  /* 0/1 */
    int32_t bell_hz[2];        /* 60..8000 */
    int32_t bell_cdb[2];       /* -1200..+1200 */
    int32_t bell_q_x100[2];    /* 40..400 */
    int32_t proportional_q;    /* 0/1: q = max(0.4, Q |gain| / 12 dB) */
    int32_t high_shelf_hz;     /* 1500..16000 */
    int32_t high_shelf_cdb;    /* -1200..+1200 */
    int32_t lowpass_hz;        /* 0 = off, or 10000..20000 */
} mixbox_bus_eq_params_t;

typedef struct {
    mixbox_svf_target_t section[MIXBOX_BUS_EQ_SECTIONS];
} mixbox_bus_eq_targets_t;

#define MIXBOX_BUS_EQ_BANDS 6u /* high-pass, low shelf, bell 1, bell 2, high shelf, low-pass */

/* Control side: the last design, so a change re-designs only its own band,
 * and each band's last design while on, so switching a band out and in
 * again (or to 0 dB and back) designs nothing. */
typedef struct {
    int32_t valid;
    uint32_t sample_rate;
    mixbox_bus_eq_params_t params;
    mixbox_bus_eq_targets_t targets;
    int32_t on_valid[MIXBOX_BUS_EQ_BANDS];
    mixbox_bus_eq_params_t on_params[MIXBOX_BUS_EQ_BANDS];
    mixbox_bus_eq_targets_t on_targets[MIXBOX_BUS_EQ_BANDS];
} mixbox_bus_eq_design_cache_t;

typedef struct {
    mixbox_svf_section_t section[MIXBOX_BUS_EQ_SECTIONS];
    uint32_t frames_to_update; /* to the next point of the update grid */
    uint32_t ramping;          /* bit s: section s is moving */
    int32_t work[2][MIXBOX_CHUNK_FRAMES];       /* one chunk in Q23 */
} mixbox_bus_eq_t;

typedef struct {
    mixbox_svf_target_t band;
    uint32_t threshold_q23;  /* band magnitude at the threshold */
    int32_t threshold_q24;   /* the same in log2 units re full scale */
    int32_t range_q24;       /* largest reduction, log2 units */
    uint32_t attack_q32, release_q32; /* one-pole shares per detector step (MIXBOX_DE_ESSER_STEP_FRAMES) */
    int32_t on, listen;
} mixbox_de_esser_coeffs_t;

typedef struct {
    mixbox_svf_section_t band;
    mixbox_de_esser_coeffs_t coeffs;
    uint32_t frames_to_update;
    int32_t peak_q27, smooth_q27; /* detector states, log2 units Q27 */
    int32_t gr_max_q24;           /* largest reduction since the last read */
    uint32_t step_level;          /* loudest band magnitude (Q23) of the detector step so far */
    uint32_t step_frames;         /* frames of the detector step so far */
    uint32_t cut_q32;             /* 1 - g now, ramping by cut_step per frame */
    int32_t cut_step;
    int32_t idle;                 /* off and at rest: skipped */
    int32_t work[2][MIXBOX_CHUNK_FRAMES];
} mixbox_de_esser_t;

typedef struct {
    mixbox_svf_target_t highpass; /* flat when mono-below is off */
    int32_t width_q24;
} mixbox_stereo_tools_coeffs_t;

typedef struct {
    mixbox_svf_section_t highpass[2]; /* the LR4: two sections on the side (channel 0) */
    int64_t width_q40;   /* ramp: value, step (Q40), frames left */
    int64_t width_step;
    uint32_t width_frames_left;
    int32_t width_target_q24;
    uint32_t frames_to_update;
    int32_t side[MIXBOX_CHUNK_FRAMES];
} mixbox_stereo_tools_t;

/* ---- The bus meters: octave analyser and correlation meter
 * (src/octave_analyser.h, src/correlation_meter.h). ---- */

/* A second-order section of the meters' filters (src/meter_section.h): Q30. */
typedef struct {
    int32_t b0, b1, b2, a1, a2;
} mixbox_meter_section_coeffs_t;

typedef struct {
    int32_t x1, x2, y1, y2; /* Q28 */
} mixbox_meter_section_t;

/* The half-band decimator (src/halfband_decimator.h): its two allpass
 * branches' last input and output, and a pair's first sample when a call
 * ended between the two. */
typedef struct {
    int32_t x1[2], y1[2];
    int32_t held;
    uint32_t phase;
} mixbox_halfband_t;

#define MIXBOX_ANALYSER_SECTIONS 3u
#define MIXBOX_ANALYSER_LEVELS 10u /* octave rates fs .. fs / 512 (96 kHz needs them all) */

typedef struct {
    mixbox_meter_section_coeffs_t section[MIXBOX_SPECTRUM_BANDS][MIXBOX_ANALYSER_SECTIONS];
    uint32_t sections[MIXBOX_SPECTRUM_BANDS]; /* 3 (band-pass), 2 (the top band as a high-pass), 0 (above Nyquist) */
    uint32_t level[MIXBOX_SPECTRUM_BANDS];    /* the band runs at fs / 2^level */
    int32_t offset_mcdb[MIXBOX_SPECTRUM_BANDS]; /* reading = 10 log10(energy) + offset, milli-cdB */
    uint32_t levels;                          /* rates in use */
    uint32_t alpha_q32;                       /* 1 - exp(-10 ms / tau): the averaging per segment */
    int32_t on;
    int32_t reserved;
} mixbox_analyser_coeffs_t;

typedef struct {
    mixbox_analyser_coeffs_t coeffs;
    mixbox_meter_section_t section[MIXBOX_SPECTRUM_BANDS][MIXBOX_ANALYSER_SECTIONS];
    mixbox_halfband_t decimator[MIXBOX_ANALYSER_LEVELS - 1u];
    uint64_t segment_sum[MIXBOX_SPECTRUM_BANDS]; /* squares of Q24 band samples, running segment */
    uint64_t energy[MIXBOX_SPECTRUM_BANDS];      /* exponential average of the segment sums */
    int32_t work[2u * MIXBOX_CHUNK_FRAMES]; /* the mono sum: one call's waiting, then the next call's */
    int32_t batch[MIXBOX_CHUNK_FRAMES]; /* samples of the batched levels' top rate, waiting */
    uint32_t batched;                   /* how many */
    uint32_t waiting;                   /* mono samples waiting in work */
} mixbox_analyser_t;

#define MIXBOX_CORRELATION_MAX_STAGES 6u /* halving stages to the low band's rate (1.2-2.4 kHz) */
#define MIXBOX_CORRELATION_FINE_STAGES 2u /* the last ones are half-band IIRs, the others one triangle FIR */
#define MIXBOX_CORRELATION_LOW_RUN 16u /* the low band runs when this many coarse outputs wait, and at each segment end */

/* The coarse halvings of both sides at once (src/correlation_meter.c): the
 * running sums of the current block of 2^coarse input samples. */
typedef struct {
    int32_t sum[2];   /* sum of x */
    int32_t ramp[2];  /* sum of the running sums */
    int32_t carry[2]; /* the previous block's share of the next output */
    uint32_t count;   /* samples of the current block so far */
} mixbox_triangle_decimator_t;

typedef struct {
    mixbox_meter_section_coeffs_t low_pass[2]; /* 4th-order Butterworth at 150 Hz, at the low rate */
    uint32_t stages;
    uint32_t alpha_q32;
    int32_t on;
    int32_t reserved;
} mixbox_correlation_coeffs_t;

typedef struct {
    mixbox_correlation_coeffs_t coeffs;
    int64_t segment[MIXBOX_CORRELATION_SUMS];  /* running segment: L^2, R^2, LR (Q23 products), then the low band's */
    int64_t average[MIXBOX_CORRELATION_SUMS];  /* exponential averages of the segment sums */
    mixbox_triangle_decimator_t coarse;
    mixbox_halfband_t decimator[2][MIXBOX_CORRELATION_FINE_STAGES];
    mixbox_meter_section_t low_pass[2][2];
    int32_t work[2][MIXBOX_CORRELATION_LOW_RUN + MIXBOX_CHUNK_FRAMES]; /* coarse outputs waiting for the low band */
    uint32_t coarse_waiting;                                           /* how many */
} mixbox_correlation_meter_t;

typedef struct {
    mixbox_analyser_coeffs_t analyser;
    mixbox_correlation_coeffs_t correlation;
} mixbox_bus_meters_coeffs_t;

typedef struct {
    mixbox_analyser_t analyser;
    mixbox_correlation_meter_t correlation;
} mixbox_bus_meters_t;

/* Control side: the last design and what it was made from, so parameter
 * changes elsewhere design nothing here. */
typedef struct {
    int32_t valid;
    int32_t analyser_on, analyser_slow, correlation_on;
    mixbox_bus_meters_coeffs_t coeffs;
} mixbox_bus_meters_design_cache_t;

/* Everything the control side derives for the mix-bus chain. */
typedef struct {
    mixbox_compressor_coeffs_t compressor;
    mixbox_drive_coeffs_t drive;
    mixbox_output_coeffs_t output;
    mixbox_tp_limiter_coeffs_t limiter;
    int32_t makeup_q24;     /* log2 units */
    int32_t wet_q24;        /* compressed share, linear */
    int32_t dry_q24;        /* uncompressed share, linear */
    int32_t drive_mix_q24;  /* 0 = drive stage out, 1.0 = in */
    mixbox_de_esser_coeffs_t de_esser;
    mixbox_bus_eq_targets_t eq;
    int32_t eq_after_compressor; /* 0: de-esser -> EQ -> compressor; 1: compressor -> EQ -> drive */
    mixbox_stereo_tools_coeffs_t stereo;
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
    mixbox_de_esser_t de_esser;
    mixbox_bus_eq_t eq;
    int32_t eq_after_compressor;
    mixbox_stereo_tools_t stereo;
    mixbox_tp_limiter_coeffs_t limiter_coeffs;
    mixbox_tp_limiter_t limiter;
    mixbox_distortion_meter_t drive_distortion;
    mixbox_distortion_meter_t safety_distortion;
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

/* One call of the settled channel sum (src/bus_sum.h): up to four channels of
 * one slot group (0-3, 4-7, ...), or of two slot groups (`split`), into one
 * bus, with their gains split as the kernel uses them. The audio side plans these calls when the channel masks
 * change and runs them for every chunk while no channel gain moves. */
typedef struct {
    uint8_t bus;        /* 0: main, 1 + b: sub-bus b */
    uint8_t count;      /* members, 1-4, in slot order */
    uint8_t guard;      /* some member's gains have guard bits */
    uint8_t first;      /* 1: the bus's first call, writes its sums (the others add); 2: its only call */
    uint8_t channel[4];
    uint8_t split;      /* 0: one slot group; else members [0, split) are one group, the rest the next */
    int32_t left_q24[4], right_q24[4];   /* the gains' Q24 parts */
    int32_t left_fine[4], right_fine[4]; /* their 16 guard bits, as the kernel's factors */
} mixbox_bus_sum_call_t;

#define MIXBOX_BUS_SUM_CALLS ((1u + MIXBOX_SUB_BUSES) * (MIXBOX_MAX_CHANNELS / 4u))

/* One complete set of coefficient targets: derived from every parameter on
 * the control side, adopted whole by the audio side at a block start. */
typedef struct {
    int64_t channel_gain_q40[MIXBOX_MAX_CHANNELS][2]; /* left/right, Q40 (Q24 + 16 bits) */
    int32_t channel_meter_offset_cdb[MIXBOX_MAX_CHANNELS]; /* trim + fader, or MIXBOX_METER_SILENCE_CDB */
    uint32_t channels_with_guard_bits; /* bit c: a gain of channel c has non-zero guard bits (Q40 below Q24) */
    uint32_t route[1u + MIXBOX_SUB_BUSES]; /* per bus (main, subs): bit c = channel c feeds it */
    int32_t sub_gain_q24[MIXBOX_SUB_BUSES];
    int32_t main_gain_q24;
    mixbox_mixbus_settings_t mixbus;
    mixbox_bus_meters_coeffs_t bus_meters;
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
    uint32_t ramp_frames;      /* gain ramp length: 5 ms, rounded down */
    uint32_t segment_frames;   /* meter segment length: 10 ms, rounded down */
    uint32_t segment_frames_left;
    uint32_t started;          /* a block has been processed */

    /* Control side: user-unit parameters, as set. */
    mixbox_channel_params_t channel[MIXBOX_MAX_CHANNELS];
    int32_t sub_fader_cdb[MIXBOX_SUB_BUSES];
    int32_t sub_mute[MIXBOX_SUB_BUSES];
    int32_t main_fader_cdb;
    int32_t mixbus_param[MIXBOX_MIXBUS_PARAMS];
    mixbox_bus_eq_design_cache_t eq_design_cache;

    /* Target sets: the control side writes targets[handoff.back] whole and
     * publishes it; the audio side reads only targets[handoff.front]. */
    mixbox_targets_t targets[3];
    mixbox_handoff_t handoff;

    /* Audio-side state. */
    /* Where the running meter segment starts (src/segment_clock.h). It sits in
     * what was padding before channel_gain wherever int64 is 8-byte aligned
     * (x86-64, RV32, Xtensa): sizeof and every other offset are unchanged. */
    uint32_t segment_phase;
    mixbox_gain_ramp_t channel_gain[MIXBOX_MAX_CHANNELS][2];
    uint32_t route[1u + MIXBOX_SUB_BUSES];        /* the routing the audio path sums with */
    uint32_t channels_rerouting; /* bit c: channel c fades out before its routing changes */
    uint32_t channels_moving;  /* bit c: a gain ramp of channel c is moving */
    uint32_t channels_audible; /* bit c: channel c's gains are not both settled at 0 */
    mixbox_gain_ramp_t sub_gain[MIXBOX_SUB_BUSES];
    mixbox_gain_ramp_t main_gain;
    mixbox_mixbus_t mixbus;
    mixbox_level_meter_t meter[MIXBOX_LEVEL_METER_COUNT];
    mixbox_loudness_meter_t loudness;  /* of the main-bus output */

    /* Scratch for one chunk: bus sums in Q39 (Q31 with 8 extra fraction bits). */
    int64_t main_sum[2][MIXBOX_CHUNK_FRAMES];
    int64_t sub_sum[MIXBOX_SUB_BUSES][2][MIXBOX_CHUNK_FRAMES];

    /* The octave analyser and correlation meter of the main output (appended). */
    mixbox_bus_meters_t bus_meters;
    mixbox_bus_meters_design_cache_t bus_meters_design; /* control side */

    /* The settled channel sum's calls (appended; audio side). */
    mixbox_bus_sum_call_t sum_plan[MIXBOX_BUS_SUM_CALLS];
    uint32_t sum_plan_calls;
    uint32_t sum_plan_fed;   /* bit bus: some call feeds it */
    uint32_t sum_plan_valid; /* 0 after the channel masks change: plan again */

    /* Scratch for one chunk (appended): a sub-bus's Q31 output where its only
     * settled call makes it directly (src/bus_sum.h), not its sums. */
    int32_t sub_out[MIXBOX_SUB_BUSES][2][MIXBOX_CHUNK_FRAMES];

    /* (appended) The settled plan's gains keep the main sum within 64 bits in
     * Q55 (src/bus_sum.h, mixbox_bus_sum_call_run_q55). */
    uint32_t sum_plan_main_q55;
} mixbox_engine_t;


/* The loopback self-test (mixbox_loopback_*): the signal it plays and what it captured. */
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
    mixbox_q31_t sine[MIXBOX_LOOPBACK_MAX_PERIOD];
    mixbox_q31_t marker_capture[MIXBOX_LOOPBACK_MARKER_CAPTURE_FRAMES];
    mixbox_q31_t sine_capture[MIXBOX_LOOPBACK_SINE_CAPTURE_FRAMES];
} mixbox_loopback_t;
#endif /* MIXBOX_ENGINE_STATE_H */
