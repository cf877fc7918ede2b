/*
 * model_i2s_config.c - channel creation, TDM configuration and deletion, with the
 * argument, state and clock checks of ESP-IDF v5.5.4's driver (test only). Every check
 * cites the line it stands for: i2s_common.c / i2s_tdm.c are
 * components/esp_driver_i2s/{i2s_common.c,i2s_tdm.c} @ v5.5.4. Each returns the code the
 * driver returns; the driver's log text is kept for idf_model_last_error().
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model_internal.h"

model_port_t g_model_port[MODEL_PORTS];

static struct i2s_channel_obj_t s_chan[2 * MODEL_PORTS];

/* ---- messages and events ---- */

static uint32_t s_warnings;
static char s_last_warning[160];
static char s_last_error[160];
#define MAX_EVENTS 4096
static idf_model_event_t s_events[MAX_EVENTS];
static size_t s_event_count;

void model_warn(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(s_last_warning, sizeof(s_last_warning), fmt, args);
    va_end(args);
    s_warnings++;
}

esp_err_t model_error(esp_err_t err, const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vsnprintf(s_last_error, sizeof(s_last_error), fmt, args);
    va_end(args);
    return err;
}

void model_log_event(idf_model_event_kind_t kind, int port, int dir, int state_before, esp_err_t result, uint64_t bus_frame)
{
    if (s_event_count == MAX_EVENTS) return;
    idf_model_event_t *e = &s_events[s_event_count++];
    e->kind = kind;
    e->port = port;
    e->dir = dir;
    e->state_before = state_before;
    e->result = result;
    e->time_ns = model_now_ns();
    e->bus_frame = bus_frame;
}

void model_messages_reset(void)
{
    s_warnings = 0;
    s_last_warning[0] = '\0';
    s_last_error[0] = '\0';
    s_event_count = 0;
}

size_t idf_model_events(const idf_model_event_t **events)
{
    *events = s_events;
    return s_event_count;
}

uint32_t idf_model_warnings(void) { return s_warnings; }
const char *idf_model_last_warning(void) { return s_last_warning; }
const char *idf_model_last_error(void) { return s_last_error; }

/* ---- channels ---- */

i2s_chan_handle_t model_chan_alloc(void)
{
    for (size_t i = 0; i < sizeof(s_chan) / sizeof(s_chan[0]); i++) {
        if (!s_chan[i].used) {
            memset(&s_chan[i], 0, sizeof(s_chan[i]));
            s_chan[i].used = 1;
            s_chan[i].curr = -1;
            return &s_chan[i];
        }
    }
    model_fatal("more channels than the controllers have");
}

static void free_buffers(i2s_chan_handle_t ch)
{
    for (uint32_t i = 0; i < MODEL_MAX_DESC; i++) {
        free(ch->buf[i]);
        ch->buf[i] = NULL;
    }
    ch->buf_size = 0;
}

void model_chan_free(i2s_chan_handle_t ch)
{
    free_buffers(ch);
    memset(ch, 0, sizeof(*ch));
}

uint32_t model_queue_capacity(const struct i2s_channel_obj_t *ch)
{
    return ch->desc_num - 1u; /* xQueueCreateWithCaps(desc_num - 1, ...): i2s_common.c:329 */
}

i2s_chan_handle_t model_port_master(int port)
{
    const model_port_t *p = &g_model_port[port];
    i2s_chan_handle_t both[2] = { p->tx, p->rx };
    for (int i = 0; i < 2; i++) {
        i2s_chan_handle_t ch = both[i];
        if (ch != NULL && ch->state >= IDF_STATE_READY && ch->role == I2S_ROLE_MASTER && !ch->full_duplex_slave) return ch;
    }
    return NULL;
}

static uint64_t bus_frame_now(void) { return g_model_port[0].bus_frames; }

static void port_release_if_empty(int port)
{
    model_port_t *p = &g_model_port[port];
    if (p->tx == NULL && p->rx == NULL) memset(p, 0, sizeof(*p)); /* i2s_common.c:1173-1176 */
}

