/*
 * Two-thread stress of the engine's parameter hand-off, through the public API
 * only: one thread (the control core) publishes parameter sets as fast as it
 * can, the other (the audio core) processes 32-frame blocks and checks every
 * output sample against what some complete parameter set gives.
 *
 * Phase 1 (exact): the compressor is out, the drive and the safety clip are in,
 * so the chain is memoryless: for a given input sample and a given adopted
 * set, the output is one exact value. The control thread steps drive
 * 1 <-> 3 dB, side-chain HPF off <-> 150 Hz and ceiling -0.3 <-> -6 dB one
 * set_param at a time, so every drive x ceiling combination is a legitimate state; any
 * output sample that none of the four gives comes from a torn set (drive gain
 * and limits, or ceiling and knee, from different publishes).
 * Phase 2 (sign): the compressor is in (parallel mix, HPF and threshold
 * toggling); every stage is odd and sign-preserving with a positive gain, so
 * each output sample has the sign of its input (or is zero), and the gain
 * reduction stays in 0 .. the largest the settings allow.
 * Phase 3 (mid): the mix-bus toolkit's stereo tools only (width 0 <-> 200 %,
 * mono-below off <-> 200 Hz, the rest of the chain out): whatever set is
 * adopted, mid/side processing leaves L + R exactly as it came in.
 * Phase 4 (bounds): every toolkit stage toggling (EQ bands and position,
 * de-esser and listen, width, mono-below) with the compressor in and the
 * safety clip at -0.3 dBFS: every output sample stays within the ceiling and
 * the de-esser and compressor readings within their ranges.
 * Meanwhile the audio thread reads meters and the gain reduction, as the
 * device's mailbox does, and the control thread moves channel 2 (silent).
 *
 * Prints iterations and inconsistencies; exit status 0 when there are none.
 * Built plain, and with -fsanitize=thread (a ThreadSanitizer report fails it).
 */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mixbox_engine.h"

#define RATE 48000u
#define CHANNELS 3u
#define FRAMES 32u
#define PATTERN 16u /* input values per channel, cycled */
#define PHASE_SECONDS 2.0
/* A phase also runs on (up to PHASE_DEADLINE_SECONDS) until the control side has
 * made this many rounds: a loaded machine or a slow sanitizer build still gets
 * enough publishes to prove something, instead of a time-dependent failure. */
#define MIN_CONTROL_ROUNDS 400u
#define PHASE_DEADLINE_SECONDS 60.0

static mixbox_engine_t engine;
static int stop_control;
static uint32_t publishes;
static uint32_t control_rounds; /* rounds of the running phase's control loop */

/* Channel 0 (hard left) cycles through PATTERN values, channel 1 (hard right)
 * through their negatives in another order; channel 2 is silent. */
static mixbox_q31_t pattern_value(uint32_t i)
{
    static const int32_t values[PATTERN] = {
        0x7FFFFF00, -0x7FFFFF00, 0x40000000, -0x40000000, 0x10000000, -0x10000000, 0x02000000, -0x02000000,
        0x6A000000, -0x5A000000, 0x30000000, -0x28000000, 0x00400000, -0x00400000, 0x7A000000, -0x78000000,
    };
    return values[i % PATTERN];
}

static void fill_block(mixbox_q31_t *input, uint32_t first_frame)
{
    for (uint32_t f = 0; f < FRAMES; f++) {
        uint32_t n = first_frame + f;
        input[f * CHANNELS + 0] = pattern_value(n);
        input[f * CHANNELS + 1] = pattern_value(n * 7u + 3u) == INT32_MIN ? INT32_MAX : -pattern_value(n * 7u + 3u);
        input[f * CHANNELS + 2] = 0;
    }
}

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int set(mixbox_engine_t *e, mixbox_param_t param, uint32_t index, int32_t value)
{
    return mixbox_set_param(e, param, index, value) == MIXBOX_OK;
}

static int init_scene(mixbox_engine_t *e)
{
    if (mixbox_init(e, RATE, CHANNELS) != MIXBOX_OK) return 0;
    return set(e, MIXBOX_PARAM_CHANNEL_PAN, 0u, -100) && set(e, MIXBOX_PARAM_CHANNEL_PAN, 1u, 100) &&
           set(e, MIXBOX_PARAM_OUTPUT_SAFETY, 0u, 1);
}

/* ---- phase 1: exact values ---- */

/* With 1 and 3 dB of drive the curve's top (2^31 / 1.5 gain) lies above the
 * -6 dB ceiling's knee, so every drive x ceiling state gives other values. */
