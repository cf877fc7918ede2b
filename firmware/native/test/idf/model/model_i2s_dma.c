/*
 * model_i2s_dma.c - running channels (test only): enable/disable, preload, read/write,
 * and the DMA in virtual time. i2s_common.c = components/esp_driver_i2s/i2s_common.c
 * @ v5.5.4; the ESP32-S3 takes its GDMA paths (SOC_GDMA_SUPPORTED, soc_caps.h:31).
 *
 * Clocks: a controller whose master channel runs generates BCLK/WS; a frame ends every
 * 1/sample_rate s of virtual time. It clocks its own running channels (the master and
 * its full-duplex partner, which shares BCLK/WS: i2s_tdm.c:153-158) and every running
 * slave channel whose BCLK and WS pins are the master's (a slave listening on the GPIO
 * matrix). A channel enabled mid-frame starts with the next frame (a slave syncs on WS).
 *
 * DMA: each running channel moves one frame per clock frame through a ring of
 * desc_num buffers of buf_size bytes (dma_frame_num frames), starting at buffer 0
 * (i2s_rx_channel_start / i2s_tx_channel_start, i2s_common.c:130, :152). At the end of
 * a buffer (EOF) it runs the driver's ISR logic: i2s_dma_rx_callback
 * (i2s_common.c:618-649) and i2s_dma_tx_callback (:651-696).
 */
#include <string.h>

#include "model_internal.h"

static idf_model_adc_fn s_adc;
static void *s_adc_ctx;
static idf_model_dac_fn s_dac;
static void *s_dac_ctx;

void idf_model_set_adc(idf_model_adc_fn fn, void *ctx) { s_adc = fn; s_adc_ctx = ctx; }
void idf_model_set_dac(idf_model_dac_fn fn, void *ctx) { s_dac = fn; s_dac_ctx = ctx; }

void model_dma_reset(void)
{
    s_adc = NULL;
    s_dac = NULL;
}

/* ---- the message queue (a FreeRTOS queue of buffer pointers) ---- */

static void queue_reset(i2s_chan_handle_t ch) { ch->q_head = ch->q_count = 0; }

static bool queue_push(i2s_chan_handle_t ch, int buffer)
{
    if (ch->q_count == model_queue_capacity(ch)) return false;
    ch->queue[(ch->q_head + ch->q_count) % MODEL_MAX_DESC] = buffer;
    ch->q_count++;
    return true;
}

static bool queue_pop(i2s_chan_handle_t ch, int *buffer)
{
    if (ch->q_count == 0) return false;
    *buffer = ch->queue[ch->q_head];
    ch->q_head = (ch->q_head + 1u) % MODEL_MAX_DESC;
    ch->q_count--;
    return true;
}

static int queue_not_empty(void *ctx) { return ((i2s_chan_handle_t)ctx)->q_count > 0; }
static int channel_running(void *ctx) { return ((i2s_chan_handle_t)ctx)->state == IDF_STATE_RUNNING; }

/* ---- clocks ---- */

static int64_t frame_end_ns(const model_port_t *p, uint64_t frame_in_segment)
{
    return p->seg_start_ns + (int64_t)((frame_in_segment * (uint64_t)MODEL_NS_PER_S) / p->rate);
}

int64_t model_dma_next_event_ns(void)
{
    int64_t next = INT64_MAX;
    for (int i = 0; i < MODEL_PORTS; i++) {
        const model_port_t *p = &g_model_port[i];
        if (!p->clock_running || p->clock_paused) continue;
        int64_t t = frame_end_ns(p, p->seg_frames + 1u);
        if (t < next) next = t;
    }
    return next;
}

static void clock_start(int port, i2s_chan_handle_t master)
{
    model_port_t *p = &g_model_port[port];
    p->clock_running = true;
    p->rate = master->cfg.clk_cfg.sample_rate_hz;
    p->seg_start_ns = p->frame_start_ns = model_now_ns();
    p->seg_frames = 0;
    p->pause_elapsed_ns = 0;
    model_log_event(IDF_EV_CLOCK_START, port, 0, IDF_STATE_NONE, ESP_OK, p->bus_frames);
}

static void clock_stop(int port)
{
    g_model_port[port].clock_running = false;
    model_log_event(IDF_EV_CLOCK_STOP, port, 0, IDF_STATE_NONE, ESP_OK, g_model_port[port].bus_frames);
}

