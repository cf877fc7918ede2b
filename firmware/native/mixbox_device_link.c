/*
 * mixbox_device_link.c - see mixbox_device_link.h. Portable C99 + __atomic builtins.
 */
#include "mixbox_device_link.h"

#include <string.h>

static uint32_t load_acquire(const uint32_t *p) { return __atomic_load_n(p, __ATOMIC_ACQUIRE); }
static void store_release(uint32_t *p, uint32_t v) { __atomic_store_n(p, v, __ATOMIC_RELEASE); }
static uint32_t load_relaxed(const uint32_t *p) { return __atomic_load_n(p, __ATOMIC_RELAXED); }
static void store_relaxed(uint32_t *p, uint32_t v) { __atomic_store_n(p, v, __ATOMIC_RELAXED); }

/* ---- mailbox ---- */

void mixbox_mailbox_init(mixbox_mailbox_t *mailbox)
{
    /* Before the audio task exists: creating it orders these writes. */
    memset(mailbox, 0, sizeof(*mailbox));
}

int32_t mixbox_mailbox_post(mixbox_mailbox_t *mailbox, mixbox_request_kind_t kind, uint32_t arg)
{
    /* Only this side writes request_seq: a plain read of it is current. */
    uint32_t request = mailbox->request_seq;
    if (load_acquire(&mailbox->response_seq) != request) return MIXBOX_DEVICE_ERR_BUSY;
    mailbox->kind = (uint32_t)kind;
    mailbox->arg = arg;
    store_release(&mailbox->request_seq, request + 1u);
    return MIXBOX_OK;
}

int mixbox_mailbox_answered(const mixbox_mailbox_t *mailbox)
{
    return load_acquire(&mailbox->response_seq) == mailbox->request_seq;
}

int32_t mixbox_mailbox_transact(mixbox_mailbox_t *mailbox, mixbox_request_kind_t kind, uint32_t arg,
                                void (*wait)(void *context), void *context, uint32_t max_waits)
{
    int32_t posted = mixbox_mailbox_post(mailbox, kind, arg);
    if (posted == MIXBOX_DEVICE_ERR_BUSY) {
        /* A late answer to an abandoned request may still come: give it the same time. */
        for (uint32_t w = 0; w < max_waits && !mixbox_mailbox_answered(mailbox); w++) wait(context);
        posted = mixbox_mailbox_post(mailbox, kind, arg);
    }
    if (posted != MIXBOX_OK) return posted;
    for (uint32_t w = 0; w < max_waits; w++) {
        if (mixbox_mailbox_answered(mailbox)) return MIXBOX_OK;
        wait(context);
    }
    return mixbox_mailbox_answered(mailbox) ? MIXBOX_OK : MIXBOX_DEVICE_ERR_TIMEOUT;
}

int mixbox_mailbox_service(mixbox_mailbox_t *mailbox, mixbox_engine_t *engine, mixbox_audio_stats_t *stats)
{
    /* Only this side writes response_seq. */
    uint32_t response = mailbox->response_seq;
    uint32_t request = load_acquire(&mailbox->request_seq);
    if (request == response) return 0;

    int32_t status = MIXBOX_ERR_PARAM;
    switch ((mixbox_request_kind_t)mailbox->kind) {
    case MIXBOX_REQUEST_METERS:
        status = MIXBOX_OK;
        for (uint32_t m = 0; m < MIXBOX_METER_COUNT; m++) {
            mixbox_meter_reading_t *reading = &mailbox->meters[m];
            mixbox_status_t s = mixbox_meter_read(engine, m, reading);
            if (s == MIXBOX_ERR_INDEX) {
                /* A channel meter past the engine's channel count: silence. */
                reading->peak_cdb = reading->rms_cdb = reading->hold_cdb = MIXBOX_METER_SILENCE_CDB;
                reading->clipped = 0;
            } else if (s != MIXBOX_OK) {
                status = s;
            }
        }
        if (status == MIXBOX_OK) status = mixbox_gain_reduction_read(engine, &mailbox->gain_reduction_cdb);
        if (status == MIXBOX_OK) status = mixbox_de_esser_reduction_read(engine, &mailbox->de_esser_reduction_cdb);
        for (uint32_t stage = 0; stage < MIXBOX_DISTORTION_STAGES && status == MIXBOX_OK; stage++) {
            status = mixbox_distortion_read(engine, stage, &mailbox->distortion_cdb[stage]);
        }
        if (status == MIXBOX_OK) status = mixbox_true_peak_read(engine, &mailbox->true_peak_cdb);
        break;
    case MIXBOX_REQUEST_METER_RESET_HOLD:
        status = mixbox_meter_reset_hold(engine, mailbox->arg);
        break;
    case MIXBOX_REQUEST_LOUDNESS_READ:
        status = mixbox_loudness_read(engine, &mailbox->loudness);
        break;
    case MIXBOX_REQUEST_LOUDNESS_RESET:
        status = mixbox_loudness_reset(engine);
        break;
    case MIXBOX_REQUEST_SPECTRUM_READ:
        status = mixbox_spectrum_read(engine, &mailbox->spectrum);
        break;
    case MIXBOX_REQUEST_CORRELATION_READ:
        status = mixbox_correlation_sums_read(engine, &mailbox->correlation);
        break;
    case MIXBOX_REQUEST_STATS_RESET:
        if (stats != NULL) {
            store_relaxed(&stats->worst_block_us, 0u);
            store_relaxed(&stats->late_blocks, 0u);
        }
        status = MIXBOX_OK;
        break;
    case MIXBOX_REQUEST_NONE:
    default:
        break;
    }
    mailbox->status = status;
    store_release(&mailbox->response_seq, request);
    return 1;
}

