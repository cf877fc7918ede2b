/*
 * Test of the ESP-IDF model itself (test/idf): that it refuses and accepts what ESP-IDF
 * v5.5.4's I2S driver refuses and accepts, with the same error codes, and that its
 * queues and timeouts behave as the driver's. Every case names the line it stands for
 * (components/esp_driver_i2s/{i2s_tdm.c,i2s_common.c} @ v5.5.4 unless stated).
 * First the board constraint: rev A's plan (8 x 32-bit slots on one controller) is
 * refused, rev B's (two controllers of 4 x 32) accepted.
 */
#include <stdio.h>
#include <string.h>

#include "driver/i2s_tdm.h"
#include "freertos/FreeRTOS.h"
#include "idf_model.h"

#include "check.h"

#define ALL4 ((i2s_tdm_slot_mask_t)(I2S_TDM_SLOT0 | I2S_TDM_SLOT1 | I2S_TDM_SLOT2 | I2S_TDM_SLOT3))

static i2s_tdm_config_t tdm_config(uint32_t rate, uint32_t mask, i2s_data_bit_width_t data_bits, i2s_slot_bit_width_t slot_bits, uint32_t total)
{
    i2s_tdm_config_t cfg = {
        .clk_cfg = I2S_TDM_CLK_DEFAULT_CONFIG(rate),
        .slot_cfg = I2S_TDM_MSB_SLOT_DEFAULT_CONFIG(data_bits, I2S_SLOT_MODE_STEREO, (i2s_tdm_slot_mask_t)mask),
        .gpio_cfg = { .mclk = I2S_GPIO_UNUSED, .bclk = (gpio_num_t)5, .ws = (gpio_num_t)6, .dout = (gpio_num_t)15, .din = (gpio_num_t)7,
                      .invert_flags = { .mclk_inv = false, .bclk_inv = false, .ws_inv = false } },
    };
    cfg.slot_cfg.slot_bit_width = slot_bits;
    cfg.slot_cfg.total_slot = total;
    cfg.slot_cfg.ws_width = 1;
    cfg.slot_cfg.ws_pol = true;
    return cfg;
}

/* ---- board constraints ---- */

