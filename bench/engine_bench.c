/*
 * Benchmark driver for the MixBox engine (not a test): runs one engine
 * configuration over a number of blocks of deterministic 24-bit noise, so an
 * instruction counter (callgrind on the host, qemu on rv32) can measure it.
 * Per-frame figures come from two runs that differ only in the number of
 * blocks: the difference cancels start-up, init and exit.
 *
 *   engine_bench STAGE BLOCK_FRAMES BLOCKS [digest]
 *
 * With `digest` (host only, bench/digest): fresh noise every block, and after
 * each block every output sample and every reading the API gives folded into
 * one FNV-1a hash, printed. A change meant to leave the engine's output
 * bit-identical must leave the digests of every stage and block size alone.
 *
 * STAGE: sum      8 channels, 2 sub-buses, level meters; chain off
 *        comp     + bus compressor (side-chain HPF, auto release)
 *        full     + drive, safety clip, dither (everything the box ran before
 *                 the mix-bus toolkit)
 *        eq       full + the bus EQ with every band on (high-pass 18 dB/oct,
 *                 low shelf, two bells, high shelf, low-pass)
 *        deess    full + the de-esser (threshold under the material: reducing)
 *        stereo   full + the stereo tools (width 120 %, mono below 100 Hz)
 *        analyser full + the octave analyser (300 ms)
 *        correlation  full + the correlation meter
 *        everything  full + all five ("engine: everything on")
 *        limiter  full with the true-peak limiter for the soft clip, the main
 *                 fader +12 dB and the ceiling at -6 dBTP: it reduces
 *                 throughout (every frame interpolated, divided, held and
 *                 multiplied), its worst case
 *        everything+limiter  everything, with the limiter as in "limiter"
 *        everything-moving  everything, and at block 10 six EQ knobs move at
 *                 once (both bells' gain and frequency, both shelves' gain): their
 *                 ramps run and the sections settle within the run. Each
 *                 mixbox_process call is followed by bench_block_done(), so a
 *                 trace can count every call's instructions (bench/run's worst
 *                 block: a deadline is missed by one long call, not by the mean)
 *        loudness the loudness/true-peak meter alone on a stereo signal (it
 *                 runs inside every engine stage; this isolates its share)
 *        loudness-rising  the same meter near its worst case: a stereo ramp
 *                 (alternating in sign, rising to -6 dBFS over 1024 frames)
 *                 whose every sample beats the true-peak hold, so no run skips
 *                 the interpolation and most points need all its taps
 *        loudness-noise  the meter alone on noise that does not repeat within the
 *                 counted runs (1024 frames of the same -12 dBFS LCG noise, walked
 *                 through like loudness-rising's ramp; `loudness` repeats one
 *                 block, so its true-peak hold is that block's own maximum)
 *        peer     the Faust peer's graph (bench/faust/peer_graph.lib) on the
 *                 engine: 8 channels straight to the main bus with the same
 *                 gains and pans, the compressor at the same settings (hard
 *                 knee, no side-chain filter, fixed release), no drive, clip or
 *                 dither. The loudness meter still runs; bench/run takes it out
 *                 with the next stage
 *        peer+loudness  peer, and a second loudness meter fed the engine's
 *                 output after each block, in the engine's chunks: it does
 *                 exactly the work of the engine's own meter, so peer+loudness - peer is that meter's
 *                 share of peer, measured in place rather than estimated
 */
#include <stdint.h>
#include <stdlib.h>

#include "mixbox_engine.h"
#include "../dsp/native/src/loudness_meter.h"

#define CHANNELS 8u
#define RISING_FRAMES 1024u /* of the loudness-rising ramp; input[] holds 2048 samples */

static mixbox_engine_t engine;
static mixbox_q31_t input[MIXBOX_MAX_BLOCK_FRAMES * CHANNELS];
static mixbox_q31_t output[MIXBOX_MAX_BLOCK_FRAMES * 2];
static mixbox_loudness_meter_t loudness;

