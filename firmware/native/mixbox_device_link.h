/*
 * mixbox_device_link.h - the hand-off between the control side (the nanoFramework
 * CLR thread, core 0) and the native audio task (core 1) on the device.
 *
 * Portable C99 plus the GCC/Clang __atomic builtins; no locks, no allocation, no
 * ESP-IDF. It is built into the device image by the interop glue and tested on the
 * host (firmware/native/test). No mixing logic lives here: every engine call is a
 * public mixbox_* function.
 *
 * Who may touch the engine while the audio task runs:
 *   - audio task: mixbox_process, and everything that reads-and-resets audio-side
 *     state (meters, gain reduction, loudness), through mixbox_mailbox_service();
 *   - control side: mixbox_set_param / mixbox_get_param only (the engine's own
 *     control/audio split: set_param writes user values, derives a whole target set
 *     into its own slot and publishes it; the audio side adopts the newest complete
 *     set at its next block: dsp/native/src/handoff.h).
 * Control calls are serialised by construction: the CLR runs every managed thread on
 * one RTOS task, and a native call runs to completion before another starts.
 *
 * Memory ordering (Xtensa LX7, two cores, shared SRAM): the mailbox publishes with
 * __atomic_store_n(..., __ATOMIC_RELEASE) and observes with
 * __atomic_load_n(..., __ATOMIC_ACQUIRE), so the payload written before a publish
 * is visible to the side that sees the new sequence number (C11 memory model, as
 * the GCC builtins implement it on every target, Xtensa included). The host tests
 * run the same code on two threads.
 */
#ifndef MIXBOX_DEVICE_LINK_H
#define MIXBOX_DEVICE_LINK_H

#include <stddef.h>
#include <stdint.h>

#include "mixbox_engine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Status codes of the device layer, below the engine's own (mixbox_status_t). */
#define MIXBOX_DEVICE_ERR_BUSY (-100)      /* audio task running: init/process refused; or a request is still pending */
#define MIXBOX_DEVICE_ERR_TIMEOUT (-101)   /* the audio task did not answer in time */
#define MIXBOX_DEVICE_ERR_STATE (-102)     /* audio already running / not running / engine not initialised */
#define MIXBOX_DEVICE_ERR_I2S (-103)       /* an ESP-IDF I2S call failed */
#define MIXBOX_DEVICE_ERR_NVS (-104)       /* an ESP-IDF NVS call failed */
#define MIXBOX_DEVICE_ERR_NOT_FOUND (-105) /* settings slot is empty */
#define MIXBOX_DEVICE_ERR_ARGUMENT (-106)  /* bad slot, null or short buffer */

/* What the control side can ask the audio task to do between two blocks. */
typedef enum {
    MIXBOX_REQUEST_NONE = 0,
    MIXBOX_REQUEST_METERS = 1,          /* read-and-reset every meter and the gain reduction;
                                           channel meters past the channel count read as silence */
    MIXBOX_REQUEST_METER_RESET_HOLD = 2,/* arg = meter id */
    MIXBOX_REQUEST_LOUDNESS_READ = 3,
    MIXBOX_REQUEST_LOUDNESS_RESET = 4,
    MIXBOX_REQUEST_STATS_RESET = 5      /* worst/last block time and late-block count */
} mixbox_request_kind_t;

/* Audio task counters. Written by the audio task (blocks, times) and by the I2S
 * ISR (overruns, underruns) with atomic adds; read by the control side with atomic
 * loads. Free-running: the control side works with differences. */
typedef struct {
    uint32_t blocks;         /* blocks processed since start */
    uint32_t overruns;       /* RX DMA queue overflowed: input lost (on_recv_q_ovf) */
    uint32_t underruns;      /* TX DMA queue overflowed: output repeated/zero (on_send_q_ovf) */
    uint32_t io_errors;      /* i2s_channel_read/write returned an error or a short count */
    uint32_t engine_errors;  /* mixbox_process refused a block */
    uint32_t last_block_us;  /* service + process time of the latest block */
    uint32_t worst_block_us; /* the highest last_block_us since start or STATS_RESET */
    uint32_t late_blocks;    /* blocks whose time exceeded the budget */
    uint32_t budget_us;      /* one block's duration: frames / sample rate, rounded up */
} mixbox_audio_stats_t;