static void test_board_constraints(void)
{
    idf_model_reset();
    i2s_chan_handle_t tx = NULL, rx = NULL;
    i2s_chan_config_t chan = I2S_CHANNEL_DEFAULT_CONFIG(I2S_NUM_0, I2S_ROLE_MASTER);
    chan.dma_desc_num = 3;
    chan.dma_frame_num = 8;
    CHECK(i2s_new_channel(&chan, &tx, &rx) == ESP_OK);

    /* Rev A: 8 slots x 32 bits on I2S0 = 256 bits > I2S_LL_SLOT_FRAME_BIT_MAX 128
     * (hal/esp32s3/include/hal/i2s_ll.h:37; i2s_tdm.c:142-144). */
    i2s_tdm_config_t rev_a = tdm_config(48000, 0xFFu, I2S_DATA_BIT_WIDTH_32BIT, I2S_SLOT_BIT_WIDTH_32BIT, 8);
    rev_a.clk_cfg.mclk_multiple = I2S_MCLK_MULTIPLE_768;
    CHECK(i2s_channel_init_tdm_mode(tx, &rev_a) == ESP_ERR_INVALID_ARG);
    CHECK(strstr(idf_model_last_error(), "exceeds the maximum 128") != NULL);
    CHECK(i2s_del_channel(tx) == ESP_OK && i2s_del_channel(rx) == ESP_OK);

    /* Rev B: I2S0 full duplex 4 x 32, MCLK 512 fs; I2S1 RX slave, bclk_div 8. */
    idf_model_reset();
    CHECK(i2s_new_channel(&chan, &tx, &rx) == ESP_OK);
    i2s_tdm_config_t i2s0 = tdm_config(48000, ALL4, I2S_DATA_BIT_WIDTH_32BIT, I2S_SLOT_BIT_WIDTH_32BIT, 4);
    i2s0.clk_cfg.mclk_multiple = I2S_MCLK_MULTIPLE_512;
    CHECK(i2s_channel_init_tdm_mode(tx, &i2s0) == ESP_OK);
    CHECK(i2s_channel_init_tdm_mode(rx, &i2s0) == ESP_OK);
    i2s_chan_handle_t slave = NULL;
    i2s_chan_config_t chan1 = I2S_CHANNEL_DEFAULT_CONFIG(I2S_NUM_1, I2S_ROLE_SLAVE);
    chan1.dma_desc_num = 3;
    chan1.dma_frame_num = 8;
    CHECK(i2s_new_channel(&chan1, NULL, &slave) == ESP_OK);
    i2s_tdm_config_t i2s1 = tdm_config(48000, ALL4, I2S_DATA_BIT_WIDTH_32BIT, I2S_SLOT_BIT_WIDTH_32BIT, 4);
    i2s1.gpio_cfg.dout = I2S_GPIO_UNUSED;
    i2s1.gpio_cfg.din = (gpio_num_t)18;
    i2s1.clk_cfg.bclk_div = 8;
    CHECK(i2s_channel_init_tdm_mode(slave, &i2s1) == ESP_OK);
    CHECK(idf_model_warnings() == 0u);

    idf_model_chan_info_t t, r, s;
    idf_model_chan_info(0, I2S_DIR_TX, &t);
    idf_model_chan_info(0, I2S_DIR_RX, &r);
    idf_model_chan_info(1, I2S_DIR_RX, &s);
    CHECK(t.bclk_hz == 6144000u && t.mclk_hz == 24576000u && t.bclk_div == 4u && t.sclk_hz == 160000000u);
    CHECK(t.role == I2S_ROLE_MASTER && !t.full_duplex_slave);
    CHECK(r.role == I2S_ROLE_SLAVE && r.full_duplex_slave && r.bclk_hz == 6144000u); /* i2s_tdm.c:278-285, :40 */
    CHECK(s.bclk_hz == 6144000u && s.mclk_hz == 49152000u && s.bclk_div == 8u);      /* i2s_tdm.c:53-62 */
    CHECK(t.buf_size == 128u && r.buf_size == 128u && s.buf_size == 128u && t.total_slot == 4u);
    CHECK(idf_model_port_full_duplex(0) && !idf_model_port_config_mismatch(0));
    printf("board: rev A (8 x 32 on one controller) refused, rev B accepted: I2S0 BCLK %u Hz, MCLK %u Hz (div %u); I2S1 MCLK %u Hz (div %u)\n",
           t.bclk_hz, t.mclk_hz, t.bclk_div, s.mclk_hz, s.bclk_div);
}

/* ---- table: channel and TDM configuration checks ---- */

typedef struct {
    const char *name;
    const char *cite;
    i2s_role_t role;
    uint32_t desc_num, frame_num;
    uint32_t rate;
    i2s_clock_src_t clk_src;
    uint32_t mclk_multiple, bclk_div;
    i2s_data_bit_width_t data_bits;
    i2s_slot_bit_width_t slot_bits;
    uint32_t mask, total_slot, ws_width;
    esp_err_t new_result, init_result;
    const char *warning;      /* a warning containing this, or NULL for none */
    uint32_t total_after;     /* 0: not checked */
    uint32_t buf_size;        /* 0: not checked */
    uint32_t expect_mclk_hz, expect_bclk_div; /* 0: not checked */
} config_case_t;

#define M I2S_ROLE_MASTER
#define S I2S_ROLE_SLAVE
#define D32 I2S_DATA_BIT_WIDTH_32BIT
#define W32 I2S_SLOT_BIT_WIDTH_32BIT
#define PLL I2S_CLK_SRC_DEFAULT

