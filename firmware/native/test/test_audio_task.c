/*
 * The real mixbox_audio_task.c on the host, against the model of ESP-IDF v5.5.4
 * (test/idf), in virtual time. ctest runs it at nanoFramework's 100 Hz FreeRTOS tick
 * (test_audio_task) and at 1000 Hz (test_audio_task_1khz).
 *
 * What goes in: ADC slot s of controller k (0 = ADC A on I2S0, 1 = ADC B on I2S1)
 * carries code(k * 4 + s, bus frame): the engine channel it must reach in bits 24-26 and
 * the frame in bits 8-23 (24-bit audio, low byte 0). What is checked:
 *   - the engine's input (read through a wrapper of mixbox_process: the linker's
 *     --wrap, the engine untouched): every channel c carries code c, all 8 channels of
 *     an engine frame carry the same frame ("in step"), and the low bytes are 0 (the
 *     task took its block tags out);
 *   - the output: the engine is set so channel 0 is alone and hard left, channel 4 hard
 *     right (unity gains are exact: mixbox_engine.h), so DAC slot 0/1 of bus frame F
 *     must carry code(0, F - 24) / code(4, F - 24), and slots 2/3 zeros;
 *   - the task's counters, against each induced fault;
 *   - the loopback self-test with the DAC's left slot wired back into ADC A slot 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "freertos/FreeRTOS.h"
#include "idf_model.h"
#include "mixbox_device.h"

#include "check.h"

#define FRAMES MIXBOX_DEVICE_BLOCK_FRAMES
#define CHANNELS MIXBOX_BOARD_INPUT_CHANNELS
#define DESIGN_LATENCY_FRAMES (MIXBOX_DEVICE_DMA_BUFFERS * FRAMES) /* 24 */
#define BLOCK_US 167u
#define TICK_MS (1000u / configTICK_RATE_HZ)
#define FRAME_MOD 65535u

static int32_t code(uint32_t channel, uint64_t frame)
{
    return (int32_t)((channel << 24) | ((uint32_t)(frame % FRAME_MOD + 1u) << 8));
}
static uint32_t code_channel(int32_t v) { return (uint32_t)v >> 24; }
static uint32_t code_frame(int32_t v) { return (((uint32_t)v >> 8) & 0xFFFFu) - 1u; }

/* ---- what the converters see ---- */

static uint64_t impulse_frame = UINT64_MAX; /* != MAX: silence but an impulse in that frame */

/* The loopback cable: DAC slot 0 (left) -> ADC A slot 0. Within a bus frame the model
 * clocks I2S0's RX before its TX, so a wire carries the frame before: one frame of its own. */
#define WIRE_FRAMES 1u
#define WIRE_RING 64u
static int loopback_wire;    /* the cable is plugged */
static int loopback_silent;  /* ... but carries nothing (no cable) */
static int32_t wire_ring[WIRE_RING];

static int32_t adc(int port, uint64_t frame, uint32_t slot, void *ctx)
{
    (void)ctx;
    if (loopback_wire) {
        if (port != 0 || slot != 0u || loopback_silent || frame < WIRE_FRAMES) return 0;
        return wire_ring[(frame - WIRE_FRAMES) % WIRE_RING];
    }
    if (impulse_frame != UINT64_MAX) {
        if (frame != impulse_frame || slot != 0u) return 0;
        return port == 0 ? 0x40000000 : 0x20000000;
    }
    return code((uint32_t)port * 4u + slot, frame);
}

typedef struct {
    uint64_t frames, silent, extra_slots_not_zero, lr_apart, wrong_channel;
    uint64_t at_design_latency, other_latency;
    uint32_t last_other_latency;
    uint64_t first_other_frame, last_other_frame;
    uint64_t impulse_out_frame;
    int32_t impulse_left, impulse_right;
} dac_log_t;

static dac_log_t dac_log;
static uint64_t dac_count_from;             /* frames before this are only counted in .frames */
static uint64_t dac_count_until = UINT64_MAX; /* nor from this one on (the stop) */

