/*
 * Host test of mixbox_device_link.c: the mailbox, the meter cache, the block
 * statistics and TDM framing, then a two-thread run with the real engine (one
 * thread as the audio task, one as the CLR), as on the device's two cores.
 * Exit status 0 = all passed; ctest runs it (tests/MixBox.Device.Tests runs ctest).
 */
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mixbox_device_link.h"

#include "check.h"

#define FRAMES 32u
#define CHANNELS 8u

static mixbox_engine_t engine;

static void fill_input(mixbox_q31_t *input)
{
    /* Channel 0: square wave at half scale (-6.02 dBFS peak); others silent. */
    for (uint32_t f = 0; f < FRAMES; f++) {
        for (uint32_t c = 0; c < CHANNELS; c++) input[f * CHANNELS + c] = 0;
        input[f * CHANNELS] = (f & 1u) ? (mixbox_q31_t)0x40000000 : (mixbox_q31_t)-0x40000000;
    }
}

static void no_wait(void *context) { (void)context; }

static void yield_wait(void *context) { (void)context; sched_yield(); }

static void test_mailbox_single_thread(void)
{
    static mixbox_mailbox_t mailbox;
    static mixbox_audio_stats_t stats;
    mixbox_q31_t input[FRAMES * CHANNELS];
    mixbox_q31_t output[FRAMES * 2u];

    CHECK(mixbox_init(&engine, 48000u, CHANNELS) == MIXBOX_OK);
    mixbox_mailbox_init(&mailbox);
    mixbox_audio_stats_init(&stats, 48000u, FRAMES);
    fill_input(input);
    for (int b = 0; b < 20; b++) CHECK(mixbox_process(&engine, input, FRAMES * CHANNELS, output, FRAMES * 2u, FRAMES) == MIXBOX_OK);

    CHECK(mixbox_mailbox_answered(&mailbox));
    CHECK(mixbox_mailbox_service(&mailbox, &engine, &stats) == 0); /* nothing pending */
    CHECK(mixbox_mailbox_post(&mailbox, MIXBOX_REQUEST_METERS, 0u) == MIXBOX_OK);
    CHECK(!mixbox_mailbox_answered(&mailbox));
    CHECK(mixbox_mailbox_post(&mailbox, MIXBOX_REQUEST_METERS, 0u) == MIXBOX_DEVICE_ERR_BUSY);
    CHECK(mixbox_mailbox_service(&mailbox, &engine, &stats) == 1);
    CHECK(mixbox_mailbox_answered(&mailbox));
    CHECK(mailbox.status == MIXBOX_OK);
    CHECK(mailbox.meters[MIXBOX_METER_CHANNEL(0)].peak_cdb >= -610 && mailbox.meters[MIXBOX_METER_CHANNEL(0)].peak_cdb <= -595);
    CHECK(mailbox.meters[MIXBOX_METER_CHANNEL(1)].peak_cdb == MIXBOX_METER_SILENCE_CDB);
    CHECK(mailbox.meters[MIXBOX_METER_CHANNEL(12)].peak_cdb == MIXBOX_METER_SILENCE_CDB); /* past the 8 channels */
    CHECK(mailbox.gain_reduction_cdb == 0);

    /* The snapshot read-and-reset the engine's peaks: a direct read now sees nothing new. */
    mixbox_meter_reading_t direct;
    CHECK(mixbox_meter_read(&engine, MIXBOX_METER_CHANNEL(0), &direct) == MIXBOX_OK);
    CHECK(direct.peak_cdb == MIXBOX_METER_SILENCE_CDB);

    /* Timeout: nobody services; the late answer is absorbed by the next transaction. */
    CHECK(mixbox_mailbox_transact(&mailbox, MIXBOX_REQUEST_LOUDNESS_READ, 0u, no_wait, NULL, 3u) == MIXBOX_DEVICE_ERR_TIMEOUT);
    CHECK(mixbox_mailbox_post(&mailbox, MIXBOX_REQUEST_METERS, 0u) == MIXBOX_DEVICE_ERR_BUSY);
    CHECK(mixbox_mailbox_service(&mailbox, &engine, &stats) == 1);
    CHECK(mixbox_mailbox_post(&mailbox, MIXBOX_REQUEST_METER_RESET_HOLD, MIXBOX_METER_COUNT) == MIXBOX_OK);
    CHECK(mixbox_mailbox_service(&mailbox, &engine, &stats) == 1);
    CHECK(mailbox.status == MIXBOX_ERR_INDEX); /* the engine's own refusal comes back */

    /* Unknown request kind: refused, still answered. */
    CHECK(mixbox_mailbox_post(&mailbox, (mixbox_request_kind_t)99, 0u) == MIXBOX_OK);
    CHECK(mixbox_mailbox_service(&mailbox, &engine, &stats) == 1);
    CHECK(mailbox.status == MIXBOX_ERR_PARAM);

    /* Stats reset through the mailbox. */
    mixbox_audio_stats_note_block(&stats, 900u);
    CHECK(stats.worst_block_us == 900u && stats.late_blocks == 1u);
    CHECK(mixbox_mailbox_post(&mailbox, MIXBOX_REQUEST_STATS_RESET, 0u) == MIXBOX_OK);
    CHECK(mixbox_mailbox_service(&mailbox, &engine, &stats) == 1);
    CHECK(stats.worst_block_us == 0u && stats.late_blocks == 0u && stats.blocks == 1u);

    /* Sequence numbers wrap without harm. */
    mailbox.request_seq = mailbox.response_seq = 0xFFFFFFFFu;
    CHECK(mixbox_mailbox_post(&mailbox, MIXBOX_REQUEST_LOUDNESS_RESET, 0u) == MIXBOX_OK);
    CHECK(mailbox.request_seq == 0u && !mixbox_mailbox_answered(&mailbox));
    CHECK(mixbox_mailbox_service(&mailbox, &engine, &stats) == 1);
    CHECK(mixbox_mailbox_answered(&mailbox) && mailbox.status == MIXBOX_OK);
}