static const config_case_t config_cases[] = {
    { "rev B master 4 x 32, MCLK 512 fs", "i2s_tdm.c:40-52, :70-71", M, 3, 8, 48000, PLL, 512, 8, D32, W32, 0xF, 4, 1,
      ESP_OK, ESP_OK, NULL, 4, 128, 24576000, 4 },
    { "rev A: 8 x 32 = 256 bits", "i2s_tdm.c:142-144; i2s_ll.h:37", M, 3, 8, 48000, PLL, 768, 8, D32, W32, 0xFF, 8, 1,
      ESP_OK, ESP_ERR_INVALID_ARG, NULL, 0, 0, 0, 0 },
    { "8 x 16 = 128 bits: the limit", "i2s_tdm.c:142", M, 3, 8, 48000, PLL, 512, 8, I2S_DATA_BIT_WIDTH_16BIT, I2S_SLOT_BIT_WIDTH_16BIT, 0xFF, 8, 1,
      ESP_OK, ESP_OK, NULL, 8, 8 * 8 * 2, 0, 0 },
    { "slot 4 set: total raised to 5 -> 160 bits", "i2s_tdm.c:116, :122, :142", M, 3, 8, 48000, PLL, 512, 8, D32, W32, 0x1F, 4, 1,
      ESP_OK, ESP_ERR_INVALID_ARG, NULL, 0, 0, 0, 0 },
    { "total_slot under the highest slot: raised", "i2s_tdm.c:122", M, 3, 8, 48000, PLL, 512, 8, D32, W32, 0xF, 2, 1,
      ESP_OK, ESP_OK, NULL, 4, 128, 0, 0 },
    { "one slot, ws_width 1: a 1-slot frame", "i2s_tdm.c:124", M, 3, 8, 48000, PLL, 512, 8, D32, W32, 0x1, 0, 1,
      ESP_OK, ESP_OK, NULL, 1, 32, 0, 0 },
    { "one slot, wider WS: at least 2 slots", "i2s_tdm.c:124", M, 3, 8, 48000, PLL, 512, 8, D32, W32, 0x1, 0, 16,
      ESP_OK, ESP_OK, NULL, 2, 32, 0, 0 },
    { "empty slot mask", "i2s_tdm.c:134", M, 3, 8, 48000, PLL, 512, 8, D32, W32, 0x0, 4, 1,
      ESP_OK, ESP_ERR_INVALID_ARG, NULL, 0, 0, 0, 0 },
    { "slave bclk_div 8 (rev B I2S1): MCLK 49.152 MHz", "i2s_tdm.c:53-62, :70", S, 3, 8, 48000, PLL, 256, 8, D32, W32, 0xF, 4, 1,
      ESP_OK, ESP_OK, NULL, 4, 128, 49152000, 8 },
    { "slave bclk_div 4: raised to 8, warned", "i2s_tdm.c:54-56", S, 3, 8, 48000, PLL, 256, 4, D32, W32, 0xF, 4, 1,
      ESP_OK, ESP_OK, "bclk division is too small", 4, 128, 49152000, 8 },
    { "slave at 96 kHz: MCLK 98.3 MHz, 160 MHz < 1.99 x MCLK", "i2s_tdm.c:66, :70", S, 3, 8, 96000, PLL, 256, 8, D32, W32, 0xF, 4, 1,
      ESP_OK, ESP_ERR_INVALID_ARG, NULL, 0, 0, 0, 0 },
    { "master 1152 fs at 96 kHz: MCLK 110.6 MHz", "i2s_tdm.c:42, :70", M, 3, 8, 96000, PLL, 1152, 8, D32, W32, 0xF, 4, 1,
      ESP_OK, ESP_ERR_INVALID_ARG, NULL, 0, 0, 0, 0 },
    { "master 768 fs at 48 kHz: MCLK 36.864 MHz fits", "i2s_tdm.c:70-71", M, 3, 8, 48000, PLL, 768, 8, D32, W32, 0xF, 4, 1,
      ESP_OK, ESP_OK, NULL, 4, 128, 36864000, 6 },
    { "master 128 fs, 4 x 32: bclk_div 1 raised to 3, warned", "i2s_tdm.c:45-49", M, 3, 8, 48000, PLL, 128, 8, D32, W32, 0xF, 4, 1,
      ESP_OK, ESP_OK, "mclk multiple is too small", 4, 128, 18432000, 3 },
    { "master at 1 kHz: 160 MHz / 512 kHz >= 256", "i2s_tdm.c:67, :71; i2s_ll.h:35", M, 3, 8, 1000, PLL, 512, 8, D32, W32, 0xF, 4, 1,
      ESP_OK, ESP_ERR_INVALID_ARG, NULL, 0, 0, 0, 0 },
    { "XTAL (40 MHz) for MCLK 24.576 MHz", "clk_tree_defs.h:127; i2s_tdm.c:70", M, 3, 8, 48000, I2S_CLK_SRC_XTAL, 512, 8, D32, W32, 0xF, 4, 1,
      ESP_OK, ESP_ERR_INVALID_ARG, NULL, 0, 0, 0, 0 },
    { "DMA buffer 1000 x 16 bytes: limited to 255 frames, warned", "i2s_common.c:479-483", M, 3, 1000, 48000, PLL, 512, 8, D32, W32, 0xF, 4, 1,
      ESP_OK, ESP_OK, "limited to 255", 4, 4080, 0, 0 },
    { "DMA buffer exactly 4092 bytes (341 x 3 slots x 4)", "i2s_common.c:75, :479; dma_types.h:59", M, 3, 341, 48000, PLL, 512, 8, D32, W32, 0x7, 4, 1,
      ESP_OK, ESP_OK, NULL, 4, 4092, 0, 0 },
    { "24-bit data in 32-bit slots: 3 bytes a sample", "i2s_common.c:451", M, 3, 8, 48000, PLL, 384, 8, I2S_DATA_BIT_WIDTH_24BIT, W32, 0xF, 4, 1,
      ESP_OK, ESP_OK, NULL, 4, 8 * 4 * 3, 0, 0 },
    { "2 DMA buffers: the minimum", "i2s_common.c:1002", M, 2, 8, 48000, PLL, 512, 8, D32, W32, 0xF, 4, 1,
      ESP_OK, ESP_OK, NULL, 4, 128, 0, 0 },
    { "1 DMA buffer", "i2s_common.c:1002", M, 1, 8, 48000, PLL, 512, 8, D32, W32, 0xF, 4, 1,
      ESP_ERR_INVALID_ARG, ESP_OK, NULL, 0, 0, 0, 0 },
};