static void dac(int port, uint64_t frame, const int32_t *slots, uint32_t count, void *ctx)
{
    (void)ctx;
    dac_log.frames++;
    if (port != 0 || count != 4u) { dac_log.wrong_channel++; return; }
    if (slots[2] != 0 || slots[3] != 0) dac_log.extra_slots_not_zero++;
    int32_t l = slots[0], r = slots[1];
    if (loopback_wire) {
        wire_ring[frame % WIRE_RING] = l;
        return;
    }
    if (impulse_frame != UINT64_MAX) {
        if ((l != 0 || r != 0) && dac_log.impulse_out_frame == 0u) {
            dac_log.impulse_out_frame = frame;
            dac_log.impulse_left = l;
            dac_log.impulse_right = r;
        }
        return;
    }
    if (frame < dac_count_from || frame >= dac_count_until) return;
    if (l == 0 && r == 0) { dac_log.silent++; return; }
    if (code_channel(l) != 0u || code_channel(r) != 4u) { dac_log.wrong_channel++; return; }
    if (code_frame(l) != code_frame(r)) dac_log.lr_apart++;
    uint32_t latency = (uint32_t)((frame % FRAME_MOD + FRAME_MOD - code_frame(l)) % FRAME_MOD);
    if (latency == DESIGN_LATENCY_FRAMES) {
        dac_log.at_design_latency++;
    } else {
        if (dac_log.other_latency == 0u) dac_log.first_other_frame = frame;
        dac_log.other_latency++;
        dac_log.last_other_latency = latency;
        dac_log.last_other_frame = frame;
    }
}

/* ---- what the engine is given (the --wrap hook) ---- */

typedef struct {
    uint64_t blocks, frames, out_of_step, wrong_channel, tag_left, gaps;
    int64_t first_out_of_step_ns, last_out_of_step_ns;
    uint32_t last_frame;
    int have_last;
} engine_log_t;

static engine_log_t engine_log;
static uint32_t process_cost_us;

mixbox_status_t __real_mixbox_process(mixbox_engine_t *engine, const mixbox_q31_t *input, size_t input_samples,
                                      mixbox_q31_t *output, size_t output_samples, uint32_t frames);

mixbox_status_t __wrap_mixbox_process(mixbox_engine_t *engine, const mixbox_q31_t *input, size_t input_samples,
                                      mixbox_q31_t *output, size_t output_samples, uint32_t frames);

mixbox_status_t __wrap_mixbox_process(mixbox_engine_t *engine, const mixbox_q31_t *input, size_t input_samples,
                                      mixbox_q31_t *output, size_t output_samples, uint32_t frames)
{
    engine_log.blocks++;
    if (impulse_frame == UINT64_MAX && !loopback_wire && frames == FRAMES && input_samples == (size_t)FRAMES * CHANNELS) {
        for (uint32_t f = 0; f < frames; f++) {
            const mixbox_q31_t *frame = input + (size_t)f * CHANNELS;
            uint32_t ref = code_frame(frame[0]);
            int in_step = 1;
            for (uint32_t c = 0; c < CHANNELS; c++) {
                if (code_channel(frame[c]) != c) engine_log.wrong_channel++;
                if (code_frame(frame[c]) != ref) in_step = 0;
                if (((uint32_t)frame[c] & 0xFFu) != 0u) engine_log.tag_left++;
            }
            if (!in_step) {
                if (engine_log.out_of_step == 0u) engine_log.first_out_of_step_ns = idf_model_now_ns();
                engine_log.out_of_step++;
                engine_log.last_out_of_step_ns = idf_model_now_ns();
            }
            if (engine_log.have_last && ref != (engine_log.last_frame + 1u) % FRAME_MOD) engine_log.gaps++;
            engine_log.last_frame = ref;
            engine_log.have_last = 1;
            engine_log.frames++;
        }
    }
    if (process_cost_us > 0u) idf_model_consume_us(process_cost_us);
    return __real_mixbox_process(engine, input, input_samples, output, output_samples, frames);
}

/* ---- helpers ---- */

static mixbox_audio_stats_t stats(void)
{
    mixbox_audio_stats_t s;
    mixbox_audio_read_stats(&s);
    return s;
}