static void test_meter_cache(void)
{
    static mixbox_meter_cache_t cache;
    static mixbox_meter_reading_t snap[MIXBOX_METER_COUNT];
    mixbox_meter_reading_t r;
    int32_t gr;

    mixbox_meter_cache_init(&cache);
    CHECK(!mixbox_meter_cache_take(&cache, 0u, &r));
    CHECK(!mixbox_meter_cache_take_gain_reduction(&cache, &gr));

    for (uint32_t m = 0; m < MIXBOX_METER_COUNT; m++) {
        snap[m].peak_cdb = -1000; snap[m].rms_cdb = -1500; snap[m].hold_cdb = -500; snap[m].clipped = 0;
    }
    snap[3].clipped = 1;
    mixbox_meter_cache_merge(&cache, snap, 200);
    CHECK(mixbox_meter_cache_take(&cache, 0u, &r) && r.peak_cdb == -1000 && r.rms_cdb == -1500 && r.hold_cdb == -500);
    CHECK(!mixbox_meter_cache_take(&cache, 0u, &r)); /* taken: the next read needs a new snapshot */

    /* Meter 3 not taken: the next snapshot merges into it. */
    for (uint32_t m = 0; m < MIXBOX_METER_COUNT; m++) {
        snap[m].peak_cdb = -2000; snap[m].rms_cdb = -1600; snap[m].hold_cdb = -400; snap[m].clipped = 0;
    }
    mixbox_meter_cache_merge(&cache, snap, 100);
    CHECK(mixbox_meter_cache_take(&cache, 3u, &r));
    CHECK(r.peak_cdb == -1000); /* the louder, older peak survives */
    CHECK(r.clipped == 1);      /* and so does its clip */
    CHECK(r.rms_cdb == -1600 && r.hold_cdb == -400); /* RMS and hold: newest */
    CHECK(mixbox_meter_cache_take(&cache, 0u, &r) && r.peak_cdb == -2000 && r.clipped == 0); /* taken before: replaced */
    CHECK(mixbox_meter_cache_take_gain_reduction(&cache, &gr) && gr == 200); /* max of 200 and 100 */
    CHECK(!mixbox_meter_cache_take_gain_reduction(&cache, &gr));
    CHECK(!mixbox_meter_cache_take(&cache, MIXBOX_METER_COUNT, &r));
}

/* The bus meters, the distortion meters and the true peak through the mailbox: what the audio side
 * hands over equals the engine's own reading; the correlation is divided afterwards. */