esp_err_t i2s_new_channel(const i2s_chan_config_t *chan_cfg, i2s_chan_handle_t *tx_handle, i2s_chan_handle_t *rx_handle)
{
    if (chan_cfg == NULL) return model_error(ESP_ERR_INVALID_ARG, "input parameter 'chan_cfg' is NULL");          /* i2s_common.c:999 */
    if (tx_handle == NULL && rx_handle == NULL) return model_error(ESP_ERR_INVALID_ARG, "input parameter 'tx_handle || rx_handle' is NULL"); /* :1000 */
    if (!((uint32_t)chan_cfg->id < MODEL_PORTS || chan_cfg->id == I2S_NUM_AUTO))
        return model_error(ESP_ERR_INVALID_ARG, "invalid I2S port id");                                           /* :1001 */
    if (chan_cfg->dma_desc_num < 2) return model_error(ESP_ERR_INVALID_ARG, "there should be at least 2 DMA buffers"); /* :1002 */
    if (chan_cfg->intr_priority < 0 || chan_cfg->intr_priority > 7)
        return model_error(ESP_ERR_INVALID_ARG, "intr_priority should be within 0~7");                            /* :1003 */
    if (chan_cfg->allow_pd) model_fatal("allow_pd is not modelled");
    if (chan_cfg->dma_desc_num > MODEL_MAX_DESC) model_fatal("dma_desc_num %u: the model keeps at most %u", (unsigned)chan_cfg->dma_desc_num, MODEL_MAX_DESC);

    /* A port is taken per direction (chan_occupancy): i2s_common.c:296-307, :1016-1032 */
    int port = -1;
    for (int p = 0; p < MODEL_PORTS && port < 0; p++) {
        if (chan_cfg->id != I2S_NUM_AUTO && p != (int)chan_cfg->id) continue;
        bool tx_free = tx_handle == NULL || g_model_port[p].tx == NULL;
        bool rx_free = rx_handle == NULL || g_model_port[p].rx == NULL;
        if (tx_free && rx_free) port = p;
    }
    if (port < 0) return model_error(ESP_ERR_NOT_FOUND, "no available channel found");                            /* :1032 */

    model_port_t *p = &g_model_port[port];
    p->acquired = true;
    i2s_chan_handle_t made[2] = { NULL, NULL };
    i2s_chan_handle_t *out[2] = { tx_handle, rx_handle };
    const i2s_dir_t dirs[2] = { I2S_DIR_TX, I2S_DIR_RX };
    for (int i = 0; i < 2; i++) {
        if (out[i] == NULL) continue;
        i2s_chan_handle_t ch = model_chan_alloc();
        ch->port = port;
        ch->dir = dirs[i];
        ch->state = IDF_STATE_REGISTER;                      /* i2s_common.c:320 */
        ch->role = chan_cfg->role;                           /* :1037, :1053 */
        ch->desc_num = chan_cfg->dma_desc_num;               /* :1042, :1056 */
        ch->frame_num = chan_cfg->dma_frame_num;             /* :1043, :1057 */
        ch->auto_clear_after = chan_cfg->auto_clear_after_cb; /* :1040 */
        ch->auto_clear_before = chan_cfg->auto_clear_before_cb;
        if (dirs[i] == I2S_DIR_TX) p->tx = ch; else p->rx = ch;
        made[i] = ch;
        *out[i] = ch;
        model_log_event(IDF_EV_NEW, port, (int)dirs[i], IDF_STATE_NONE, ESP_OK, bus_frame_now());
    }
    if (made[0] != NULL && made[1] != NULL) p->full_duplex = true; /* :1064-1066 */
    return ESP_OK;
}

/* ---- TDM configuration (i2s_tdm.c) ---- */

/* s_i2s_tdm_normalize_slot_config, i2s_tdm.c:113-130 */
static i2s_tdm_slot_config_t normalise_slots(const i2s_tdm_slot_config_t *in)
{
    i2s_tdm_slot_config_t n = *in;
    /* the driver takes clz of the mask unchecked (:116); 0 is refused later (:134) */
    uint32_t max_slot = n.slot_mask == 0 ? 0u : 32u - (uint32_t)__builtin_clz((unsigned)n.slot_mask);
    n.ws_width = n.ws_width == I2S_TDM_AUTO_WS_WIDTH ? n.total_slot * (uint32_t)n.slot_bit_width / 2u : n.ws_width; /* :118-119 */
    n.total_slot = n.total_slot < max_slot ? max_slot : n.total_slot;                                              /* :122 */
    n.total_slot = (n.total_slot < 2u && n.ws_width != 1u) ? 2u : n.total_slot;                                    /* :124 */
    n.slot_bit_width = n.slot_bit_width == I2S_SLOT_BIT_WIDTH_AUTO ? (i2s_slot_bit_width_t)n.data_bit_width : n.slot_bit_width; /* :127-128 */
    return n;
}