static void print_stats(const char *what, const mixbox_audio_stats_t *s)
{
    printf("  %s: blocks %u, overruns %u, underruns %u, timeouts %u, slips %u, restarts %u, io_errors %u, engine_errors %u, last/worst %u/%u us of %u, late %u\n",
           what, s->blocks, s->overruns, s->underruns, s->timeouts, s->slips, s->restarts, s->io_errors, s->engine_errors,
           s->last_block_us, s->worst_block_us, s->budget_us, s->late_blocks);
}

static void start_audio(uint32_t cost_us)
{
    idf_model_reset();
    idf_model_set_time_limit_us(60u * 1000000u);
    memset(&dac_log, 0, sizeof(dac_log));
    memset(&engine_log, 0, sizeof(engine_log));
    dac_count_from = 0;
    dac_count_until = UINT64_MAX;
    process_cost_us = cost_us;
    idf_model_set_adc(adc, NULL);
    idf_model_set_dac(dac, NULL);
    CHECK(mixbox_device_init(MIXBOX_BOARD_SAMPLE_RATE, CHANNELS) == MIXBOX_OK);
    mixbox_engine_t *engine = mixbox_device_engine();
    for (uint32_t c = 0; c < CHANNELS; c++) {
        if (c == 0u || c == 4u) CHECK(mixbox_set_param(engine, MIXBOX_PARAM_CHANNEL_PAN, c, c == 0u ? -100 : 100) == MIXBOX_OK);
        else CHECK(mixbox_set_param(engine, MIXBOX_PARAM_CHANNEL_MUTE, c, 1) == MIXBOX_OK);
    }
    CHECK(mixbox_audio_start() == MIXBOX_OK);
}

static void stop_audio(void)
{
    dac_count_until = idf_model_bus_frames(0); /* the output runs dry while the task stops */
    CHECK(mixbox_audio_stop() == MIXBOX_OK);
    CHECK(!mixbox_audio_running());
}

/* Runs `us` of virtual time, reading meters every 10 ms as the panel does. */
static void run_with_panel(uint64_t us)
{
    const int64_t end = idf_model_now_ns() + (int64_t)us * 1000;
    while (idf_model_now_ns() < end) {
        int64_t left_us = (end - idf_model_now_ns() + 999) / 1000;
        idf_model_run_for_us(left_us < 10000 ? (uint64_t)left_us : 10000u);
        if (idf_model_now_ns() >= end) break;
        mixbox_meter_reading_t r;
        CHECK(mixbox_device_meter_read(MIXBOX_METER_MAIN_LEFT, &r) == MIXBOX_OK);
        CHECK(mixbox_device_meter_read(MIXBOX_METER_CHANNEL(0), &r) == MIXBOX_OK);
    }
}

static uint64_t bus_frame_now(void) { return idf_model_bus_frames(0); }

/* After a fault: from `settle_ms` on, every output frame at the design latency. */
static void expect_recovered(const char *what)
{
    CHECK(dac_log.other_latency == 0u);
    CHECK(dac_log.silent == 0u);
    CHECK(dac_log.at_design_latency > 0u);
    if (dac_log.other_latency != 0u || dac_log.silent != 0u)
        fprintf(stderr, "  %s: after recovery %llu frames at %u frames latency (frames %llu..%llu), %llu silent\n", what,
                (unsigned long long)dac_log.other_latency, dac_log.last_other_latency,
                (unsigned long long)dac_log.first_other_frame, (unsigned long long)dac_log.last_other_frame,
                (unsigned long long)dac_log.silent);
}

/* ---- scenarios ---- */

static int find_event(const idf_model_event_t *e, size_t n, size_t from, idf_model_event_kind_t kind, int port, int dir)
{
    for (size_t i = from; i < n; i++) {
        if (e[i].kind == kind && e[i].port == port && (dir < 0 || e[i].dir == dir)) return (int)i;
    }
    return -1;
}