/* Is `ch` clocked by the master clock of `port`? */
static bool clocked_by(i2s_chan_handle_t ch, int port, i2s_chan_handle_t master)
{
    if (ch->port == port) return ch == master || ch->full_duplex_slave;
    if (ch->role != I2S_ROLE_SLAVE || ch->full_duplex_slave) return false;
    const i2s_tdm_gpio_config_t *mine = &ch->cfg.gpio_cfg, *theirs = &master->cfg.gpio_cfg;
    return mine->bclk != GPIO_NUM_NC && mine->bclk == theirs->bclk && mine->ws == theirs->ws;
}

/* ---- end of a DMA buffer: the driver's ISR ---- */

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations" /* i2s_event_data_t::data, as i2s_common.c:614-615 */
static void rx_report(i2s_chan_handle_t ch, int buffer)
{
    i2s_event_data_t evt;
    memset(&evt, 0, sizeof(evt));
    evt.dma_buf = ch->buf[buffer];
    evt.size = ch->buf_size;
    ch->blocks++;
    if (ch->callbacks.on_recv != NULL) ch->callbacks.on_recv(ch, &evt, ch->user_data);             /* :636-638 */
    int dropped;
    if (ch->q_count == model_queue_capacity(ch) && queue_pop(ch, &dropped)) {                       /* :639-640 */
        ch->drops++;
        if (ch->callbacks.on_recv_q_ovf != NULL) ch->callbacks.on_recv_q_ovf(ch, &evt, ch->user_data); /* :641-644 */
    }
    queue_push(ch, buffer);                                                                          /* :646 */
}

static void rx_end_of_buffer(i2s_chan_handle_t ch, int buffer)
{
    if (ch->skip_next > 0u) { /* fault: the EOF is lost, the buffer never queued */
        ch->skip_next--;
        return;
    }
    rx_report(ch, buffer);
    if (ch->duplicate_next > 0u) { /* fault: reported twice */
        ch->duplicate_next--;
        rx_report(ch, buffer);
    }
}

static void tx_end_of_buffer(i2s_chan_handle_t ch, int buffer)
{
    i2s_event_data_t evt;
    memset(&evt, 0, sizeof(evt));
    evt.dma_buf = ch->buf[buffer];
    evt.size = ch->buf_size;
    ch->blocks++;
    if (ch->auto_clear_before) memset(ch->buf[buffer], 0, ch->buf_size);                             /* :667-669 */
    if (ch->callbacks.on_sent != NULL) ch->callbacks.on_sent(ch, &evt, ch->user_data);               /* :670-672 */
    int dropped;
    if (ch->q_count == model_queue_capacity(ch) && queue_pop(ch, &dropped)) {                         /* :679-680 */
        ch->drops++;
        evt.dma_buf = NULL;
        if (ch->callbacks.on_send_q_ovf != NULL) ch->callbacks.on_send_q_ovf(ch, &evt, ch->user_data); /* :681-685 */
    }
    if (ch->auto_clear_after) memset(ch->buf[buffer], 0, ch->buf_size);                              /* :687-692 */
    queue_push(ch, buffer);                                                                            /* :693 */
}
#pragma GCC diagnostic pop

/* One frame through one channel's DMA. */
static void transfer_frame(i2s_chan_handle_t ch, uint64_t bus_frame)
{
    if (ch->cfg.slot_cfg.data_bit_width != I2S_DATA_BIT_WIDTH_32BIT) model_fatal("only 32-bit samples in the DMA are modelled");
    if (!ch->first_frame_logged) {
        ch->first_frame_logged = true;
        model_log_event(IDF_EV_FIRST_FRAME, ch->port, (int)ch->dir, ch->state, ESP_OK, bus_frame);
    }
    const uint32_t mask = (uint32_t)ch->cfg.slot_cfg.slot_mask;
    const uint32_t frame_bytes = ch->active_slot * 4u;
    uint8_t *at = ch->buf[ch->dma_desc] + (size_t)ch->dma_frame * frame_bytes;
    int32_t slots[16] = { 0 };
    for (uint32_t s = 0; s < ch->total_slot && s < 16u; s++) {
        if (!(mask & (1u << s))) continue;
        if (ch->dir == I2S_DIR_RX) {
            int32_t v = s_adc != NULL ? s_adc(ch->port, bus_frame, s, s_adc_ctx) : 0;
            memcpy(at, &v, 4); /* little-endian, as on the S3 */
        } else {
            memcpy(&slots[s], at, 4);
        }
        at += 4;
    }
    if (ch->dir == I2S_DIR_TX && s_dac != NULL) s_dac(ch->port, bus_frame, slots, ch->total_slot, s_dac_ctx);
    if (++ch->dma_frame == ch->buf_size / frame_bytes) {
        int buffer = (int)ch->dma_desc;
        ch->dma_frame = 0;
        ch->dma_desc = (ch->dma_desc + 1u) % ch->desc_num;
        if (ch->dir == I2S_DIR_RX) rx_end_of_buffer(ch, buffer); else tx_end_of_buffer(ch, buffer);
    }
}

