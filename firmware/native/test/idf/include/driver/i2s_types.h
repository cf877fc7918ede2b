/*
 * driver/i2s_types.h - declaration stand-in (test only) for ESP-IDF v5.5.4
 * components/esp_driver_i2s/include/driver/i2s_types.h (ESP32-S3: SOC_I2S_NUM 2,
 * soc_caps.h:228).
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* i2s_types.h:21-30 */
typedef enum {
    I2S_NUM_0 = 0,
    I2S_NUM_1 = 1,
    I2S_NUM_AUTO,
} i2s_port_t;

/* i2s_types.h:53-63 */
typedef enum {
    I2S_MCLK_MULTIPLE_128 = 128,
    I2S_MCLK_MULTIPLE_192 = 192,
    I2S_MCLK_MULTIPLE_256 = 256,
    I2S_MCLK_MULTIPLE_384 = 384,
    I2S_MCLK_MULTIPLE_512 = 512,
    I2S_MCLK_MULTIPLE_576 = 576,
    I2S_MCLK_MULTIPLE_768 = 768,
    I2S_MCLK_MULTIPLE_1024 = 1024,
    I2S_MCLK_MULTIPLE_1152 = 1152,
} i2s_mclk_multiple_t;

/* i2s_types.h:77-88 ("data" is deprecated there, as here) */
typedef struct {
    void *data __attribute__((deprecated));
    void *dma_buf; /* the DMA buffer just received / sent; NULL in the overflow callbacks */
    size_t size;   /* its size in bytes */
} i2s_event_data_t;

/* i2s_types.h:128 */
typedef struct i2s_channel_obj_t *i2s_chan_handle_t;

/* i2s_types.h:139: runs in the ISR; returns whether a higher-priority task was woken */
typedef bool (*i2s_isr_callback_t)(i2s_chan_handle_t handle, i2s_event_data_t *event, void *user_ctx);

#ifdef __cplusplus
}
#endif
