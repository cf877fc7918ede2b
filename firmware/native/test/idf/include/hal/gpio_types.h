/*
 * hal/gpio_types.h - declaration stand-in (test only) for ESP-IDF v5.5.4
 * components/hal/include/hal/gpio_types.h, which takes gpio_num_t from
 * components/soc/esp32s3/include/soc/gpio_num.h:16-64 (GPIO_NUM_NC = -1, GPIO_NUM_0..48,
 * GPIO_NUM_MAX). MixBox casts its board pin numbers to gpio_num_t, so only the type and
 * its ends are declared here.
 */
#pragma once

typedef enum {
    GPIO_NUM_NC = -1, /* gpio_num.h:17 */
    GPIO_NUM_MAX = 49 /* gpio_num.h:63: after GPIO_NUM_48 */
} gpio_num_t;