static int text_equals(const char *a, const char *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static uint32_t parse(const char *text)
{
    uint32_t value = 0;
    while (*text >= '0' && *text <= '9') value = value * 10u + (uint32_t)(*text++ - '0');
    return value;
}

enum { STAGE_SUM, STAGE_COMP, STAGE_FULL, STAGE_LOUDNESS, STAGE_LOUDNESS_RISING, STAGE_PEER, STAGE_PEER_LOUDNESS,
       STAGE_EQ, STAGE_DEESS, STAGE_STEREO, STAGE_EVERYTHING, STAGE_LIMITER, STAGE_EVERYTHING_LIMITER,
       STAGE_ANALYSER, STAGE_CORRELATION, STAGE_LOUDNESS_NOISE, STAGE_EVERYTHING_MOVING };

static int meter_alone_stage(int stage)
{
    return stage == STAGE_LOUDNESS || stage == STAGE_LOUDNESS_RISING || stage == STAGE_LOUDNESS_NOISE;
}

static void set_many(const mixbox_param_t *params, const int32_t *values, uint32_t count)
{
    for (uint32_t i = 0; i < count; i++) mixbox_set_param(&engine, params[i], 0u, values[i]);
}

/* The mix-bus toolkit's stages on top of the full engine. */
static void set_up_toolkit(int stage)
{
    if (stage == STAGE_EVERYTHING_MOVING) stage = STAGE_EVERYTHING;
    if (stage == STAGE_LIMITER || stage == STAGE_EVERYTHING_LIMITER) {
        static const mixbox_param_t p[] = { MIXBOX_PARAM_OUTPUT_LIMITER, MIXBOX_PARAM_OUTPUT_CEILING_CDB, MIXBOX_PARAM_MAIN_FADER_CDB };
        static const int32_t v[] = { 1, -600, 1200 };
        set_many(p, v, 3u);
        if (stage == STAGE_EVERYTHING_LIMITER) stage = STAGE_EVERYTHING;
    }
    if (stage == STAGE_EQ || stage == STAGE_EVERYTHING) {
        static const mixbox_param_t p[] = {
            MIXBOX_PARAM_EQ_HPF_HZ, MIXBOX_PARAM_EQ_HPF_SLOPE, MIXBOX_PARAM_EQ_LOW_SHELF_CDB, MIXBOX_PARAM_EQ_BELL1_HZ,
            MIXBOX_PARAM_EQ_BELL1_CDB, MIXBOX_PARAM_EQ_BELL2_HZ, MIXBOX_PARAM_EQ_BELL2_CDB, MIXBOX_PARAM_EQ_BELL2_Q_X100,
            MIXBOX_PARAM_EQ_HIGH_SHELF_HZ, MIXBOX_PARAM_EQ_HIGH_SHELF_CDB, MIXBOX_PARAM_EQ_LOWPASS_HZ,
        };
        static const int32_t v[] = { 40, 18, 300, 250, -300, 3000, 200, 140, 10000, 200, 18000 };
        set_many(p, v, sizeof v / sizeof v[0]);
    }
    if (stage == STAGE_DEESS || stage == STAGE_EVERYTHING) {
        static const mixbox_param_t p[] = { MIXBOX_PARAM_DEESS_ON, MIXBOX_PARAM_DEESS_THRESHOLD_CDB };
        static const int32_t v[] = { 1, -3000 };
        set_many(p, v, 2u);
    }
    if (stage == STAGE_ANALYSER || stage == STAGE_EVERYTHING) mixbox_set_param(&engine, MIXBOX_PARAM_ANALYSER_ON, 0u, 1);
    if (stage == STAGE_CORRELATION || stage == STAGE_EVERYTHING) mixbox_set_param(&engine, MIXBOX_PARAM_CORRELATION_ON, 0u, 1);
    if (stage == STAGE_STEREO || stage == STAGE_EVERYTHING) {
        static const mixbox_param_t p[] = { MIXBOX_PARAM_STEREO_WIDTH_PERCENT, MIXBOX_PARAM_STEREO_MONO_BELOW_HZ };
        static const int32_t v[] = { 120, 100 };
        set_many(p, v, 2u);
    }
}

/* The knobs everything-moving turns at block 10 (set up: the eq stage's values). */
static void move_eq_knobs(void)
{
    static const mixbox_param_t p[] = { MIXBOX_PARAM_EQ_LOW_SHELF_CDB, MIXBOX_PARAM_EQ_BELL1_CDB, MIXBOX_PARAM_EQ_BELL2_CDB,
                                        MIXBOX_PARAM_EQ_HIGH_SHELF_CDB, MIXBOX_PARAM_EQ_BELL1_HZ, MIXBOX_PARAM_EQ_BELL2_HZ };
    static const int32_t v[] = { -300, 300, -200, -200, 400, 2500 };
    set_many(p, v, sizeof v / sizeof v[0]);
}

/* A mark in the trace after each call (out of line, so it has an address of its own). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
void bench_block_done(void);
void bench_block_done(void)
{
#if defined(__GNUC__)
    __asm__ volatile("");
#endif
}

/* peer_constants.dsp's settings: gains -6..-13 dB, pans -90..85, compressor 4:1
 * at -20 dB, 10 ms attack, 600 ms release (the engine's defaults otherwise). */
static void set_up_peer(void)
{
    mixbox_init(&engine, 48000u, CHANNELS);
    for (uint32_t c = 0; c < CHANNELS; c++) {
        mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_FADER_CDB, c, -600 - 100 * (int32_t)c);
        mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_PAN, c, (int32_t)c * 25 - 90);
    }
    mixbox_set_param(&engine, MIXBOX_PARAM_COMP_BYPASS, 0u, 0);
    mixbox_set_param(&engine, MIXBOX_PARAM_COMP_THRESHOLD_CDB, 0u, -2000);
    mixbox_set_param(&engine, MIXBOX_PARAM_COMP_RATIO_X100, 0u, 400);
    mixbox_set_param(&engine, MIXBOX_PARAM_COMP_ATTACK_US, 0u, 10000);
    mixbox_set_param(&engine, MIXBOX_PARAM_COMP_RELEASE_MS, 0u, 600);
}

