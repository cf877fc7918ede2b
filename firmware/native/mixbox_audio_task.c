/*
 * mixbox_audio_task.c - the native audio task on the ESP32-S3, board rev B (ESP-IDF
 * v5.5.4, driver/i2s_tdm.h). Built into the nanoFramework image; on the host it is built
 * against a model of the driver (test/idf) and tested there (test/test_audio_task.c).
 * Line references "i2s_common.c:N" / "i2s_tdm.c:N" are
 * components/esp_driver_i2s/{i2s_common.c,i2s_tdm.c} @ v5.5.4.
 *
 * Two I2S controllers, each a 4 x 32-bit TDM frame (128 bits: the S3's limit, I2S0
 * could not carry rev A's 8 x 32 - i2s_tdm.c:142):
 *   - I2S0, master, full duplex from one i2s_new_channel: RX = ADC A (inputs 1-4),
 *     TX = the PCM5122 (L/R in slots 0/1, zeros in 2/3). TX and RX get the same TDM
 *     configuration (they share BCLK/WS; ESP-IDF's I2S guide, i2s.rst:926). TX is
 *     initialised first, so it stays the clock master and RX becomes its full-duplex
 *     slave (i2s_tdm.c:278-285).
 *   - I2S1, RX slave: BCLK/WS inputs on I2S0's pins (GPIO matrix), its own DIN: ADC B
 *     (inputs 5-8).
 * The engine sees one 8-channel frame: ADC A's slots 0-3, then ADC B's.
 *
 * Each loop: read one 8-frame block from ADC A and one from ADC B -> check that they
 * hold the same frames (below) -> interleave -> service one control request
 * (mixbox_device_link.c) -> mixbox_process (or, while a loopback self-test runs, the
 * test's generator and capture in its place) -> pack L/R into the DAC's slots -> write one
 * block. The task is pinned to core 1 (the CLR runs on core 0) at a high priority. It
 * never locks: the CLR side talks to it through the mailbox and atomic counters, and
 * writes parameters through mixbox_set_param, whose targets the engine adopts at the
 * next block. No engine logic here: samples go to mixbox_process unchanged.
 *
 * Start: listeners before the clock. I2S1 RX, then I2S0 RX, then I2S0 TX, whose
 * enabling starts BCLK/WS, so both ADC controllers see the same first frame; TX is
 * preloaded with silence first. Stop (and a restart): the reverse, TX (the clock) first.
 *
 * Timeouts: mixbox_io_timeout_ms - at least 3 FreeRTOS ticks and 4 blocks; 30 ms at
 * nanoFramework's 100 Hz tick (a timeout under 10 ms would be 0 ticks: no wait). A wait
 * ends at the 3rd tick interrupt after it starts, so "clocks stopped" is seen 20-30 ms
 * after the last block, and counted again every 20-30 ms while they stay stopped.
 *
 * Slips: ADC A's and ADC B's blocks are paired by when their DMA buffers were
 * completed (tags and times from the on_recv ISR, mixbox_block_clock_t): a pair more
 * than half a block apart is a slip; the older block is dropped and its controller read
 * again until the pair is aligned (at most DMA_BUFFERS times), else all channels are
 * restarted. A read that times out on one controller while the other delivers is a
 * slip too (a slave that lost its clock may come back off by any number of frames):
 * restart. An offset of a few frames (more than half a frame, under half a block) that
 * persists for OFFSET_PERSIST_BLOCKS blocks, or is left after dropping whole blocks:
 * restart. Blocks a whole block or more out of step are never mixed.
 *
 * Latency: a block leaves DMA_BUFFERS blocks (24 frames) after it arrived. After an
 * underrun (the TX queue dropped a buffer) or a lost input block it would leave one
 * block later or earlier; the task predicts that from when the TX buffer it will write
 * was freed (mixbox_tx_clock_t) and drops the block or sends silence first.
 */
#include <string.h>

#include "driver/i2s_tdm.h"
#include "esp_attr.h"
#include "esp_rom_sys.h"
#include "esp_timer.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"

#include "mixbox_device.h"

#define RATE MIXBOX_BOARD_SAMPLE_RATE
#define FRAMES MIXBOX_DEVICE_BLOCK_FRAMES         /* 8 */
#define SLOTS MIXBOX_BOARD_SLOTS_PER_FRAME        /* 4 per controller */
#define CHANNELS MIXBOX_BOARD_INPUT_CHANNELS      /* 8: ADC A's 4, then ADC B's 4 */
#define DMA_BUFFERS MIXBOX_DEVICE_DMA_BUFFERS     /* 3 per channel */
#define CTRL_SAMPLES (FRAMES * SLOTS)             /* one controller's block: 32 samples */
/* 8 frames x 4 active slots x 4 bytes = 128 bytes: one DMA buffer (i2s_common.c:445-457;
 * well under the 4092-byte limit, :479, :521) */
