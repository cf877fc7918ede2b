/*
 * hal/i2s_types.h - declaration stand-in (test only) for ESP-IDF v5.5.4
 * components/hal/include/hal/i2s_types.h (ESP32-S3 build), plus the ESP32-S3 I2S clock
 * source enum it uses (components/soc/esp32s3/include/soc/clk_tree_defs.h).
 */
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* i2s_types.h:24-27 */
typedef enum {
    I2S_SLOT_MODE_MONO = 1,
    I2S_SLOT_MODE_STEREO = 2,
} i2s_slot_mode_t;

/* i2s_types.h:32-35 (BIT(0), BIT(1)) */
typedef enum {
    I2S_DIR_RX = 1 << 0,
    I2S_DIR_TX = 1 << 1,
} i2s_dir_t;

/* i2s_types.h:40-43 */
typedef enum {
    I2S_ROLE_MASTER,
    I2S_ROLE_SLAVE
} i2s_role_t;

/* i2s_types.h:48-53 */
typedef enum {
    I2S_DATA_BIT_WIDTH_8BIT = 8,
    I2S_DATA_BIT_WIDTH_16BIT = 16,
    I2S_DATA_BIT_WIDTH_24BIT = 24,
    I2S_DATA_BIT_WIDTH_32BIT = 32,
} i2s_data_bit_width_t;

/* i2s_types.h:59-65 */
typedef enum {
    I2S_SLOT_BIT_WIDTH_AUTO = (0),
    I2S_SLOT_BIT_WIDTH_8BIT = (8),
    I2S_SLOT_BIT_WIDTH_16BIT = (16),
    I2S_SLOT_BIT_WIDTH_24BIT = (24),
    I2S_SLOT_BIT_WIDTH_32BIT = (32),
} i2s_slot_bit_width_t;

/* clk_tree_defs.h:319-327, with the soc_module_clk_t values of clk_tree_defs.h:114-130
 * (SOC_MOD_CLK_CPU = 1 ... SOC_MOD_CLK_PLL_F160M = 6, SOC_MOD_CLK_PLL_D2 = 7,
 * SOC_MOD_CLK_XTAL = 11). The S3 has no APLL (soc_caps.h has no SOC_I2S_SUPPORTS_APLL). */
typedef enum {
    I2S_CLK_SRC_DEFAULT = 6,  /* PLL_F160M */
    I2S_CLK_SRC_PLL_240M = 7, /* PLL_D2 */
    I2S_CLK_SRC_PLL_160M = 6, /* PLL_F160M */
    I2S_CLK_SRC_XTAL = 11,    /* XTAL (40 MHz) */
    I2S_CLK_SRC_EXTERNAL = -1,
} soc_periph_i2s_clk_src_t;
/* i2s_types.h:68 */
typedef soc_periph_i2s_clk_src_t i2s_clock_src_t;

/* i2s_types.h:190-207 (BIT(n)); slots 0-15 */
typedef enum {
    I2S_TDM_SLOT0 = 1 << 0,
    I2S_TDM_SLOT1 = 1 << 1,
    I2S_TDM_SLOT2 = 1 << 2,
    I2S_TDM_SLOT3 = 1 << 3,
    I2S_TDM_SLOT4 = 1 << 4,
    I2S_TDM_SLOT5 = 1 << 5,
    I2S_TDM_SLOT6 = 1 << 6,
    I2S_TDM_SLOT7 = 1 << 7,
    I2S_TDM_SLOT8 = 1 << 8,
    I2S_TDM_SLOT9 = 1 << 9,
    I2S_TDM_SLOT10 = 1 << 10,
    I2S_TDM_SLOT11 = 1 << 11,
    I2S_TDM_SLOT12 = 1 << 12,
    I2S_TDM_SLOT13 = 1 << 13,
    I2S_TDM_SLOT14 = 1 << 14,
    I2S_TDM_SLOT15 = 1 << 15,
} i2s_tdm_slot_mask_t;

#ifdef __cplusplus
}
#endif
