/*
 * esp_err.h - declaration stand-in (test only) for ESP-IDF v5.5.4
 * components/esp_common/include/esp_err.h: the error type and the codes MixBox and
 * the model use. Values as in that header (lines cited).
 */
#pragma once

typedef int esp_err_t;                 /* esp_err.h:19 */

#define ESP_OK 0                       /* esp_err.h:22 */
#define ESP_FAIL -1                    /* esp_err.h:23 */
#define ESP_ERR_NO_MEM 0x101           /* esp_err.h:25 */
#define ESP_ERR_INVALID_ARG 0x102      /* esp_err.h:26 */
#define ESP_ERR_INVALID_STATE 0x103    /* esp_err.h:27 */
#define ESP_ERR_NOT_FOUND 0x105        /* esp_err.h:29 */
#define ESP_ERR_NOT_SUPPORTED 0x106    /* esp_err.h:30 */
#define ESP_ERR_TIMEOUT 0x107          /* esp_err.h:31 */