#define CTRL_BYTES (CTRL_SAMPLES * sizeof(mixbox_q31_t))
#define BLOCK_US ((FRAMES * 1000000u + RATE - 1u) / RATE) /* 167 */
#define FRAME_US (1000000u / RATE)                         /* 20 */
#define OFFSET_PERSIST_BLOCKS 3u
#define TASK_STACK_BYTES 4096u
#define TASK_PRIORITY (configMAX_PRIORITIES - 2)
#define TASK_CORE 1
#define REQUEST_POLL_US 50u
#define REQUEST_MAX_POLLS 400u /* 20 ms */

_Static_assert(SLOTS * MIXBOX_BOARD_SLOT_BITS <= 128u, "I2S_LL_SLOT_FRAME_BIT_MAX (hal/esp32s3/include/hal/i2s_ll.h:37)");
_Static_assert(CHANNELS == 2u * SLOTS, "the engine's frame is ADC A's slots, then ADC B's");
_Static_assert(DMA_BUFFERS >= 2u, "dma_desc_num >= 2 (i2s_common.c:1002)");

static mixbox_engine_t s_engine;
static uint32_t s_engine_rate;
static uint32_t s_engine_channels;
static mixbox_mailbox_t s_mailbox;
static mixbox_audio_stats_t s_stats;

/* One ADC controller's RX side. */
typedef struct {
    i2s_chan_handle_t handle;
    mixbox_block_clock_t clock; /* stamped by its on_recv ISR */
    mixbox_q31_t block[CTRL_SAMPLES];  /* the block read last */
    uint32_t completed_us;      /* when its DMA buffer was completed */
    int placed;                 /* completed_us is known */
} adc_side_t;

static adc_side_t s_adc[2]; /* [0] = ADC A (I2S0 RX), [1] = ADC B (I2S1 RX) */
static i2s_chan_handle_t s_tx;
static mixbox_tx_clock_t s_tx_clock;
static uint32_t s_io_timeout_ms;
static uint32_t s_drop_blocks; /* input blocks to drop: the output is that many blocks late */
static uint32_t s_offset_run;  /* consecutive pairs a few frames apart */

/* The loopback self-test: written by the CLR side only while s_loopback_active is 0,
 * used by the task only while it is 1 (release/acquire on the flag both ways). */
static mixbox_loopback_t s_loopback;
static uint32_t s_loopback_active;

static TaskHandle_t s_task;
static uint32_t s_running;        /* CLR side's view: start succeeded, stop not yet done */
static uint32_t s_stop_requested; /* CLR -> task */
static uint32_t s_task_exited;    /* task -> CLR */

/* DMA-capable internal RAM (static .bss is internal SRAM on the S3), word aligned. */
static mixbox_q31_t s_frames[FRAMES * CHANNELS];
static mixbox_q31_t s_stereo[FRAMES * 2u];
static mixbox_q31_t s_tx_block[CTRL_SAMPLES];
static const mixbox_q31_t s_silence[CTRL_SAMPLES];

mixbox_engine_t *mixbox_device_engine(void) { return &s_engine; }

mixbox_mailbox_t *mixbox_audio_mailbox(void) { return &s_mailbox; }

int mixbox_audio_running(void) { return __atomic_load_n(&s_running, __ATOMIC_ACQUIRE) != 0u; }

int32_t mixbox_device_init(uint32_t sample_rate_hz, uint32_t channels)
{
    if (mixbox_audio_running()) return MIXBOX_DEVICE_ERR_BUSY;
    mixbox_status_t status = mixbox_init(&s_engine, sample_rate_hz, channels);
    if (status == MIXBOX_OK) {
        s_engine_rate = sample_rate_hz;
        s_engine_channels = channels;
    } else {
        s_engine_rate = 0u;
        s_engine_channels = 0u;
    }
    return status;
}

void mixbox_audio_read_stats(mixbox_audio_stats_t *copy) { mixbox_audio_stats_read(&s_stats, copy); }

static void wait_a_little(void *context)
{
    (void)context;
    esp_rom_delay_us(REQUEST_POLL_US);
}

int32_t mixbox_audio_request(mixbox_request_kind_t kind, uint32_t arg)
{
    if (!mixbox_audio_running()) return MIXBOX_DEVICE_ERR_STATE;
    return mixbox_mailbox_transact(&s_mailbox, kind, arg, wait_a_little, NULL, REQUEST_MAX_POLLS);
}

/* ---- reads of audio-side state, from the CLR: through the mailbox while the task runs ---- */

static mixbox_meter_cache_t s_meter_cache;