/* The fields of two TDM configurations, compared one by one (the driver memcmp's the
 * structs, i2s_tdm.c:271, padding included). */
static bool same_tdm_config(const i2s_tdm_config_t *a, const i2s_tdm_config_t *b)
{
    const i2s_tdm_clk_config_t *ca = &a->clk_cfg, *cb = &b->clk_cfg;
    const i2s_tdm_slot_config_t *sa = &a->slot_cfg, *sb = &b->slot_cfg;
    const i2s_tdm_gpio_config_t *ga = &a->gpio_cfg, *gb = &b->gpio_cfg;
    return ca->sample_rate_hz == cb->sample_rate_hz && ca->clk_src == cb->clk_src && ca->ext_clk_freq_hz == cb->ext_clk_freq_hz
        && ca->mclk_multiple == cb->mclk_multiple && ca->bclk_div == cb->bclk_div
        && sa->data_bit_width == sb->data_bit_width && sa->slot_bit_width == sb->slot_bit_width && sa->slot_mode == sb->slot_mode
        && sa->slot_mask == sb->slot_mask && sa->ws_width == sb->ws_width && sa->ws_pol == sb->ws_pol && sa->bit_shift == sb->bit_shift
        && sa->left_align == sb->left_align && sa->big_endian == sb->big_endian && sa->bit_order_lsb == sb->bit_order_lsb
        && sa->skip_mask == sb->skip_mask && sa->total_slot == sb->total_slot
        && ga->mclk == gb->mclk && ga->bclk == gb->bclk && ga->ws == gb->ws && ga->dout == gb->dout && ga->din == gb->din
        && ga->invert_flags.mclk_inv == gb->invert_flags.mclk_inv && ga->invert_flags.bclk_inv == gb->invert_flags.bclk_inv
        && ga->invert_flags.ws_inv == gb->invert_flags.ws_inv;
}

/* s_i2s_channel_try_to_constitude_tdm_duplex, i2s_tdm.c:258-287 */
static void try_full_duplex(i2s_chan_handle_t ch, const i2s_tdm_config_t *cfg)
{
    model_port_t *p = &g_model_port[ch->port];
    i2s_chan_handle_t other = ch->dir == I2S_DIR_RX ? p->tx : p->rx;
    if (other == NULL || other->state < IDF_STATE_READY) return;                                /* :265 */
    i2s_tdm_config_t mine = *cfg;
    mine.slot_cfg = normalise_slots(&cfg->slot_cfg);                                             /* :268-269 */
    bool same = same_tdm_config(&other->cfg, &mine);
    if (!p->full_duplex && same) p->full_duplex = true;                                          /* :266-276 */
    if (p->full_duplex && !same) p->config_mismatch = true; /* ESP-IDF's I2S guide, i2s.rst:926 */
    if (p->full_duplex && ch->role == I2S_ROLE_MASTER && other->role == I2S_ROLE_MASTER) {      /* :279-285 */
        ch->role = I2S_ROLE_SLAVE; /* the later initialised channel is clocked by the other */
        ch->full_duplex_slave = true;
    }
}

/* i2s_get_buf_size, i2s_common.c:445-485 (no SOC_CACHE_INTERNAL_MEM_VIA_L1CACHE on the S3) */
static uint32_t dma_buffer_size(uint32_t active_slots, uint32_t data_bit_width, uint32_t frame_num)
{
    const uint32_t max_size = 4095u - 3u; /* DMA_DESCRIPTOR_BUFFER_MAX_SIZE_4B_ALIGNED, hal/dma_types.h:59; i2s_common.c:75 */
    uint32_t bytes_per_frame = (data_bit_width + 7u) / 8u * active_slots; /* :451, :453 */
    if (bytes_per_frame == 0u) return 0u;                                  /* :454-456 */
    uint32_t size = frame_num * bytes_per_frame;                           /* :457 */
    if (size > max_size) {                                                 /* :479-483 */
        uint32_t frames = max_size / bytes_per_frame;
        size = frames * bytes_per_frame;
        model_warn("dma frame num is out of dma buffer size, limited to %u", (unsigned)frames);
    }
    return size;
}