static void test_bus_meters_through_mailbox(void)
{
    static mixbox_mailbox_t mailbox;
    static mixbox_audio_stats_t stats;
    mixbox_q31_t input[FRAMES * CHANNELS];
    mixbox_q31_t output[FRAMES * 2u];

    CHECK(mixbox_init(&engine, 48000u, CHANNELS) == MIXBOX_OK);
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_ANALYSER_ON, 0u, 1) == MIXBOX_OK);
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_CORRELATION_ON, 0u, 1) == MIXBOX_OK);
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_DRIVE_CDB, 0u, 1200) == MIXBOX_OK);
    mixbox_mailbox_init(&mailbox);
    mixbox_audio_stats_init(&stats, 48000u, FRAMES);
    fill_input(input);
    for (int b = 0; b < 100; b++) CHECK(mixbox_process(&engine, input, FRAMES * CHANNELS, output, FRAMES * 2u, FRAMES) == MIXBOX_OK);

    mixbox_spectrum_reading_t spectrum;
    CHECK(mixbox_spectrum_read(&engine, &spectrum) == MIXBOX_OK);
    CHECK(mixbox_mailbox_post(&mailbox, MIXBOX_REQUEST_SPECTRUM_READ, 0u) == MIXBOX_OK);
    CHECK(mixbox_mailbox_service(&mailbox, &engine, &stats) == 1 && mailbox.status == MIXBOX_OK);
    CHECK(memcmp(&mailbox.spectrum, &spectrum, sizeof spectrum) == 0 && spectrum.on == 1);
    /* Channel 0's square wave at 24 kHz sits in the top band: it reads, the bass (only the
     * onset's spread) reads far under it. */
    CHECK(spectrum.band_cdb[9] > -3000 && spectrum.band_cdb[0] < spectrum.band_cdb[9] - 4000);

    mixbox_correlation_reading_t direct, relayed;
    CHECK(mixbox_correlation_read(&engine, &direct) == MIXBOX_OK);
    CHECK(mixbox_mailbox_post(&mailbox, MIXBOX_REQUEST_CORRELATION_READ, 0u) == MIXBOX_OK);
    CHECK(mixbox_mailbox_service(&mailbox, &engine, &stats) == 1 && mailbox.status == MIXBOX_OK);
    CHECK(mixbox_correlation_from_sums(&mailbox.correlation, &relayed) == MIXBOX_OK);
    CHECK(memcmp(&direct, &relayed, sizeof direct) == 0);
    CHECK(direct.on == 1 && direct.correlation_x10000 == 10000); /* one channel panned centre: L = R */

    /* Distortion rides with the meter snapshot (read-and-reset). */
    CHECK(mixbox_mailbox_post(&mailbox, MIXBOX_REQUEST_METERS, 0u) == MIXBOX_OK);
    CHECK(mixbox_mailbox_service(&mailbox, &engine, &stats) == 1 && mailbox.status == MIXBOX_OK);
    CHECK(mailbox.distortion_cdb[MIXBOX_DISTORTION_DRIVE] > MIXBOX_METER_SILENCE_CDB); /* the drive is on */
    CHECK(mailbox.distortion_cdb[MIXBOX_DISTORTION_SAFETY] == MIXBOX_METER_SILENCE_CDB); /* the safety stage is off */
    int32_t after;
    CHECK(mixbox_distortion_read(&engine, MIXBOX_DISTORTION_DRIVE, &after) == MIXBOX_OK);
    CHECK(after == MIXBOX_METER_SILENCE_CDB); /* the snapshot reset it */
    /* So does the true peak since the previous read: the snapshot took it, the loudness
     * reading's max-hold keeps it. */
    mixbox_loudness_reading_t loudness;
    CHECK(mixbox_loudness_read(&engine, &loudness) == MIXBOX_OK);
    CHECK(mailbox.true_peak_cdb > MIXBOX_METER_SILENCE_CDB && mailbox.true_peak_cdb == loudness.true_peak_max_cdb);
    CHECK(mixbox_true_peak_read(&engine, &after) == MIXBOX_OK && after == MIXBOX_METER_SILENCE_CDB);
    CHECK(mixbox_loudness_read(&engine, &loudness) == MIXBOX_OK && loudness.true_peak_max_cdb == mailbox.true_peak_cdb);

    /* The cache keeps the worst reading until taken. */
    static mixbox_meter_cache_t cache;
    mixbox_meter_cache_init(&cache);
    int32_t value, first[MIXBOX_DISTORTION_STAGES] = { -4000, -9000 }, second[MIXBOX_DISTORTION_STAGES] = { -3000, -9500 };
    CHECK(!mixbox_meter_cache_take_distortion(&cache, 0u, &value));
    mixbox_meter_cache_merge_distortion(&cache, first);
    mixbox_meter_cache_merge_distortion(&cache, second);
    CHECK(mixbox_meter_cache_take_distortion(&cache, 0u, &value) && value == -3000);
    CHECK(mixbox_meter_cache_take_distortion(&cache, 1u, &value) && value == -9000);
    CHECK(!mixbox_meter_cache_take_distortion(&cache, 0u, &value));
    CHECK(!mixbox_meter_cache_take_distortion(&cache, MIXBOX_DISTORTION_STAGES, &value));
    CHECK(!mixbox_meter_cache_take_true_peak(&cache, &value));
    mixbox_meter_cache_merge_true_peak(&cache, -300);
    mixbox_meter_cache_merge_true_peak(&cache, -100);
    mixbox_meter_cache_merge_true_peak(&cache, -200);
    CHECK(mixbox_meter_cache_take_true_peak(&cache, &value) && value == -100); /* the highest since the last take */
    CHECK(!mixbox_meter_cache_take_true_peak(&cache, &value));
}