static int32_t refresh_meters(void)
{
    int32_t status = mixbox_audio_request(MIXBOX_REQUEST_METERS, 0u);
    if (status != MIXBOX_OK) return status;
    if (s_mailbox.status != MIXBOX_OK) return s_mailbox.status;
    mixbox_meter_cache_merge(&s_meter_cache, s_mailbox.meters, s_mailbox.gain_reduction_cdb);
    mixbox_meter_cache_merge_de_esser(&s_meter_cache, s_mailbox.de_esser_reduction_cdb);
    mixbox_meter_cache_merge_distortion(&s_meter_cache, s_mailbox.distortion_cdb);
    mixbox_meter_cache_merge_true_peak(&s_meter_cache, s_mailbox.true_peak_cdb);
    return MIXBOX_OK;
}

int32_t mixbox_device_meter_read(uint32_t meter_id, mixbox_meter_reading_t *reading)
{
    if (!mixbox_audio_running()) return mixbox_meter_read(&s_engine, meter_id, reading);
    if (reading == NULL) return MIXBOX_ERR_NULL;
    if (meter_id >= MIXBOX_METER_COUNT) return MIXBOX_ERR_INDEX;
    if (mixbox_meter_cache_take(&s_meter_cache, meter_id, reading)) return MIXBOX_OK;
    int32_t status = refresh_meters();
    if (status != MIXBOX_OK) return status;
    return mixbox_meter_cache_take(&s_meter_cache, meter_id, reading) ? MIXBOX_OK : MIXBOX_DEVICE_ERR_STATE;
}

int32_t mixbox_device_gain_reduction_read(int32_t *gain_reduction_cdb)
{
    if (!mixbox_audio_running()) return mixbox_gain_reduction_read(&s_engine, gain_reduction_cdb);
    if (gain_reduction_cdb == NULL) return MIXBOX_ERR_NULL;
    if (mixbox_meter_cache_take_gain_reduction(&s_meter_cache, gain_reduction_cdb)) return MIXBOX_OK;
    int32_t status = refresh_meters();
    if (status != MIXBOX_OK) return status;
    return mixbox_meter_cache_take_gain_reduction(&s_meter_cache, gain_reduction_cdb) ? MIXBOX_OK : MIXBOX_DEVICE_ERR_STATE;
}

int32_t mixbox_device_de_esser_reduction_read(int32_t *reduction_cdb)
{
    if (!mixbox_audio_running()) return mixbox_de_esser_reduction_read(&s_engine, reduction_cdb);
    if (reduction_cdb == NULL) return MIXBOX_ERR_NULL;
    if (mixbox_meter_cache_take_de_esser(&s_meter_cache, reduction_cdb)) return MIXBOX_OK;
    int32_t status = refresh_meters();
    if (status != MIXBOX_OK) return status;
    return mixbox_meter_cache_take_de_esser(&s_meter_cache, reduction_cdb) ? MIXBOX_OK : MIXBOX_DEVICE_ERR_STATE;
}

int32_t mixbox_device_distortion_read(uint32_t stage, int32_t *distortion_cdb)
{
    if (!mixbox_audio_running()) return mixbox_distortion_read(&s_engine, stage, distortion_cdb);
    if (distortion_cdb == NULL) return MIXBOX_ERR_NULL;
    if (stage >= MIXBOX_DISTORTION_STAGES) return MIXBOX_ERR_INDEX;
    if (mixbox_meter_cache_take_distortion(&s_meter_cache, stage, distortion_cdb)) return MIXBOX_OK;
    int32_t status = refresh_meters();
    if (status != MIXBOX_OK) return status;
    return mixbox_meter_cache_take_distortion(&s_meter_cache, stage, distortion_cdb) ? MIXBOX_OK : MIXBOX_DEVICE_ERR_STATE;
}

int32_t mixbox_device_true_peak_read(int32_t *true_peak_cdb)
{
    if (!mixbox_audio_running()) return mixbox_true_peak_read(&s_engine, true_peak_cdb);
    if (true_peak_cdb == NULL) return MIXBOX_ERR_NULL;
    if (mixbox_meter_cache_take_true_peak(&s_meter_cache, true_peak_cdb)) return MIXBOX_OK;
    int32_t status = refresh_meters();
    if (status != MIXBOX_OK) return status;
    return mixbox_meter_cache_take_true_peak(&s_meter_cache, true_peak_cdb) ? MIXBOX_OK : MIXBOX_DEVICE_ERR_STATE;
}

int32_t mixbox_device_spectrum_read(mixbox_spectrum_reading_t *reading)
{
    if (!mixbox_audio_running()) return mixbox_spectrum_read(&s_engine, reading);
    if (reading == NULL) return MIXBOX_ERR_NULL;
    int32_t status = mixbox_audio_request(MIXBOX_REQUEST_SPECTRUM_READ, 0u);
    if (status != MIXBOX_OK) return status;
    if (s_mailbox.status == MIXBOX_OK) *reading = s_mailbox.spectrum;
    return s_mailbox.status;
}

