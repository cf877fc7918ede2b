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
}

void mixbox_audio_stats_count(uint32_t *counter)
{
    __atomic_fetch_add(counter, 1u, __ATOMIC_RELAXED);
}

/* ---- TDM framing ---- */

void mixbox_tdm_pack_stereo(const q31_t *stereo, q31_t *tdm, uint32_t frames, uint32_t slots, uint32_t first_slot)
{
    for (uint32_t f = 0; f < frames; f++) {
        q31_t *frame = tdm + (size_t)f * slots;
        for (uint32_t s = 0; s < slots; s++) frame[s] = 0;
        if (first_slot + 1u < slots) {
            frame[first_slot] = stereo[2u * f];
            frame[first_slot + 1u] = stereo[2u * f + 1u];
        }
    }
}
