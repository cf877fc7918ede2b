/*
 * nvs.h - declaration stand-in (test only) for ESP-IDF v5.5.4
 * components/nvs_flash/include/nvs.h: what mixbox_settings_nvs.c uses.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "esp_err.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t nvs_handle_t;                                   /* nvs.h:22 */

#define ESP_ERR_NVS_BASE 0x1100                                  /* nvs.h:29 */
#define ESP_ERR_NVS_NOT_FOUND (ESP_ERR_NVS_BASE + 0x02)          /* nvs.h:31 */
#define ESP_ERR_NVS_INVALID_LENGTH (ESP_ERR_NVS_BASE + 0x0c)     /* nvs.h:41 */

/* nvs.h:87-90 */
typedef enum {
    NVS_READONLY,
    NVS_READWRITE
} nvs_open_mode_t;

esp_err_t nvs_open(const char *namespace_name, nvs_open_mode_t open_mode, nvs_handle_t *out_handle); /* :162 */
esp_err_t nvs_set_blob(nvs_handle_t handle, const char *key, const void *value, size_t length);       /* :346 */
esp_err_t nvs_get_blob(nvs_handle_t handle, const char *key, void *out_value, size_t *length);        /* :501 */
esp_err_t nvs_commit(nvs_handle_t handle);                                                            /* :577 */
void nvs_close(nvs_handle_t handle);                                                                  /* :590 */

#ifdef __cplusplus
}
#endif