/* ---- meter cache ---- */

void mixbox_meter_cache_init(mixbox_meter_cache_t *cache)
{
    memset(cache, 0, sizeof(*cache));
}

void mixbox_meter_cache_merge(mixbox_meter_cache_t *cache, const mixbox_meter_reading_t *meters, int32_t gain_reduction_cdb)
{
    for (uint32_t m = 0; m < MIXBOX_METER_COUNT; m++) {
        mixbox_meter_reading_t *held = &cache->reading[m];
        const mixbox_meter_reading_t *next = &meters[m];
        if (cache->fresh[m]) {
            if (next->peak_cdb > held->peak_cdb) held->peak_cdb = next->peak_cdb;
            held->clipped = (held->clipped || next->clipped) ? 1 : 0;
            held->rms_cdb = next->rms_cdb;
            held->hold_cdb = next->hold_cdb;
        } else {
            *held = *next;
            cache->fresh[m] = 1;
        }
    }
    if (cache->gain_reduction_fresh) {
        if (gain_reduction_cdb > cache->gain_reduction_cdb) cache->gain_reduction_cdb = gain_reduction_cdb;
    } else {
        cache->gain_reduction_cdb = gain_reduction_cdb;
        cache->gain_reduction_fresh = 1;
    }
}

int mixbox_meter_cache_take(mixbox_meter_cache_t *cache, uint32_t meter_id, mixbox_meter_reading_t *reading)
{
    if (meter_id >= MIXBOX_METER_COUNT || !cache->fresh[meter_id]) return 0;
    *reading = cache->reading[meter_id];
    cache->fresh[meter_id] = 0;
    return 1;
}

int mixbox_meter_cache_take_gain_reduction(mixbox_meter_cache_t *cache, int32_t *gain_reduction_cdb)
{
    if (!cache->gain_reduction_fresh) return 0;
    *gain_reduction_cdb = cache->gain_reduction_cdb;
    cache->gain_reduction_fresh = 0;
    return 1;
}

void mixbox_meter_cache_merge_de_esser(mixbox_meter_cache_t *cache, int32_t de_esser_reduction_cdb)
{
    if (!cache->de_esser_reduction_fresh || de_esser_reduction_cdb > cache->de_esser_reduction_cdb) {
        cache->de_esser_reduction_cdb = de_esser_reduction_cdb;
    }
    cache->de_esser_reduction_fresh = 1;
}

int mixbox_meter_cache_take_de_esser(mixbox_meter_cache_t *cache, int32_t *de_esser_reduction_cdb)
{
    if (!cache->de_esser_reduction_fresh) return 0;
    *de_esser_reduction_cdb = cache->de_esser_reduction_cdb;
    cache->de_esser_reduction_fresh = 0;
    return 1;
}

void mixbox_meter_cache_merge_distortion(mixbox_meter_cache_t *cache, const int32_t *distortion_cdb)
{
    for (uint32_t stage = 0; stage < MIXBOX_DISTORTION_STAGES; stage++) {
        if (!cache->distortion_fresh[stage] || distortion_cdb[stage] > cache->distortion_cdb[stage]) {
            cache->distortion_cdb[stage] = distortion_cdb[stage];
        }
        cache->distortion_fresh[stage] = 1;
    }
}

int mixbox_meter_cache_take_distortion(mixbox_meter_cache_t *cache, uint32_t stage, int32_t *distortion_cdb)
{
    if (stage >= MIXBOX_DISTORTION_STAGES || !cache->distortion_fresh[stage]) return 0;
    *distortion_cdb = cache->distortion_cdb[stage];
    cache->distortion_fresh[stage] = 0;
    return 1;
}

