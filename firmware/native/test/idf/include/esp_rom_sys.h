/*
 * esp_rom_sys.h - declaration stand-in (test only) for ESP-IDF v5.5.4
 * components/esp_rom/include/esp_rom_sys.h.
 */
#pragma once

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Busy-waits `us` microseconds (esp_rom_sys.h:91). The model lets virtual time pass. */
void esp_rom_delay_us(uint32_t us);

#ifdef __cplusplus
}
#endif