static void clock_frame(int port)
{
    model_port_t *p = &g_model_port[port];
    i2s_chan_handle_t master = model_port_master(port);
    if (master == NULL) model_fatal("a clock runs without its master channel");
    const uint64_t frame = p->bus_frames;
    for (int q = 0; q < MODEL_PORTS; q++) {
        const model_port_t *owner = &g_model_port[q];
        i2s_chan_handle_t both[2] = { owner->rx, owner->tx };
        for (int i = 0; i < 2; i++) {
            i2s_chan_handle_t ch = both[i];
            if (ch == NULL || ch->state != IDF_STATE_RUNNING || !clocked_by(ch, port, master)) continue;
            if (ch->enabled_ns > p->frame_start_ns) continue; /* enabled mid-frame: waits for the next */
            if (q != port && (owner->input_cut || owner->input_back_ns > p->frame_start_ns)) continue;
            transfer_frame(ch, frame);
        }
    }
    p->bus_frames++;
    p->seg_frames++;
    p->frame_start_ns = model_now_ns();
}

void model_dma_run_to(int64_t t_ns)
{
    for (int i = 0; i < MODEL_PORTS; i++) {
        model_port_t *p = &g_model_port[i];
        while (p->clock_running && !p->clock_paused && frame_end_ns(p, p->seg_frames + 1u) <= t_ns) clock_frame(i);
    }
}

/* ---- faults ---- */

void idf_model_pause_clock(int port, int paused)
{
    model_port_t *p = &g_model_port[port];
    int64_t now = model_now_ns();
    if (paused && !p->clock_paused) {
        p->clock_paused = true;
        p->pause_elapsed_ns = now - p->frame_start_ns;
        if (p->clock_running) model_log_event(IDF_EV_CLOCK_STOP, port, 0, IDF_STATE_NONE, ESP_OK, p->bus_frames);
    } else if (!paused && p->clock_paused) {
        p->clock_paused = false;
        /* the frame in progress resumes where it stopped */
        p->seg_start_ns = p->frame_start_ns = now - p->pause_elapsed_ns;
        p->seg_frames = 0;
        if (p->clock_running) model_log_event(IDF_EV_CLOCK_START, port, 0, IDF_STATE_NONE, ESP_OK, p->bus_frames);
    }
}

void idf_model_cut_clock_input(int port, int cut)
{
    model_port_t *p = &g_model_port[port];
    if (!cut && p->input_cut) p->input_back_ns = model_now_ns();
    p->input_cut = cut != 0;
}

static i2s_chan_handle_t chan_of(int port, i2s_dir_t dir)
{
    i2s_chan_handle_t ch = dir == I2S_DIR_TX ? g_model_port[port].tx : g_model_port[port].rx;
    if (ch == NULL) model_fatal("fault on port %d: no such channel", port);
    return ch;
}

void idf_model_skip_rx_block(int port) { chan_of(port, I2S_DIR_RX)->skip_next++; }
void idf_model_duplicate_rx_block(int port) { chan_of(port, I2S_DIR_RX)->duplicate_next++; }
void idf_model_stall_next_read(int port, uint64_t us) { chan_of(port, I2S_DIR_RX)->stall_next_us = us; }
void idf_model_stall_next_write(int port, uint64_t us) { chan_of(port, I2S_DIR_TX)->stall_next_us = us; }

/* ---- enable / disable (i2s_common.c:1226-1288) ---- */

void model_dma_channel_started(i2s_chan_handle_t ch)
{
    ch->dma_desc = 0; /* gdma_start(desc[0]): i2s_common.c:130, :152 */
    ch->dma_frame = 0;
    ch->enabled_ns = model_now_ns();
    ch->first_frame_logged = false;
    i2s_chan_handle_t master = model_port_master(ch->port);
    if (ch == master && !g_model_port[ch->port].clock_running) clock_start(ch->port, ch);
}

void model_dma_channel_stopped(i2s_chan_handle_t ch)
{
    if (ch == model_port_master(ch->port) && g_model_port[ch->port].clock_running) clock_stop(ch->port);
}

