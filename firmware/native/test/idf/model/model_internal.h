/*
 * model_internal.h - what the model's files share (test only).
 */
#ifndef MODEL_INTERNAL_H
#define MODEL_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "driver/i2s_tdm.h"
#include "freertos/task.h"
#include "idf_model.h"

#define MODEL_PORTS 2          /* SOC_I2S_NUM on the ESP32-S3 (soc_caps.h:228 @ v5.5.4) */
#define MODEL_MAX_DESC 16      /* the model's own limit on dma_desc_num */
#define MODEL_NS_PER_S 1000000000LL

/* ---- scheduler (model_sched.c) ---- */
void model_lock(void);
void model_unlock(void);
int64_t model_now_ns(void);
/* With the lock held: the calling actor waits until ready(ctx) != 0 (checked whenever
 * something happened) or virtual time reaches deadline_ns. 1 = ready, 0 = deadline. */
int model_wait(int64_t deadline_ns, int (*ready)(void *ctx), void *ctx);
/* FreeRTOS: a wait of `ticks` ends at tick interrupt (current tick + ticks). */
int64_t model_tick_deadline(TickType_t ticks);
int model_spawn(TaskFunction_t fn, void *arg);
__attribute__((noreturn)) void model_exit_current(void);
__attribute__((noreturn, format(printf, 1, 2))) void model_fatal(const char *fmt, ...);
void model_sched_reset(void);
int model_tasks_alive(void);

/* ---- driver messages ---- */
__attribute__((format(printf, 1, 2))) void model_warn(const char *fmt, ...);
/* Records the error message and returns err (ESP_RETURN_ON_FALSE's shape). */
__attribute__((format(printf, 2, 3))) esp_err_t model_error(esp_err_t err, const char *fmt, ...);
void model_log_event(idf_model_event_kind_t kind, int port, int dir, int state_before, esp_err_t result, uint64_t bus_frame);
void model_messages_reset(void);

/* ---- I2S (model_i2s_config.c / model_i2s_dma.c) ---- */
struct i2s_channel_obj_t {
    int used;
    int port;
    i2s_dir_t dir;
    int state;                 /* IDF_STATE_* */
    i2s_role_t role;
    bool full_duplex_slave;
    uint32_t desc_num, frame_num;
    bool auto_clear_after, auto_clear_before;
    /* after init */
    i2s_tdm_config_t cfg;      /* as the driver keeps it: slot config normalised */
    uint32_t total_slot, active_slot, slot_bits, buf_size;
    uint32_t sclk_hz, mclk_hz, bclk_hz, bclk_div;
    uint8_t *buf[MODEL_MAX_DESC];
    /* DMA position */
    uint32_t dma_desc, dma_frame;
    int64_t enabled_ns;
    bool first_frame_logged;
    /* message queue: buffer indices, capacity desc_num - 1 */
    int queue[MODEL_MAX_DESC];
    uint32_t q_head, q_count;
    /* reader / writer: dma.curr_ptr (index, -1 = NULL) and dma.rw_pos */
    int curr;
    uint32_t rw_pos;
    bool busy;
    i2s_event_callbacks_t callbacks;
    void *user_data;
    /* counters and faults */
    uint64_t blocks, drops;
    uint32_t skip_next, duplicate_next;
    uint64_t stall_next_us;
};

typedef struct {
    bool acquired;
    i2s_chan_handle_t tx, rx;
    bool full_duplex;
    bool config_mismatch;
    /* the clock this controller generates (its master channel running) */
    bool clock_running;
    bool clock_paused;
    int64_t seg_start_ns;      /* frame ends: seg_start + (seg_frames + 1) * 1e9 / rate */
    uint64_t seg_frames;
    int64_t frame_start_ns;    /* start of the frame in progress */
    int64_t pause_elapsed_ns;  /* how far into its frame the clock was when paused */
    uint64_t bus_frames;
    uint32_t rate;
    /* as a slave: its BCLK/WS input cut, and since when it sees it again */
    bool input_cut;
    int64_t input_back_ns;
} model_port_t;

extern model_port_t g_model_port[MODEL_PORTS];

i2s_chan_handle_t model_chan_alloc(void);
void model_chan_free(i2s_chan_handle_t ch);
uint32_t model_queue_capacity(const struct i2s_channel_obj_t *ch);
/* The master channel of a controller, or NULL. */
i2s_chan_handle_t model_port_master(int port);
void model_dma_reset(void);
int64_t model_dma_next_event_ns(void);
void model_dma_run_to(int64_t t_ns);
void model_dma_channel_started(i2s_chan_handle_t ch);
void model_dma_channel_stopped(i2s_chan_handle_t ch);

#endif /* MODEL_INTERNAL_H */