static void test_start_stop_order(void)
{
    start_audio(0u);
    CHECK(mixbox_audio_start() == MIXBOX_DEVICE_ERR_STATE);
    const idf_model_event_t *e;
    size_t n = idf_model_events(&e);
    int first_enable = find_event(e, n, 0, IDF_EV_ENABLE, 1, I2S_DIR_RX);
    int enable_a = find_event(e, n, 0, IDF_EV_ENABLE, 0, I2S_DIR_RX);
    int enable_tx = find_event(e, n, 0, IDF_EV_ENABLE, 0, I2S_DIR_TX);
    int clock = find_event(e, n, 0, IDF_EV_CLOCK_START, 0, -1);
    int preloads = 0, preload_ok = 1, all_ok = 1;
    for (size_t i = 0; i < n; i++) {
        all_ok = all_ok && e[i].result == ESP_OK;
        if (e[i].kind == IDF_EV_PRELOAD) {
            preloads++;
            preload_ok = preload_ok && e[i].state_before == IDF_STATE_READY && (int)i < first_enable;
        }
        if (e[i].kind == IDF_EV_ENABLE) CHECK(e[i].state_before == IDF_STATE_READY);
    }
    CHECK(all_ok);
    CHECK(first_enable >= 0 && enable_a > first_enable && enable_tx > enable_a); /* slave, ADC A, then the clock master */
    CHECK(clock > enable_tx);
    CHECK(preloads >= 3 && preload_ok);
    CHECK(idf_model_port_full_duplex(0) && !idf_model_port_config_mismatch(0));
    CHECK(idf_model_warnings() == 0u);
    idf_model_chan_info_t tx, a, b;
    idf_model_chan_info(0, I2S_DIR_TX, &tx);
    idf_model_chan_info(0, I2S_DIR_RX, &a);
    idf_model_chan_info(1, I2S_DIR_RX, &b);
    CHECK(tx.role == I2S_ROLE_MASTER && a.full_duplex_slave && b.role == I2S_ROLE_SLAVE && !b.full_duplex_slave);
    CHECK(tx.buf_size == 128u && a.buf_size == 128u && b.buf_size == 128u && tx.desc_num == 3u && b.frame_num == 8u);
    CHECK(tx.mclk_hz == 24576000u && tx.bclk_div == 4u && b.mclk_hz == 49152000u && b.bclk_div == 8u);

    idf_model_run_for_us(10000u);
    n = idf_model_events(&e);
    int first_a = find_event(e, n, 0, IDF_EV_FIRST_FRAME, 0, I2S_DIR_RX);
    int first_b = find_event(e, n, 0, IDF_EV_FIRST_FRAME, 1, I2S_DIR_RX);
    int first_tx = find_event(e, n, 0, IDF_EV_FIRST_FRAME, 0, I2S_DIR_TX);
    CHECK(first_a >= 0 && first_b >= 0 && first_tx >= 0);
    CHECK(first_a >= 0 && first_b >= 0 && e[first_a].bus_frame == 0u && e[first_b].bus_frame == 0u && e[first_tx].bus_frame == 0u);

    size_t before_stop = n;
    stop_audio();
    CHECK(mixbox_audio_stop() == MIXBOX_DEVICE_ERR_STATE);
    n = idf_model_events(&e);
    int off_tx = find_event(e, n, before_stop, IDF_EV_DISABLE, 0, I2S_DIR_TX);
    int off_a = find_event(e, n, before_stop, IDF_EV_DISABLE, 0, I2S_DIR_RX);
    int off_b = find_event(e, n, before_stop, IDF_EV_DISABLE, 1, I2S_DIR_RX);
    int stopped = find_event(e, n, before_stop, IDF_EV_CLOCK_STOP, 0, -1);
    CHECK(off_tx >= 0 && stopped > off_tx && off_a > stopped && off_b > off_a); /* the clock first, then the listeners */
    int deleted = 0;
    for (size_t i = before_stop; i < n; i++) {
        if (e[i].kind == IDF_EV_DELETE && e[i].result == ESP_OK) deleted++;
        CHECK(e[i].result == ESP_OK);
    }
    CHECK(deleted == 3);
    idf_model_chan_info(0, I2S_DIR_TX, &tx);
    CHECK(tx.state == IDF_STATE_NONE);
    printf("start/stop: new + init + callbacks, preload x%d (READY), enable I2S1 RX -> I2S0 RX -> I2S0 TX (clock), first frames all at bus frame 0; stop: I2S0 TX (clock) -> I2S0 RX -> I2S1 RX, 3 channels deleted\n",
           preloads);
}