static const int32_t drive_cdb[2] = { 100, 300 };
static const int32_t ceiling_cdb[2] = { -30, -600 };
static const int32_t hpf_hz[2] = { 0, 150 };
/* expected[state][side][pattern index]: state = drive index + 2 x ceiling index. */
static mixbox_q31_t expected[4][2][PATTERN];

static int compute_expected(void)
{
    static mixbox_engine_t single;
    for (uint32_t state = 0; state < 4u; state++) {
        if (!init_scene(&single) || !set(&single, MIXBOX_PARAM_DRIVE_CDB, 0u, drive_cdb[state & 1u]) ||
            !set(&single, MIXBOX_PARAM_OUTPUT_CEILING_CDB, 0u, ceiling_cdb[state >> 1])) {
            return 0;
        }
        mixbox_q31_t input[FRAMES * CHANNELS], output[FRAMES * 2u];
        /* PATTERN divides FRAMES: frame f of a block at frame 0 is pattern index f mod PATTERN for the left side. */
        fill_block(input, 0u);
        if (mixbox_process(&single, input, FRAMES * CHANNELS, output, FRAMES * 2u, FRAMES) != MIXBOX_OK) return 0;
        for (uint32_t f = 0; f < PATTERN; f++) {
            expected[state][0][f] = output[2u * f];
        }
        for (uint32_t f = 0; f < FRAMES; f++) {
            expected[state][1][(f * 7u + 3u) % PATTERN] = output[2u * f + 1u];
        }
    }
    /* The four states must be told apart, or the check would prove nothing. */
    for (uint32_t a = 0; a < 4u; a++) {
        for (uint32_t b = a + 1u; b < 4u; b++) {
            if (memcmp(expected[a], expected[b], sizeof expected[a]) == 0) return 0;
        }
    }
    return 1;
}

static int matches_a_state(uint32_t side, uint32_t index, mixbox_q31_t value)
{
    for (uint32_t state = 0; state < 4u; state++) {
        if (expected[state][side][index] == value) return 1;
    }
    return 0;
}

static void *control_exact(void *unused)
{
    (void)unused;
    uint32_t i = 0;
    while (!__atomic_load_n(&stop_control, __ATOMIC_ACQUIRE)) {
        uint32_t on = (i >> 1) & 1u;
        switch (i % 2u) {
        case 0:
            set(&engine, MIXBOX_PARAM_DRIVE_CDB, 0u, drive_cdb[on]);
            set(&engine, MIXBOX_PARAM_COMP_SIDECHAIN_HPF_HZ, 0u, hpf_hz[on]);
            set(&engine, MIXBOX_PARAM_CHANNEL_FADER_CDB, 2u, on ? -600 : 300);
            break;
        default:
            set(&engine, MIXBOX_PARAM_OUTPUT_CEILING_CDB, 0u, ceiling_cdb[on]);
            set(&engine, MIXBOX_PARAM_CHANNEL_PAN, 2u, on ? -40 : 70);
            set(&engine, MIXBOX_PARAM_CHANNEL_SUB_BUS, 2u, on ? 0 : -1);
            break;
        }
        i++;
        __atomic_store_n(&control_rounds, i, __ATOMIC_RELEASE);
    }
    __atomic_store_n(&publishes, i * 3u, __ATOMIC_RELEASE);
    return NULL;
}

/* Reads meters and the gain reduction between blocks, as the mailbox does on the device. */
static int read_meters(void)
{
    mixbox_meter_reading_t reading;
    int bad = 0;
    for (uint32_t m = 0; m < MIXBOX_METER_COUNT; m++) {
        mixbox_status_t s = mixbox_meter_read(&engine, m, &reading);
        if (s == MIXBOX_OK && reading.peak_cdb < MIXBOX_METER_SILENCE_CDB) bad++;
    }
    int32_t gr = 0;
    if (mixbox_gain_reduction_read(&engine, &gr) != MIXBOX_OK || gr < 0) bad++;
    return bad;
}