static void test_stats_and_tdm(void)
{
    static mixbox_audio_stats_t stats;
    mixbox_audio_stats_init(&stats, 48000u, 32u);
    CHECK(stats.budget_us == 667u); /* 666.67 us rounded up */
    mixbox_audio_stats_init(&stats, 48000u, 48u);
    CHECK(stats.budget_us == 1000u); /* exact stays exact */
    mixbox_audio_stats_init(&stats, 48000u, 32u);
    mixbox_audio_stats_note_block(&stats, 300u);
    mixbox_audio_stats_note_block(&stats, 667u);
    mixbox_audio_stats_note_block(&stats, 200u);
    mixbox_audio_stats_note_block(&stats, 668u);
    mixbox_audio_stats_count(&stats.overruns);
    mixbox_audio_stats_t copy;
    mixbox_audio_stats_read(&stats, &copy);
    CHECK(copy.blocks == 4u && copy.last_block_us == 668u && copy.worst_block_us == 668u);
    CHECK(copy.late_blocks == 1u && copy.overruns == 1u && copy.underruns == 0u);

    mixbox_q31_t stereo[6] = { 1, 2, 3, 4, 5, 6 };
    mixbox_q31_t tdm[3 * 8 + 1];
    for (int i = 0; i < 25; i++) tdm[i] = 77;
    mixbox_tdm_pack_stereo(stereo, tdm, 3u, 8u, 0u);
    CHECK(tdm[0] == 1 && tdm[1] == 2 && tdm[8] == 3 && tdm[9] == 4 && tdm[16] == 5 && tdm[17] == 6);
    CHECK(tdm[2] == 0 && tdm[7] == 0 && tdm[23] == 0);
    CHECK(tdm[24] == 77); /* nothing past frames * slots */
    mixbox_tdm_pack_stereo(stereo, tdm, 1u, 8u, 6u);
    CHECK(tdm[6] == 1 && tdm[7] == 2 && tdm[0] == 0);
}

/* ---- rev B: two controllers in step, latency, timeouts ---- */