/* i2s_tdm_set_slot, i2s_tdm.c:132-175, and i2s_alloc_dma_desc, i2s_common.c:517-547 */
static esp_err_t set_slots(i2s_chan_handle_t ch, const i2s_tdm_slot_config_t *slot_cfg)
{
    if (slot_cfg->slot_mask == 0) return model_error(ESP_ERR_INVALID_ARG, "At least one channel should be enabled"); /* :134 */
    i2s_tdm_slot_config_t n = normalise_slots(slot_cfg);
    ch->active_slot = n.slot_mode == I2S_SLOT_MODE_MONO ? 1u : (uint32_t)__builtin_popcount((unsigned)n.slot_mask); /* :138 */
    ch->total_slot = n.total_slot;                                                                                 /* :139 */
    uint32_t slot_bits = (uint32_t)n.slot_bit_width;
    if (ch->total_slot * slot_bits > 128u) /* I2S_LL_SLOT_FRAME_BIT_MAX, hal/esp32s3/include/hal/i2s_ll.h:37 */
        return model_error(ESP_ERR_INVALID_ARG, "total slots(%u) * slot_bit_width(%u) exceeds the maximum 128",
                           (unsigned)ch->total_slot, (unsigned)slot_bits);                                         /* :142-144 */
    uint32_t size = dma_buffer_size(ch->active_slot, (uint32_t)n.data_bit_width, ch->frame_num);                  /* :145 */
    if (size == 0u) return model_error(ESP_ERR_INVALID_ARG, "invalid data_bit_width");                              /* :146 */
    if (size > 4092u) return model_error(ESP_ERR_INVALID_ARG, "dma buffer can't be bigger than 4092");             /* i2s_common.c:521 */
    free_buffers(ch);
    for (uint32_t i = 0; i < ch->desc_num; i++) {
        ch->buf[i] = calloc(1, size);
        if (ch->buf[i] == NULL) model_fatal("out of memory");
    }
    ch->buf_size = size;
    ch->cfg.slot_cfg = n; /* :171-172 */
    return ESP_OK;
}

/* the source clock's frequency: i2s_get_source_clk_freq, i2s_common.c:596-611 */
static uint32_t source_clock_hz(i2s_clock_src_t src)
{
    switch ((int)src) {
    case I2S_CLK_SRC_PLL_160M: return 160000000u; /* = I2S_CLK_SRC_DEFAULT; I2S_LL_PLL_F160M_CLK_FREQ, i2s_ll.h:39-40 */
    case I2S_CLK_SRC_PLL_240M: return 240000000u; /* PLL_D2 at the S3's 480 MHz PLL: clk_tree_defs.h:321-323 */
    case I2S_CLK_SRC_XTAL: return 40000000u;      /* clk_tree_defs.h:127 */
    default: model_fatal("I2S clock source %d is not modelled", (int)src);
    }
}

