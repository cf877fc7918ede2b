/*
 * mixbox_audio_task.c - the native audio task on the ESP32-S3 (ESP-IDF v5.5,
 * driver/i2s_tdm.h). Built only into the nanoFramework image.
 *
 * One I2S port, full duplex, ESP32-S3 master: 8 slots x 32 bit at 48 kHz
 * (BCLK 12.288 MHz). Each loop: read one 32-frame block (all 8 input slots) ->
 * service one control request (mixbox_device_link.c) -> mixbox_process -> pack the
 * stereo mix into the DAC's slots -> write one block. The task is pinned to core 1
 * (the CLR runs on core 0) at a high priority. It never locks: the CLR side talks to
 * it through the mailbox and atomic counters, and writes parameters through
 * mixbox_set_param, whose targets the engine adopts at the next block.
 *
 * No engine logic here: samples go to mixbox_process unchanged (the codecs deliver
 * 24-bit audio left-justified in 32-bit slots, which is the engine's Q1.31).
 */
#include <string.h>

#include "driver/i2s_tdm.h"
#include "esp_attr.h"
#include "esp_rom_sys.h"
#include "esp_timer.h"
#include "freertos/FreeRTOS.h"
#include "freertos/task.h"

#include "mixbox_device.h"

#define BLOCK_FRAMES MIXBOX_DEVICE_BLOCK_FRAMES
#define SLOTS MIXBOX_BOARD_TDM_SLOTS
#define BLOCK_SAMPLES (BLOCK_FRAMES * SLOTS)
#define BLOCK_BYTES (BLOCK_SAMPLES * sizeof(q31_t)) /* 1024: one DMA descriptor, well under 4092 */
/* Four descriptors: the RX side can hold 2.7 ms before it overflows; TX is preloaded
 * with silence in all of them, so output starts 4 blocks behind input. */
#define DMA_DESCRIPTORS 4u
#define IO_TIMEOUT_MS 10u  /* a block arrives every 0.67 ms: 10 ms means the clock stopped */
#define TASK_STACK_BYTES 4096u
#define TASK_PRIORITY (configMAX_PRIORITIES - 2)
#define TASK_CORE 1
#define REQUEST_POLL_US 50u
#define REQUEST_MAX_POLLS 400u /* 20 ms */

static mixbox_engine_t s_engine;
static uint32_t s_engine_rate;
static uint32_t s_engine_channels;
static mixbox_mailbox_t s_mailbox;
static mixbox_audio_stats_t s_stats;

static i2s_chan_handle_t s_tx;
static i2s_chan_handle_t s_rx;
static TaskHandle_t s_task;
static uint32_t s_running;        /* CLR side's view: start succeeded, stop not yet done */
static uint32_t s_stop_requested; /* CLR -> task */
static uint32_t s_task_exited;    /* task -> CLR */

/* DMA-capable internal RAM (static .bss is internal SRAM on the S3), word aligned. */
static q31_t s_rx_block[BLOCK_SAMPLES];
static q31_t s_tx_block[BLOCK_SAMPLES];
static q31_t s_stereo[BLOCK_FRAMES * 2u];

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

/* ---- audio-side reads ---- */

static mixbox_meter_cache_t s_meter_cache;