int32_t mixbox_device_correlation_sums_read(mixbox_correlation_sums_t *sums)
{
    if (!mixbox_audio_running()) return mixbox_correlation_sums_read(&s_engine, sums);
    if (sums == NULL) return MIXBOX_ERR_NULL;
    int32_t status = mixbox_audio_request(MIXBOX_REQUEST_CORRELATION_READ, 0u);
    if (status != MIXBOX_OK) return status;
    if (s_mailbox.status == MIXBOX_OK) *sums = s_mailbox.correlation;
    return s_mailbox.status;
}

int32_t mixbox_device_meter_reset_hold(uint32_t meter_id)
{
    if (!mixbox_audio_running()) return mixbox_meter_reset_hold(&s_engine, meter_id);
    int32_t status = mixbox_audio_request(MIXBOX_REQUEST_METER_RESET_HOLD, meter_id);
    return status == MIXBOX_OK ? s_mailbox.status : status;
}

int32_t mixbox_device_loudness_read(mixbox_loudness_reading_t *reading)
{
    if (!mixbox_audio_running()) return mixbox_loudness_read(&s_engine, reading);
    if (reading == NULL) return MIXBOX_ERR_NULL;
    int32_t status = mixbox_audio_request(MIXBOX_REQUEST_LOUDNESS_READ, 0u);
    if (status != MIXBOX_OK) return status;
    if (s_mailbox.status == MIXBOX_OK) *reading = s_mailbox.loudness;
    return s_mailbox.status;
}

int32_t mixbox_device_loudness_reset(void)
{
    if (!mixbox_audio_running()) return mixbox_loudness_reset(&s_engine);
    int32_t status = mixbox_audio_request(MIXBOX_REQUEST_LOUDNESS_RESET, 0u);
    return status == MIXBOX_OK ? s_mailbox.status : status;
}

/* ---- ISR callbacks. They run before the driver queues the buffer
 * (i2s_common.c:636-646, :670-693). Returning false: no task was woken.
 * CONFIG_I2S_ISR_IRAM_SAFE is off (its default, esp_driver_i2s/Kconfig:3-5 @ v5.5.4;
 * nf-interpreter's ESP32-S3 sdkconfig defaults do not set it), so the driver's ISR waits
 * while the cache is off (flash writes: NVS) and may then report only the latest of
 * several buffers: a skip the slip check catches. The callbacks are IRAM_ATTR but call
 * mixbox_device_link.c and esp_timer_get_time: if the option is ever set, those must be
 * in IRAM too. ---- */

static uint32_t now_us(void) { return (uint32_t)esp_timer_get_time(); }

static IRAM_ATTR bool on_rx_block(i2s_chan_handle_t handle, i2s_event_data_t *event, void *user_ctx)
{
    (void)handle;
    adc_side_t *side = (adc_side_t *)user_ctx;
    /* event->dma_buf: the buffer just filled (i2s_types.h:81); ours until it is queued */
    mixbox_block_clock_stamp(&side->clock, event->dma_buf, now_us());
    return false;
}

static IRAM_ATTR bool on_rx_overflow(i2s_chan_handle_t handle, i2s_event_data_t *event, void *user_ctx)
{
    (void)handle; (void)event; (void)user_ctx;
    mixbox_audio_stats_count(&s_stats.overruns);
    return false;
}

static IRAM_ATTR bool on_tx_block(i2s_chan_handle_t handle, i2s_event_data_t *event, void *user_ctx)
{
    (void)handle; (void)event; (void)user_ctx;
    mixbox_tx_clock_sent(&s_tx_clock, now_us());
    return false;
}

static IRAM_ATTR bool on_tx_overflow(i2s_chan_handle_t handle, i2s_event_data_t *event, void *user_ctx)
{
    (void)handle; (void)event; (void)user_ctx;
    mixbox_tx_clock_dropped(&s_tx_clock);
    mixbox_audio_stats_count(&s_stats.underruns);
    return false;
}

/* ---- channels ---- */

/* Listeners first, the clock last: I2S1 RX (slave on I2S0's pins), I2S0 RX (clocked by
 * I2S0 TX), I2S0 TX (generates BCLK/WS when enabled). */
static i2s_chan_handle_t start_order(int i)
{
    switch (i) {
    case 0: return s_adc[1].handle;
    case 1: return s_adc[0].handle;
    default: return s_tx;
    }
}

static void stop_channels(void)
{
    /* TX first: the clock stops, then nothing moves. INVALID_STATE (not running) is fine. */
    for (int i = 2; i >= 0; i--) {
        if (start_order(i) != NULL) (void)i2s_channel_disable(start_order(i));
    }
}