/* i2s_tdm_calculate_clock, i2s_tdm.c:30-74 */
static esp_err_t set_clock(i2s_chan_handle_t ch, const i2s_tdm_clk_config_t *clk)
{
    const i2s_tdm_slot_config_t *slots = &ch->cfg.slot_cfg;
    uint32_t rate = clk->sample_rate_hz;
    if (rate == 0u) model_fatal("sample_rate_hz 0 divides by zero in the driver");
    uint32_t slot_bits = (slots->slot_bit_width == I2S_SLOT_BIT_WIDTH_AUTO || (int)slots->slot_bit_width < (int)slots->data_bit_width)
                             ? (uint32_t)slots->data_bit_width : (uint32_t)slots->slot_bit_width;                /* :34-36 */
    uint32_t bclk, mclk, bclk_div;
    if (ch->role == I2S_ROLE_MASTER || ch->full_duplex_slave) {                                                  /* :40 */
        bclk = rate * ch->total_slot * slot_bits;                                                                 /* :41 */
        mclk = rate * (uint32_t)clk->mclk_multiple;                                                               /* :42 */
        bclk_div = mclk / bclk;                                                                                   /* :43 */
        if (bclk_div <= 2u) {                                                                                     /* :45-49 */
            bclk_div = 3u;
            mclk = bclk * bclk_div;
            model_warn("the current mclk multiple is too small, adjust the mclk multiple to %u", (unsigned)(mclk / rate));
        }
        if (mclk % bclk != 0u) model_warn("the current mclk multiple cannot perform integer division"); /* :50-52 */
    } else {
        if (clk->bclk_div < 8u) {                                                                                 /* :54-56 */
            model_warn("the current bclk division is too small, adjust the bclk division to 8");
            bclk_div = 8u;
        } else {
            bclk_div = clk->bclk_div;                                                                             /* :58 */
        }
        bclk = rate * ch->total_slot * slot_bits;                                                                 /* :60 */
        mclk = bclk * bclk_div;                                                                                   /* :61 */
    }
    bool external = clk->clk_src == I2S_CLK_SRC_EXTERNAL;
    uint32_t sclk = external ? clk->ext_clk_freq_hz : source_clock_hz(clk->clk_src);                             /* :64-65 */
    float min_mclk_div = external ? 0.99f : 1.99f;                                                                /* :66 */
    uint32_t mclk_div = sclk / mclk;                                                                              /* :67 */
    if (!((float)sclk > (float)mclk * min_mclk_div)) return model_error(ESP_ERR_INVALID_ARG, "sample rate is too large"); /* :70 */
    if (!(mclk_div < 256u)) return model_error(ESP_ERR_INVALID_ARG, "sample rate is too small"); /* :71; I2S_LL_CLK_FRAC_DIV_N_MAX, i2s_ll.h:35 */
    ch->cfg.clk_cfg = *clk;                                                                                       /* :100 */
    ch->sclk_hz = sclk;
    ch->mclk_hz = mclk;
    ch->bclk_hz = bclk;
    ch->bclk_div = bclk_div;
    return ESP_OK;
}

/* GPIO_IS_VALID_GPIO, esp_driver_gpio/include/driver/gpio.h:25-26 with
 * SOC_GPIO_VALID_GPIO_MASK, soc/esp32s3/include/soc/soc_caps.h:187 (GPIO 0-48 but 22-25) */
static bool valid_gpio(int gpio)
{
    return gpio >= 0 && gpio < 49 && !(gpio >= 22 && gpio <= 25);
}

/* i2s_tdm_set_gpio, i2s_tdm.c:177-256 */
static esp_err_t set_gpio(i2s_chan_handle_t ch, const i2s_tdm_gpio_config_t *gpio)
{
    if (!(gpio->bclk == -1 || valid_gpio(gpio->bclk))) return model_error(ESP_ERR_INVALID_ARG, "bclk invalid"); /* :182-183 */
    if (!(gpio->ws == -1 || valid_gpio(gpio->ws))) return model_error(ESP_ERR_INVALID_ARG, "ws invalid");       /* :184-185 */
    if (gpio->mclk != -1 && !valid_gpio(gpio->mclk)) return model_error(ESP_ERR_INVALID_ARG, "mck_io_num invalid"); /* i2s_common.c:974 */
    ch->cfg.gpio_cfg = *gpio;                                                                                      /* :253 */
    return ESP_OK;
}

esp_err_t i2s_channel_init_tdm_mode(i2s_chan_handle_t handle, const i2s_tdm_config_t *tdm_cfg)
{
    if (handle == NULL) return model_error(ESP_ERR_INVALID_ARG, "input parameter 'handle' is NULL"); /* i2s_tdm.c:294 */
    if (tdm_cfg == NULL) model_fatal("i2s_channel_init_tdm_mode: tdm_cfg NULL (the driver dereferences it)");
    int before = handle->state;
    esp_err_t err = ESP_OK;
    if (handle->state != IDF_STATE_REGISTER)
        err = model_error(ESP_ERR_INVALID_STATE, "the channel has initialized already"); /* :298 */
    if (err == ESP_OK) {
        try_full_duplex(handle, tdm_cfg);                 /* :307 */
        err = set_slots(handle, &tdm_cfg->slot_cfg);      /* :309 */
    }
    if (err == ESP_OK) err = set_clock(handle, &tdm_cfg->clk_cfg); /* :317 */
    if (err == ESP_OK) err = set_gpio(handle, &tdm_cfg->gpio_cfg); /* :319 */
    if (err == ESP_OK) handle->state = IDF_STATE_READY;            /* :343 */
    model_log_event(IDF_EV_INIT, handle->port, (int)handle->dir, before, err, bus_frame_now());
    return err;
}

