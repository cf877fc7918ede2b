/*
 * driver/i2s_common.h - declaration stand-in (test only) for ESP-IDF v5.5.4
 * components/esp_driver_i2s/include/driver/i2s_common.h: the channel API MixBox uses.
 * Behaviour the model reproduces is cited in model/ from i2s_common.c.
 */
#pragma once

#include "driver/i2s_types.h"
#include "esp_err.h"
#include "hal/gpio_types.h"
#include "hal/i2s_types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* i2s_common.h:22-31: the fields and defaults of I2S_CHANNEL_DEFAULT_CONFIG */
#define I2S_CHANNEL_DEFAULT_CONFIG(i2s_num, i2s_role) { \
    .id = i2s_num,                                      \
    .role = i2s_role,                                   \
    .dma_desc_num = 6,                                  \
    .dma_frame_num = 240,                               \
    .auto_clear_after_cb = false,                       \
    .auto_clear_before_cb = false,                      \
    .allow_pd = false,                                  \
    .intr_priority = 0,                                 \
}

/* i2s_common.h:33 */
#define I2S_GPIO_UNUSED GPIO_NUM_NC

/* i2s_common.h:41-54: every callback runs in the ISR */
typedef struct {
    i2s_isr_callback_t on_recv;       /* RX: a DMA buffer was filled */
    i2s_isr_callback_t on_recv_q_ovf; /* RX: the queue was full, its oldest buffer dropped */
    i2s_isr_callback_t on_sent;       /* TX: a DMA buffer was sent */
    i2s_isr_callback_t on_send_q_ovf; /* TX: the queue was full, its oldest buffer dropped */
} i2s_event_callbacks_t;

/* i2s_common.h:59-82 */
typedef struct {
    i2s_port_t id;
    i2s_role_t role;
    uint32_t dma_desc_num;
    uint32_t dma_frame_num;
    union {
        bool auto_clear;
        bool auto_clear_after_cb;
    };
    bool auto_clear_before_cb;
    bool allow_pd;
    int intr_priority;
} i2s_chan_config_t;

esp_err_t i2s_new_channel(const i2s_chan_config_t *chan_cfg, i2s_chan_handle_t *ret_tx_handle, i2s_chan_handle_t *ret_rx_handle); /* :136 */
esp_err_t i2s_del_channel(i2s_chan_handle_t handle);                                                          /* :147 */
esp_err_t i2s_channel_enable(i2s_chan_handle_t handle);                                                       /* :173 */
esp_err_t i2s_channel_disable(i2s_chan_handle_t handle);                                                      /* :187 */
esp_err_t i2s_channel_write(i2s_chan_handle_t handle, const void *src, size_t size, size_t *bytes_written, uint32_t timeout_ms); /* :205 */
esp_err_t i2s_channel_read(i2s_chan_handle_t handle, void *dest, size_t size, size_t *bytes_read, uint32_t timeout_ms);         /* :223 */
esp_err_t i2s_channel_register_event_callback(i2s_chan_handle_t handle, const i2s_event_callbacks_t *callbacks, void *user_data); /* :241 */
esp_err_t i2s_channel_preload_data(i2s_chan_handle_t tx_handle, const void *src, size_t size, size_t *bytes_loaded);            /* :265 */

#ifdef __cplusplus
}
#endif
