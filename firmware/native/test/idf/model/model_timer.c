/*
 * model_timer.c - esp_timer_get_time and esp_rom_delay_us in virtual time (test only).
 */
#include "esp_rom_sys.h"
#include "esp_timer.h"
#include "model_internal.h"

int64_t esp_timer_get_time(void)
{
    /* No lock: called by the running actor and by the ISR callbacks the scheduler runs
     * for it (with the lock held). */
    return model_now_ns() / 1000;
}

void esp_rom_delay_us(uint32_t us)
{
    /* A busy wait: exact, not tick-quantised; the other actors run meanwhile (they are on
     * the other core). */
    model_lock();
    model_wait(model_now_ns() + (int64_t)us * 1000, NULL, NULL);
    model_unlock();
}