/* A mix as the box would run it: drums on sub-bus 0, keys on sub-bus 1. */
static void set_up(int stage)
{
    if (stage == STAGE_PEER || stage == STAGE_PEER_LOUDNESS) { set_up_peer(); return; }
    mixbox_init(&engine, 48000u, CHANNELS);
    for (uint32_t c = 0; c < CHANNELS; c++) {
        mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_FADER_CDB, c, -600 - 100 * (int32_t)c);
        mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_PAN, c, (int32_t)c * 25 - 90);
    }
    for (uint32_t c = 0; c < 3u; c++) {
        mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_TO_MAIN, c, 0);
        mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_SUB_BUS, c, 0);
    }
    mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_TO_MAIN, 4u, 0);
    mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_SUB_BUS, 4u, 1);
    if (stage >= STAGE_COMP && stage != STAGE_LOUDNESS && stage != STAGE_LOUDNESS_RISING) {
        mixbox_set_param(&engine, MIXBOX_PARAM_COMP_BYPASS, 0u, 0);
        mixbox_set_param(&engine, MIXBOX_PARAM_COMP_THRESHOLD_CDB, 0u, -2000);
        mixbox_set_param(&engine, MIXBOX_PARAM_COMP_RELEASE_MS, 0u, 0);
        mixbox_set_param(&engine, MIXBOX_PARAM_COMP_KNEE_CDB, 0u, 600);
        mixbox_set_param(&engine, MIXBOX_PARAM_COMP_SIDECHAIN_HPF_HZ, 0u, 90);
        mixbox_set_param(&engine, MIXBOX_PARAM_COMP_MIX_PERCENT, 0u, 70);
    }
    if (stage >= STAGE_FULL && stage != STAGE_LOUDNESS && stage != STAGE_LOUDNESS_RISING) {
        mixbox_set_param(&engine, MIXBOX_PARAM_DRIVE_CDB, 0u, 600);
        mixbox_set_param(&engine, MIXBOX_PARAM_OUTPUT_SAFETY, 0u, 1);
        mixbox_set_param(&engine, MIXBOX_PARAM_OUTPUT_DITHER, 0u, 1);
    }
    set_up_toolkit(stage);
}

/* peer+loudness: the second meter takes the output in the engine's own
 * chunks (at most MIXBOX_CHUNK_FRAMES, split at the engine's 10 ms meter
 * segments), so its per-call work is that of the engine's meter too. */