static void test_clean_run(uint32_t seconds)
{
    const uint32_t cost = 40u;
    start_audio(cost);
    dac_count_from = DESIGN_LATENCY_FRAMES; /* before: the preloaded silence */
    run_with_panel((uint64_t)seconds * 1000000u);
    mixbox_audio_stats_t s = stats();
    uint64_t frames = bus_frame_now();
    stop_audio();
    print_stats("clean run", &s);
    CHECK(s.blocks >= seconds * 6000u - 10u && s.blocks <= seconds * 6000u);
    CHECK(s.overruns == 0u && s.underruns == 0u && s.timeouts == 0u && s.slips == 0u && s.restarts == 0u);
    CHECK(s.io_errors == 0u && s.engine_errors == 0u && s.late_blocks == 0u);
    CHECK(s.last_block_us == cost && s.worst_block_us == cost && s.budget_us == BLOCK_US);
    CHECK(engine_log.out_of_step == 0u && engine_log.wrong_channel == 0u && engine_log.tag_left == 0u && engine_log.gaps == 0u);
    CHECK(engine_log.frames >= (uint64_t)s.blocks * FRAMES && engine_log.frames <= (uint64_t)(s.blocks + 1u) * FRAMES);
    CHECK(dac_log.extra_slots_not_zero == 0u && dac_log.lr_apart == 0u && dac_log.wrong_channel == 0u);
    CHECK(dac_log.other_latency == 0u && dac_log.silent == 0u);
    CHECK(dac_log.at_design_latency + DESIGN_LATENCY_FRAMES >= frames - FRAMES);
    printf("%u s of virtual audio at %u Hz ticks: %llu bus frames, %u blocks, %llu engine frames all in step, %llu DAC frames all at %u frames latency; 0 timeouts, 0 errors\n",
           seconds, (unsigned)configTICK_RATE_HZ, (unsigned long long)frames, s.blocks, (unsigned long long)engine_log.frames,
           (unsigned long long)dac_log.at_design_latency, DESIGN_LATENCY_FRAMES);
}

static void test_latency(uint32_t cost_us)
{
    start_audio(cost_us);
    impulse_frame = 4800u; /* 100 ms in */
    run_with_panel(200000u);
    mixbox_audio_stats_t s = stats();
    stop_audio();
    CHECK(s.underruns == 0u && s.overruns == 0u && s.slips == 0u && s.timeouts == 0u);
    uint64_t latency = dac_log.impulse_out_frame - impulse_frame;
    CHECK(dac_log.impulse_out_frame != 0u && latency == DESIGN_LATENCY_FRAMES);
    CHECK(dac_log.impulse_left == 0x40000000 && dac_log.impulse_right == 0x20000000); /* ADC A slot 0 -> L, ADC B slot 0 -> R */
    printf("latency: impulse in at bus frame %llu, out at %llu: %llu frames (%u frame blocks x %u TX buffers), processing %u us of the %u us budget\n",
           (unsigned long long)impulse_frame, (unsigned long long)dac_log.impulse_out_frame, (unsigned long long)latency,
           FRAMES, MIXBOX_DEVICE_DMA_BUFFERS, cost_us, BLOCK_US);
    impulse_frame = UINT64_MAX;
}

/* Runs 1 s, applies `fault`, runs `fault_us`, lifts it; from `settle_us` after that the
 * output must be back at the design latency with nothing silent. */
typedef void (*fault_fn)(int on);