static int32_t refresh_meters(void)
{
    int32_t status = mixbox_audio_request(MIXBOX_REQUEST_METERS, 0u);
    if (status != MIXBOX_OK) return status;
    if (s_mailbox.status != MIXBOX_OK) return s_mailbox.status;
    mixbox_meter_cache_merge(&s_meter_cache, s_mailbox.meters, s_mailbox.gain_reduction_cdb);
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

/* ---- ISR callbacks: count queue overflows (IRAM: they run with the cache off when
 * CONFIG_I2S_ISR_IRAM_SAFE is set). Returning false: no task was woken. ---- */

static IRAM_ATTR bool on_rx_overflow(i2s_chan_handle_t handle, i2s_event_data_t *event, void *user_ctx)
{
    (void)handle; (void)event; (void)user_ctx;
    __atomic_fetch_add(&s_stats.overruns, 1u, __ATOMIC_RELAXED);
    return false;
}

static IRAM_ATTR bool on_tx_overflow(i2s_chan_handle_t handle, i2s_event_data_t *event, void *user_ctx)
{
    (void)handle; (void)event; (void)user_ctx;
    __atomic_fetch_add(&s_stats.underruns, 1u, __ATOMIC_RELAXED);
    return false;
}

/* ---- the task ---- */

static void audio_task(void *unused)
{
    (void)unused;
    while (!__atomic_load_n(&s_stop_requested, __ATOMIC_ACQUIRE)) {
        size_t got = 0;
        esp_err_t err = i2s_channel_read(s_rx, s_rx_block, BLOCK_BYTES, &got, IO_TIMEOUT_MS);
        if (err != ESP_OK || got != BLOCK_BYTES) {
            mixbox_audio_stats_count(&s_stats.io_errors);
            continue;
        }

        int64_t start = esp_timer_get_time();
        mixbox_mailbox_service(&s_mailbox, &s_engine, &s_stats);
        if (mixbox_process(&s_engine, s_rx_block, BLOCK_SAMPLES, s_stereo, BLOCK_FRAMES * 2u, BLOCK_FRAMES) != MIXBOX_OK) {
            mixbox_audio_stats_count(&s_stats.engine_errors);
            memset(s_stereo, 0, sizeof(s_stereo));
        }
        mixbox_tdm_pack_stereo(s_stereo, s_tx_block, BLOCK_FRAMES, SLOTS, MIXBOX_BOARD_DAC_FIRST_SLOT);
        mixbox_audio_stats_note_block(&s_stats, (uint32_t)(esp_timer_get_time() - start));

        size_t put = 0;
        err = i2s_channel_write(s_tx, s_tx_block, BLOCK_BYTES, &put, IO_TIMEOUT_MS);
        if (err != ESP_OK || put != BLOCK_BYTES) mixbox_audio_stats_count(&s_stats.io_errors);
    }
    __atomic_store_n(&s_task_exited, 1u, __ATOMIC_RELEASE);
    vTaskDelete(NULL);
}

/* ---- start / stop ---- */

static void release_channels(void)
{
    if (s_tx != NULL) { i2s_channel_disable(s_tx); i2s_del_channel(s_tx); s_tx = NULL; }
    if (s_rx != NULL) { i2s_channel_disable(s_rx); i2s_del_channel(s_rx); s_rx = NULL; }
}

static esp_err_t open_channels(void)
{
    i2s_chan_config_t chan_cfg = I2S_CHANNEL_DEFAULT_CONFIG(I2S_NUM_0, I2S_ROLE_MASTER);
    chan_cfg.dma_desc_num = DMA_DESCRIPTORS;
    chan_cfg.dma_frame_num = BLOCK_FRAMES;  /* one descriptor = one block = 1024 bytes */
    chan_cfg.auto_clear_after_cb = true;    /* on underrun the DAC gets zeros, not a repeated block */
    esp_err_t err = i2s_new_channel(&chan_cfg, &s_tx, &s_rx); /* both handles: full duplex on one port */
    if (err != ESP_OK) return err;

    /* Frame format of TI's TDM mode (TLV320ADC6140 ASI TDM with TX_OFFSET 0, PCM5122 DSP
     * mode with data offset 0 - what hal/ programs): FSYNC is a one-BCLK high pulse and
     * slot 0's MSB is in the same BCLK period (no one-bit delay). PHILIPS (WS low first,
     * 1-bit delay) and PCM_SHORT (1-bit delay) do not match offset 0; MSB with ws_pol
     * high and a one-BCLK WS does. Verify on a scope at bring-up (docs/DEVICE.md). */
    i2s_tdm_slot_mask_t slots = (i2s_tdm_slot_mask_t)(I2S_TDM_SLOT0 | I2S_TDM_SLOT1 | I2S_TDM_SLOT2 | I2S_TDM_SLOT3
        | I2S_TDM_SLOT4 | I2S_TDM_SLOT5 | I2S_TDM_SLOT6 | I2S_TDM_SLOT7);
    i2s_tdm_config_t tdm_cfg = {
        .clk_cfg = I2S_TDM_CLK_DEFAULT_CONFIG(MIXBOX_BOARD_SAMPLE_RATE),
        .slot_cfg = I2S_TDM_MSB_SLOT_DEFAULT_CONFIG(I2S_DATA_BIT_WIDTH_32BIT, I2S_SLOT_MODE_STEREO, slots),
        .gpio_cfg = {
            .mclk = (gpio_num_t)MIXBOX_BOARD_PIN_MCLK, /* test point only */
            .bclk = (gpio_num_t)MIXBOX_BOARD_PIN_BCK,
            .ws = (gpio_num_t)MIXBOX_BOARD_PIN_WS,
            .dout = (gpio_num_t)MIXBOX_BOARD_PIN_DOUT,
            .din = (gpio_num_t)MIXBOX_BOARD_PIN_DIN,
            .invert_flags = { .mclk_inv = false, .bclk_inv = false, .ws_inv = false },
        },
    };
    /* 8 x 32-bit slots need BCLK = MCLK / 3: MCLK = 768 fs = 36.864 MHz (no APLL on the S3:
     * it is divided fractionally from the 160 MHz PLL). */
    tdm_cfg.clk_cfg.mclk_multiple = I2S_MCLK_MULTIPLE_768;
    tdm_cfg.slot_cfg.slot_bit_width = I2S_SLOT_BIT_WIDTH_32BIT;
    tdm_cfg.slot_cfg.total_slot = SLOTS;
    tdm_cfg.slot_cfg.ws_width = 1;
    tdm_cfg.slot_cfg.ws_pol = true;

    /* Same configuration on both: the driver makes them one full-duplex port. */
    if ((err = i2s_channel_init_tdm_mode(s_tx, &tdm_cfg)) != ESP_OK) return err;
    if ((err = i2s_channel_init_tdm_mode(s_rx, &tdm_cfg)) != ESP_OK) return err;

    i2s_event_callbacks_t rx_callbacks = { .on_recv = NULL, .on_recv_q_ovf = on_rx_overflow, .on_sent = NULL, .on_send_q_ovf = NULL };
    i2s_event_callbacks_t tx_callbacks = { .on_recv = NULL, .on_recv_q_ovf = NULL, .on_sent = NULL, .on_send_q_ovf = on_tx_overflow };
    if ((err = i2s_channel_register_event_callback(s_rx, &rx_callbacks, NULL)) != ESP_OK) return err;
    if ((err = i2s_channel_register_event_callback(s_tx, &tx_callbacks, NULL)) != ESP_OK) return err;

    /* Preload silence into every TX descriptor, so the first blocks out are zeros. */
    memset(s_tx_block, 0, sizeof(s_tx_block));
    for (uint32_t d = 0; d < DMA_DESCRIPTORS; d++) {
        size_t loaded = 0;
        if ((err = i2s_channel_preload_data(s_tx, s_tx_block, BLOCK_BYTES, &loaded)) != ESP_OK) return err;
        if (loaded < BLOCK_BYTES) break; /* all descriptors full */
    }

    /* Both directions of the port run; the preloaded silence goes out first. */
    if ((err = i2s_channel_enable(s_tx)) != ESP_OK) return err;
    return i2s_channel_enable(s_rx);
}

int32_t mixbox_audio_start(void)
{
    if (mixbox_audio_running()) return MIXBOX_DEVICE_ERR_STATE;
    if (s_engine_rate != MIXBOX_BOARD_SAMPLE_RATE || s_engine_channels != SLOTS) return MIXBOX_DEVICE_ERR_STATE;

    mixbox_mailbox_init(&s_mailbox);
    mixbox_meter_cache_init(&s_meter_cache);
    mixbox_audio_stats_init(&s_stats, MIXBOX_BOARD_SAMPLE_RATE, BLOCK_FRAMES);
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
    /* The task sees the flag within one block, or one I/O timeout if the clock died. */
    for (int i = 0; i < 100 && !__atomic_load_n(&s_task_exited, __ATOMIC_ACQUIRE); i++) vTaskDelay(pdMS_TO_TICKS(2) + 1);
    if (!__atomic_load_n(&s_task_exited, __ATOMIC_ACQUIRE)) return MIXBOX_DEVICE_ERR_TIMEOUT;
    s_task = NULL;
    release_channels();
    __atomic_store_n(&s_running, 0u, __ATOMIC_RELEASE);
    return MIXBOX_OK;
}