static void test_rev_b_helpers(void)
{
    static mixbox_audio_stats_t stats;
    mixbox_audio_stats_init(&stats, 48000u, 8u);
    CHECK(stats.budget_us == 167u); /* 166.67 us: an 8-frame block */
    mixbox_audio_stats_count(&stats.timeouts);
    mixbox_audio_stats_count(&stats.slips);
    mixbox_audio_stats_count(&stats.slips);
    mixbox_audio_stats_count(&stats.restarts);
    mixbox_audio_stats_t copy;
    mixbox_audio_stats_read(&stats, &copy);
    CHECK(copy.timeouts == 1u && copy.slips == 2u && copy.restarts == 1u && copy.budget_us == 167u);
    CHECK(MIXBOX_AUDIO_STAT_COUNT * sizeof(uint32_t) == sizeof(mixbox_audio_stats_t));

    /* Block clock: the ISR tags a block in its first sample's low byte and records when
     * it completed; the task takes the tag out and looks the time up. */
    static mixbox_block_clock_t clock;
    mixbox_block_clock_reset(&clock);
    mixbox_q31_t dma[3][4];
    for (int b = 0; b < 3; b++)
        for (int i = 0; i < 4; i++) dma[b][i] = (mixbox_q31_t)(0x12345600 + i);
    mixbox_block_clock_stamp(&clock, dma[0], 1000u);
    mixbox_block_clock_stamp(&clock, dma[1], 1167u);
    CHECK(dma[0][0] == 0x12345600 && dma[1][0] == 0x12345601 && dma[1][1] == 0x12345601); /* tags 0 and 1 */
    uint32_t t = 0;
    mixbox_q31_t block[4];
    memcpy(block, dma[1], sizeof(block));
    CHECK(mixbox_block_clock_take(&clock, block, &t) && t == 1167u && block[0] == 0x12345600 && block[1] == 0x12345601);
    memcpy(block, dma[0], sizeof(block));
    CHECK(mixbox_block_clock_take(&clock, block, &t) && t == 1000u);
    mixbox_q31_t negative[1] = { (mixbox_q31_t)0x80000000 };
    mixbox_block_clock_stamp(&clock, negative, 2000u); /* tag 2 into a negative sample */
    CHECK(negative[0] == (mixbox_q31_t)0x80000002);
    CHECK(mixbox_block_clock_take(&clock, negative, &t) && t == 2000u && negative[0] == (mixbox_q31_t)0x80000000);
    /* 16 blocks later the entry is reused: the old block can no longer be placed */
    for (uint32_t i = 0; i < MIXBOX_BLOCK_CLOCK_SLOTS; i++) {
        mixbox_q31_t scratch[1] = { 0 };
        mixbox_block_clock_stamp(&clock, scratch, 3000u + i);
    }
    memcpy(block, dma[0], sizeof(block));
    CHECK(!mixbox_block_clock_take(&clock, block, &t) && block[0] == 0x12345600);
    /* times kept to 24 bits: differences across the wrap */
    CHECK(mixbox_block_time_diff(0xFFFFF0u, 0x000010u) == 0x20);
    CHECK(mixbox_block_time_diff(0x000010u, 0xFFFFF0u) == -0x20);
    CHECK(mixbox_block_time_diff(5000u, 5167u) == 167 && mixbox_block_time_diff(0x12FFFFFFu, 0x13000000u) == 1);

    /* Pairing: within half a frame in step; half a block or more: the older is behind. */
    CHECK(mixbox_tdm_pair_check(0, 167u, 20u) == MIXBOX_PAIR_ALIGNED);
    CHECK(mixbox_tdm_pair_check(10, 167u, 20u) == MIXBOX_PAIR_ALIGNED && mixbox_tdm_pair_check(-10, 167u, 20u) == MIXBOX_PAIR_ALIGNED);
    CHECK(mixbox_tdm_pair_check(11, 167u, 20u) == MIXBOX_PAIR_OFFSET && mixbox_tdm_pair_check(-82, 167u, 20u) == MIXBOX_PAIR_OFFSET);
    CHECK(mixbox_tdm_pair_check(83, 167u, 20u) == MIXBOX_PAIR_A_BEHIND && mixbox_tdm_pair_check(167, 167u, 20u) == MIXBOX_PAIR_A_BEHIND);
    CHECK(mixbox_tdm_pair_check(-83, 167u, 20u) == MIXBOX_PAIR_B_BEHIND && mixbox_tdm_pair_check(-500, 167u, 20u) == MIXBOX_PAIR_B_BEHIND);

    /* Interleave: A's slots, then B's, frame by frame. */
    mixbox_q31_t a[2 * 4] = { 0, 1, 2, 3, 10, 11, 12, 13 }, b[2 * 4] = { 4, 5, 6, 7, 14, 15, 16, 17 }, out[2 * 8 + 1];
    out[16] = 99;
    mixbox_tdm_interleave(a, b, out, 2u, 4u, 4u);
    for (int i = 0; i < 8; i++) CHECK(out[i] == i && out[8 + i] == 10 + i);
    CHECK(out[16] == 99);

    /* TX clock: the buffer a write takes is number taken + dropped. */
    static mixbox_tx_clock_t tx;
    mixbox_tx_clock_reset(&tx);
    CHECK(!mixbox_tx_clock_next(&tx, &t));        /* nothing freed yet (after the preload) */
    mixbox_tx_clock_sent(&tx, 167u);
    CHECK(mixbox_tx_clock_next(&tx, &t) && t == 167u);
    mixbox_tx_clock_took(&tx);
    CHECK(!mixbox_tx_clock_next(&tx, &t));
    mixbox_tx_clock_sent(&tx, 333u);
    mixbox_tx_clock_sent(&tx, 500u);
    mixbox_tx_clock_sent(&tx, 667u);
    mixbox_tx_clock_dropped(&tx);                 /* the queue held 2: the one freed at 333 dropped */
    CHECK(mixbox_tx_clock_next(&tx, &t) && t == 500u);

    /* Latency correction: whole blocks, from half a block on. */
    CHECK(mixbox_latency_correction(0, 167u) == 0 && mixbox_latency_correction(82, 167u) == 0 && mixbox_latency_correction(-82, 167u) == 0);
    CHECK(mixbox_latency_correction(83, 167u) == 1 && mixbox_latency_correction(167, 167u) == 1 && mixbox_latency_correction(334, 167u) == 2);
    CHECK(mixbox_latency_correction(-167, 167u) == -1 && mixbox_latency_correction(-300, 167u) == -2);

    /* I/O timeout: >= 3 ticks after pdMS_TO_TICKS' truncation, >= 4 blocks. */
    CHECK(mixbox_io_timeout_ms(167u, 100u) == 30u);  /* nanoFramework's 100 Hz: 3 x 10 ms */
    CHECK(mixbox_io_timeout_ms(167u, 1000u) == 3u);
    CHECK(mixbox_io_timeout_ms(167u, 300u) == 10u);  /* 10 * 300 / 1000 = 3 ticks; 9 would be 2 */
    CHECK(mixbox_io_timeout_ms(167u, 250u) == 12u);
    CHECK(mixbox_io_timeout_ms(5000u, 1000u) == 20u); /* long blocks: 4 of them */
    for (uint32_t hz = 1u; hz <= 1000u; hz++) {
        uint32_t ms = mixbox_io_timeout_ms(167u, hz);
        if (ms * hz / 1000u < 3u || (ms - 1u) * hz / 1000u >= 3u) { CHECK(0); break; }
    }
}