void mixbox_meter_cache_merge_true_peak(mixbox_meter_cache_t *cache, int32_t true_peak_cdb)
{
    if (!cache->true_peak_fresh || true_peak_cdb > cache->true_peak_cdb) cache->true_peak_cdb = true_peak_cdb;
    cache->true_peak_fresh = 1;
}

int mixbox_meter_cache_take_true_peak(mixbox_meter_cache_t *cache, int32_t *true_peak_cdb)
{
    if (!cache->true_peak_fresh) return 0;
    *true_peak_cdb = cache->true_peak_cdb;
    cache->true_peak_fresh = 0;
    return 1;
}

/* ---- stats ---- */

void mixbox_audio_stats_init(mixbox_audio_stats_t *stats, uint32_t sample_rate_hz, uint32_t block_frames)
{
    memset(stats, 0, sizeof(*stats));
    if (sample_rate_hz > 0u) {
        uint64_t numerator = (uint64_t)block_frames * 1000000u + sample_rate_hz - 1u;
        stats->budget_us = (uint32_t)(numerator / sample_rate_hz);
    }
    /* Before the audio task exists: creating it orders these writes. */
}

void mixbox_audio_stats_note_block(mixbox_audio_stats_t *stats, uint32_t elapsed_us)
{
    store_relaxed(&stats->last_block_us, elapsed_us);
    if (elapsed_us > load_relaxed(&stats->worst_block_us)) store_relaxed(&stats->worst_block_us, elapsed_us);
    if (elapsed_us > stats->budget_us) store_relaxed(&stats->late_blocks, load_relaxed(&stats->late_blocks) + 1u);
    store_relaxed(&stats->blocks, load_relaxed(&stats->blocks) + 1u);
}

void mixbox_audio_stats_read(const mixbox_audio_stats_t *stats, mixbox_audio_stats_t *copy)
{
    copy->blocks = load_relaxed(&stats->blocks);
    copy->overruns = load_relaxed(&stats->overruns);
    copy->underruns = load_relaxed(&stats->underruns);
    copy->io_errors = load_relaxed(&stats->io_errors);
    copy->engine_errors = load_relaxed(&stats->engine_errors);
    copy->last_block_us = load_relaxed(&stats->last_block_us);
    copy->worst_block_us = load_relaxed(&stats->worst_block_us);
    copy->late_blocks = load_relaxed(&stats->late_blocks);
    copy->budget_us = load_relaxed(&stats->budget_us);
    copy->timeouts = load_relaxed(&stats->timeouts);
    copy->slips = load_relaxed(&stats->slips);
    copy->restarts = load_relaxed(&stats->restarts);
}

void mixbox_audio_stats_count(uint32_t *counter)
{
    __atomic_fetch_add(counter, 1u, __ATOMIC_RELAXED);
}

/* ---- TDM framing ---- */

void mixbox_tdm_pack_stereo(const mixbox_q31_t *stereo, mixbox_q31_t *tdm, uint32_t frames, uint32_t slots, uint32_t first_slot)
{
    for (uint32_t f = 0; f < frames; f++) {
        mixbox_q31_t *frame = tdm + (size_t)f * slots;
        for (uint32_t s = 0; s < slots; s++) frame[s] = 0;
        if (first_slot + 1u < slots) {
            frame[first_slot] = stereo[2u * f];
            frame[first_slot + 1u] = stereo[2u * f + 1u];
        }
    }
}

/* ---- rev B: two ADC controllers in step, output latency ---- */

void mixbox_block_clock_reset(mixbox_block_clock_t *clock)
{
    memset(clock, 0, sizeof(*clock));
}

void mixbox_block_clock_stamp(mixbox_block_clock_t *clock, void *dma_block, uint32_t now_us)
{
    uint32_t n = clock->stamped;
    uint32_t tag = n & MIXBOX_BLOCK_TAG_MASK;
    /* The DMA buffer is 4-byte aligned (the driver allocates it so) and the ISR owns it
     * until it is queued, which happens after this callback. */
    mixbox_q31_t *first = (mixbox_q31_t *)dma_block;
    *first = (mixbox_q31_t)(((uint32_t)*first & ~MIXBOX_BLOCK_TAG_MASK) | tag);
    store_relaxed(&clock->entry[n & (MIXBOX_BLOCK_CLOCK_SLOTS - 1u)], (tag << 24) | (now_us & MIXBOX_BLOCK_TIME_MASK));
    clock->stamped = n + 1u;
}

