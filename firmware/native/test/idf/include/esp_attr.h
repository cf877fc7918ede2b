/*
 * esp_attr.h - declaration stand-in (test only) for ESP-IDF v5.5.4
 * components/esp_common/include/esp_attr.h. IRAM_ATTR (esp_attr.h:23) places a function
 * in a ".iram1.<n>" section; here it is a section attribute of the same kind, so a
 * misplaced IRAM_ATTR fails to compile as it would on the device.
 */
#pragma once

#define IRAM_ATTR __attribute__((section(".iram1.mixbox")))