static esp_err_t start_channels(void)
{
    esp_err_t err = ESP_OK;
    mixbox_block_clock_reset(&s_adc[0].clock);
    mixbox_block_clock_reset(&s_adc[1].clock);
    mixbox_tx_clock_reset(&s_tx_clock);
    s_drop_blocks = 0u;
    s_offset_run = 0u;
    /* Preload silence into every TX buffer (only while READY: i2s_common.c:1294); the
     * last call loads less than a block: all full (:1316-1339). */
    for (uint32_t b = 0; b <= DMA_BUFFERS; b++) {
        size_t loaded = 0;
        if ((err = i2s_channel_preload_data(s_tx, s_silence, CTRL_BYTES, &loaded)) != ESP_OK) return err;
        if (loaded < CTRL_BYTES) break;
    }
    for (int i = 0; i < 3; i++) {
        if ((err = i2s_channel_enable(start_order(i))) != ESP_OK) return err;
    }
    return ESP_OK;
}

static void release_channels(void)
{
    stop_channels();
    for (int i = 0; i < 3; i++) {
        if (start_order(i) != NULL) (void)i2s_del_channel(start_order(i));
    }
    s_tx = NULL;
    s_adc[0].handle = NULL;
    s_adc[1].handle = NULL;
}

static void restart_channels(void)
{
    mixbox_audio_stats_count(&s_stats.restarts);
    stop_channels();
    if (start_channels() != ESP_OK) mixbox_audio_stats_count(&s_stats.io_errors);
}

static esp_err_t open_channels(void)
{
    /* Frame format of TI's TDM mode (TLV320ADC6140 ASI TDM with TX_OFFSET 0, PCM5122 DSP
     * mode with data offset 0 - what hal/ programs): FSYNC is a one-BCLK high pulse and
     * slot 0's MSB is in the same BCLK period (no one-bit delay). PHILIPS (WS low first,
     * 1-bit delay) and PCM_SHORT (1-bit delay) do not match offset 0; MSB with ws_pol
     * high and a one-BCLK WS does. Verify on a scope at bring-up (docs/DEVICE.md). */
    const i2s_tdm_slot_mask_t slots = (i2s_tdm_slot_mask_t)(I2S_TDM_SLOT0 | I2S_TDM_SLOT1 | I2S_TDM_SLOT2 | I2S_TDM_SLOT3);
    i2s_tdm_slot_config_t slot_cfg = I2S_TDM_MSB_SLOT_DEFAULT_CONFIG(I2S_DATA_BIT_WIDTH_32BIT, I2S_SLOT_MODE_STEREO, slots);
    slot_cfg.slot_bit_width = I2S_SLOT_BIT_WIDTH_32BIT; /* 4-byte samples, 24-bit audio left-justified */
    slot_cfg.total_slot = SLOTS;                         /* 4 x 32 = 128 bits (i2s_tdm.c:142) */
    slot_cfg.ws_width = 1;
    slot_cfg.ws_pol = true;

    i2s_chan_config_t chan_cfg = I2S_CHANNEL_DEFAULT_CONFIG(I2S_NUM_0, I2S_ROLE_MASTER);
    chan_cfg.dma_desc_num = DMA_BUFFERS;
    chan_cfg.dma_frame_num = FRAMES;     /* one DMA buffer = one block */
    chan_cfg.auto_clear_after_cb = true; /* on underrun the DAC gets zeros, not a repeated block */
    esp_err_t err = i2s_new_channel(&chan_cfg, &s_tx, &s_adc[0].handle); /* both handles: full duplex */
    if (err != ESP_OK) return err;

    /* I2S0: BCLK = 48 kHz x 4 x 32 = 6.144 MHz; MCLK = 512 fs = 24.576 MHz = 4 BCLK
     * (bclk_div 4 > 2: i2s_tdm.c:41-49), from the 160 MHz PLL (no APLL on the S3):
     * 160 > 1.99 x 24.576 and 160 / 24.576 < 256 (i2s_tdm.c:70-71). Same for TX and RX. */
    i2s_tdm_config_t i2s0 = {
        .clk_cfg = I2S_TDM_CLK_DEFAULT_CONFIG(RATE),
        .slot_cfg = slot_cfg,
        .gpio_cfg = {
            .mclk = (gpio_num_t)MIXBOX_BOARD_PIN_MCLK, /* test point only */
            .bclk = (gpio_num_t)MIXBOX_BOARD_PIN_BCK,
            .ws = (gpio_num_t)MIXBOX_BOARD_PIN_WS,
            .dout = (gpio_num_t)MIXBOX_BOARD_PIN_DOUT,
            .din = (gpio_num_t)MIXBOX_BOARD_PIN_DIN_ADC_A,
            .invert_flags = { .mclk_inv = false, .bclk_inv = false, .ws_inv = false },
        },
    };
    i2s0.clk_cfg.mclk_multiple = (i2s_mclk_multiple_t)MIXBOX_BOARD_MCLK_MULTIPLE;
    if ((err = i2s_channel_init_tdm_mode(s_tx, &i2s0)) != ESP_OK) return err;          /* first: the clock master */
    if ((err = i2s_channel_init_tdm_mode(s_adc[0].handle, &i2s0)) != ESP_OK) return err;

    /* I2S1, slave: BCLK/WS in on I2S0's pins (an input path does not touch the pin's
     * output routing: i2s_common.c:932-947). A slave's MCLK = 8 BCLK = 49.152 MHz, the
     * driver's minimum bclk_div (i2s_tdm.c:54-61): 160 > 1.99 x 49.152 (:70). */
    i2s_chan_config_t slave_cfg = I2S_CHANNEL_DEFAULT_CONFIG(I2S_NUM_1, I2S_ROLE_SLAVE);
    slave_cfg.dma_desc_num = DMA_BUFFERS;
    slave_cfg.dma_frame_num = FRAMES;
    if ((err = i2s_new_channel(&slave_cfg, NULL, &s_adc[1].handle)) != ESP_OK) return err;
    i2s_tdm_config_t i2s1 = {
        .clk_cfg = I2S_TDM_CLK_DEFAULT_CONFIG(RATE),
        .slot_cfg = slot_cfg,
        .gpio_cfg = {
            .mclk = I2S_GPIO_UNUSED,
            .bclk = (gpio_num_t)MIXBOX_BOARD_PIN_BCK,
            .ws = (gpio_num_t)MIXBOX_BOARD_PIN_WS,
            .dout = I2S_GPIO_UNUSED,
            .din = (gpio_num_t)MIXBOX_BOARD_PIN_DIN_ADC_B,
            .invert_flags = { .mclk_inv = false, .bclk_inv = false, .ws_inv = false },
        },
    };
    i2s1.clk_cfg.bclk_div = MIXBOX_BOARD_SLAVE_BCLK_DIV;
    if ((err = i2s_channel_init_tdm_mode(s_adc[1].handle, &i2s1)) != ESP_OK) return err;

    /* Callbacks only before enabling (i2s_common.c:437). */
    for (int k = 0; k < 2; k++) {
        i2s_event_callbacks_t rx = { .on_recv = on_rx_block, .on_recv_q_ovf = on_rx_overflow, .on_sent = NULL, .on_send_q_ovf = NULL };
        if ((err = i2s_channel_register_event_callback(s_adc[k].handle, &rx, &s_adc[k])) != ESP_OK) return err;
    }
    i2s_event_callbacks_t tx = { .on_recv = NULL, .on_recv_q_ovf = NULL, .on_sent = on_tx_block, .on_send_q_ovf = on_tx_overflow };
    if ((err = i2s_channel_register_event_callback(s_tx, &tx, NULL)) != ESP_OK) return err;

    return start_channels();
}

