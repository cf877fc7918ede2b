/*
 * driver/i2s_tdm.h - declaration stand-in (test only) for ESP-IDF v5.5.4
 * components/esp_driver_i2s/include/driver/i2s_tdm.h (SOC_I2S_SUPPORTS_TDM is set on the
 * ESP32-S3, soc_caps.h:240).
 */
#pragma once

#include "driver/i2s_common.h"
#include "hal/gpio_types.h"
#include "hal/i2s_types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* i2s_tdm.h:24-25 */
#define I2S_TDM_AUTO_SLOT_NUM (0)
#define I2S_TDM_AUTO_WS_WIDTH (0)

/* i2s_tdm.h:54-67: the fields and defaults of I2S_TDM_MSB_SLOT_DEFAULT_CONFIG */
#define I2S_TDM_MSB_SLOT_DEFAULT_CONFIG(bits_per_sample, mono_or_stereo, mask) { \
    .data_bit_width = (bits_per_sample),                                          \
    .slot_bit_width = I2S_SLOT_BIT_WIDTH_AUTO,                                    \
    .slot_mode = mono_or_stereo,                                                  \
    .slot_mask = (mask),                                                          \
    .ws_width = I2S_TDM_AUTO_WS_WIDTH,                                            \
    .ws_pol = false,                                                              \
    .bit_shift = false,                                                           \
    .left_align = false,                                                          \
    .big_endian = false,                                                          \
    .bit_order_lsb = false,                                                       \
    .skip_mask = false,                                                           \
    .total_slot = I2S_TDM_AUTO_SLOT_NUM                                           \
}

/* i2s_tdm.h:122-128: the fields and defaults of I2S_TDM_CLK_DEFAULT_CONFIG */
#define I2S_TDM_CLK_DEFAULT_CONFIG(rate) { \
    .sample_rate_hz = rate,                 \
    .clk_src = I2S_CLK_SRC_DEFAULT,         \
    .ext_clk_freq_hz = 0,                   \
    .mclk_multiple = I2S_MCLK_MULTIPLE_256, \
    .bclk_div = 8,                          \
}

/* i2s_tdm.h:133-151 */
typedef struct {
    i2s_data_bit_width_t data_bit_width;
    i2s_slot_bit_width_t slot_bit_width;
    i2s_slot_mode_t slot_mode;
    i2s_tdm_slot_mask_t slot_mask;
    uint32_t ws_width;
    bool ws_pol;
    bool bit_shift;
    bool left_align;
    bool big_endian;
    bool bit_order_lsb;
    bool skip_mask;
    uint32_t total_slot;
} i2s_tdm_slot_config_t;

/* i2s_tdm.h:156-168 (mclk_multiple: master only; bclk_div: slave only, at least 8) */
typedef struct {
    uint32_t sample_rate_hz;
    i2s_clock_src_t clk_src;
    uint32_t ext_clk_freq_hz;
    i2s_mclk_multiple_t mclk_multiple;
    uint32_t bclk_div;
} i2s_tdm_clk_config_t;

/* i2s_tdm.h:173-184 */
typedef struct {
    gpio_num_t mclk;
    gpio_num_t bclk;
    gpio_num_t ws;
    gpio_num_t dout;
    gpio_num_t din;
    struct {
        uint32_t mclk_inv : 1;
        uint32_t bclk_inv : 1;
        uint32_t ws_inv : 1;
    } invert_flags;
} i2s_tdm_gpio_config_t;

/* i2s_tdm.h:189-193 */
typedef struct {
    i2s_tdm_clk_config_t clk_cfg;
    i2s_tdm_slot_config_t slot_cfg;
    i2s_tdm_gpio_config_t gpio_cfg;
} i2s_tdm_config_t;

/* i2s_tdm.h:214 */
esp_err_t i2s_channel_init_tdm_mode(i2s_chan_handle_t handle, const i2s_tdm_config_t *tdm_cfg);

#ifdef __cplusplus
}
#endif