static void meter_in_engine_chunks(const mixbox_q31_t *stereo, uint32_t frames)
{
    static uint32_t segment_left = 480u; /* 10 ms at 48 kHz */
    while (frames > 0u) {
        uint32_t n = frames < MIXBOX_CHUNK_FRAMES ? frames : MIXBOX_CHUNK_FRAMES;
        if (n > segment_left) n = segment_left;
        mixbox_loudness_meter_process(&loudness, stereo, n);
        stereo += 2u * n;
        frames -= n;
        segment_left = segment_left == n ? 480u : segment_left - n;
    }
}

#ifdef MIXBOX_BENCH_DIGEST /* bench/digest's host build; printf stays out of the rv32 one */
#include <stdio.h>

/* FNV-1a over a word's four bytes. */
static uint64_t fold(uint64_t hash, int32_t word)
{
    for (int i = 0; i < 4; i++) {
        hash ^= ((uint32_t)word >> (8 * i)) & 0xFFu;
        hash *= 1099511628211ull;
    }
    return hash;
}

/* The block's output and every reading: reads that reset (peaks, the true
 * peak since the last read) are taken after every block in both runs alike. */
static uint64_t fold_block(uint64_t hash, uint32_t frames)
{
    for (uint32_t i = 0; i < 2u * frames; i++) hash = fold(hash, output[i]);
    for (uint32_t m = 0; m < MIXBOX_METER_COUNT; m++) {
        mixbox_meter_reading_t r;
        if (mixbox_meter_read(&engine, m, &r) == MIXBOX_OK) {
            hash = fold(hash, r.peak_cdb);
            hash = fold(hash, r.rms_cdb);
            hash = fold(hash, r.hold_cdb);
        }
    }
    int32_t value;
    if (mixbox_gain_reduction_read(&engine, &value) == MIXBOX_OK) hash = fold(hash, value);
    if (mixbox_de_esser_reduction_read(&engine, &value) == MIXBOX_OK) hash = fold(hash, value);
    for (uint32_t stage = 0; stage < 2u; stage++)
        if (mixbox_distortion_read(&engine, stage, &value) == MIXBOX_OK) hash = fold(hash, value);
    if (mixbox_true_peak_read(&engine, &value) == MIXBOX_OK) hash = fold(hash, value);
    mixbox_loudness_reading_t loud;
    if (mixbox_loudness_read(&engine, &loud) == MIXBOX_OK) {
        const int32_t *w = (const int32_t *)&loud;
        for (size_t i = 0; i < sizeof loud / sizeof *w; i++) hash = fold(hash, w[i]);
    }
    mixbox_spectrum_reading_t spectrum;
    if (mixbox_spectrum_read(&engine, &spectrum) == MIXBOX_OK) {
        const int32_t *w = (const int32_t *)&spectrum;
        for (size_t i = 0; i < sizeof spectrum / sizeof *w; i++) hash = fold(hash, w[i]);
    }
    mixbox_correlation_sums_t sums;
    if (mixbox_correlation_sums_read(&engine, &sums) == MIXBOX_OK) {
        for (uint32_t i = 0; i < MIXBOX_CORRELATION_SUMS; i++) {
            hash = fold(hash, (int32_t)(uint32_t)((uint64_t)sums.sum[i] >> 32));
            hash = fold(hash, (int32_t)(uint32_t)sums.sum[i]);
        }
    }
    mixbox_correlation_reading_t correlation;
    if (mixbox_correlation_read(&engine, &correlation) == MIXBOX_OK) {
        const int32_t *w = (const int32_t *)&correlation;
        for (size_t i = 0; i < sizeof correlation / sizeof *w; i++) hash = fold(hash, w[i]);
    }
    return hash;
}

static int digest(int stage, uint32_t frames, uint32_t blocks)
{
    set_up(stage);
    uint32_t seed = 12345u;
    uint64_t hash = 14695981039346656037ull;
    for (uint32_t b = 0; b < blocks; b++) {
        for (uint32_t i = 0; i < frames * CHANNELS; i++) {
            seed = seed * 1664525u + 1013904223u;
            /* -12 dBFS noise, and every 8th block near full scale (the limits act) */
            input[i] = (b & 7u) == 7u ? (int32_t)(seed & 0xFFFFFF00u) : (int32_t)(seed & 0xFFFFFF00u) / 4;
        }
        if (mixbox_process(&engine, input, frames * CHANNELS, output, frames * 2u, frames) != MIXBOX_OK) return 1;
        hash = fold_block(hash, frames);
    }
    printf("%016llx\n", (unsigned long long)hash);
    return 0;
}
#else
static int digest(int stage, uint32_t frames, uint32_t blocks)
{
    (void)stage; (void)frames; (void)blocks;
    return 2;
}
#endif