static unsigned long long run_phase(void *(*control)(void *), int (*check_block)(const mixbox_q31_t *, const mixbox_q31_t *, uint32_t),
                                    unsigned long long *blocks_out)
{
    pthread_t thread;
    mixbox_q31_t input[FRAMES * CHANNELS], output[FRAMES * 2u];
    unsigned long long bad = 0, blocks = 0;
    __atomic_store_n(&stop_control, 0, __ATOMIC_RELEASE);
    __atomic_store_n(&control_rounds, 0u, __ATOMIC_RELEASE);
    if (pthread_create(&thread, NULL, control, NULL) != 0) return 1;
    double start = now_seconds();
    for (uint32_t frame = 0;; frame += FRAMES, blocks++) {
        if ((blocks & 255u) == 0u) {
            double elapsed = now_seconds() - start;
            int enough = __atomic_load_n(&control_rounds, __ATOMIC_ACQUIRE) >= MIN_CONTROL_ROUNDS;
            if (elapsed >= PHASE_DEADLINE_SECONDS || (elapsed >= PHASE_SECONDS && enough)) break;
        }
        fill_block(input, frame);
        if (mixbox_process(&engine, input, FRAMES * CHANNELS, output, FRAMES * 2u, FRAMES) != MIXBOX_OK) bad++;
        bad += (unsigned long long)check_block(input, output, frame);
        if ((blocks & 7u) == 0u) bad += (unsigned long long)read_meters();
    }
    __atomic_store_n(&stop_control, 1, __ATOMIC_RELEASE);
    pthread_join(thread, NULL);
    *blocks_out = blocks;
    return bad;
}

static int check_exact(const mixbox_q31_t *input, const mixbox_q31_t *output, uint32_t first_frame)
{
    (void)input;
    int bad = 0;
    for (uint32_t f = 0; f < FRAMES; f++) {
        uint32_t n = first_frame + f;
        if (!matches_a_state(0u, n % PATTERN, output[2u * f])) bad++;
        if (!matches_a_state(1u, (n * 7u + 3u) % PATTERN, output[2u * f + 1u])) bad++;
    }
    return bad;
}

/* ---- phase 2: the compressor in, signs ---- */

static void *control_compressor(void *unused)
{
    (void)unused;
    uint32_t i = 0;
    while (!__atomic_load_n(&stop_control, __ATOMIC_ACQUIRE)) {
        uint32_t on = i & 1u;
        set(&engine, MIXBOX_PARAM_COMP_SIDECHAIN_HPF_HZ, 0u, on ? 150 : 0);
        set(&engine, MIXBOX_PARAM_COMP_THRESHOLD_CDB, 0u, on ? -3000 : -600);
        set(&engine, MIXBOX_PARAM_COMP_KNEE_CDB, 0u, on ? 1200 : 0);
        set(&engine, MIXBOX_PARAM_COMP_RATIO_X100, 0u, on ? 2000 : 150);
        set(&engine, MIXBOX_PARAM_COMP_MIX_PERCENT, 0u, on ? 50 : 100);
        set(&engine, MIXBOX_PARAM_DRIVE_CDB, 0u, drive_cdb[on]);
        set(&engine, MIXBOX_PARAM_OUTPUT_CEILING_CDB, 0u, ceiling_cdb[on]);
        i++;
        __atomic_store_n(&control_rounds, i, __ATOMIC_RELEASE);
    }
    __atomic_store_n(&publishes, i * 7u, __ATOMIC_RELEASE);
    return NULL;
}

static int same_sign(mixbox_q31_t in, mixbox_q31_t out)
{
    return out == 0 || (in > 0) == (out > 0);
}

static int check_signs(const mixbox_q31_t *input, const mixbox_q31_t *output, uint32_t first_frame)
{
    (void)first_frame;
    int bad = 0;
    for (uint32_t f = 0; f < FRAMES; f++) {
        if (!same_sign(input[f * CHANNELS + 0], output[2u * f])) bad++;
        if (!same_sign(input[f * CHANNELS + 1], output[2u * f + 1u])) bad++;
    }
    /* 20:1 over a -30 dB threshold can't reduce a signal limited to +24 dBFS by more than 54 dB. */
    int32_t gr = 0;
    if (mixbox_gain_reduction_read(&engine, &gr) != MIXBOX_OK || gr < 0 || gr > 5400) bad++;
    return bad;
}

/* ---- phase 3: stereo tools, the mid exact ---- */

static void *control_stereo(void *unused)
{
    (void)unused;
    uint32_t i = 0;
    while (!__atomic_load_n(&stop_control, __ATOMIC_ACQUIRE)) {
        uint32_t on = i & 1u;
        set(&engine, MIXBOX_PARAM_STEREO_WIDTH_PERCENT, 0u, on ? 200 : 0);
        set(&engine, MIXBOX_PARAM_STEREO_MONO_BELOW_HZ, 0u, on ? 200 : 0);
        set(&engine, MIXBOX_PARAM_CHANNEL_FADER_CDB, 2u, on ? -600 : 300);
        i++;
        __atomic_store_n(&control_rounds, i, __ATOMIC_RELEASE);
    }
    __atomic_store_n(&publishes, i * 3u, __ATOMIC_RELEASE);
    return NULL;
}