/* ---- two threads: audio task and control side ---- */

static mixbox_mailbox_t shared_mailbox;
static mixbox_audio_stats_t shared_stats;
static int stop_audio;

static void *audio_thread(void *unused)
{
    (void)unused;
    mixbox_q31_t input[FRAMES * CHANNELS];
    mixbox_q31_t output[FRAMES * 2u];
    fill_input(input);
    while (!__atomic_load_n(&stop_audio, __ATOMIC_ACQUIRE)) {
        mixbox_mailbox_service(&shared_mailbox, &engine, &shared_stats);
        if (mixbox_process(&engine, input, FRAMES * CHANNELS, output, FRAMES * 2u, FRAMES) != MIXBOX_OK) {
            mixbox_audio_stats_count(&shared_stats.engine_errors);
        }
        mixbox_audio_stats_note_block(&shared_stats, 1u);
    }
    return NULL;
}

static int near(int32_t value, int32_t expected) { return value >= expected - 10 && value <= expected + 10; }

static void test_two_threads(void)
{
    static mixbox_meter_cache_t cache;
    pthread_t audio;
    CHECK(mixbox_init(&engine, 48000u, CHANNELS) == MIXBOX_OK);
    mixbox_mailbox_init(&shared_mailbox);
    mixbox_audio_stats_init(&shared_stats, 48000u, FRAMES);
    mixbox_meter_cache_init(&cache);
    __atomic_store_n(&stop_audio, 0, __ATOMIC_RELEASE);
    CHECK(pthread_create(&audio, NULL, audio_thread, NULL) == 0);

    int timeouts = 0, bad_readings = 0, transactions = 0;
    for (int i = 0; i < 3000; i++) {
        int32_t fader = (i & 1) ? -600 : 0;
        CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_FADER_CDB, 0u, fader) == MIXBOX_OK);
        CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_COMP_THRESHOLD_CDB, 0u, -1000 - (i % 7) * 100) == MIXBOX_OK);
        mixbox_meter_reading_t r;
        if (!mixbox_meter_cache_take(&cache, MIXBOX_METER_CHANNEL(0), &r)) {
            int32_t s = mixbox_mailbox_transact(&shared_mailbox, MIXBOX_REQUEST_METERS, 0u, yield_wait, NULL, 10000000u);
            transactions++;
            if (s != MIXBOX_OK) { timeouts++; continue; }
            CHECK(shared_mailbox.status == MIXBOX_OK);
            mixbox_meter_cache_merge(&cache, shared_mailbox.meters, shared_mailbox.gain_reduction_cdb);
            if (!mixbox_meter_cache_take(&cache, MIXBOX_METER_CHANNEL(0), &r)) { bad_readings++; continue; }
        }
        /* Peak since the previous read: at fader 0 or -6 dB, or silence if no block ran in between. */
        if (!(near(r.peak_cdb, -602) || near(r.peak_cdb, -1204) || r.peak_cdb == MIXBOX_METER_SILENCE_CDB)) bad_readings++;
        if ((i % 100) == 0) {
            CHECK(mixbox_mailbox_transact(&shared_mailbox, MIXBOX_REQUEST_LOUDNESS_READ, 0u, yield_wait, NULL, 10000000u) == MIXBOX_OK);
            CHECK(shared_mailbox.status == MIXBOX_OK);
        }
    }
    /* The last fader value reaches the audio side: after it settles the meter agrees. */
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_FADER_CDB, 0u, -600) == MIXBOX_OK);
    uint32_t start = __atomic_load_n(&shared_stats.blocks, __ATOMIC_RELAXED);
    while (__atomic_load_n(&shared_stats.blocks, __ATOMIC_RELAXED) - start < 100u) sched_yield();
    CHECK(mixbox_mailbox_transact(&shared_mailbox, MIXBOX_REQUEST_METERS, 0u, yield_wait, NULL, 10000000u) == MIXBOX_OK);
    CHECK(near(shared_mailbox.meters[MIXBOX_METER_CHANNEL(0)].peak_cdb, -1204));

    __atomic_store_n(&stop_audio, 1, __ATOMIC_RELEASE);
    CHECK(pthread_join(audio, NULL) == 0);
    mixbox_audio_stats_t copy;
    mixbox_audio_stats_read(&shared_stats, &copy);
    CHECK(timeouts == 0);
    CHECK(bad_readings == 0);
    CHECK(transactions > 0);
    CHECK(copy.engine_errors == 0u);
    CHECK(copy.blocks > 0u);
    printf("two threads: %d transactions, %u blocks\n", transactions, copy.blocks);
}

