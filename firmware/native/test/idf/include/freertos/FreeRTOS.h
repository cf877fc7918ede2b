/*
 * freertos/FreeRTOS.h - declaration stand-in (test only) for ESP-IDF v5.5.4's FreeRTOS
 * (components/freertos): the base types, the configuration values and the tick macros
 * MixBox uses.
 */
#pragma once

#include <stdint.h>

/* CONFIG_FREERTOS_HZ: Kconfig default 100 (components/freertos/Kconfig:33-37);
 * nanoFramework's ESP32-S3 sdkconfig defaults (nf-interpreter
 * targets/ESP32/_IDF/sdkconfig.default.esp32s3) do not set it, so 1 tick = 10 ms. A
 * test may build with another value (-DCONFIG_FREERTOS_HZ=1000). */
#ifndef CONFIG_FREERTOS_HZ
#define CONFIG_FREERTOS_HZ 100
#endif

/* components/freertos/config/include/freertos/FreeRTOSConfig.h:92-93 */
#define configTICK_RATE_HZ CONFIG_FREERTOS_HZ
#define configMAX_PRIORITIES (25)
/* FreeRTOSConfig.h:126 */
#define configSTACK_DEPTH_TYPE uint32_t

/* portable/xtensa/include/freertos/portmacro.h:89-100 (configUSE_16_BIT_TICKS 0,
 * FreeRTOSConfig.h:95) */
typedef int BaseType_t;
typedef unsigned int UBaseType_t;
typedef uint32_t TickType_t;
#define portMAX_DELAY (TickType_t)0xffffffffUL
/* portmacro.h:116 */
#define portTICK_PERIOD_MS ((TickType_t)1000 / configTICK_RATE_HZ)

/* FreeRTOS-Kernel/include/freertos/projdefs.h:46: truncating, so at 100 Hz anything
 * under 10 ms is 0 ticks (no wait at all). */
#define pdMS_TO_TICKS(xTimeInMs) ((TickType_t)(((TickType_t)(xTimeInMs) * (TickType_t)configTICK_RATE_HZ) / (TickType_t)1000U))
/* projdefs.h:58-61 */
#define pdFALSE ((BaseType_t)0)
#define pdTRUE ((BaseType_t)1)
#define pdPASS (pdTRUE)