/* ---- reading a pair of blocks in step ---- */

typedef enum { READ_OK, READ_TIMEOUT, READ_ERROR } read_result_t;

static read_result_t read_block(adc_side_t *side, uint32_t timeout_ms)
{
    size_t got = 0;
    esp_err_t err = i2s_channel_read(side->handle, side->block, CTRL_BYTES, &got, timeout_ms);
    if (err == ESP_ERR_TIMEOUT && got == 0u) return READ_TIMEOUT;
    if (err != ESP_OK || got != CTRL_BYTES) return READ_ERROR;
    side->placed = mixbox_block_clock_take(&side->clock, side->block, &side->completed_us);
    return READ_OK;
}

/* Both blocks read: drop the older one until they were completed together. */
static int align_pair(void)
{
    adc_side_t *a = &s_adc[0], *b = &s_adc[1];
    int counted = 0;
    for (uint32_t tries = 0; a->placed && b->placed; tries++) {
        mixbox_pair_t pair = mixbox_tdm_pair_check(mixbox_block_time_diff(a->completed_us, b->completed_us), BLOCK_US, FRAME_US);
        if (pair == MIXBOX_PAIR_ALIGNED) {
            s_offset_run = 0u;
            return 1;
        }
        if (pair == MIXBOX_PAIR_OFFSET) {
            /* A few frames apart: ISR jitter if it passes, a real offset if it stays, or
             * at once after whole blocks were dropped (the slave came back off-frame). */
            if (!counted && ++s_offset_run < OFFSET_PERSIST_BLOCKS) return 1;
            break;
        }
        if (!counted) {
            mixbox_audio_stats_count(&s_stats.slips);
            counted = 1;
        }
        if (tries == DMA_BUFFERS) break;
        read_result_t r = read_block(pair == MIXBOX_PAIR_A_BEHIND ? a : b, s_io_timeout_ms);
        if (r == READ_TIMEOUT) mixbox_audio_stats_count(&s_stats.timeouts);
        if (r == READ_ERROR) mixbox_audio_stats_count(&s_stats.io_errors);
        if (r != READ_OK) break;
    }
    if (!counted) mixbox_audio_stats_count(&s_stats.slips); /* position unknown, or a persistent offset */
    restart_channels();
    return 0;
}