esp_err_t i2s_channel_enable(i2s_chan_handle_t handle)
{
    if (handle == NULL) return model_error(ESP_ERR_INVALID_ARG, "input parameter 'handle' is NULL"); /* :1228 */
    int before = handle->state;
    esp_err_t err = ESP_OK;
    if (handle->state != IDF_STATE_READY) {
        err = model_error(ESP_ERR_INVALID_STATE, "the channel has already enabled or not initialized"); /* :1233 */
    } else {
        handle->state = IDF_STATE_RUNNING;                 /* :1237-1238 */
        if (handle->dir == I2S_DIR_RX) queue_reset(handle); /* :1239-1243 */
    }
    model_log_event(IDF_EV_ENABLE, handle->port, (int)handle->dir, before, err, g_model_port[0].bus_frames);
    if (err == ESP_OK) model_dma_channel_started(handle); /* may start the clock: logged after */
    return err;
}

esp_err_t i2s_channel_disable(i2s_chan_handle_t handle)
{
    if (handle == NULL) return model_error(ESP_ERR_INVALID_ARG, "input parameter 'handle' is NULL"); /* :1258 */
    int before = handle->state;
    esp_err_t err = ESP_OK;
    if (handle->state <= IDF_STATE_READY) {
        err = model_error(ESP_ERR_INVALID_STATE, "the channel has not been enabled yet"); /* :1262 */
    } else {
        /* The driver takes the channel's semaphore here (:1268): it would wait for a read
         * or write in progress. Nothing in MixBox does that; the model refuses it. */
        if (handle->busy) model_fatal("i2s_channel_disable while a read/write on the channel is in progress");
        handle->state = IDF_STATE_READY;                   /* :1264 */
        handle->curr = -1;                                 /* :1270-1271 */
        handle->rw_pos = 0;
        if (handle->dir == I2S_DIR_TX) queue_reset(handle); /* :1273-1277 */
    }
    model_log_event(IDF_EV_DISABLE, handle->port, (int)handle->dir, before, err, g_model_port[0].bus_frames);
    if (err == ESP_OK) model_dma_channel_stopped(handle); /* may stop the clock: logged after */
    return err;
}

/* ---- preload, write, read ---- */

esp_err_t i2s_channel_preload_data(i2s_chan_handle_t tx_handle, const void *src, size_t size, size_t *bytes_loaded)
{
    if (tx_handle == NULL) return model_error(ESP_ERR_INVALID_ARG, "input parameter 'tx_handle' is NULL"); /* :1292 */
    int before = tx_handle->state;
    esp_err_t err = ESP_OK;
    if (tx_handle->dir != I2S_DIR_TX) err = model_error(ESP_ERR_INVALID_ARG, "this channel is not tx channel");             /* :1293 */
    else if (tx_handle->state != IDF_STATE_READY) err = model_error(ESP_ERR_INVALID_STATE, "data can only be preloaded when the channel is READY"); /* :1294 */
    if (err != ESP_OK) {
        model_log_event(IDF_EV_PRELOAD, tx_handle->port, (int)tx_handle->dir, before, err, g_model_port[0].bus_frames);
        return err;
    }
    i2s_chan_handle_t ch = tx_handle;
    const uint8_t *data = (const uint8_t *)src;
    size_t remain = size, loaded = 0;
    if (ch->curr < 0) { /* :1304-1313: start from buffer 0, the others queued as free */
        queue_reset(ch);
        for (uint32_t i = 1; i < ch->desc_num; i++) {
            if (!queue_push(ch, (int)i)) { err = model_error(ESP_FAIL, "Failed to push the descriptor to the queue"); break; }
        }
        ch->curr = 0;
        ch->rw_pos = 0;
    }
    while (err == ESP_OK && remain > 0) {                  /* :1316-1338 */
        if (ch->rw_pos == ch->buf_size) {
            if (!queue_pop(ch, &ch->curr)) break;
            ch->rw_pos = 0;
        }
        size_t can = remain > ch->buf_size - ch->rw_pos ? ch->buf_size - ch->rw_pos : remain;
        if (can == 0) break;
        memcpy(ch->buf[ch->curr] + ch->rw_pos, data, can);
        data += can;
        loaded += can;
        remain -= can;
        ch->rw_pos += (uint32_t)can;
    }
    *bytes_loaded = loaded;                                /* :1339 */
    model_log_event(IDF_EV_PRELOAD, ch->port, (int)ch->dir, before, err, g_model_port[0].bus_frames);
    return err;
}