static mixbox_audio_stats_t run_fault(const char *what, fault_fn fault, uint64_t fault_us, uint64_t settle_us, uint32_t cost_us)
{
    start_audio(cost_us);
    dac_count_from = DESIGN_LATENCY_FRAMES;
    run_with_panel(1000000u);
    mixbox_audio_stats_t before = stats();
    CHECK(before.timeouts == 0u && before.slips == 0u && before.underruns == 0u && before.overruns == 0u);
    memset(&dac_log, 0, sizeof(dac_log));
    dac_count_from = bus_frame_now();
    fault(1);
    idf_model_run_for_us(fault_us);
    fault(0);
    idf_model_run_for_us(settle_us);
    printf("  %s, output from the fault to %llu ms after it: %llu frames at %u frames latency, %llu silent, %llu at another latency (last %u)\n",
           what, (unsigned long long)(settle_us / 1000u), (unsigned long long)dac_log.at_design_latency, DESIGN_LATENCY_FRAMES,
           (unsigned long long)dac_log.silent, (unsigned long long)dac_log.other_latency, dac_log.last_other_latency);
    memset(&dac_log, 0, sizeof(dac_log));
    dac_count_from = bus_frame_now();
    uint64_t out_of_step = engine_log.out_of_step;
    run_with_panel(1000000u);
    mixbox_audio_stats_t s = stats();
    stop_audio();
    print_stats(what, &s);
    expect_recovered(what);
    CHECK(engine_log.out_of_step == out_of_step); /* in step again */
    CHECK(engine_log.wrong_channel == 0u && engine_log.tag_left == 0u);
    CHECK(dac_log.lr_apart == 0u && dac_log.extra_slots_not_zero == 0u && dac_log.wrong_channel == 0u);
    CHECK(s.io_errors == 0u && s.engine_errors == 0u);
    return s;
}

static void stall_write(int on) { if (on) idf_model_stall_next_write(0, 400u); }
static void stall_read(int on) { if (on) idf_model_stall_next_read(0, 1000u); }

static void test_underrun_and_overrun(void)
{
    mixbox_audio_stats_t s = run_fault("underrun (writer 400 us late)", stall_write, 0u, 10000u, 0u);
    CHECK(s.underruns >= 1u && s.timeouts == 0u && s.slips == 0u && s.restarts == 0u);
    CHECK(engine_log.out_of_step == 0u);
    printf("underrun: writer 400 us late -> %u underrun(s), %u overrun(s), no slip, no restart; output back at %u frames latency\n",
           s.underruns, s.overruns, DESIGN_LATENCY_FRAMES);
    s = run_fault("overrun (reader 1 ms late)", stall_read, 0u, 10000u, 0u);
    CHECK(s.overruns >= 2u && s.timeouts == 0u && s.slips == 0u && s.restarts == 0u);
    CHECK(engine_log.out_of_step == 0u);
    printf("overrun: reader 1 ms late -> %u overrun(s) (both ADC queues), %u underrun(s), no slip, no restart; output back at %u frames latency\n",
           s.overruns, s.underruns, DESIGN_LATENCY_FRAMES);
}

static void test_clock_stop(void)
{
    start_audio(0u);
    run_with_panel(1000000u);
    CHECK(stats().timeouts == 0u);
    idf_model_pause_clock(0, 1);
    int64_t paused_ns = idf_model_now_ns();
    uint64_t paused_frame = bus_frame_now();
    int64_t detected_ns = -1;
    for (int i = 0; i < 1000 && detected_ns < 0; i++) { /* 100 ms in 100 us steps */
        idf_model_run_for_us(100u);
        if (stats().timeouts > 0u) detected_ns = idf_model_now_ns();
    }
    idf_model_run_for_us(100000u - (uint64_t)(idf_model_now_ns() - paused_ns) / 1000u);
    mixbox_audio_stats_t during = stats();
    CHECK(bus_frame_now() == paused_frame);
    idf_model_pause_clock(0, 0);
    idf_model_run_for_us(10000u);
    memset(&dac_log, 0, sizeof(dac_log));
    dac_count_from = bus_frame_now();
    run_with_panel(1000000u);
    mixbox_audio_stats_t s = stats();
    stop_audio();
    print_stats("clock stop 100 ms", &s);
    /* The last block came at most a block before the pause; a 3-tick wait ends at the
     * 3rd tick after it started: (2, 3] ticks later. Detected in 100 us steps. */
    int64_t delay_us = detected_ns < 0 ? -1 : (detected_ns - paused_ns) / 1000;
    CHECK(detected_ns >= 0);
    CHECK(delay_us > (int64_t)(2u * TICK_MS * 1000u) - (int64_t)BLOCK_US && delay_us <= (int64_t)(3u * TICK_MS * 1000u) + 100);
    CHECK(during.timeouts >= 100u / (3u * TICK_MS) && during.timeouts <= 100u / (2u * TICK_MS) + 1u);
    CHECK(s.slips == 0u && s.restarts == 0u && s.io_errors == 0u && s.timeouts == during.timeouts);
    CHECK(engine_log.out_of_step == 0u);
    expect_recovered("clock stop");
    printf("clock stop: detected %lld us after the clocks stopped (design: 2-3 ticks of %u ms after the last block), %u timeouts in 100 ms; resumed in step, no slip, no restart, %u frames latency\n",
           (long long)delay_us, TICK_MS, during.timeouts, DESIGN_LATENCY_FRAMES);
}