/* ---- two threads: the bus meters read while the audio thread writes them ----
 *
 * The audio thread plays one signal on channels 0 (hard left) and 1 (hard right), so
 * L = R exactly: a 125 Hz sine at half scale (-9.03 dBFS RMS, the 125 Hz band's centre,
 * below 150 Hz) and a 4 kHz sine at a quarter (-15.05 dBFS, the 4 kHz band). The
 * control thread reads the spectrum and the correlation sums through the mailbox as fast
 * as it can while it switches the analyser (on/off, 300 ms/3 s) and the correlation meter
 * on and off. Every reading must be whole: a torn copy of the averages (some updated by
 * the segment end, some not) breaks L^2 = R^2 = LR, which the engine keeps bit for bit
 * on L = R; a reading that is off has every band silent. Under ThreadSanitizer any race
 * on the engine's state, the mailbox or the analyser's target set fails the run. */

/* One period of the two tones (both have whole periods in 384 frames: 125 Hz once). */
#define TONE_PERIOD 384u
static mixbox_q31_t tones[TONE_PERIOD];

static void *bus_meter_audio_thread(void *unused)
{
    (void)unused;
    mixbox_q31_t input[FRAMES * CHANNELS];
    mixbox_q31_t output[FRAMES * 2u];
    uint32_t frame = 0;
    memset(input, 0, sizeof input);
    while (!__atomic_load_n(&stop_audio, __ATOMIC_ACQUIRE)) {
        for (uint32_t f = 0; f < FRAMES; f++, frame = (frame + 1u) % TONE_PERIOD)
            input[f * CHANNELS] = input[f * CHANNELS + 1u] = tones[frame];
        mixbox_mailbox_service(&shared_mailbox, &engine, &shared_stats);
        if (mixbox_process(&engine, input, FRAMES * CHANNELS, output, FRAMES * 2u, FRAMES) != MIXBOX_OK) {
            mixbox_audio_stats_count(&shared_stats.engine_errors);
        }
        mixbox_audio_stats_note_block(&shared_stats, 1u);
    }
    return NULL;
}

/* Waits until the audio thread has run `blocks` more blocks. */
static void wait_blocks(uint32_t blocks)
{
    uint32_t start = __atomic_load_n(&shared_stats.blocks, __ATOMIC_RELAXED);
    while (__atomic_load_n(&shared_stats.blocks, __ATOMIC_RELAXED) - start < blocks) sched_yield();
}