/* The stall fault, the binary semaphore (taken only while RUNNING, given by enable) and
 * the per-buffer queue waits, each pdMS_TO_TICKS(timeout_ms): i2s_common.c:1361, :1370,
 * :1412, :1420. Lock held. */
static esp_err_t begin_io(i2s_chan_handle_t ch, TickType_t ticks)
{
    if (ch->stall_next_us > 0u) {
        int64_t until = model_now_ns() + (int64_t)ch->stall_next_us * 1000;
        ch->stall_next_us = 0;
        model_wait(until, NULL, NULL);
    }
    if (ch->state != IDF_STATE_RUNNING) {
        model_wait(model_tick_deadline(ticks), channel_running, ch);
        if (ch->state != IDF_STATE_RUNNING) return model_error(ESP_ERR_INVALID_STATE, "The channel is not enabled");
    }
    ch->busy = true;
    return ESP_OK;
}

/* "Acquire a new DMA buffer" condition of i2s_channel_write/read (:1369, :1419) */
static bool needs_buffer(const struct i2s_channel_obj_t *ch)
{
    uint32_t spaces = model_queue_capacity(ch) - ch->q_count;
    return ch->rw_pos == ch->buf_size || ch->curr < 0 || spaces <= (ch->desc_num > 2 ? 1u : 0u);
}

static bool take_buffer(i2s_chan_handle_t ch, TickType_t ticks)
{
    if (queue_pop(ch, &ch->curr)) return true;
    if (ticks > 0) model_wait(model_tick_deadline(ticks), queue_not_empty, ch);
    return queue_pop(ch, &ch->curr);
}

esp_err_t i2s_channel_write(i2s_chan_handle_t handle, const void *src, size_t size, size_t *bytes_written, uint32_t timeout_ms)
{
    if (handle == NULL) return model_error(ESP_ERR_INVALID_ARG, "input parameter 'handle' is NULL"); /* :1349 */
    if (handle->dir != I2S_DIR_TX) return model_error(ESP_ERR_INVALID_ARG, "this channel is not tx channel"); /* :1350 */
    if (bytes_written != NULL) *bytes_written = 0;
    TickType_t ticks = pdMS_TO_TICKS(timeout_ms);
    model_lock();
    esp_err_t ret = begin_io(handle, ticks);
    if (ret != ESP_OK) { model_unlock(); return ret; }
    const uint8_t *from = (const uint8_t *)src;
    while (size > 0 && handle->state == IDF_STATE_RUNNING) { /* :1363-1392 */
        if (needs_buffer(handle)) {
            if (!take_buffer(handle, ticks)) { ret = ESP_ERR_TIMEOUT; break; }
            handle->rw_pos = 0;
        }
        size_t can = handle->buf_size - handle->rw_pos;
        if (can > size) can = size;
        memcpy(handle->buf[handle->curr] + handle->rw_pos, from, can);
        size -= can;
        from += can;
        handle->rw_pos += (uint32_t)can;
        if (bytes_written != NULL) *bytes_written += can;
    }
    handle->busy = false;
    model_unlock();
    return ret;
}

esp_err_t i2s_channel_read(i2s_chan_handle_t handle, void *dest, size_t size, size_t *bytes_read, uint32_t timeout_ms)
{
    if (handle == NULL) return model_error(ESP_ERR_INVALID_ARG, "input parameter 'handle' is NULL"); /* :1400 */
    if (handle->dir != I2S_DIR_RX) return model_error(ESP_ERR_INVALID_ARG, "this channel is not rx channel"); /* :1401 */
    if (bytes_read != NULL) *bytes_read = 0;
    TickType_t ticks = pdMS_TO_TICKS(timeout_ms);
    model_lock();
    esp_err_t ret = begin_io(handle, ticks);
    if (ret != ESP_OK) { model_unlock(); return ret; }
    uint8_t *to = (uint8_t *)dest;
    while (size > 0 && handle->state == IDF_STATE_RUNNING) { /* :1413-1437 */
        if (needs_buffer(handle)) {
            if (!take_buffer(handle, ticks)) { ret = ESP_ERR_TIMEOUT; break; }
            handle->rw_pos = 0;
        }
        size_t can = handle->buf_size - handle->rw_pos;
        if (can > size) can = size;
        memcpy(to, handle->buf[handle->curr] + handle->rw_pos, can);
        size -= can;
        to += can;
        handle->rw_pos += (uint32_t)can;
        if (bytes_read != NULL) *bytes_read += can;
    }
    handle->busy = false;
    model_unlock();
    return ret;
}