static void cut_b(int on) { idf_model_cut_clock_input(1, on); }
static void skip_a(int on) { if (on) idf_model_skip_rx_block(0); }
static void skip_b(int on) { if (on) idf_model_skip_rx_block(1); }
static void duplicate_a(int on) { if (on) idf_model_duplicate_rx_block(0); }
static void duplicate_b(int on) { if (on) idf_model_duplicate_rx_block(1); }

static void test_slips(void)
{
    struct { const char *what; fault_fn fault; } cases[] = {
        { "ADC B skips a block", skip_b },
        { "ADC A skips a block", skip_a },
        { "ADC B reports a block twice", duplicate_b },
        { "ADC A reports a block twice", duplicate_a },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        mixbox_audio_stats_t s = run_fault(cases[i].what, cases[i].fault, 0u, 10000u, 0u);
        CHECK(s.slips == 1u && s.restarts == 0u && s.timeouts == 0u);
        CHECK(engine_log.out_of_step == 0u); /* the blocks out of step were never mixed */
        printf("slip: %s -> %u slip, re-aligned by dropping the older block (no restart), 0 frames mixed out of step, %llu input frame gap(s); output at %u frames latency\n",
               cases[i].what, s.slips, (unsigned long long)engine_log.gaps, DESIGN_LATENCY_FRAMES);
    }

    /* ADC B's controller loses its clock input for 50 ms: its read times out while A's
     * delivers -> slip + restart (repeated while the clock is away). */
    mixbox_audio_stats_t s = run_fault("ADC B clock input cut 50 ms", cut_b, 50000u, 10000u, 0u);
    CHECK(s.slips >= 1u && s.restarts >= 1u && s.timeouts >= 1u && s.slips >= s.restarts);
    printf("slip: I2S1 clock input cut 50 ms -> %u timeout(s), %u slip(s), %u restart(s), %llu frames mixed out of step; in step again after\n",
           s.timeouts, s.slips, s.restarts, (unsigned long long)engine_log.out_of_step);
    CHECK(engine_log.out_of_step == 0u);

    /* A 2-frame cut: ADC B comes back 2 frames late, under half a block: an offset, seen
     * when it persists for 8 blocks -> restart. */
    start_audio(0u);
    dac_count_from = DESIGN_LATENCY_FRAMES;
    run_with_panel(100000u);
    cut_b(1);
    idf_model_run_for_us(42u);
    cut_b(0);
    int64_t cut_ns = idf_model_now_ns();
    int64_t restarted_ns = -1;
    for (int i = 0; i < 200 && restarted_ns < 0; i++) {
        idf_model_run_for_us(20u);
        if (stats().restarts > 0u) restarted_ns = idf_model_now_ns();
    }
    run_with_panel(100000u);
    uint64_t out_of_step = engine_log.out_of_step;
    memset(&dac_log, 0, sizeof(dac_log));
    dac_count_from = bus_frame_now();
    run_with_panel(1000000u);
    s = stats();
    stop_audio();
    print_stats("2-frame offset", &s);
    CHECK(restarted_ns > 0 && s.slips == 1u && s.restarts == 1u && s.timeouts == 0u);
    CHECK(out_of_step > 0u && out_of_step <= 3u * FRAMES && engine_log.out_of_step == out_of_step);
    expect_recovered("2-frame offset");
    printf("offset: I2S1 clock input cut for 2 frames -> ADC B 2 frames late: restart %lld us later, %llu frames mixed 2 frames apart before it (%u-block persistence)\n",
           (long long)(restarted_ns - cut_ns) / 1000, (unsigned long long)out_of_step, 3u);
}