static void test_bus_meters_two_threads(void)
{
    pthread_t audio;
    for (uint32_t n = 0; n < TONE_PERIOD; n++) {
        double x = 0.5 * sin(2.0 * 3.14159265358979323846 * 125.0 * n / 48000.0)
                 + 0.25 * sin(2.0 * 3.14159265358979323846 * 4000.0 * n / 48000.0);
        tones[n] = (mixbox_q31_t)(x * 2147483647.0);
    }
    CHECK(mixbox_init(&engine, 48000u, CHANNELS) == MIXBOX_OK);
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_PAN, 0u, -100) == MIXBOX_OK);
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_PAN, 1u, 100) == MIXBOX_OK);
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_ANALYSER_ON, 0u, 1) == MIXBOX_OK);
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_CORRELATION_ON, 0u, 1) == MIXBOX_OK);
    mixbox_mailbox_init(&shared_mailbox);
    mixbox_audio_stats_init(&shared_stats, 48000u, FRAMES);
    __atomic_store_n(&stop_audio, 0, __ATOMIC_RELEASE);
    CHECK(pthread_create(&audio, NULL, bus_meter_audio_thread, NULL) == 0);

    int timeouts = 0, torn = 0, spectra = 0, correlations = 0, on_readings = 0, off_readings = 0;
    for (int i = 0; i < 2000; i++) {
        if ((i % 250) == 125) {
            /* Switch while the audio thread runs: the new set is adopted at a block start. */
            CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_ANALYSER_ON, 0u, (i / 250) % 3 == 1 ? 0 : 1) == MIXBOX_OK);
            CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_ANALYSER_SLOW, 0u, (i / 250) & 1) == MIXBOX_OK);
            CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_CORRELATION_ON, 0u, (i / 250) % 4 == 2 ? 0 : 1) == MIXBOX_OK);
        }
        if (mixbox_mailbox_transact(&shared_mailbox, MIXBOX_REQUEST_SPECTRUM_READ, 0u, yield_wait, NULL, 10000000u) != MIXBOX_OK) {
            timeouts++;
            continue;
        }
        CHECK(shared_mailbox.status == MIXBOX_OK);
        mixbox_spectrum_reading_t spectrum = shared_mailbox.spectrum;
        spectra++;
        for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) {
            int32_t level = spectrum.band_cdb[b];
            if ((!spectrum.on && level != MIXBOX_METER_SILENCE_CDB) || level < MIXBOX_METER_SILENCE_CDB || level > 0) torn++;
        }

        if (mixbox_mailbox_transact(&shared_mailbox, MIXBOX_REQUEST_CORRELATION_READ, 0u, yield_wait, NULL, 10000000u) != MIXBOX_OK) {
            timeouts++;
            continue;
        }
        CHECK(shared_mailbox.status == MIXBOX_OK);
        mixbox_correlation_sums_t sums = shared_mailbox.correlation;
        correlations++;
        if (sums.on) {
            on_readings++;
            if (sums.sum[0] != sums.sum[1] || sums.sum[0] != sums.sum[2] || sums.sum[3] != sums.sum[4] || sums.sum[3] != sums.sum[5]) torn++;
            mixbox_correlation_reading_t r;
            CHECK(mixbox_correlation_from_sums(&sums, &r) == MIXBOX_OK);
            if (sums.sum[0] > 0 && r.correlation_x10000 != 10000) torn++;
            if (sums.sum[3] > 0 && r.low_correlation_x10000 != 10000) torn++;
        } else {
            off_readings++;
            for (uint32_t s = 0; s < MIXBOX_CORRELATION_SUMS; s++)
                if (sums.sum[s] != 0) torn++;
        }
    }

    /* Both on, fast, and settled: the bands hold the tones' levels. */
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_ANALYSER_ON, 0u, 1) == MIXBOX_OK);
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_ANALYSER_SLOW, 0u, 0) == MIXBOX_OK);
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_CORRELATION_ON, 0u, 1) == MIXBOX_OK);
    wait_blocks(3u * 48000u / FRAMES); /* 3 s of audio: 10 time constants */
    CHECK(mixbox_mailbox_transact(&shared_mailbox, MIXBOX_REQUEST_SPECTRUM_READ, 0u, yield_wait, NULL, 10000000u) == MIXBOX_OK);
    mixbox_spectrum_reading_t settled = shared_mailbox.spectrum;
    CHECK(mixbox_mailbox_transact(&shared_mailbox, MIXBOX_REQUEST_CORRELATION_READ, 0u, yield_wait, NULL, 10000000u) == MIXBOX_OK);
    mixbox_correlation_reading_t correlation;
    CHECK(mixbox_correlation_from_sums(&shared_mailbox.correlation, &correlation) == MIXBOX_OK);

    __atomic_store_n(&stop_audio, 1, __ATOMIC_RELEASE);
    CHECK(pthread_join(audio, NULL) == 0);
    mixbox_audio_stats_t copy;
    mixbox_audio_stats_read(&shared_stats, &copy);
    printf("bus meters, two threads: %d spectrum and %d correlation readings (%d on, %d off), %u blocks;"
           " settled: 125 Hz band %d cdB, 4 kHz band %d cdB, correlation %d, below 150 Hz %d\n",
           spectra, correlations, on_readings, off_readings, copy.blocks,
           settled.band_cdb[2], settled.band_cdb[7], correlation.correlation_x10000, correlation.low_correlation_x10000);
    CHECK(timeouts == 0);
    CHECK(torn == 0);
    CHECK(on_readings > 0 && off_readings > 0); /* both states were read */
    CHECK(copy.engine_errors == 0u);
    /* Within 0.2 dB of the tones' RMS levels (the analyser's own accuracy is test_bus_meters'). */
    CHECK(settled.on == 1 && settled.band_cdb[2] >= -903 - 20 && settled.band_cdb[2] <= -903 + 20);
    CHECK(settled.band_cdb[7] >= -1505 - 20 && settled.band_cdb[7] <= -1505 + 20);
    CHECK(correlation.on == 1 && correlation.correlation_x10000 == 10000 && correlation.low_correlation_x10000 == 10000);
}

int main(void)
{
    test_mailbox_single_thread();
    test_meter_cache();
    test_bus_meters_through_mailbox();
    test_stats_and_tdm();
    test_rev_b_helpers();
    test_two_threads();
    test_bus_meters_two_threads();
    if (failures != 0) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("device link: all checks passed\n");
    return 0;
}