static void test_config_table(void)
{
    int n = 0;
    for (size_t i = 0; i < sizeof(config_cases) / sizeof(config_cases[0]); i++) {
        const config_case_t *c = &config_cases[i];
        idf_model_reset();
        i2s_chan_config_t chan = I2S_CHANNEL_DEFAULT_CONFIG(I2S_NUM_0, c->role);
        chan.dma_desc_num = c->desc_num;
        chan.dma_frame_num = c->frame_num;
        i2s_chan_handle_t rx = NULL;
        esp_err_t made = i2s_new_channel(&chan, NULL, &rx);
        int ok = made == c->new_result;
        if (ok && made == ESP_OK) {
            i2s_tdm_config_t cfg = tdm_config(c->rate, c->mask, c->data_bits, c->slot_bits, c->total_slot);
            cfg.clk_cfg.clk_src = c->clk_src;
            cfg.clk_cfg.mclk_multiple = (i2s_mclk_multiple_t)c->mclk_multiple;
            cfg.clk_cfg.bclk_div = c->bclk_div;
            cfg.slot_cfg.ws_width = c->ws_width;
            esp_err_t init = i2s_channel_init_tdm_mode(rx, &cfg);
            idf_model_chan_info_t info;
            idf_model_chan_info(0, I2S_DIR_RX, &info);
            ok = init == c->init_result;
            if (c->warning == NULL) ok = ok && idf_model_warnings() == 0u;
            else ok = ok && idf_model_warnings() > 0u && strstr(idf_model_last_warning(), c->warning) != NULL;
            if (init == ESP_OK) {
                ok = ok && info.state == IDF_STATE_READY;
                if (c->total_after) ok = ok && info.total_slot == c->total_after;
                if (c->buf_size) ok = ok && info.buf_size == c->buf_size;
                if (c->expect_mclk_hz) ok = ok && info.mclk_hz == c->expect_mclk_hz;
                if (c->expect_bclk_div) ok = ok && info.bclk_div == c->expect_bclk_div;
            } else {
                ok = ok && info.state == IDF_STATE_REGISTER; /* i2s_tdm.c:349-351: stays REGISTERED */
            }
            if (!ok) fprintf(stderr, "  %s: init %#x (error '%s', warning '%s'), total %u, buf %u, mclk %u, div %u\n", c->name, (unsigned)init,
                             idf_model_last_error(), idf_model_last_warning(), info.total_slot, info.buf_size, info.mclk_hz, info.bclk_div);
            i2s_del_channel(rx);
        }
        if (!ok) {
            fprintf(stderr, "config case failed: %s (%s)\n", c->name, c->cite);
            failures++;
        }
        n++;
    }
    printf("config table: %d cases\n", n);
}

/* ---- state machine, queues, ticks ---- */

static int rx_overflows, tx_overflows;
static bool count_rx_overflow(i2s_chan_handle_t h, i2s_event_data_t *e, void *u) { (void)h; (void)e; (void)u; rx_overflows++; return false; }
static bool count_tx_overflow(i2s_chan_handle_t h, i2s_event_data_t *e, void *u) { (void)h; (void)e; (void)u; tx_overflows++; return false; }

