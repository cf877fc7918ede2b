/*
 * fuzz_engine_api.c - libFuzzer harness over the public C API of the MixBox
 * engine (include/mixbox_engine.h), built with ASan + UBSan (see
 * CMakeLists.txt in this folder).
 *
 * Every input is decoded into a sequence of operations on ONE engine
 * instance, which starts each input uninitialised (filled with a byte of the
 * input). The harness keeps a model of what it set (parameters, sample rate,
 * channel count, whether the compressor was in at the last process call) and
 * checks after every call:
 *
 *   - the status is one the header allows for the arguments (pointer and
 *     initialisation checks first, as every function documents; among the
 *     argument errors any applicable one);
 *   - an error changes nothing: the whole mixbox_engine_t, the output buffer
 *     and any out-pointer are byte-identical before and after;
 *   - const functions (get_param, loudness_read) never change the engine;
 *   - mixbox_process writes nothing past frames*2 output samples (canaries up
 *     to the buffer's capacity plus a guard) and never writes its input;
 *   - get_param returns what set_param accepted (or the default after init);
 *   - meter readings in [MIXBOX_METER_SILENCE_CDB, bound]: channel meters are
 *     post-fader, input (<= 0 dBFS) + trim (<= +20 dB) + fader (<= +12 dB),
 *     so <= +3200 cdB; bus meters measure saturated Q31 outputs, <= 0 cdB;
 *     clipped is 0 or 1;
 *   - channel and main-bus meters agree within 1 cdB with the harness's own
 *     metering of the samples it gave and got (peak, hold, 300 ms RMS,
 *     post-fader offset as adopted at the last process call, or silence); a
 *     channel's clip flag is 1 exactly when an input reached +-0x7FFFFF00
 *     since the last read;
 *   - loudness levels >= -20000 and <= +10 LUFS (a full-scale stereo signal
 *     through the K-weighting's +4 dB shelf reads at most about +6.3 LUFS);
 *     true-peak <= +6.13 dBTP (the interpolator's largest tap sum, 16571/8192,
 *     times full scale: TAP_SUM_MAX in src/true_peak.c), at least the
 *     largest output sample since the loudness reset and at most the tap sum
 *     times the largest since init (the true peak since the last read:
 *     the same, with "since the last read" for "since the loudness reset");
 *     LRA is -20000
 *     (not yet defined) or 0..7500 (the histogram spans 75 LU);
 *     range_stable 0 or 1;
 *   - with OUTPUT_SAFETY = 1 and ceiling c (set before the process call),
 *     every output sample's magnitude <= ceil(2^31 * 10^(c/2000)) +
 *     FUZZ_CEILING_TOLERANCE. src/output_stage.c rounds the ceiling to
 *     round((2^31 - 1) * 10^(c/2000)) (never above that bound), soft-clips to
 *     at most it, and with dither takes the 24-bit grid value at or under it
 *     whenever dither and rounding land past it: the exact guarantee is
 *     |out| <= the ceiling, so the tolerance defaults to 0 LSB;
 *   - with OUTPUT_DITHER = 1 every output sample is on the output word's grid
 *     (low 8 bits zero at 24 bits), and at OUTPUT_WORD_BITS = 16 always (low
 *     16 bits zero);
 *   - gain reduction >= 0, and == 0 when no process
 *     call happened since init or the compressor was out (COMP_BYPASS = 1 or
 *     COMP_MIX_PERCENT = 0) at the most recent process call.
 *
 * A failed invariant prints "MIXBOX FUZZ INVARIANT FAILED: ..." and aborts.
 * Set MIXBOX_FUZZ_TRACE=1 to print every operation (to replay a crash file:
 * MIXBOX_FUZZ_TRACE=1 ./fuzz_engine_api crash-...).
 *
 * Input format (all multi-byte values little-endian; a finished input reads
 * as zeros): byte 0 fills the uninitialised engine, then operations, each an
 * opcode byte (mod 16) and its argument bytes, see run_op(). gen_corpus.py
 * writes the seed corpus in this format.
 */
#include "mixbox_engine.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Allowed excess over the safety ceiling, in Q31 codes (1 LSB of 24 bit = 256). */
#ifndef FUZZ_CEILING_TOLERANCE
#define FUZZ_CEILING_TOLERANCE 0
#endif

#define MAX_OPS 200u                 /* per input */
/* -DFUZZ_LONG_RUNS=1: a long run with length byte 0xFF processes 60.8 s at
 * 8 kHz, past the loudness meter's range_stable point. Off by default: such
 * an input takes a second or more under the sanitizers, and the fuzzer finds
 * it within a minute and then spends most of its time there. */
#ifndef FUZZ_LONG_RUNS
#define FUZZ_LONG_RUNS 0
#endif
#define LONG_RUN_MAX_BLOCKS 1900u /* 60.8 s at 8 kHz */
#if FUZZ_LONG_RUNS
#define MAX_FRAMES_PER_INPUT 500000u /* bounds the time per input (one longest run) */
#else
#define MAX_FRAMES_PER_INPUT 65536u  /* bounds the time per input (8 s at 8 kHz) */
#endif
#define OUTPUT_GUARD 16u             /* canary samples past the output capacity */
#define OUTPUT_CANARY ((mixbox_q31_t)0x5A5A5A5A)
#define CHANNEL_METER_MAX_CDB (MIXBOX_TRIM_MAX_CDB + MIXBOX_FADER_MAX_CDB)
#define BUS_METER_MAX_CDB 0
#define LOUDNESS_MAX_CLU 1000
#define TRUE_PEAK_MAX_CDB 613
#define LRA_MAX_CLU 7500

/* ---- failure reporting ---- */

static unsigned g_op;       /* index of the running operation in the input */
static const char *g_op_name = "start";
static int g_trace;

#define FAIL(...) do { \
        fprintf(stderr, "MIXBOX FUZZ INVARIANT FAILED (op %u %s, %s:%d): ", g_op, g_op_name, __FILE__, __LINE__); \
        fprintf(stderr, __VA_ARGS__); \
        fputc('\n', stderr); \
        fflush(stderr); \
        abort(); \
    } while (0)
#define CHECK(cond, ...) do { if (!(cond)) FAIL(__VA_ARGS__); } while (0)
#define TRACE(...) do { if (g_trace) { fprintf(stderr, "[%u] ", g_op); fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

/* ---- input reader ---- */

typedef struct {
    const uint8_t *p;
    size_t left;
} reader_t;

static uint8_t rd_u8(reader_t *r)
{
    if (r->left == 0u) return 0u;
    r->left--;
    return *r->p++;
}

static uint16_t rd_u16(reader_t *r)
{
    uint16_t lo = rd_u8(r);
    return (uint16_t)(lo | (uint16_t)(rd_u8(r) << 8));
}

static uint32_t rd_u32(reader_t *r)
{
    uint32_t lo = rd_u16(r);
    return lo | ((uint32_t)rd_u16(r) << 16);
}

/* ---- parameter model (from the header's documented ranges) ---- */

typedef enum { SCOPE_CHANNEL, SCOPE_SUB, SCOPE_GLOBAL } scope_t;

typedef struct {
    const char *name;
    scope_t scope;
    int32_t lo, hi, def;
    int32_t gap; /* nonzero: 1..gap-1 are refused (0 = off/auto, then gap..hi) */
    const int32_t *allowed; /* non-NULL: only these values (allowed_count of them) */
    uint32_t allowed_count;
} param_spec_t;

static const int32_t k_eq_highpass_hz[] = { 0, 20, 30, 40, 60, 80, 100, 150 };
static const int32_t k_eq_slopes[] = { 12, 18 };
static const int32_t k_mono_below_hz[] = { 0, 60, 100, 150, 200 };
static const int32_t k_word_bits[] = { 16, 24 };
#define ONE_OF(list) list, (uint32_t)(sizeof list / sizeof list[0])
#define ANY NULL, 0u

