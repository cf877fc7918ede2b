/*
 * esp_timer.h - declaration stand-in (test only) for ESP-IDF v5.5.4
 * components/esp_timer/include/esp_timer.h.
 */
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Microseconds since boot (esp_timer.h:223). On the device it is the alias of
 * esp_timer_impl_get_time, ESP_TIMER_IRAM_ATTR (esp_timer_impl_systimer.c:68-75), so it
 * may be called from an ISR. The model returns its virtual time. */
int64_t esp_timer_get_time(void);

#ifdef __cplusplus
}
#endif