esp_err_t i2s_channel_register_event_callback(i2s_chan_handle_t handle, const i2s_event_callbacks_t *callbacks, void *user_data)
{
    if (handle == NULL) return model_error(ESP_ERR_INVALID_ARG, "input parameter 'handle' is NULL");       /* i2s_common.c:415 */
    if (callbacks == NULL) return model_error(ESP_ERR_INVALID_ARG, "input parameter 'callbacks' is NULL"); /* :416 */
    esp_err_t err = ESP_OK;
    if (handle->state >= IDF_STATE_RUNNING) {
        err = model_error(ESP_ERR_INVALID_STATE, "invalid state, I2S has enabled");                       /* :437 */
    } else {
        handle->callbacks = *callbacks;                                                                    /* :438-439 */
        handle->user_data = user_data;
    }
    model_log_event(IDF_EV_CALLBACKS, handle->port, (int)handle->dir, handle->state, err, bus_frame_now());
    return err;
}

esp_err_t i2s_del_channel(i2s_chan_handle_t handle)
{
    if (handle == NULL) return model_error(ESP_ERR_INVALID_ARG, "input parameter 'handle' is NULL"); /* i2s_common.c:1090 */
    int port = handle->port, dir = (int)handle->dir, before = handle->state;
    if (handle->state >= IDF_STATE_RUNNING) {
        esp_err_t err = model_error(ESP_ERR_INVALID_STATE, "the channel can't be deleted unless it is disabled"); /* :1091 */
        model_log_event(IDF_EV_DELETE, port, dir, before, err, bus_frame_now());
        return err;
    }
    model_port_t *p = &g_model_port[port];
    if (p->tx == handle) p->tx = NULL;
    if (p->rx == handle) p->rx = NULL;
    p->full_duplex = false; /* :1157-1164 */
    model_chan_free(handle);
    port_release_if_empty(port);
    model_log_event(IDF_EV_DELETE, port, dir, before, ESP_OK, bus_frame_now());
    return ESP_OK;
}

/* ---- introspection, reset ---- */

void idf_model_chan_info(int port, int dir, idf_model_chan_info_t *info)
{
    memset(info, 0, sizeof(*info));
    if (port < 0 || port >= MODEL_PORTS) return;
    i2s_chan_handle_t ch = dir == I2S_DIR_TX ? g_model_port[port].tx : g_model_port[port].rx;
    if (ch == NULL) return;
    info->state = ch->state;
    info->role = (int)ch->role;
    info->full_duplex_slave = ch->full_duplex_slave;
    info->desc_num = ch->desc_num;
    info->frame_num = ch->frame_num;
    info->buf_size = ch->buf_size;
    info->total_slot = ch->total_slot;
    info->active_slot = ch->active_slot;
    info->slot_bits = (uint32_t)ch->cfg.slot_cfg.slot_bit_width;
    info->sclk_hz = ch->sclk_hz;
    info->mclk_hz = ch->mclk_hz;
    info->bclk_hz = ch->bclk_hz;
    info->bclk_div = ch->bclk_div;
    info->blocks = ch->blocks;
    info->drops = ch->drops;
    info->queued = ch->q_count;
}

int idf_model_port_full_duplex(int port) { return g_model_port[port].full_duplex; }
int idf_model_port_config_mismatch(int port) { return g_model_port[port].config_mismatch; }
uint64_t idf_model_bus_frames(int port) { return g_model_port[port].bus_frames; }

void idf_model_reset(void)
{
    model_sched_reset();
    for (size_t i = 0; i < sizeof(s_chan) / sizeof(s_chan[0]); i++) {
        if (s_chan[i].used) model_chan_free(&s_chan[i]);
    }
    memset(g_model_port, 0, sizeof(g_model_port));
    model_dma_reset();
    model_messages_reset();
}