/* The self-test through the real task: the measured latency is the DMA path's 24 frames
 * (+ the wire's one); nothing else is in the model (no converter filters). */
static void test_loopback(int silent)
{
    loopback_wire = 1;
    loopback_silent = silent;
    memset(wire_ring, 0, sizeof(wire_ring));
    start_audio(0u);
    mixbox_loopback_result_t r;
    CHECK(mixbox_audio_loopback_read(&r) == MIXBOX_ERR_NOT_INITIALISED || r.status != MIXBOX_LOOPBACK_RUNNING);
    run_with_panel(50000u);
    CHECK(mixbox_audio_loopback_start() == MIXBOX_OK);
    CHECK(mixbox_audio_loopback_start() == MIXBOX_DEVICE_ERR_BUSY);
    int polls = 0;
    for (; polls < 100; polls++) { /* the control loop's 10 ms ticks */
        run_with_panel(10000u);
        CHECK(mixbox_audio_loopback_read(&r) == MIXBOX_OK);
        if (r.status != MIXBOX_LOOPBACK_RUNNING) break;
    }
    mixbox_audio_stats_t s = stats();
    stop_audio();
    loopback_wire = 0;
    CHECK(s.underruns == 0u && s.overruns == 0u && s.slips == 0u && s.timeouts == 0u && s.engine_errors == 0u);
    if (silent) {
        CHECK(r.status == MIXBOX_LOOPBACK_NO_SIGNAL);
        printf("loopback, nothing on input 1: status %d (no signal) after %d ticks\n", (int)r.status, polls + 1);
        return;
    }
    int32_t expected = (int32_t)(100u * (DESIGN_LATENCY_FRAMES + WIRE_FRAMES));
    CHECK(r.status == MIXBOX_LOOPBACK_OK);
    CHECK(r.latency_centisamples >= expected - 100 && r.latency_centisamples <= expected + 100); /* the brief: one sample */
    CHECK(r.latency_centisamples >= expected - 5 && r.latency_centisamples <= expected + 5);    /* reached: exact */
    CHECK(r.gain_cdb == 0 && r.thd_n_cdb < -12000);
    printf("loopback through the task: latency %d.%02d frames = %u DMA + %u wire, level %d cdB, gain %d cdB, THD+N %d cdB, after %d ticks\n",
           r.latency_centisamples / 100, r.latency_centisamples % 100, DESIGN_LATENCY_FRAMES, WIRE_FRAMES, r.level_cdb, r.gain_cdb,
           r.thd_n_cdb, polls + 1);
}

static void test_timeout_helper(void)
{
    uint32_t ms = mixbox_io_timeout_ms(BLOCK_US, configTICK_RATE_HZ);
    CHECK(pdMS_TO_TICKS(ms) >= 3u);
    CHECK(ms * 1000u >= 4u * BLOCK_US);
    printf("timeout: %u ms = %u ticks at %u Hz (at least 3 ticks and 4 blocks); clocks stopped is seen 2-3 ticks after the last block\n",
           ms, (unsigned)pdMS_TO_TICKS(ms), (unsigned)configTICK_RATE_HZ);
}

/* No argument: every scenario. "--ticks": what depends on the tick rate (the other
 * tick-rate build runs it). */
int main(int argc, char **argv)
{
    int ticks_only = argc > 1 && strcmp(argv[1], "--ticks") == 0;
    test_timeout_helper();
    test_start_stop_order();
    test_clean_run(ticks_only ? 2u : 10u);
    if (!ticks_only) {
        test_latency(0u);
        test_latency(150u);
        test_loopback(0);
        test_loopback(1);
        test_underrun_and_overrun();
    }
    test_clock_stop();
    if (!ticks_only) test_slips();
    idf_model_reset();
    if (failures != 0) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("audio task: all checks passed\n");
    return 0;
}
