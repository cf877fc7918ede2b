/*
 * model_freertos.c - the FreeRTOS task calls MixBox makes (test only). A task is an
 * actor on its own pthread (model_sched.c); priority and core are recorded, not used:
 * in virtual time every actor has its own core.
 */
#include "model_internal.h"

BaseType_t xTaskCreatePinnedToCore(TaskFunction_t pxTaskCode, const char *const pcName,
                                   const configSTACK_DEPTH_TYPE usStackDepth, void *const pvParameters,
                                   UBaseType_t uxPriority, TaskHandle_t *const pvCreatedTask, const BaseType_t xCoreID)
{
    (void)pcName;
    (void)usStackDepth;
    if (pxTaskCode == NULL) model_fatal("xTaskCreatePinnedToCore: no task function");
    if (uxPriority >= configMAX_PRIORITIES) model_fatal("xTaskCreatePinnedToCore: priority %u >= configMAX_PRIORITIES", uxPriority);
    if (xCoreID < 0 || xCoreID > 1) model_fatal("xTaskCreatePinnedToCore: core %d (the S3 has cores 0 and 1)", xCoreID);
    int index = model_spawn(pxTaskCode, pvParameters);
    if (index < 0) return pdFALSE; /* errCOULD_NOT_ALLOCATE_REQUIRED_MEMORY in FreeRTOS */
    if (pvCreatedTask != NULL) *pvCreatedTask = (TaskHandle_t)(intptr_t)index;
    return pdPASS;
}

void vTaskDelete(TaskHandle_t xTaskToDelete)
{
    if (xTaskToDelete != NULL) model_fatal("vTaskDelete: only a task deleting itself (NULL) is modelled");
    model_exit_current();
}

void vTaskDelay(const TickType_t xTicksToDelay)
{
    model_lock();
    model_wait(model_tick_deadline(xTicksToDelay), NULL, NULL);
    model_unlock();
}