static int32_t sent_slot0[64];
static void record_dac(int port, uint64_t frame, const int32_t *slots, uint32_t count, void *ctx)
{
    (void)port; (void)count; (void)ctx;
    if (frame < 64) sent_slot0[frame] = slots[0];
}

static void test_states_queues_and_ticks(void)
{
    idf_model_reset();
    i2s_chan_handle_t tx = NULL, rx = NULL, again = NULL;
    i2s_chan_config_t chan = I2S_CHANNEL_DEFAULT_CONFIG(I2S_NUM_0, I2S_ROLE_MASTER);
    chan.dma_desc_num = 3;
    chan.dma_frame_num = 8;
    chan.auto_clear_after_cb = true;
    CHECK(i2s_new_channel(&chan, &tx, &rx) == ESP_OK);
    CHECK(i2s_new_channel(&chan, &again, NULL) == ESP_ERR_NOT_FOUND);           /* i2s_common.c:1032 */
    CHECK(i2s_channel_enable(tx) == ESP_ERR_INVALID_STATE);                     /* not initialised: :1233 */
    i2s_tdm_config_t cfg = tdm_config(48000, ALL4, I2S_DATA_BIT_WIDTH_32BIT, I2S_SLOT_BIT_WIDTH_32BIT, 4);
    cfg.clk_cfg.mclk_multiple = I2S_MCLK_MULTIPLE_512;
    CHECK(i2s_channel_init_tdm_mode(tx, &cfg) == ESP_OK);
    CHECK(i2s_channel_init_tdm_mode(tx, &cfg) == ESP_ERR_INVALID_STATE);        /* i2s_tdm.c:298 */
    i2s_tdm_config_t other = cfg;
    other.slot_cfg.ws_pol = false;
    CHECK(i2s_channel_init_tdm_mode(rx, &other) == ESP_OK);
    CHECK(idf_model_port_config_mismatch(0));                                   /* i2s.rst:926 */
    CHECK(i2s_channel_disable(tx) == ESP_ERR_INVALID_STATE);                    /* READY: :1262 */
    size_t n = 0;
    static uint8_t pattern[512];
    for (size_t i = 0; i < sizeof(pattern); i += 4) { int32_t v = 1000 + (int32_t)(i / 16); memcpy(pattern + i, &v, 4); }
    CHECK(i2s_channel_preload_data(rx, pattern, 128, &n) == ESP_ERR_INVALID_ARG); /* :1293 */
    CHECK(i2s_channel_preload_data(tx, pattern, sizeof(pattern), &n) == ESP_OK && n == 384u); /* 3 x 128 fit: :1316-1339 */
    i2s_event_callbacks_t rx_cb = { .on_recv = NULL, .on_recv_q_ovf = count_rx_overflow, .on_sent = NULL, .on_send_q_ovf = NULL };
    i2s_event_callbacks_t tx_cb = { .on_recv = NULL, .on_recv_q_ovf = NULL, .on_sent = NULL, .on_send_q_ovf = count_tx_overflow };
    CHECK(i2s_channel_register_event_callback(rx, &rx_cb, NULL) == ESP_OK);
    CHECK(i2s_channel_register_event_callback(tx, &tx_cb, NULL) == ESP_OK);

    /* Not enabled: a read waits its timeout for the semaphore, then INVALID_STATE
     * (:1412). 30 ms = 3 ticks: from t = 0 it ends at the 3rd tick, 30 ms. */
    uint8_t block[128];
    CHECK(pdMS_TO_TICKS(9) == 0u && pdMS_TO_TICKS(10) == 1u && pdMS_TO_TICKS(30) == 3u); /* projdefs.h:46 at 100 Hz */
    CHECK(i2s_channel_read(rx, block, sizeof(block), &n, 30) == ESP_ERR_INVALID_STATE);
    CHECK(idf_model_now_ns() == 30000000);
    CHECK(i2s_channel_read(tx, block, sizeof(block), &n, 0) == ESP_ERR_INVALID_ARG);  /* :1401 */
    CHECK(i2s_channel_write(rx, block, sizeof(block), &n, 0) == ESP_ERR_INVALID_ARG); /* :1350 */

    idf_model_set_dac(record_dac, NULL);
    CHECK(i2s_channel_enable(rx) == ESP_OK);
    CHECK(i2s_channel_enable(tx) == ESP_OK); /* the clock starts: TX is the master */
    CHECK(i2s_channel_enable(tx) == ESP_ERR_INVALID_STATE);                               /* :1233 */
    CHECK(i2s_channel_preload_data(tx, pattern, 128, &n) == ESP_ERR_INVALID_STATE);       /* :1294 */
    CHECK(i2s_channel_register_event_callback(rx, &rx_cb, NULL) == ESP_ERR_INVALID_STATE); /* :437 */
    CHECK(i2s_del_channel(rx) == ESP_ERR_INVALID_STATE);                                  /* :1091 */

    /* pdMS_TO_TICKS truncates: a 9 ms timeout is no wait at all. */
    int64_t t0 = idf_model_now_ns();
    CHECK(i2s_channel_read(rx, block, sizeof(block), &n, 9) == ESP_ERR_TIMEOUT && n == 0u && idf_model_now_ns() == t0);
    /* 10 ms = 1 tick: the first block (8 frames, 167 us) comes long before the tick. */
    CHECK(i2s_channel_read(rx, block, sizeof(block), &n, 10) == ESP_OK && n == 128u);
    CHECK(idf_model_now_ns() - t0 == 166666); /* 8 x 1e9 / 48000, floored */

    /* Nobody reads for 6 blocks: the queue (desc_num - 1 = 2, i2s_common.c:329) keeps the
     * 2 newest, 4 are dropped with on_recv_q_ovf (:639-645). TX: nobody writes, the same
     * on its side (:679-686), and zeros go out once the preloaded blocks are sent
     * (auto_clear_after_cb, :687-692). */
    idf_model_run_for_us(6 * 167);
    idf_model_chan_info_t r, t;
    idf_model_chan_info(0, I2S_DIR_RX, &r);
    idf_model_chan_info(0, I2S_DIR_TX, &t);
    CHECK(r.queued == 2u && r.drops == 4u && rx_overflows == 4);
    CHECK(t.queued == 2u && t.drops == 5u && tx_overflows == 5);
    CHECK(sent_slot0[0] == 1000 && sent_slot0[8] == 1008 && sent_slot0[16] == 1016 && sent_slot0[24] == 0);
    CHECK(i2s_channel_disable(tx) == ESP_OK && i2s_channel_disable(rx) == ESP_OK);
    CHECK(i2s_del_channel(tx) == ESP_OK && i2s_del_channel(rx) == ESP_OK);

    /* A slave whose BCLK/WS pins are not the master's gets no clock: reads time out. */
    idf_model_reset();
    i2s_chan_handle_t master = NULL, slave = NULL;
    CHECK(i2s_new_channel(&chan, &master, NULL) == ESP_OK);
    CHECK(i2s_channel_init_tdm_mode(master, &cfg) == ESP_OK);
    i2s_chan_config_t chan1 = I2S_CHANNEL_DEFAULT_CONFIG(I2S_NUM_1, I2S_ROLE_SLAVE);
    chan1.dma_desc_num = 3;
    chan1.dma_frame_num = 8;
    CHECK(i2s_new_channel(&chan1, NULL, &slave) == ESP_OK);
    i2s_tdm_config_t wrong_pins = cfg;
    wrong_pins.gpio_cfg.ws = (gpio_num_t)16;
    CHECK(i2s_channel_init_tdm_mode(slave, &wrong_pins) == ESP_OK);
    CHECK(i2s_channel_enable(slave) == ESP_OK && i2s_channel_enable(master) == ESP_OK);
    t0 = idf_model_now_ns();
    CHECK(i2s_channel_read(slave, block, sizeof(block), &n, 30) == ESP_ERR_TIMEOUT && n == 0u);
    CHECK(idf_model_now_ns() - t0 > 20000000 && idf_model_now_ns() - t0 <= 30000000); /* (N-1, N] ticks */
    CHECK(i2s_channel_disable(master) == ESP_OK && i2s_channel_disable(slave) == ESP_OK);
    CHECK(i2s_del_channel(master) == ESP_OK && i2s_del_channel(slave) == ESP_OK);
    printf("states, queues and ticks: ok\n");
}

int main(void)
{
    test_board_constraints();
    test_config_table();
    test_states_queues_and_ticks();
    if (failures != 0) {
        fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    printf("idf model: all checks passed\n");
    return 0;
}