/* One request/response slot; one producer (control) and one consumer (audio). */
typedef struct {
    /* Request: written by the control side, then request_seq is published. */
    uint32_t kind;
    uint32_t arg;
    /* Response: written by the audio task, then response_seq is published. */
    int32_t status;
    int32_t gain_reduction_cdb;
    mixbox_meter_reading_t meters[MIXBOX_METER_COUNT];
    mixbox_loudness_reading_t loudness;
    /* request_seq != response_seq: a request is pending. */
    uint32_t request_seq;
    uint32_t response_seq;
} mixbox_mailbox_t;

void mixbox_mailbox_init(mixbox_mailbox_t *mailbox);

/* Control side: posts a request. MIXBOX_DEVICE_ERR_BUSY if the previous one has
 * not been answered yet (it may still be, late: its answer is then discarded). */
int32_t mixbox_mailbox_post(mixbox_mailbox_t *mailbox, mixbox_request_kind_t kind, uint32_t arg);

/* Control side: 1 when the latest request has been answered (response readable). */
int mixbox_mailbox_answered(const mixbox_mailbox_t *mailbox);

/* Control side: posts, then calls wait(context) between polls, at most max_waits
 * times. MIXBOX_OK with the response in the mailbox, MIXBOX_DEVICE_ERR_BUSY or
 * MIXBOX_DEVICE_ERR_TIMEOUT. On success the engine's status is in mailbox->status. */
int32_t mixbox_mailbox_transact(mixbox_mailbox_t *mailbox, mixbox_request_kind_t kind, uint32_t arg,
                                void (*wait)(void *context), void *context, uint32_t max_waits);

/* Audio side, between blocks: executes a pending request on the engine (public API
 * only) and publishes the answer. Returns 1 if a request was serviced. */
int mixbox_mailbox_service(mixbox_mailbox_t *mailbox, mixbox_engine_t *engine, mixbox_audio_stats_t *stats);

/* Control side: meters as C# reads them, one at a time, from whole snapshots.
 * A snapshot read-and-resets every meter at once (one request per control tick
 * instead of one per meter); a reading not yet taken is merged with the next
 * snapshot (peak = max, clip = or, RMS and hold = newest), so "peak since the
 * previous read" holds per meter, as with mixbox_meter_read. */
typedef struct {
    mixbox_meter_reading_t reading[MIXBOX_METER_COUNT];
    uint8_t fresh[MIXBOX_METER_COUNT];
    int32_t gain_reduction_cdb;
    uint8_t gain_reduction_fresh;
} mixbox_meter_cache_t;

void mixbox_meter_cache_init(mixbox_meter_cache_t *cache);
void mixbox_meter_cache_merge(mixbox_meter_cache_t *cache, const mixbox_meter_reading_t *meters, int32_t gain_reduction_cdb);
/* 1 and *reading filled if meter_id has an untaken reading (then taken), else 0. */
int mixbox_meter_cache_take(mixbox_meter_cache_t *cache, uint32_t meter_id, mixbox_meter_reading_t *reading);
int mixbox_meter_cache_take_gain_reduction(mixbox_meter_cache_t *cache, int32_t *gain_reduction_cdb);

/* Audio side: block timing. */
void mixbox_audio_stats_init(mixbox_audio_stats_t *stats, uint32_t sample_rate_hz, uint32_t block_frames);
void mixbox_audio_stats_note_block(mixbox_audio_stats_t *stats, uint32_t elapsed_us);
/* Control side: a consistent-enough copy (each field read atomically). */
void mixbox_audio_stats_read(const mixbox_audio_stats_t *stats, mixbox_audio_stats_t *copy);
/* ISR side. */
void mixbox_audio_stats_count(uint32_t *counter);

/* TDM framing: the engine's interleaved stereo into a TX frame of `slots` slots
 * (L in first_slot, R in first_slot + 1, silence elsewhere). */
void mixbox_tdm_pack_stereo(const q31_t *stereo, q31_t *tdm, uint32_t frames, uint32_t slots, uint32_t first_slot);

#ifdef __cplusplus
}
#endif

#endif /* MIXBOX_DEVICE_LINK_H */