static const param_spec_t k_params[MIXBOX_PARAM_COUNT] = {
    { "CHANNEL_TRIM_CDB", SCOPE_CHANNEL, MIXBOX_TRIM_MIN_CDB, MIXBOX_TRIM_MAX_CDB, 0, 0, ANY },
    { "CHANNEL_FADER_CDB", SCOPE_CHANNEL, MIXBOX_FADER_OFF_CDB, MIXBOX_FADER_MAX_CDB, 0, 0, ANY },
    { "CHANNEL_PAN", SCOPE_CHANNEL, MIXBOX_PAN_MIN, MIXBOX_PAN_MAX, 0, 0, ANY },
    { "CHANNEL_MUTE", SCOPE_CHANNEL, 0, 1, 0, 0, ANY },
    { "CHANNEL_SOLO", SCOPE_CHANNEL, 0, 1, 0, 0, ANY },
    { "CHANNEL_INVERT", SCOPE_CHANNEL, 0, 1, 0, 0, ANY },
    { "CHANNEL_TO_MAIN", SCOPE_CHANNEL, 0, 1, 1, 0, ANY },
    { "CHANNEL_SUB_BUS", SCOPE_CHANNEL, MIXBOX_NO_SUB_BUS, (int32_t)MIXBOX_SUB_BUSES - 1, MIXBOX_NO_SUB_BUS, 0, ANY },
    { "SUB_FADER_CDB", SCOPE_SUB, MIXBOX_FADER_OFF_CDB, MIXBOX_FADER_MAX_CDB, 0, 0, ANY },
    { "SUB_MUTE", SCOPE_SUB, 0, 1, 0, 0, ANY },
    { "MAIN_FADER_CDB", SCOPE_GLOBAL, MIXBOX_FADER_OFF_CDB, MIXBOX_FADER_MAX_CDB, 0, 0, ANY },
    { "COMP_THRESHOLD_CDB", SCOPE_GLOBAL, -4000, 0, -1000, 0, ANY },
    { "COMP_RATIO_X100", SCOPE_GLOBAL, 100, 2000, 400, 0, ANY },
    { "COMP_ATTACK_US", SCOPE_GLOBAL, 100, 30000, 10000, 0, ANY },
    { "COMP_RELEASE_MS", SCOPE_GLOBAL, 0, 2000, 600, 50, ANY },
    { "COMP_KNEE_CDB", SCOPE_GLOBAL, 0, 1200, 0, 0, ANY },
    { "COMP_MAKEUP_CDB", SCOPE_GLOBAL, 0, 2000, 0, 0, ANY },
    { "COMP_SIDECHAIN_HPF_HZ", SCOPE_GLOBAL, 0, 500, 0, 20, ANY },
    { "COMP_LINK", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
    { "COMP_MIX_PERCENT", SCOPE_GLOBAL, 0, 100, 100, 0, ANY },
    { "COMP_BYPASS", SCOPE_GLOBAL, 0, 1, 1, 0, ANY },
    { "DRIVE_CDB", SCOPE_GLOBAL, 0, 1800, 0, 0, ANY },
    { "OUTPUT_CEILING_CDB", SCOPE_GLOBAL, -600, 0, -30, 0, ANY },
    { "OUTPUT_SAFETY", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
    { "OUTPUT_DITHER", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
    { "DEESS_ON", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
    { "DEESS_HZ", SCOPE_GLOBAL, 2000, 12000, 6500, 0, ANY },
    { "DEESS_THRESHOLD_CDB", SCOPE_GLOBAL, -5000, 0, -2000, 0, ANY },
    { "DEESS_RANGE_CDB", SCOPE_GLOBAL, 0, 1200, 600, 0, ANY },
    { "DEESS_RELEASE_MS", SCOPE_GLOBAL, 20, 300, 60, 0, ANY },
    { "DEESS_LISTEN", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
    { "EQ_AFTER_COMP", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
    { "EQ_HPF_HZ", SCOPE_GLOBAL, 0, 150, 0, 0, ONE_OF(k_eq_highpass_hz) },
    { "EQ_HPF_SLOPE", SCOPE_GLOBAL, 12, 18, 12, 0, ONE_OF(k_eq_slopes) },
    { "EQ_LOW_SHELF_HZ", SCOPE_GLOBAL, 30, 300, 100, 0, ANY },
    { "EQ_LOW_SHELF_CDB", SCOPE_GLOBAL, -1200, 1200, 0, 0, ANY },
    { "EQ_LOW_SHELF_GENTLE", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
    { "EQ_BELL1_HZ", SCOPE_GLOBAL, 60, 8000, 300, 0, ANY },
    { "EQ_BELL1_CDB", SCOPE_GLOBAL, -1200, 1200, 0, 0, ANY },
    { "EQ_BELL1_Q_X100", SCOPE_GLOBAL, 40, 400, 100, 0, ANY },
    { "EQ_BELL2_HZ", SCOPE_GLOBAL, 60, 8000, 3000, 0, ANY },
    { "EQ_BELL2_CDB", SCOPE_GLOBAL, -1200, 1200, 0, 0, ANY },
    { "EQ_BELL2_Q_X100", SCOPE_GLOBAL, 40, 400, 100, 0, ANY },
    { "EQ_PROPORTIONAL_Q", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
    { "EQ_HIGH_SHELF_HZ", SCOPE_GLOBAL, 1500, 16000, 8000, 0, ANY },
    { "EQ_HIGH_SHELF_CDB", SCOPE_GLOBAL, -1200, 1200, 0, 0, ANY },
    { "EQ_LOWPASS_HZ", SCOPE_GLOBAL, 0, 20000, 0, 10000, ANY },
    { "STEREO_WIDTH_PERCENT", SCOPE_GLOBAL, 0, 200, 100, 0, ANY },
    { "STEREO_MONO_BELOW_HZ", SCOPE_GLOBAL, 0, 200, 0, 0, ONE_OF(k_mono_below_hz) },
    { "OUTPUT_WORD_BITS", SCOPE_GLOBAL, 16, 24, 24, 0, ONE_OF(k_word_bits) },
    { "OUTPUT_LIMITER", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
    { "ANALYSER_ON", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
    { "ANALYSER_SLOW", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
    { "CORRELATION_ON", SCOPE_GLOBAL, 0, 1, 0, 0, ANY },
};

static int value_valid(uint32_t param, int32_t value)
{
    const param_spec_t *s = &k_params[param];
    if (value < s->lo || value > s->hi) return 0;
    if (s->gap != 0 && value != 0 && value < s->gap) return 0;
    if (s->allowed != NULL) {
        for (uint32_t i = 0; i < s->allowed_count; i++) {
            if (value == s->allowed[i]) return 1;
        }
        return 0;
    }
    return 1;
}

typedef struct {
    int initialised;
    uint32_t sample_rate, channels;
    int32_t value[MIXBOX_PARAM_COUNT][MIXBOX_MAX_CHANNELS]; /* [param][index]; index 0 for global */
    int processed_since_init;
    int comp_out_at_last_process;
    /* Channel meters report post-fader by the parameters the engine adopted at
     * its last process call (or init), not by later set calls. */
    int32_t meter_offset_cdb[MIXBOX_MAX_CHANNELS];
} model_t;

static uint32_t scope_count(const model_t *m, uint32_t param)
{
    switch (k_params[param].scope) {
    case SCOPE_CHANNEL: return m->channels;
    case SCOPE_SUB: return MIXBOX_SUB_BUSES;
    default: return 1u;
    }
}

static int index_valid(const model_t *m, uint32_t param, uint32_t index)
{
    return k_params[param].scope == SCOPE_GLOBAL || index < scope_count(m, param);
}

static int32_t *model_slot(model_t *m, uint32_t param, uint32_t index)
{
    return &m->value[param][k_params[param].scope == SCOPE_GLOBAL ? 0u : index];
}

static int32_t model_get(const model_t *m, uint32_t param)
{
    return m->value[param][0];
}

static void model_defaults(model_t *m)
{
    for (uint32_t p = 0; p < MIXBOX_PARAM_COUNT; p++) {
        for (uint32_t i = 0; i < MIXBOX_MAX_CHANNELS; i++) m->value[p][i] = k_params[p].def;
    }
}

static int compressor_out(const model_t *m)
{
    return model_get(m, MIXBOX_PARAM_COMP_BYPASS) == 1 || model_get(m, MIXBOX_PARAM_COMP_MIX_PERCENT) == 0;
}

/* ---- engine, snapshots, status checks ---- */

static mixbox_engine_t g_engine;
static mixbox_engine_t g_before;
static model_t g_model;

static void snapshot(void)
{
    memcpy(&g_before, &g_engine, sizeof g_engine);
}

static void check_unchanged(const char *why)
{
    if (memcmp(&g_before, &g_engine, sizeof g_engine) == 0) return;
    const unsigned char *a = (const unsigned char *)&g_before, *b = (const unsigned char *)&g_engine;
    size_t at = 0;
    while (a[at] == b[at]) at++;
    FAIL("%s: mixbox_engine_t changed (first differing byte at offset %zu of %zu: 0x%02x -> 0x%02x)", why, at,
         sizeof g_engine, a[at], b[at]);
}

#define ST(bit) (1u << (unsigned)(-(bit)))

static const char *status_name(mixbox_status_t s)
{
    switch (s) {
    case MIXBOX_OK: return "OK";
    case MIXBOX_ERR_NULL: return "ERR_NULL";
    case MIXBOX_ERR_NOT_INITIALISED: return "ERR_NOT_INITIALISED";
    case MIXBOX_ERR_SAMPLE_RATE: return "ERR_SAMPLE_RATE";
    case MIXBOX_ERR_CHANNEL_COUNT: return "ERR_CHANNEL_COUNT";
    case MIXBOX_ERR_BLOCK_SIZE: return "ERR_BLOCK_SIZE";
    case MIXBOX_ERR_BUFFER_TOO_SHORT: return "ERR_BUFFER_TOO_SHORT";
    case MIXBOX_ERR_INDEX: return "ERR_INDEX";
    case MIXBOX_ERR_PARAM: return "ERR_PARAM";
    case MIXBOX_ERR_VALUE: return "ERR_VALUE";
    default: return "(not a mixbox_status_t)";
    }
}

/* `allowed`: a mask of ST(error) bits; 0 means the call must succeed. After
 * an error, the engine must be as it was before the call. */
static void check_status(mixbox_status_t got, uint32_t allowed, const char *call)
{
    if (allowed == 0u) {
        CHECK(got == MIXBOX_OK, "%s returned %s (%d), expected MIXBOX_OK", call, status_name(got), (int)got);
        return;
    }
    CHECK(got < 0 && got >= MIXBOX_ERR_VALUE && (allowed & ST(got)) != 0u,
          "%s returned %s (%d), expected one of the errors in mask 0x%x", call, status_name(got), (int)got,
          (unsigned)allowed);
    check_unchanged(call);
}

/* The errors every function checks before its arguments. */
static uint32_t precondition_errors(int engine_null, int other_pointer_null)
{
    if (engine_null || other_pointer_null) return ST(MIXBOX_ERR_NULL);
    if (!g_model.initialised) return ST(MIXBOX_ERR_NOT_INITIALISED);
    return 0u;
}

/* ---- checks of readings ---- */

static void check_level(const char *what, uint32_t id, int32_t v, int32_t max)
{
    CHECK(v >= MIXBOX_METER_SILENCE_CDB && v <= max, "meter %u %s = %d cdB, outside [%d, %d]", id, what, (int)v,
          (int)MIXBOX_METER_SILENCE_CDB, (int)max);
}

static void check_meter_reading(uint32_t id, const mixbox_meter_reading_t *r)
{
    int32_t max = id < MIXBOX_MAX_CHANNELS ? CHANNEL_METER_MAX_CDB : BUS_METER_MAX_CDB;
    check_level("peak", id, r->peak_cdb, max);
    check_level("rms", id, r->rms_cdb, max);
    check_level("hold", id, r->hold_cdb, max);
    CHECK(r->clipped == 0 || r->clipped == 1, "meter %u clipped = %d, not 0/1", id, (int)r->clipped);
}

static void check_loudness_level(const char *what, int32_t v, int32_t max)
{
    CHECK(v >= MIXBOX_METER_SILENCE_CDB && v <= max, "loudness %s = %d, outside [%d, %d]", what, (int)v,
          (int)MIXBOX_METER_SILENCE_CDB, (int)max);
}

static void check_loudness_reading(const mixbox_loudness_reading_t *r)
{
    check_loudness_level("momentary", r->momentary_clu, LOUDNESS_MAX_CLU);
    check_loudness_level("short_term", r->short_term_clu, LOUDNESS_MAX_CLU);
    check_loudness_level("integrated", r->integrated_clu, LOUDNESS_MAX_CLU);
    check_loudness_level("momentary_max", r->momentary_max_clu, LOUDNESS_MAX_CLU);
    check_loudness_level("short_term_max", r->short_term_max_clu, LOUDNESS_MAX_CLU);
    check_loudness_level("true_peak_max", r->true_peak_max_cdb, TRUE_PEAK_MAX_CDB);
    CHECK(r->loudness_range_clu == MIXBOX_METER_SILENCE_CDB ||
              (r->loudness_range_clu >= 0 && r->loudness_range_clu <= LRA_MAX_CLU),
          "loudness range = %d, neither %d (undefined) nor in [0, %d]", (int)r->loudness_range_clu,
          (int)MIXBOX_METER_SILENCE_CDB, LRA_MAX_CLU);
    CHECK(r->range_stable == 0 || r->range_stable == 1, "range_stable = %d, not 0/1", (int)r->range_stable);
}

/* ---- meter model ----
 * The harness sees every channel input and the main output, so it meters
 * them itself as the header describes (peak and hold as Q31 magnitudes, the
 * 300 ms RMS as 30 complete 10 ms segments of (x >> 8)^2, the channel clip
 * flag at |x| >= 0x7FFFFF00) and compares each reading within 1 cdB (the
 * engine's fixed-point logarithm rounds). Channel readings are post-fader:
 * + trim + fader, silence while muted, soloed out or faded off. Sub-bus
 * meters are not observable from outside: range checks only. */

#define INPUT_CLIP_Q31 0x7FFFFF00
#define METER_TOLERANCE_CDB 1

typedef struct {
    uint32_t peak, hold; /* max |x| since the last read / since init or reset_hold */
    int clipped;         /* channel meters: an input reached full-scale code since the last read */
    uint64_t segment_sum, window_sum;
    uint64_t ring[MIXBOX_METER_SEGMENTS];
    uint32_t position;
} meter_model_t;

static meter_model_t g_meter[MIXBOX_METER_COUNT];
/* Meter segments as the engine documents them: segment k ends at frame
 * floor((k + 1) fs / 100) (whole frames at any rate), counted here in 64 bits. */
static uint32_t g_rate;
static uint64_t g_frames, g_segments;

/* floor(k fs / 100) for any k, negative too. */
static int64_t segment_boundary(int64_t k)
{
    int64_t product = k * (int64_t)g_rate;
    return product >= 0 ? product / 100 : -((-product + 99) / 100);
}
/* Largest |output sample| in the true-peak meter's Q1.15 (x >> 16), since
 * loudness_reset (or init) and since init. */
static uint32_t g_tp_q15_since_reset, g_tp_q15_since_init, g_tp_q15_since_read;

static int is_input_meter(uint32_t id)
{
    return id >= MIXBOX_METER_INPUT(0) && id < MIXBOX_METER_COUNT;
}

static int observable_meter(uint32_t id)
{
    return id < MIXBOX_MAX_CHANNELS || id == MIXBOX_METER_MAIN_LEFT || id == MIXBOX_METER_MAIN_RIGHT || is_input_meter(id);
}

static void meters_reset(uint32_t sample_rate)
{
    memset(g_meter, 0, sizeof g_meter);
    g_tp_q15_since_reset = 0u;
    g_tp_q15_since_init = 0u;
    g_tp_q15_since_read = 0u;
    g_rate = sample_rate;
    g_frames = 0u;
    g_segments = 0u;
}

static uint32_t magnitude(mixbox_q31_t x)
{
    return x < 0 ? (uint32_t)0 - (uint32_t)x : (uint32_t)x;
}

static void meter_add(meter_model_t *m, mixbox_q31_t x)
{
    uint32_t mag = magnitude(x);
    if (mag > m->peak) m->peak = mag;
    if (mag > m->hold) m->hold = mag;
    int64_t top24 = x / 256 - (x % 256 < 0 ? 1 : 0); /* floor(x / 256), as x >> 8 */
    m->segment_sum += (uint64_t)(top24 * top24);
}

static void meters_add_block(const mixbox_q31_t *in, const mixbox_q31_t *out, uint32_t channels, uint32_t frames)
{
    for (uint32_t f = 0; f < frames; f++) {
        for (uint32_t c = 0; c < channels; c++) {
            mixbox_q31_t x = in[(size_t)f * channels + c];
            meter_add(&g_meter[c], x);
            meter_add(&g_meter[MIXBOX_METER_INPUT(c)], x); /* pre-fader: the same input */
            if (magnitude(x) >= (uint32_t)INPUT_CLIP_Q31) g_meter[c].clipped = g_meter[MIXBOX_METER_INPUT(c)].clipped = 1;
        }
        meter_add(&g_meter[MIXBOX_METER_MAIN_LEFT], out[2u * f]);
        meter_add(&g_meter[MIXBOX_METER_MAIN_RIGHT], out[2u * f + 1u]);
        for (uint32_t side = 0; side < 2u; side++) {
            uint32_t q15 = magnitude(out[2u * f + side] >> 16);
            if (q15 > g_tp_q15_since_reset) g_tp_q15_since_reset = q15;
            if (q15 > g_tp_q15_since_init) g_tp_q15_since_init = q15;
            if (q15 > g_tp_q15_since_read) g_tp_q15_since_read = q15;
        }
        if ((int64_t)++g_frames == segment_boundary((int64_t)g_segments + 1)) {
            g_segments++;
            for (uint32_t id = 0; id < MIXBOX_METER_COUNT; id++) {
                meter_model_t *m = &g_meter[id];
                m->window_sum = m->window_sum - m->ring[m->position] + m->segment_sum;
                m->ring[m->position] = m->segment_sum;
                m->segment_sum = 0u;
                m->position = (m->position + 1u) % MIXBOX_METER_SEGMENTS;
            }
        }
    }
}

/* cdB re full scale, exact (a double), or SILENCE for 0. */
static double level_cdb(double ratio)
{
    return ratio > 0.0 ? 2000.0 * log10(ratio) : (double)MIXBOX_METER_SILENCE_CDB;
}

/* Post-fader offset of channel c (cdB), or SILENCE (see mixbox_meter_read). */
static int32_t channel_offset_cdb(uint32_t c)
{
    int any_solo = 0;
    for (uint32_t i = 0; i < g_model.channels; i++) any_solo |= g_model.value[MIXBOX_PARAM_CHANNEL_SOLO][i] != 0;
    if (g_model.value[MIXBOX_PARAM_CHANNEL_MUTE][c] || g_model.value[MIXBOX_PARAM_CHANNEL_FADER_CDB][c] <= MIXBOX_FADER_OFF_CDB ||
        (any_solo && !g_model.value[MIXBOX_PARAM_CHANNEL_SOLO][c])) {
        return MIXBOX_METER_SILENCE_CDB;
    }
    return g_model.value[MIXBOX_PARAM_CHANNEL_TRIM_CDB][c] + g_model.value[MIXBOX_PARAM_CHANNEL_FADER_CDB][c];
}

/* What the engine adopts at a process call (and init): every channel's offset. */
static void adopt_meter_offsets(void)
{
    for (uint32_t c = 0; c < g_model.channels; c++) g_model.meter_offset_cdb[c] = channel_offset_cdb(c);
}

/* One reading against the model's level (cdB, before the offset). Near the
 * floor the engine's rounding may floor where the model does not: skipped. */
static void check_model_level(uint32_t id, const char *what, int32_t got, double level, int32_t offset)
{
    if (level > MIXBOX_METER_SILENCE_CDB && level < MIXBOX_METER_SILENCE_CDB + 2 * METER_TOLERANCE_CDB) return;
    double want;
    if (level <= MIXBOX_METER_SILENCE_CDB || offset == MIXBOX_METER_SILENCE_CDB) {
        want = MIXBOX_METER_SILENCE_CDB;
    } else {
        want = level + offset;
        if (want < MIXBOX_METER_SILENCE_CDB + 2 * METER_TOLERANCE_CDB) return; /* floored by the offset */
    }
    CHECK(fabs((double)got - want) <= METER_TOLERANCE_CDB,
          "meter %u %s = %d cdB, but the signal the harness gave/got reads %.2f cdB (offset %d)", id, what, (int)got,
          want, (int)offset);
}

static void check_meter_model(uint32_t id, const mixbox_meter_reading_t *r)
{
    if (!observable_meter(id)) return;
    meter_model_t *m = &g_meter[id];
    int32_t offset = id < MIXBOX_MAX_CHANNELS ? g_model.meter_offset_cdb[id] : 0;
    check_model_level(id, "peak", r->peak_cdb, level_cdb((double)m->peak / 2147483648.0), offset);
    check_model_level(id, "hold", r->hold_cdb, level_cdb((double)m->hold / 2147483648.0), offset);
    int64_t k = (int64_t)g_segments;
    double window_frames = (double)(segment_boundary(k) - segment_boundary(k - (int64_t)MIXBOX_METER_SEGMENTS));
    double mean_square = (double)m->window_sum / window_frames / 70368744177664.0;
    check_model_level(id, "rms", r->rms_cdb, mean_square > 0.0 ? 0.5 * level_cdb(mean_square) : level_cdb(0.0), offset);
    if (id < MIXBOX_MAX_CHANNELS || is_input_meter(id)) {
        CHECK(r->clipped == m->clipped, "channel meter %u clipped = %d, but an input sample %s full-scale code since the last read",
              id, (int)r->clipped, m->clipped ? "reached" : "never reached");
    }
    m->peak = 0u;
    m->clipped = 0;
}

/* ---- operations ---- */

static void verify_param(uint32_t param, uint32_t index)
{
    int32_t got = INT32_MIN;
    mixbox_status_t s = mixbox_get_param(&g_engine, (mixbox_param_t)param, index, &got);
    CHECK(s == MIXBOX_OK, "get_param(%s, %u) returned %s", k_params[param].name, index, status_name(s));
    int32_t want = *model_slot(&g_model, param, index);
    CHECK(got == want, "get_param(%s, %u) = %d, but %d was set (or is the default)", k_params[param].name, index,
          (int)got, (int)want);
}

static void do_init(uint32_t rate, uint32_t channels, int null_engine)
{
    uint32_t allowed = 0u;
    if (null_engine) {
        allowed = ST(MIXBOX_ERR_NULL);
    } else {
        if (rate < MIXBOX_MIN_SAMPLE_RATE || rate > MIXBOX_MAX_SAMPLE_RATE)
            allowed |= ST(MIXBOX_ERR_SAMPLE_RATE);
        if (channels == 0u || channels > MIXBOX_MAX_CHANNELS) allowed |= ST(MIXBOX_ERR_CHANNEL_COUNT);
    }
    TRACE("init(%s, %u Hz, %u ch)", null_engine ? "NULL" : "engine", rate, channels);
    snapshot();
    mixbox_status_t s = mixbox_init(null_engine ? NULL : &g_engine, rate, channels);
    check_status(s, allowed, "mixbox_init");
    if (s != MIXBOX_OK) return;

    g_model.initialised = 1;
    g_model.sample_rate = rate;
    g_model.channels = channels;
    g_model.processed_since_init = 0;
    g_model.comp_out_at_last_process = 1;
    model_defaults(&g_model);
    adopt_meter_offsets();
    meters_reset(rate);
    for (uint32_t p = 0; p < MIXBOX_PARAM_COUNT; p++) {
        for (uint32_t i = 0; i < scope_count(&g_model, p); i++) verify_param(p, i);
    }
    CHECK(g_engine.channels == channels, "init did not keep the channel count");
}

static void do_set(uint32_t param, uint32_t index, int32_t value, int null_engine)
{
    uint32_t allowed = precondition_errors(null_engine, 0);
    if (allowed == 0u) {
        if (param >= MIXBOX_PARAM_COUNT) {
            allowed = ST(MIXBOX_ERR_PARAM);
        } else {
            if (!index_valid(&g_model, param, index)) allowed |= ST(MIXBOX_ERR_INDEX);
            if (!value_valid(param, value)) allowed |= ST(MIXBOX_ERR_VALUE);
        }
    }
    TRACE("set_param(%s, %s, %u, %d)", null_engine ? "NULL" : "engine",
          param < MIXBOX_PARAM_COUNT ? k_params[param].name : "(bad id)", index, (int)value);
    snapshot();
    mixbox_status_t s = mixbox_set_param(null_engine ? NULL : &g_engine, (mixbox_param_t)param, index, value);
    check_status(s, allowed, "mixbox_set_param");
    if (s != MIXBOX_OK) return;
    *model_slot(&g_model, param, index) = value;
    verify_param(param, index);
}

static void do_get(uint32_t param, uint32_t index, int null_engine, int null_value)
{
    uint32_t allowed = precondition_errors(null_engine, null_value);
    if (allowed == 0u) {
        if (param >= MIXBOX_PARAM_COUNT) allowed = ST(MIXBOX_ERR_PARAM);
        else if (!index_valid(&g_model, param, index)) allowed = ST(MIXBOX_ERR_INDEX);
    }
    TRACE("get_param(%s, %u, %u%s)", null_engine ? "NULL" : "engine", param, index, null_value ? ", NULL" : "");
    int32_t value = 0x5A5A5A5A;
    snapshot();
    mixbox_status_t s = mixbox_get_param(null_engine ? NULL : &g_engine, (mixbox_param_t)param, index,
                                         null_value ? NULL : &value);
    check_status(s, allowed, "mixbox_get_param");
    check_unchanged("mixbox_get_param (const)");
    if (s != MIXBOX_OK) {
        CHECK(value == 0x5A5A5A5A, "get_param wrote its out-pointer on error");
        return;
    }
    int32_t want = *model_slot(&g_model, param, index);
    CHECK(value == want, "get_param(%s, %u) = %d, but %d was set (or is the default)", k_params[param].name, index,
          (int)value, (int)want);
}

/* -- input signals -- */

typedef struct {
    uint8_t mode;
    uint32_t a, b;   /* mode parameters */
    double amplitude, omega; /* sine */
    uint32_t rng;    /* xorshift state, nonzero */
    reader_t *data;  /* for samples taken from the input */
} signal_t;

static uint64_t g_frame; /* frames processed in this input: the generators' clock */

static uint32_t xorshift(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *s = x;
    return x;
}

static mixbox_q31_t clamp_q31(double v)
{
    if (v >= 2147483647.0) return INT32_MAX;
    if (v <= -2147483648.0) return INT32_MIN;
    return (mixbox_q31_t)lrint(v);
}

static void signal_read(signal_t *sig, reader_t *r)
{
    sig->mode = (uint8_t)(rd_u8(r) % 9u);
    sig->a = 0u;
    sig->b = 0u;
    sig->data = r;
    switch (sig->mode) {
    case 2: sig->a = rd_u32(r); break;                                        /* DC value */
    case 3: sig->a = rd_u8(r); break;                                         /* extremes pattern */
    case 4: sig->a = rd_u32(r) | 1u; sig->b = rd_u8(r) % 32u; break;          /* noise: seed, shift */
    case 5: sig->a = 1u + rd_u8(r); sig->b = rd_u32(r); break;                /* square: half period, amplitude */
    case 6: sig->a = rd_u16(r); sig->b = rd_u8(r); break;                     /* sine: Hz, -dBFS */
    default: break;
    }
    sig->rng = sig->mode == 4 ? sig->a : 0x9E3779B9u;
    sig->amplitude = 2147483648.0 * pow(10.0, -(double)sig->b / 20.0);
    sig->omega = 2.0 * 3.14159265358979323846 * (double)sig->a /
                 (double)(g_model.sample_rate != 0u ? g_model.sample_rate : 48000u);
}

static mixbox_q31_t signal_sample(signal_t *sig, uint64_t frame, uint32_t ch)
{
    switch (sig->mode) {
    case 1: return (mixbox_q31_t)rd_u32(sig->data);                                 /* raw 32-bit */
    case 2: return (mixbox_q31_t)(sig->a + ch);                                     /* DC, per channel */
    case 3: {                                                                /* INT32_MIN / INT32_MAX / 24-bit full scale */
        uint32_t pick = (sig->a >> ((frame + ch) % 4u * 2u)) & 3u;
        return pick == 0u ? INT32_MIN : pick == 1u ? INT32_MAX : pick == 2u ? (mixbox_q31_t)0x7FFFFF00 : (mixbox_q31_t)-0x7FFFFF00;
    }
    case 4: return (mixbox_q31_t)xorshift(&sig->rng) / (mixbox_q31_t)(1 << (sig->b < 31u ? sig->b : 30u)); /* noise */
    case 5: {                                                                /* square */
        mixbox_q31_t amp = (mixbox_q31_t)(sig->b & 0x7FFFFFFFu);
        return ((frame / sig->a) & 1u) ? amp : (mixbox_q31_t)(-amp - 1);
    }
    case 6: return clamp_q31(sig->amplitude * sin(sig->omega * (double)frame + 0.5 * ch)); /* sine */
    case 7: {                                                                /* 24-bit left-justified */
        uint32_t v = (uint32_t)rd_u8(sig->data) << 8;
        v |= (uint32_t)rd_u8(sig->data) << 16;
        v |= (uint32_t)rd_u8(sig->data) << 24;
        return (mixbox_q31_t)v;
    }
    case 8: return (mixbox_q31_t)(xorshift(&sig->rng) & 0xFFFFFF00u);               /* full-scale 24-bit noise */
    default: return 0;                                                       /* silence */
    }
}

/* -- process -- */

static uint32_t g_frames_left; /* budget for this input */

/* Buffer variants (flags): bit0 input NULL, bit1 output NULL, bit2 input one
 * sample short, bit3 output one sample short, bit4 input 5 samples longer,
 * bit5 output 5 samples longer, bit6 engine NULL. */
static void do_process(uint32_t frames, uint32_t flags, signal_t *sig)
{
    int null_engine = (flags & 64u) != 0u, null_in = (flags & 1u) != 0u, null_out = (flags & 2u) != 0u;
    uint32_t channels = g_model.initialised ? g_model.channels : 1u;
    size_t in_need = (size_t)frames * channels, out_need = (size_t)frames * 2u;
    size_t in_cap = in_need, out_cap = out_need;
    if ((flags & 4u) && in_cap > 0u) in_cap--;
    if ((flags & 8u) && out_cap > 0u) out_cap--;
    if (flags & 16u) in_cap += 5u;
    if (flags & 32u) out_cap += 5u;

    uint32_t allowed = precondition_errors(null_engine, null_in || null_out);
    if (allowed == 0u) {
        if (frames == 0u || frames > MIXBOX_MAX_BLOCK_FRAMES) allowed |= ST(MIXBOX_ERR_BLOCK_SIZE);
        if (in_cap < in_need || out_cap < out_need) allowed |= ST(MIXBOX_ERR_BUFFER_TOO_SHORT);
    }

    /* Exact-size allocations: ASan catches any access past the capacity
     * (the output's guard canaries catch writes within our slack). */
    mixbox_q31_t *in = (mixbox_q31_t *)malloc((in_cap ? in_cap : 1u) * sizeof *in);
    mixbox_q31_t *in_copy = (mixbox_q31_t *)malloc((in_cap ? in_cap : 1u) * sizeof *in);
    mixbox_q31_t *out = (mixbox_q31_t *)malloc((out_cap + OUTPUT_GUARD) * sizeof *out);
    if (in == NULL || in_copy == NULL || out == NULL) abort();
    for (size_t i = 0; i < in_cap; i++) in[i] = signal_sample(sig, g_frame + i / channels, (uint32_t)(i % channels));
    memcpy(in_copy, in, in_cap * sizeof *in);
    for (size_t i = 0; i < out_cap + OUTPUT_GUARD; i++) out[i] = OUTPUT_CANARY;

    int safety = model_get(&g_model, MIXBOX_PARAM_OUTPUT_SAFETY) == 1;
    int dither = model_get(&g_model, MIXBOX_PARAM_OUTPUT_DITHER) == 1;
    int sixteen = model_get(&g_model, MIXBOX_PARAM_OUTPUT_WORD_BITS) == 16;
    int32_t ceiling_cdb = model_get(&g_model, MIXBOX_PARAM_OUTPUT_CEILING_CDB);

    TRACE("process(%s, in %s cap %zu, out %s cap %zu, %u frames, signal %u a=%u b=%u)%s%s",
          null_engine ? "NULL" : "engine", null_in ? "NULL" : "buf", in_cap, null_out ? "NULL" : "buf", out_cap,
          frames, sig->mode, sig->a, sig->b, safety ? " safety" : "", dither ? " dither" : "");
    snapshot();
    mixbox_status_t s = mixbox_process(null_engine ? NULL : &g_engine, null_in ? NULL : in, in_cap,
                                       null_out ? NULL : out, out_cap, frames);
    check_status(s, allowed, "mixbox_process");
    CHECK(memcmp(in, in_copy, in_cap * sizeof *in) == 0, "mixbox_process wrote its input buffer");
    size_t written = s == MIXBOX_OK ? out_need : 0u;
    for (size_t i = written; i < out_cap + OUTPUT_GUARD; i++) {
        CHECK(out[i] == OUTPUT_CANARY, "mixbox_process (%s, %u frames, output capacity %zu) wrote output sample %zu",
              status_name(s), frames, out_cap, i);
    }

    if (s == MIXBOX_OK) {
        meters_add_block(in, out, channels, frames);
        g_model.processed_since_init = 1;
        g_model.comp_out_at_last_process = compressor_out(&g_model);
        adopt_meter_offsets();
        g_frame += frames;
        if (safety) {
            int64_t bound = (int64_t)ceil(2147483648.0 * pow(10.0, ceiling_cdb / 2000.0)) + FUZZ_CEILING_TOLERANCE;
            for (size_t i = 0; i < out_need; i++) {
                int64_t mag = out[i] < 0 ? -(int64_t)out[i] : (int64_t)out[i];
                CHECK(mag <= bound,
                      "safety clip on, ceiling %d cdB: output sample %zu (frame %zu %s) = %d, |x| = %lld > bound %lld",
                      (int)ceiling_cdb, i, i / 2u, i % 2u ? "R" : "L", (int)out[i], (long long)mag, (long long)bound);
            }
        }
        if (dither || sixteen) {
            uint32_t off_grid = sixteen ? 0xFFFFu : 0xFFu;
            for (size_t i = 0; i < out_need; i++) {
                CHECK(((uint32_t)out[i] & off_grid) == 0, "dither %d, %d-bit word: output sample %zu = 0x%08x is off the grid",
                      dither, sixteen ? 16 : 24, i, (unsigned)out[i]);
            }
        }
    }
    free(in);
    free(in_copy);
    free(out);
}

/* -- meters, gain reduction, loudness -- */

static int meter_valid(uint32_t id)
{
    if (id < MIXBOX_MAX_CHANNELS) return id < g_model.channels;
    if (is_input_meter(id)) return id - MIXBOX_METER_INPUT(0) < g_model.channels;
    return id < MIXBOX_METER_COUNT;
}

static void do_meter_read(uint32_t id, int null_engine, int null_reading)
{
    uint32_t allowed = precondition_errors(null_engine, null_reading);
    if (allowed == 0u && !meter_valid(id)) allowed = ST(MIXBOX_ERR_INDEX);
    mixbox_meter_reading_t r, untouched;
    memset(&r, 0xA5, sizeof r);
    memcpy(&untouched, &r, sizeof r);
    TRACE("meter_read(%s, %u%s)", null_engine ? "NULL" : "engine", id, null_reading ? ", NULL" : "");
    snapshot();
    mixbox_status_t s = mixbox_meter_read(null_engine ? NULL : &g_engine, id, null_reading ? NULL : &r);
    check_status(s, allowed, "mixbox_meter_read");
    if (s != MIXBOX_OK) {
        CHECK(memcmp(&r, &untouched, sizeof r) == 0, "meter_read wrote its reading on error");
        return;
    }
    TRACE("  peak %d rms %d hold %d clipped %d", (int)r.peak_cdb, (int)r.rms_cdb, (int)r.hold_cdb, (int)r.clipped);
    check_meter_reading(id, &r);
    check_meter_model(id, &r);
}

static void do_meter_reset_hold(uint32_t id, int null_engine)
{
    uint32_t allowed = precondition_errors(null_engine, 0);
    if (allowed == 0u && !meter_valid(id)) allowed = ST(MIXBOX_ERR_INDEX);
    TRACE("meter_reset_hold(%s, %u)", null_engine ? "NULL" : "engine", id);
    snapshot();
    mixbox_status_t s = mixbox_meter_reset_hold(null_engine ? NULL : &g_engine, id);
    check_status(s, allowed, "mixbox_meter_reset_hold");
    if (s == MIXBOX_OK) {
        /* A channel's post- and pre-fader meters share one hold. */
        uint32_t channel = is_input_meter(id) ? id - MIXBOX_METER_INPUT(0) : id;
        g_meter[id].hold = 0u;
        if (channel < MIXBOX_MAX_CHANNELS) g_meter[channel].hold = g_meter[MIXBOX_METER_INPUT(channel)].hold = 0u;
    }
}

/* One of the C API's int32 readers called with the fuzzed NULLs: 1 with
 * *value read, 0 when it refused (the refusal checked: a status the
 * preconditions allow, the out-pointer untouched). */
typedef mixbox_status_t (*int32_reader_t)(mixbox_engine_t *engine, int32_t *value);

static int read_int32(int32_reader_t reader, const char *name, int null_engine, int null_value, int32_t *value)
{
    uint32_t allowed = precondition_errors(null_engine, null_value);
    *value = 0x5A5A5A5A;
    TRACE("%s(%s%s)", name, null_engine ? "NULL" : "engine", null_value ? ", NULL" : "");
    snapshot();
    mixbox_status_t s = reader(null_engine ? NULL : &g_engine, null_value ? NULL : value);
    check_status(s, allowed, name);
    if (s == MIXBOX_OK) return 1;
    CHECK(*value == 0x5A5A5A5A, "%s wrote its out-pointer on error", name);
    return 0;
}

static void do_gr_read(int null_engine, int null_value)
{
    int32_t gr;
    if (!read_int32(mixbox_gain_reduction_read, "mixbox_gain_reduction_read", null_engine, null_value, &gr)) return;
    TRACE("  gain reduction %d cdB", (int)gr);
    CHECK(gr >= 0, "gain reduction = %d cdB < 0", (int)gr);
    CHECK(gr == 0 || (g_model.processed_since_init && !g_model.comp_out_at_last_process),
          "gain reduction = %d cdB, but %s", (int)gr,
          !g_model.processed_since_init ? "nothing was processed since init"
                                        : "the compressor was out (COMP_BYPASS = 1 or COMP_MIX_PERCENT = 0) at the "
                                          "most recent process call");
}

static void do_distortion_read(uint32_t stage, int null_engine, int null_value)
{
    uint32_t allowed = precondition_errors(null_engine, null_value);
    if (stage >= MIXBOX_DISTORTION_STAGES) allowed |= ST(MIXBOX_ERR_INDEX);
    int32_t reading = 0x5A5A5A5A;
    TRACE("distortion_read(%s, %u%s)", null_engine ? "NULL" : "engine", stage, null_value ? ", NULL" : "");
    snapshot();
    mixbox_status_t s = mixbox_distortion_read(null_engine ? NULL : &g_engine, stage, null_value ? NULL : &reading);
    check_status(s, allowed, "mixbox_distortion_read");
    if (s != MIXBOX_OK) {
        CHECK(reading == 0x5A5A5A5A, "distortion_read wrote its out-pointer on error");
        return;
    }
    TRACE("  distortion %d cdB", (int)reading);
    /* Each stage's output lies between 0 and its input (same sign), so the
     * residual never exceeds the signal: at most 0 dB, plus the meter's rounding. */
    CHECK(reading >= MIXBOX_METER_SILENCE_CDB && reading <= 1, "distortion = %d cdB outside silence..0 dB", (int)reading);
    CHECK(reading == MIXBOX_METER_SILENCE_CDB || g_model.processed_since_init,
          "distortion = %d cdB, but nothing was processed", (int)reading);
}

static void do_latency_read(int null_engine, int null_value)
{
    uint32_t allowed = precondition_errors(null_engine, null_value);
    uint32_t frames = 0x5A5A5A5Au;
    TRACE("latency_frames(%s%s)", null_engine ? "NULL" : "engine", null_value ? ", NULL" : "");
    snapshot();
    mixbox_status_t s = mixbox_latency_frames(null_engine ? NULL : &g_engine, null_value ? NULL : &frames);
    check_status(s, allowed, "mixbox_latency_frames");
    check_unchanged("mixbox_latency_frames (const)");
    if (s != MIXBOX_OK) {
        CHECK(frames == 0x5A5A5A5Au, "latency_frames wrote its out-pointer on error");
        return;
    }
    /* The limiter's 0.5 ms (at least 13 frames) in safety mode 1, else nothing. */
    uint32_t half_ms = g_model.sample_rate / 2000u < 13u ? 13u : g_model.sample_rate / 2000u;
    uint32_t expected = g_model.value[MIXBOX_PARAM_OUTPUT_SAFETY][0] && g_model.value[MIXBOX_PARAM_OUTPUT_LIMITER][0]
                            ? half_ms : 0u;
    CHECK(frames == expected, "latency = %u frames, the parameters give %u", frames, expected);
}

static void do_de_esser_read(int null_engine, int null_value)
{
    int32_t reduction;
    if (!read_int32(mixbox_de_esser_reduction_read, "mixbox_de_esser_reduction_read", null_engine, null_value, &reduction))
        return;
    TRACE("  de-esser reduction %d cdB", (int)reduction);
    /* The reduction never exceeds the largest range (12 dB), nor goes below 0. */
    CHECK(reduction >= 0 && reduction <= 1201, "de-esser reduction = %d cdB outside 0..12 dB", (int)reduction);
    CHECK(reduction == 0 || g_model.processed_since_init, "de-esser reduction = %d cdB, but nothing was processed",
          (int)reduction);
}

/* A true peak holds every output sample (in Q1.15) since its window began
 * (the loudness reset, or the previous read), and no interpolated value
 * exceeds the largest tap sum (16571 / 8192) times the largest sample of its
 * window, which may reach back before it: bounded with every sample since init. */
static void check_true_peak(int32_t tp, uint32_t q15_since_window, const char *window)
{
    if (g_tp_q15_since_init == 0u) {
        CHECK(tp == MIXBOX_METER_SILENCE_CDB, "true peak since %s = %d cdB, but every output sample was 0 in Q1.15",
              window, (int)tp);
        return;
    }
    double high = level_cdb(g_tp_q15_since_init * (16571.0 / 8192.0) / 32768.0);
    CHECK(tp <= high + METER_TOLERANCE_CDB,
          "true peak since %s = %d cdB, above %.2f cdB (largest tap sum x largest output sample since init)", window,
          (int)tp, high);
    if (q15_since_window == 0u) return;
    double low = level_cdb(q15_since_window / 32768.0);
    CHECK(tp >= low - METER_TOLERANCE_CDB, "true peak since %s = %d cdB, below %.2f cdB (its largest output sample)",
          window, (int)tp, low);
}

static void do_loudness_read(int null_engine, int null_reading)
{
    uint32_t allowed = precondition_errors(null_engine, null_reading);
    mixbox_loudness_reading_t r, untouched;
    memset(&r, 0xA5, sizeof r);
    memcpy(&untouched, &r, sizeof r);
    TRACE("loudness_read(%s%s)", null_engine ? "NULL" : "engine", null_reading ? ", NULL" : "");
    snapshot();
    mixbox_status_t s = mixbox_loudness_read(null_engine ? NULL : &g_engine, null_reading ? NULL : &r);
    check_status(s, allowed, "mixbox_loudness_read");
    check_unchanged("mixbox_loudness_read (const)");
    if (s != MIXBOX_OK) {
        CHECK(memcmp(&r, &untouched, sizeof r) == 0, "loudness_read wrote its reading on error");
        return;
    }
    TRACE("  M %d S %d I %d Mmax %d Smax %d LRA %d TP %d stable %d", (int)r.momentary_clu, (int)r.short_term_clu,
          (int)r.integrated_clu, (int)r.momentary_max_clu, (int)r.short_term_max_clu, (int)r.loudness_range_clu,
          (int)r.true_peak_max_cdb, (int)r.range_stable);
    check_loudness_reading(&r);

    check_true_peak(r.true_peak_max_cdb, g_tp_q15_since_reset, "the loudness reset");
}

/* The true peak since the previous read: the max-hold's bounds over the
 * samples since that read. */
static void do_true_peak_read(int null_engine, int null_value)
{
    int32_t tp;
    if (!read_int32(mixbox_true_peak_read, "mixbox_true_peak_read", null_engine, null_value, &tp)) return;
    TRACE("  true peak since the last read %d cdB", (int)tp);
    check_true_peak(tp, g_tp_q15_since_read, "the last read");
    g_tp_q15_since_read = 0u;
}

/* The bus meters: band levels within silence .. +3 dB (the output never
 * exceeds full scale, whose mean square is 0 dB; the slack is the filters'
 * ripple and stored energy), all silent when off; the correlation sums
 * obey Cauchy-Schwarz (|LR| <= sqrt(LL RR)), and the reading they give
 * stays in its ranges, neutral when off. */
static void do_bus_meters_read(int null_engine, int null_value)
{
    uint32_t allowed = precondition_errors(null_engine, null_value);
    mixbox_spectrum_reading_t bands;
    memset(&bands, 0xA5, sizeof bands);
    TRACE("spectrum_read(%s%s)", null_engine ? "NULL" : "engine", null_value ? ", NULL" : "");
    snapshot();
    mixbox_status_t s = mixbox_spectrum_read(null_engine ? NULL : &g_engine, null_value ? NULL : &bands);
    check_status(s, allowed, "mixbox_spectrum_read");
    check_unchanged("mixbox_spectrum_read (const)");
    if (s == MIXBOX_OK) {
        CHECK(bands.on == 0 || bands.on == 1, "spectrum on = %d", (int)bands.on);
        for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) {
            int32_t v = bands.band_cdb[b];
            CHECK(v >= MIXBOX_METER_SILENCE_CDB && v <= 300, "band %u = %d cdB outside silence..+3 dB", b, (int)v);
            CHECK(bands.on || v == MIXBOX_METER_SILENCE_CDB, "band %u = %d cdB with the analyser off", b, (int)v);
        }
    }
    mixbox_correlation_sums_t sums;
    memset(&sums, 0xA5, sizeof sums);
    TRACE("correlation_sums_read(%s%s)", null_engine ? "NULL" : "engine", null_value ? ", NULL" : "");
    snapshot();
    s = mixbox_correlation_sums_read(null_engine ? NULL : &g_engine, null_value ? NULL : &sums);
    check_status(s, allowed, "mixbox_correlation_sums_read");
    check_unchanged("mixbox_correlation_sums_read (const)");
    if (s != MIXBOX_OK) return;
    for (uint32_t k = 0; k < MIXBOX_CORRELATION_SUMS; k += 3u) {
        double ll = (double)sums.sum[k], rr = (double)sums.sum[k + 1u], lr = (double)sums.sum[k + 2u];
        CHECK(ll >= 0.0 && rr >= 0.0, "correlation sums L^2 %.0f, R^2 %.0f: negative", ll, rr);
        CHECK(fabs(lr) <= sqrt(ll) * sqrt(rr) * (1.0 + 1e-9) + 1.0, "correlation sums: |LR| %.0f > sqrt(L^2 R^2)", lr);
    }
    mixbox_correlation_reading_t r;
    s = mixbox_correlation_from_sums(&sums, &r);
    check_status(s, 0u, "mixbox_correlation_from_sums");
    if (s != MIXBOX_OK) return;
    TRACE("  correlation %d, width %d cdB, low %d, on %d", (int)r.correlation_x10000, (int)r.width_cdb,
          (int)r.low_correlation_x10000, (int)r.on);
    CHECK(r.correlation_x10000 >= -10000 && r.correlation_x10000 <= 10000 && r.low_correlation_x10000 >= -10000 &&
              r.low_correlation_x10000 <= 10000,
          "correlation %d / %d outside -1..+1", (int)r.correlation_x10000, (int)r.low_correlation_x10000);
    CHECK(r.width_cdb >= MIXBOX_METER_SILENCE_CDB && r.width_cdb <= -MIXBOX_METER_SILENCE_CDB, "width %d cdB",
          (int)r.width_cdb);
    CHECK(r.on || (r.correlation_x10000 == 0 && r.low_correlation_x10000 == 0 && r.width_cdb == MIXBOX_METER_SILENCE_CDB),
          "correlation meter off, but it reads %d / %d / %d cdB", (int)r.correlation_x10000,
          (int)r.low_correlation_x10000, (int)r.width_cdb);
}

static void do_loudness_reset(int null_engine)
{
    uint32_t allowed = precondition_errors(null_engine, 0);
    TRACE("loudness_reset(%s)", null_engine ? "NULL" : "engine");
    snapshot();
    mixbox_status_t s = mixbox_loudness_reset(null_engine ? NULL : &g_engine);
    check_status(s, allowed, "mixbox_loudness_reset");
    if (s == MIXBOX_OK) g_tp_q15_since_reset = 0u;
}

/* ---- decoding ---- */

static const uint32_t k_rates[] = {
    48000u, 44100u, 96000u, 8000u, 16000u, 32000u, 88200u, 24000u, 11000u, 8100u, 95900u, 22000u, 64000u,
    22050u, 11025u, 48001u, 8001u, 95999u,
    /* refused: */
    7900u, 96100u, 0u, 7999u, 96001u, 192000u, 100u, 0xFFFFFFFFu, 0x80000000u,
};
#define RATE_COUNT (sizeof k_rates / sizeof k_rates[0])

static uint32_t rd_rate(reader_t *r)
{
    uint8_t sel = rd_u8(r);
    return sel < 0xF0u ? k_rates[sel % RATE_COUNT] : rd_u32(r);
}

static uint32_t rd_channels(reader_t *r)
{
    uint8_t sel = rd_u8(r);
    return sel < 0xF0u ? sel % (MIXBOX_MAX_CHANNELS + 2u) : rd_u32(r); /* 0..17: 0, 17 refused */
}

static const uint32_t k_bad_params[] = { MIXBOX_PARAM_COUNT, MIXBOX_PARAM_COUNT + 1u, 77u, 255u, 0x7FFFFFFFu,
                                         0x80000000u, 0xFFFFFFFFu };

static uint32_t rd_param(reader_t *r)
{
    uint8_t sel = rd_u8(r);
    if (sel < 0xE0u) return sel % MIXBOX_PARAM_COUNT;
    if (sel < 0xE0u + sizeof k_bad_params / sizeof k_bad_params[0]) return k_bad_params[sel - 0xE0u];
    return rd_u32(r);
}

static uint32_t rd_index(reader_t *r)
{
    uint8_t sel = rd_u8(r);
    if (sel < 0xF0u) return sel % (MIXBOX_MAX_CHANNELS + 2u);
    return sel == 0xF0u ? 0xFFFFFFFFu : rd_u32(r);
}

static int32_t rd_value(reader_t *r, uint32_t param)
{
    const param_spec_t *s = param < MIXBOX_PARAM_COUNT ? &k_params[param] : &k_params[0];
    uint8_t mode = rd_u8(r) % 8u;
    switch (mode) {
    case 0: return s->lo;
    case 1: return s->hi;
    case 2: return s->def;
    case 3: return s->lo - 1;
    case 4: return s->hi + 1;
    case 5: return s->lo + (int32_t)(rd_u16(r) % (uint32_t)(s->hi - s->lo + 1)); /* may fall in a gap */
    case 6: return (int32_t)rd_u32(r);
    default: /* the gap's edges, or next to the range's ends */
        if (s->gap != 0) return rd_u8(r) & 1u ? s->gap : s->gap - 1;
        return rd_u8(r) & 1u ? s->lo + 1 : s->hi - 1;
    }
}

/* A valid set: param, index and value all in range (compact, to reach deep states). */
static void op_set_valid(reader_t *r)
{
    uint32_t param = rd_u8(r) % MIXBOX_PARAM_COUNT;
    uint32_t n = g_model.initialised ? scope_count(&g_model, param) : 1u;
    uint32_t index = rd_u8(r) % n;
    const param_spec_t *s = &k_params[param];
    int32_t value = s->lo + (int32_t)(rd_u16(r) % (uint32_t)(s->hi - s->lo + 1));
    if (!value_valid(param, value)) value = value_valid(param, 0) ? 0 : s->def;
    do_set(param, index, value, 0);
}

static uint32_t rd_frames(reader_t *r)
{
    uint8_t sel = rd_u8(r);
    if (sel != 0u) return sel;
    uint8_t ext = rd_u8(r) % 46u;
    return ext == 0u ? 0u : 255u + ext; /* 0, or 256..300 */
}

static uint32_t rd_meter_id(reader_t *r)
{
    uint8_t sel = rd_u8(r);
    if (sel < 0xF0u) return sel % (MIXBOX_METER_COUNT + 2u); /* 0..39: 38, 39 refused */
    return sel == 0xF0u ? 0xFFFFFFFFu : rd_u32(r);
}

static void op_null_call(reader_t *r)
{
    uint8_t which = rd_u8(r);
    int null_engine = (which & 0x80u) != 0u; /* else a NULL out-pointer */
    uint32_t param = 0u, index = 0u;
    if (which % 8u == 1u || which % 8u == 2u) {
        param = rd_param(r);
        index = rd_index(r);
    }
    switch (which % 8u) {
    case 0: do_init(48000u, 8u, 1); break;
    case 1: do_get(param, index, null_engine, !null_engine); break;
    case 2: do_set(param, index, 0, 1); break;
    case 3: do_meter_read(rd_meter_id(r), null_engine, !null_engine); break;
    case 4: do_meter_reset_hold(rd_meter_id(r), 1); break;
    case 5:
        do_gr_read(null_engine, !null_engine);
        do_de_esser_read(null_engine, !null_engine);
        do_distortion_read(0u, null_engine, !null_engine);
        do_latency_read(null_engine, !null_engine);
        break;
    case 6:
        do_loudness_read(null_engine, !null_engine);
        do_true_peak_read(null_engine, !null_engine);
        do_bus_meters_read(null_engine, !null_engine);
        break;
    default: do_loudness_reset(1); break;
    }
}

static void op_uninit(uint8_t filler)
{
    TRACE("engine memory filled with 0x%02x (not initialised)", filler);
    memset(&g_engine, filler, sizeof g_engine);
    g_model.initialised = 0;
    g_model.channels = 0u;
    g_model.processed_since_init = 0;
}

static void run_op(reader_t *r)
{
    uint8_t op = rd_u8(r) % 16u;
    switch (op) {
    case 0: {
        g_op_name = "init";
        uint32_t rate = rd_rate(r);
        do_init(rate, rd_channels(r), 0);
        break;
    }
    case 1: {
        g_op_name = "set_param";
        uint32_t param = rd_param(r), index = rd_index(r);
        do_set(param, index, rd_value(r, param), 0);
        break;
    }
    case 2:
    case 14:
        g_op_name = "set_param (valid)";
        op_set_valid(r);
        break;
    case 3: {
        g_op_name = "get_param";
        uint32_t param = rd_param(r);
        do_get(param, rd_index(r), 0, 0);
        break;
    }
    case 4:
    case 15: {
        g_op_name = "process";
        uint32_t frames = rd_frames(r), flags = rd_u8(r);
        signal_t sig;
        signal_read(&sig, r);
        if (frames > g_frames_left) break; /* this input's budget is spent */
        do_process(frames, flags, &sig);
        g_frames_left -= frames;
        break;
    }
    case 5: {
        /* Many full blocks of one signal: 1..16 (0.5 s at 8 kHz; a few
         * reach the 3 s windows, gating and range), or with FUZZ_LONG_RUNS
         * and length 0xFF 1900 (60.8 s at 8 kHz, past range_stable). */
        g_op_name = "process (long run)";
        uint8_t length = rd_u8(r);
        uint32_t blocks = FUZZ_LONG_RUNS && length == 0xFFu ? LONG_RUN_MAX_BLOCKS : 1u + length % 16u;
        signal_t sig;
        signal_read(&sig, r);
        if (sig.mode == 1u || sig.mode == 7u) sig.mode = 8u; /* don't drain the input */
        for (uint32_t b = 0; b < blocks && g_frames_left >= MIXBOX_MAX_BLOCK_FRAMES; b++) {
            do_process(MIXBOX_MAX_BLOCK_FRAMES, 0u, &sig);
            g_frames_left -= MIXBOX_MAX_BLOCK_FRAMES;
        }
        break;
    }
    case 6:
        g_op_name = "meter_read";
        do_meter_read(rd_meter_id(r), 0, 0);
        break;
    case 7:
        g_op_name = "meter_read (all)";
        for (uint32_t id = 0; id < MIXBOX_METER_COUNT + 1u; id++) do_meter_read(id, 0, 0);
        break;
    case 8:
        g_op_name = "meter_reset_hold";
        do_meter_reset_hold(rd_meter_id(r), 0);
        break;
    case 9:
        g_op_name = "gain_reduction_read";
        do_gr_read(0, 0);
        g_op_name = "de_esser_reduction_read";
        do_de_esser_read(0, 0);
        g_op_name = "distortion_read";
        do_distortion_read(rd_u8(r) % (MIXBOX_DISTORTION_STAGES + 1u), 0, 0);
        g_op_name = "latency_frames";
        do_latency_read(0, 0);
        break;
    case 10:
        g_op_name = "loudness_read";
        do_loudness_read(0, 0);
        g_op_name = "true_peak_read";
        do_true_peak_read(0, 0);
        g_op_name = "bus_meters_read";
        do_bus_meters_read(0, 0);
        break;
    case 11:
        g_op_name = "loudness_reset";
        do_loudness_reset(0);
        break;
    case 12:
        g_op_name = "NULL pointer call";
        op_null_call(r);
        break;
    default:
        g_op_name = "uninitialise";
        op_uninit(rd_u8(r));
        break;
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *trace = getenv("MIXBOX_FUZZ_TRACE");
    g_trace = trace != NULL && trace[0] != '\0' && trace[0] != '0';
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    reader_t r = { data, size };
    CHECK(mixbox_engine_size() == (uint32_t)sizeof(mixbox_engine_t), "mixbox_engine_size() != sizeof");
    CHECK(mixbox_abi_version() == MIXBOX_ABI_VERSION, "mixbox_abi_version() != MIXBOX_ABI_VERSION");

    memset(&g_model, 0, sizeof g_model);
    model_defaults(&g_model); /* what the checks read while uninitialised */
    g_frame = 0u;
    g_frames_left = MAX_FRAMES_PER_INPUT;
    g_op = 0u;
    g_op_name = "start";
    op_uninit(rd_u8(&r));
    for (g_op = 1u; g_op <= MAX_OPS && r.left > 0u; g_op++) run_op(&r);
    return 0;
}