static int read_pair(void)
{
    read_result_t ra = read_block(&s_adc[0], s_io_timeout_ms);
    /* If ADC A delivered nothing for a whole timeout, B is only looked at (no second wait). */
    read_result_t rb = read_block(&s_adc[1], ra == READ_TIMEOUT ? 0u : s_io_timeout_ms);
    if (ra == READ_ERROR || rb == READ_ERROR) {
        mixbox_audio_stats_count(&s_stats.io_errors);
        restart_channels();
        return 0;
    }
    if (ra == READ_TIMEOUT && rb == READ_TIMEOUT) {
        /* The clocks stopped: both controllers stopped on the same frame, still in step. */
        mixbox_audio_stats_count(&s_stats.timeouts);
        return 0;
    }
    if (ra == READ_TIMEOUT || rb == READ_TIMEOUT) {
        /* One controller delivers, the other does not: out of step by an unknown amount. */
        mixbox_audio_stats_count(&s_stats.timeouts);
        mixbox_audio_stats_count(&s_stats.slips);
        restart_channels();
        return 0;
    }
    return align_pair();
}

/* ---- writing, at the design latency ---- */

/* Latency of a block written now (1 = known), from when the TX buffer the write will
 * take was freed: 0 on time, > 0 whole blocks late, < 0 early (mixbox_tx_clock_t). */
static int predicted_error(const adc_side_t *source, int32_t *blocks)
{
    uint32_t freed_us = 0;
    if (!source->placed || !mixbox_tx_clock_next(&s_tx_clock, &freed_us)) return 0;
    *blocks = mixbox_latency_correction(mixbox_block_time_diff(source->completed_us, freed_us), BLOCK_US);
    return 1;
}

static int write_block(const mixbox_q31_t *block)
{
    size_t put = 0;
    esp_err_t err = i2s_channel_write(s_tx, block, CTRL_BYTES, &put, s_io_timeout_ms);
    if (err == ESP_ERR_TIMEOUT && put == 0u) {
        mixbox_audio_stats_count(&s_stats.timeouts);
        return 0;
    }
    if (err != ESP_OK || put != CTRL_BYTES) {
        mixbox_audio_stats_count(&s_stats.io_errors);
        return 0;
    }
    return 1;
}

/* Writes the processed block so that it leaves DMA_BUFFERS blocks after it arrived:
 * after a lost input block the free TX buffer would play it early - silence goes there
 * first; after an underrun the free buffer plays it late - this block is dropped and the
 * next one takes the buffer. If no buffer is free yet the write waits for the next one;
 * if that comes late, the next input block is dropped. */
static void output_block(const adc_side_t *source)
{
    int32_t error = 0;
    for (uint32_t n = 0; predicted_error(source, &error) && error != 0; n++) {
        if (error > 0 || n == DMA_BUFFERS) {
            if (error > (int32_t)DMA_BUFFERS || n == DMA_BUFFERS) restart_channels(); /* more than the queues explain */
            return;
        }
        if (!write_block(s_silence)) return;
        mixbox_tx_clock_took(&s_tx_clock);
    }
    int known = predicted_error(source, &error);
    if (!write_block(s_tx_block)) return;
    if (!known && predicted_error(source, &error) && error > 0) s_drop_blocks = (uint32_t)error;
    mixbox_tx_clock_took(&s_tx_clock);
}

/* ---- the loopback self-test ---- */

int32_t mixbox_audio_loopback_start(void)
{
    if (!mixbox_audio_running()) return MIXBOX_DEVICE_ERR_STATE;
    if (__atomic_load_n(&s_loopback_active, __ATOMIC_ACQUIRE)) return MIXBOX_DEVICE_ERR_BUSY;
    mixbox_status_t status = mixbox_loopback_start(&s_loopback, RATE); /* double maths: here, not in the task */
    if (status != MIXBOX_OK) return status;
    __atomic_store_n(&s_loopback_active, 1u, __ATOMIC_RELEASE);
    return MIXBOX_OK;
}