static int check_mid(const mixbox_q31_t *input, const mixbox_q31_t *output, uint32_t first_frame)
{
    (void)first_frame;
    int bad = 0;
    for (uint32_t f = 0; f < FRAMES; f++) {
        int64_t out_l = output[2u * f], out_r = output[2u * f + 1u];
        /* A sample the output saturated has lost the identity; the rest keep it. */
        if (out_l == INT32_MAX || out_l == INT32_MIN || out_r == INT32_MAX || out_r == INT32_MIN) continue;
        int64_t in_sum = (int64_t)input[f * CHANNELS + 0] + input[f * CHANNELS + 1];
        if (out_l + out_r != in_sum) bad++;
    }
    return bad;
}

/* ---- phase 4: every toolkit stage, bounds ---- */

static void *control_toolkit(void *unused)
{
    (void)unused;
    uint32_t i = 0;
    while (!__atomic_load_n(&stop_control, __ATOMIC_ACQUIRE)) {
        uint32_t on = i & 1u;
        set(&engine, MIXBOX_PARAM_EQ_HPF_HZ, 0u, on ? 150 : 0);
        set(&engine, MIXBOX_PARAM_EQ_LOW_SHELF_CDB, 0u, on ? 1200 : -600);
        set(&engine, MIXBOX_PARAM_EQ_BELL1_CDB, 0u, on ? 1200 : 0);
        set(&engine, MIXBOX_PARAM_EQ_BELL1_HZ, 0u, on ? 8000 : 60);
        set(&engine, MIXBOX_PARAM_EQ_HIGH_SHELF_CDB, 0u, on ? -1200 : 1200);
        set(&engine, MIXBOX_PARAM_EQ_LOWPASS_HZ, 0u, on ? 10000 : 0);
        set(&engine, MIXBOX_PARAM_EQ_AFTER_COMP, 0u, (i >> 1) & 1u);
        set(&engine, MIXBOX_PARAM_DEESS_ON, 0u, on);
        set(&engine, MIXBOX_PARAM_DEESS_LISTEN, 0u, (i >> 2) & 1u);
        set(&engine, MIXBOX_PARAM_DEESS_HZ, 0u, on ? 2000 : 12000);
        set(&engine, MIXBOX_PARAM_STEREO_WIDTH_PERCENT, 0u, on ? 200 : 50);
        set(&engine, MIXBOX_PARAM_STEREO_MONO_BELOW_HZ, 0u, on ? 60 : 0);
        i++;
        __atomic_store_n(&control_rounds, i, __ATOMIC_RELEASE);
    }
    __atomic_store_n(&publishes, i * 12u, __ATOMIC_RELEASE);
    return NULL;
}

static int check_bounds(const mixbox_q31_t *input, const mixbox_q31_t *output, uint32_t first_frame)
{
    (void)input;
    (void)first_frame;
    int bad = 0;
    /* The safety clip's ceiling, -0.3 dBFS, rounded up. */
    const int32_t ceiling = 2074619000;
    for (uint32_t f = 0; f < 2u * FRAMES; f++) {
        if (output[f] > ceiling || output[f] < -ceiling) bad++;
    }
    int32_t reading = 0;
    if (mixbox_de_esser_reduction_read(&engine, &reading) != MIXBOX_OK || reading < 0 || reading > 1200) bad++;
    if (mixbox_gain_reduction_read(&engine, &reading) != MIXBOX_OK || reading < 0 || reading > 5400) bad++;
    return bad;
}

/* ---- phase 5: the true-peak limiter in and out, its meters and latency ---- */

static uint32_t latency_seen_bad;

static void *control_limiter(void *unused)
{
    (void)unused;
    uint32_t i = 0;
    while (!__atomic_load_n(&stop_control, __ATOMIC_ACQUIRE)) {
        uint32_t on = i & 1u, frames = 0;
        set(&engine, MIXBOX_PARAM_OUTPUT_LIMITER, 0u, (int32_t)((i >> 1) & 1u));
        set(&engine, MIXBOX_PARAM_OUTPUT_CEILING_CDB, 0u, on ? -100 : -600);
        set(&engine, MIXBOX_PARAM_DRIVE_CDB, 0u, on ? 1800 : 0);
        /* Control side: the latency of what was just set, 24 frames at 48 kHz in limiter mode. */
        if (mixbox_latency_frames(&engine, &frames) != MIXBOX_OK || frames != (((i >> 1) & 1u) ? 24u : 0u)) {
            latency_seen_bad++;
        }
        i++;
        __atomic_store_n(&control_rounds, i, __ATOMIC_RELEASE);
    }
    __atomic_store_n(&publishes, i * 3u, __ATOMIC_RELEASE);
    return NULL;
}