int main(int argc, char **argv)
{
    if (argc != 4 && !(argc == 5 && text_equals(argv[4], "digest"))) return 2;
    static const char *const names[] = { "sum",  "comp", "full",  "loudness", "loudness-rising", "peer", "peer+loudness",
                                         "eq",   "deess", "stereo", "everything", "limiter", "everything+limiter",
                                         "analyser", "correlation", "loudness-noise", "everything-moving" };
    int stage = -1;
    for (int s = 0; s < (int)(sizeof names / sizeof names[0]); s++)
        if (text_equals(argv[1], names[s])) stage = s;
    uint32_t frames = parse(argv[2]), blocks = parse(argv[3]);
    if (stage < 0 || frames == 0u || frames > MIXBOX_MAX_BLOCK_FRAMES) return 2;

    if (argc == 5) return meter_alone_stage(stage) ? 2 : digest(stage, frames, blocks);
    int meter_alone = stage == STAGE_LOUDNESS || stage == STAGE_LOUDNESS_RISING || stage == STAGE_LOUDNESS_NOISE;
    if (!meter_alone) set_up(stage);
    uint32_t seed = 12345u;
    for (uint32_t i = 0; i < frames * CHANNELS; i++) {
        seed = seed * 1664525u + 1013904223u; /* Numerical Recipes LCG */
        input[i] = (int32_t)(seed & 0xFFFFFF00u) / 4;   /* 24-bit noise at -12 dBFS */
    }
    int32_t sink = 0;
    if (stage == STAGE_LOUDNESS_RISING) {
        for (uint32_t i = 0; i < 2u * RISING_FRAMES; i++) /* i / 2 = frame */
            input[i] = (int32_t)(i / 2u + 1u) * ((i & 2u) ? -1048576 : 1048576);
        mixbox_loudness_meter_init(&loudness, 48000u);
        for (uint32_t b = 0; b < blocks; b++)
            mixbox_loudness_meter_process(&loudness, input + 2u * frames * (b % (RISING_FRAMES / frames)), frames);
        return 0;
    }
    if (stage == STAGE_LOUDNESS_NOISE) {
        /* 1024 frames of fresh noise, walked through: nothing repeats within bench/run's rv32 runs (512 frames). */
        for (uint32_t i = 0; i < 2u * RISING_FRAMES; i++) {
            seed = seed * 1664525u + 1013904223u;
            input[i] = (int32_t)(seed & 0xFFFFFF00u) / 4;
        }
        mixbox_loudness_meter_init(&loudness, 48000u);
        for (uint32_t b = 0; b < blocks; b++)
            mixbox_loudness_meter_process(&loudness, input + 2u * frames * (b % (RISING_FRAMES / frames)), frames);
        return 0;
    }
    if (stage == STAGE_LOUDNESS) {
        mixbox_loudness_meter_init(&loudness, 48000u);
        for (uint32_t b = 0; b < blocks; b++) mixbox_loudness_meter_process(&loudness, input, frames); /* first 2 channels as L/R */
        return 0;
    }
    if (stage == STAGE_PEER_LOUDNESS) mixbox_loudness_meter_init(&loudness, 48000u);
    for (uint32_t b = 0; b < blocks; b++) {
        if (stage == STAGE_EVERYTHING_MOVING && b == 10u) move_eq_knobs();
        if (mixbox_process(&engine, input, frames * CHANNELS, output, frames * 2u, frames) != MIXBOX_OK) return 1;
        if (stage == STAGE_EVERYTHING_MOVING) bench_block_done();
        if (stage == STAGE_PEER_LOUDNESS) meter_in_engine_chunks(output, frames);
        sink ^= output[b % (frames * 2u)];
    }
    return sink == 0x7FFFFFFF ? 3 : 0; /* keep the work observable */
}