int32_t mixbox_audio_loopback_read(mixbox_loopback_result_t *result)
{
    if (result == NULL) return MIXBOX_ERR_NULL;
    if (__atomic_load_n(&s_loopback_active, __ATOMIC_ACQUIRE)) {
        memset(result, 0, sizeof(*result));
        result->status = MIXBOX_LOOPBACK_RUNNING;
        return MIXBOX_OK;
    }
    return mixbox_loopback_result(&s_loopback, result);
}

/* Plays and captures one block of the test in place of the engine's output. */
static void play_loopback(void)
{
    int32_t done = mixbox_loopback_process(&s_loopback, &s_frames[0], CHANNELS, s_stereo, FRAMES);
    if (done < 0) {
        mixbox_audio_stats_count(&s_stats.engine_errors);
        memset(s_stereo, 0, sizeof(s_stereo));
    }
    if (done != 0) __atomic_store_n(&s_loopback_active, 0u, __ATOMIC_RELEASE);
}

/* ---- the task ---- */

static void process_pair(void)
{
    mixbox_tdm_interleave(s_adc[0].block, s_adc[1].block, s_frames, FRAMES, SLOTS, SLOTS);
    int64_t start = esp_timer_get_time();
    mixbox_mailbox_service(&s_mailbox, &s_engine, &s_stats);
    if (__atomic_load_n(&s_loopback_active, __ATOMIC_ACQUIRE)) {
        play_loopback();
    } else if (mixbox_process(&s_engine, s_frames, FRAMES * CHANNELS, s_stereo, FRAMES * 2u, FRAMES) != MIXBOX_OK) {
        mixbox_audio_stats_count(&s_stats.engine_errors);
        memset(s_stereo, 0, sizeof(s_stereo));
    }
    mixbox_tdm_pack_stereo(s_stereo, s_tx_block, FRAMES, SLOTS, MIXBOX_BOARD_DAC_FIRST_SLOT);
    mixbox_audio_stats_note_block(&s_stats, (uint32_t)(esp_timer_get_time() - start));
}

static void audio_task(void *unused)
{
    (void)unused;
    while (!__atomic_load_n(&s_stop_requested, __ATOMIC_ACQUIRE)) {
        if (!read_pair()) continue;
        if (s_drop_blocks > 0u) { /* the output is late: this input block is dropped */
            s_drop_blocks--;
            continue;
        }
        process_pair();
        output_block(&s_adc[0]);
    }
    __atomic_store_n(&s_task_exited, 1u, __ATOMIC_RELEASE);
    vTaskDelete(NULL);
}

/* ---- start / stop ---- */

int32_t mixbox_audio_start(void)
{
    if (mixbox_audio_running()) return MIXBOX_DEVICE_ERR_STATE;
    if (s_engine_rate != RATE || s_engine_channels != CHANNELS) return MIXBOX_DEVICE_ERR_STATE;

    mixbox_mailbox_init(&s_mailbox);
    mixbox_meter_cache_init(&s_meter_cache);
    mixbox_audio_stats_init(&s_stats, RATE, FRAMES);
    s_io_timeout_ms = mixbox_io_timeout_ms(BLOCK_US, configTICK_RATE_HZ);
    if (open_channels() != ESP_OK) {
        release_channels();
        return MIXBOX_DEVICE_ERR_I2S;
    }
    __atomic_store_n(&s_stop_requested, 0u, __ATOMIC_RELEASE);
    __atomic_store_n(&s_task_exited, 0u, __ATOMIC_RELEASE);
    if (xTaskCreatePinnedToCore(audio_task, "mixbox_audio", TASK_STACK_BYTES, NULL, TASK_PRIORITY, &s_task, TASK_CORE) != pdPASS) {
        release_channels();
        return MIXBOX_DEVICE_ERR_STATE;
    }
    __atomic_store_n(&s_running, 1u, __ATOMIC_RELEASE);
    return MIXBOX_OK;
}

int32_t mixbox_audio_stop(void)
{
    if (!mixbox_audio_running()) return MIXBOX_DEVICE_ERR_STATE;
    __atomic_store_n(&s_stop_requested, 1u, __ATOMIC_RELEASE);
    /* The task sees the flag within a loop: a block, or a few I/O timeouts if the clocks
     * died (each 20-30 ms). Up to 100 ticks (1 s at 100 Hz). */
    for (int i = 0; i < 100 && !__atomic_load_n(&s_task_exited, __ATOMIC_ACQUIRE); i++) vTaskDelay(1);
    if (!__atomic_load_n(&s_task_exited, __ATOMIC_ACQUIRE)) return MIXBOX_DEVICE_ERR_TIMEOUT;
    s_task = NULL;
    __atomic_store_n(&s_loopback_active, 0u, __ATOMIC_RELEASE); /* a test cut short stays unfinished */
    release_channels();
    __atomic_store_n(&s_running, 0u, __ATOMIC_RELEASE);
    return MIXBOX_OK;
}