static int check_limited(const mixbox_q31_t *input, const mixbox_q31_t *output, uint32_t first_frame)
{
    (void)input;
    (void)first_frame;
    int bad = 0;
    /* Soft clip or limiter, at -6 or -1 dB: never past -1 dBFS (rounded up). Samples
     * already in the limiter's delay when the ceiling drops were judged by -1 dB. */
    const int32_t ceiling = 1913946815;
    for (uint32_t f = 0; f < 2u * FRAMES; f++) {
        if (output[f] > ceiling || output[f] < -ceiling) bad++;
    }
    /* A residual is never larger than the signal it is taken from (each curve stays
     * between 0 and its input here), and silence is the only other reading. */
    for (uint32_t stage = 0; stage < MIXBOX_DISTORTION_STAGES; stage++) {
        int32_t reading = 0;
        if (mixbox_distortion_read(&engine, stage, &reading) != MIXBOX_OK || reading > 100 ||
            (reading < -15000 && reading != MIXBOX_METER_SILENCE_CDB)) {
            bad++;
        }
    }
    return bad;
}

int main(void)
{
    unsigned long long blocks = 0, bad;
    int failed = 0;
    if (!compute_expected()) {
        fprintf(stderr, "handoff stress: set-up failed (the four states are not distinct)\n");
        return 1;
    }

    if (!init_scene(&engine) || !set(&engine, MIXBOX_PARAM_DRIVE_CDB, 0u, drive_cdb[0])) return 1;
    bad = run_phase(control_exact, check_exact, &blocks);
    printf("handoff stress, exact phase: %llu blocks, %u publishes, %llu inconsistent samples or readings\n",
           blocks, __atomic_load_n(&publishes, __ATOMIC_ACQUIRE), bad);
    failed |= bad != 0u;

    if (!init_scene(&engine) || !set(&engine, MIXBOX_PARAM_COMP_BYPASS, 0u, 0) ||
        !set(&engine, MIXBOX_PARAM_DRIVE_CDB, 0u, drive_cdb[0])) {
        return 1;
    }
    bad = run_phase(control_compressor, check_signs, &blocks);
    printf("handoff stress, compressor phase: %llu blocks, %u publishes, %llu inconsistent samples or readings\n",
           blocks, __atomic_load_n(&publishes, __ATOMIC_ACQUIRE), bad);
    failed |= bad != 0u;

    if (!init_scene(&engine) || !set(&engine, MIXBOX_PARAM_OUTPUT_SAFETY, 0u, 0)) return 1;
    bad = run_phase(control_stereo, check_mid, &blocks);
    printf("handoff stress, stereo tools phase: %llu blocks, %u publishes, %llu inconsistent samples or readings\n",
           blocks, __atomic_load_n(&publishes, __ATOMIC_ACQUIRE), bad);
    failed |= bad != 0u;

    if (!init_scene(&engine) || !set(&engine, MIXBOX_PARAM_COMP_BYPASS, 0u, 0) ||
        !set(&engine, MIXBOX_PARAM_DEESS_THRESHOLD_CDB, 0u, -5000) || !set(&engine, MIXBOX_PARAM_DEESS_RANGE_CDB, 0u, 1200)) {
        return 1;
    }
    bad = run_phase(control_toolkit, check_bounds, &blocks);
    printf("handoff stress, toolkit phase: %llu blocks, %u publishes, %llu inconsistent samples or readings\n",
           blocks, __atomic_load_n(&publishes, __ATOMIC_ACQUIRE), bad);
    failed |= bad != 0u;

    /* The ceiling the check assumes holds from the first block: the power-on
     * -0.3 dB would pass until the control side's first publish lands (a race). */
    if (!init_scene(&engine) || !set(&engine, MIXBOX_PARAM_OUTPUT_CEILING_CDB, 0u, -100)) return 1;
    bad = run_phase(control_limiter, check_limited, &blocks);
    printf("handoff stress, limiter phase: %llu blocks, %u publishes, %llu inconsistent samples or readings, "
           "%u wrong latencies\n", blocks, __atomic_load_n(&publishes, __ATOMIC_ACQUIRE), bad, latency_seen_bad);
    failed |= bad != 0u || latency_seen_bad != 0u;
    return failed ? 1 : 0;
}
