/*
 * freertos/task.h - declaration stand-in (test only) for ESP-IDF v5.5.4
 * components/freertos/FreeRTOS-Kernel/include/freertos/task.h (and the ESP-IDF
 * addition xTaskCreatePinnedToCore, declared there at task.h:382-388).
 */
#pragma once

#include "freertos/FreeRTOS.h"

#ifdef __cplusplus
extern "C" {
#endif

/* projdefs.h:40 */
typedef void (*TaskFunction_t)(void *);
/* task.h:93 */
typedef struct tskTaskControlBlock *TaskHandle_t;

/* task.h:382-388 */
BaseType_t xTaskCreatePinnedToCore(TaskFunction_t pxTaskCode,
                                   const char *const pcName,
                                   const configSTACK_DEPTH_TYPE usStackDepth,
                                   void *const pvParameters,
                                   UBaseType_t uxPriority,
                                   TaskHandle_t *const pvCreatedTask,
                                   const BaseType_t xCoreID);
/* task.h:785 */
void vTaskDelete(TaskHandle_t xTaskToDelete);
/* task.h:834 */
void vTaskDelay(const TickType_t xTicksToDelay);

#ifdef __cplusplus
}
#endif