int mixbox_block_clock_take(const mixbox_block_clock_t *clock, mixbox_q31_t *block, uint32_t *completed_us)
{
    uint32_t raw = (uint32_t)block[0];
    uint32_t tag = raw & MIXBOX_BLOCK_TAG_MASK;
    block[0] = (mixbox_q31_t)(raw & ~MIXBOX_BLOCK_TAG_MASK);
    uint32_t entry = load_relaxed(&clock->entry[tag & (MIXBOX_BLOCK_CLOCK_SLOTS - 1u)]);
    if ((entry >> 24) != tag) return 0; /* overwritten by a block 16 later: too old to place */
    *completed_us = entry & MIXBOX_BLOCK_TIME_MASK;
    return 1;
}

int32_t mixbox_block_time_diff(uint32_t from_us, uint32_t to_us)
{
    uint32_t d = (to_us - from_us) & MIXBOX_BLOCK_TIME_MASK;
    return (d & 0x800000u) ? (int32_t)d - 0x1000000 : (int32_t)d;
}

mixbox_pair_t mixbox_tdm_pair_check(int32_t b_minus_a_us, uint32_t block_us, uint32_t frame_us)
{
    int32_t half_block = (int32_t)(block_us / 2u);
    int32_t half_frame = (int32_t)(frame_us / 2u);
    if (b_minus_a_us >= half_block) return MIXBOX_PAIR_A_BEHIND;
    if (b_minus_a_us <= -half_block) return MIXBOX_PAIR_B_BEHIND;
    if (b_minus_a_us > half_frame || b_minus_a_us < -half_frame) return MIXBOX_PAIR_OFFSET;
    return MIXBOX_PAIR_ALIGNED;
}

void mixbox_tdm_interleave(const mixbox_q31_t *a, const mixbox_q31_t *b, mixbox_q31_t *out, uint32_t frames, uint32_t slots_a, uint32_t slots_b)
{
    for (uint32_t f = 0; f < frames; f++) {
        mixbox_q31_t *frame = out + (size_t)f * (slots_a + slots_b);
        for (uint32_t s = 0; s < slots_a; s++) frame[s] = a[(size_t)f * slots_a + s];
        for (uint32_t s = 0; s < slots_b; s++) frame[slots_a + s] = b[(size_t)f * slots_b + s];
    }
}

void mixbox_tx_clock_reset(mixbox_tx_clock_t *clock)
{
    memset(clock, 0, sizeof(*clock));
}

void mixbox_tx_clock_sent(mixbox_tx_clock_t *clock, uint32_t now_us)
{
    uint32_t n = load_relaxed(&clock->sent);
    store_relaxed(&clock->freed_us[n & (MIXBOX_BLOCK_CLOCK_SLOTS - 1u)], now_us);
    store_release(&clock->sent, n + 1u);
}

void mixbox_tx_clock_dropped(mixbox_tx_clock_t *clock)
{
    store_relaxed(&clock->dropped, load_relaxed(&clock->dropped) + 1u);
}

int mixbox_tx_clock_next(const mixbox_tx_clock_t *clock, uint32_t *freed_us)
{
    uint32_t index = clock->taken + load_relaxed(&clock->dropped);
    uint32_t sent = load_acquire(&clock->sent);
    uint32_t age = sent - index; /* 1 = the buffer freed last */
    if (age == 0u || age > MIXBOX_BLOCK_CLOCK_SLOTS - 1u) return 0;
    *freed_us = load_relaxed(&clock->freed_us[index & (MIXBOX_BLOCK_CLOCK_SLOTS - 1u)]);
    return 1;
}

void mixbox_tx_clock_took(mixbox_tx_clock_t *clock)
{
    clock->taken++;
}

int32_t mixbox_latency_correction(int32_t freed_minus_completed_us, uint32_t block_us)
{
    int32_t block = (int32_t)block_us;
    int32_t d = freed_minus_completed_us;
    if (block <= 0 || (d < block / 2 && d > -block / 2)) return 0;
    int32_t blocks = ((d > 0 ? d : -d) + block / 2) / block; /* to the nearest block ... */
    if (blocks == 0) blocks = 1;                              /* ... but at least one from half a block on */
    return d > 0 ? blocks : -blocks;
}

uint32_t mixbox_io_timeout_ms(uint32_t block_us, uint32_t tick_rate_hz)
{
    if (tick_rate_hz == 0u) return 0u;
    /* the smallest ms with ms * hz / 1000 >= MIN_TICKS (pdMS_TO_TICKS truncates) */
    uint32_t for_ticks = (MIXBOX_IO_TIMEOUT_MIN_TICKS * 1000u + tick_rate_hz - 1u) / tick_rate_hz;
    uint32_t for_blocks = (MIXBOX_IO_TIMEOUT_MIN_BLOCKS * block_us + 999u) / 1000u;
    return for_ticks > for_blocks ? for_ticks : for_blocks;
}
