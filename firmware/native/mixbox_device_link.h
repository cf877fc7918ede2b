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
    MIXBOX_REQUEST_STATS_RESET = 5,     /* worst/last block time and late-block count */
    MIXBOX_REQUEST_SPECTRUM_READ = 6,   /* the octave analyser's bands (reading does not reset) */
    MIXBOX_REQUEST_CORRELATION_READ = 7 /* the correlation meter's averaged sums (divided on the control side) */
} mixbox_request_kind_t;

/* Audio task counters. Written by the audio task (blocks, times, timeouts, slips,
 * restarts) and by the I2S ISR (overruns, underruns) with atomic adds; read by the
 * control side with atomic loads. Free-running: the control side works with
 * differences. C# reads them in this order (NativeAudio.Stat*, glue NativeReadStats). */
typedef struct {
    uint32_t blocks;         /* blocks processed since start */
    uint32_t overruns;       /* an RX DMA queue overflowed, its oldest block dropped (on_recv_q_ovf,
                                either ADC controller: a late task usually costs one on each) */
    uint32_t underruns;      /* the TX DMA queue overflowed: a block of zeros went out (on_send_q_ovf) */
    uint32_t io_errors;      /* i2s_channel_read/write failed other than by timing out, a short
                                count, or a restart of the channels failed */
    uint32_t engine_errors;  /* mixbox_process refused a block */
    uint32_t last_block_us;  /* service + process time of the latest block */
    uint32_t worst_block_us; /* the highest last_block_us since start or STATS_RESET */
    uint32_t late_blocks;    /* blocks whose time exceeded the budget */
    uint32_t budget_us;      /* one block's duration: frames / sample rate, rounded up */
    uint32_t timeouts;       /* an I/O wait ran out with no block (the clocks stopped, or one
                                controller fell silent); see mixbox_io_timeout_ms */
    uint32_t slips;          /* the two ADC controllers were found out of step (and re-aligned) */
    uint32_t restarts;       /* the task stopped and restarted the channels to re-align them */
} mixbox_audio_stats_t;

/* Number of counters NativeAudio.ReadStats fills (mixbox_audio_stats_t, in order). */
#define MIXBOX_AUDIO_STAT_COUNT 12u

/* One request/response slot; one producer (control) and one consumer (audio). */
typedef struct {
    /* Request: written by the control side, then request_seq is published. */
    uint32_t kind;
    uint32_t arg;
    /* Response: written by the audio task, then response_seq is published. */
    int32_t status;
    int32_t gain_reduction_cdb;
    int32_t de_esser_reduction_cdb;
    mixbox_meter_reading_t meters[MIXBOX_METER_COUNT];
    mixbox_loudness_reading_t loudness;
    int32_t distortion_cdb[MIXBOX_DISTORTION_STAGES]; /* with METERS (read-and-reset) */
    mixbox_spectrum_reading_t spectrum;
    mixbox_correlation_sums_t correlation;
    int32_t true_peak_cdb; /* with METERS (read-and-reset) */
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
    int32_t de_esser_reduction_cdb;
    uint8_t de_esser_reduction_fresh;
    int32_t distortion_cdb[MIXBOX_DISTORTION_STAGES];
    uint8_t distortion_fresh[MIXBOX_DISTORTION_STAGES];
    int32_t true_peak_cdb;
    uint8_t true_peak_fresh;
} mixbox_meter_cache_t;

void mixbox_meter_cache_init(mixbox_meter_cache_t *cache);
void mixbox_meter_cache_merge(mixbox_meter_cache_t *cache, const mixbox_meter_reading_t *meters, int32_t gain_reduction_cdb);
/* 1 and *reading filled if meter_id has an untaken reading (then taken), else 0. */
int mixbox_meter_cache_take(mixbox_meter_cache_t *cache, uint32_t meter_id, mixbox_meter_reading_t *reading);
int mixbox_meter_cache_take_gain_reduction(mixbox_meter_cache_t *cache, int32_t *gain_reduction_cdb);
/* The de-esser's reading, merged and taken the same way (largest since the last take). */
void mixbox_meter_cache_merge_de_esser(mixbox_meter_cache_t *cache, int32_t de_esser_reduction_cdb);
int mixbox_meter_cache_take_de_esser(mixbox_meter_cache_t *cache, int32_t *de_esser_reduction_cdb);
/* The distortion meters' readings (one per stage), merged and taken the same way: the
 * highest (worst) reading since the last take stands for the snapshots in between. */
void mixbox_meter_cache_merge_distortion(mixbox_meter_cache_t *cache, const int32_t *distortion_cdb);
int mixbox_meter_cache_take_distortion(mixbox_meter_cache_t *cache, uint32_t stage, int32_t *distortion_cdb);
/* The true peak since the last take (mixbox_true_peak_read), merged and taken the same way. */
void mixbox_meter_cache_merge_true_peak(mixbox_meter_cache_t *cache, int32_t true_peak_cdb);
int mixbox_meter_cache_take_true_peak(mixbox_meter_cache_t *cache, int32_t *true_peak_cdb);

/* Audio side: block timing. */
void mixbox_audio_stats_init(mixbox_audio_stats_t *stats, uint32_t sample_rate_hz, uint32_t block_frames);
void mixbox_audio_stats_note_block(mixbox_audio_stats_t *stats, uint32_t elapsed_us);
/* Control side: a consistent-enough copy (each field read atomically). */
void mixbox_audio_stats_read(const mixbox_audio_stats_t *stats, mixbox_audio_stats_t *copy);
/* ISR side. */
void mixbox_audio_stats_count(uint32_t *counter);

/* TDM framing: the engine's interleaved stereo into a TX frame of `slots` slots
 * (L in first_slot, R in first_slot + 1, silence elsewhere). */
void mixbox_tdm_pack_stereo(const mixbox_q31_t *stereo, mixbox_q31_t *tdm, uint32_t frames, uint32_t slots, uint32_t first_slot);

/* ---- Board rev B: two ADC controllers in step, and the output latency ----
 *
 * The two RX controllers (I2S0: ADC A, I2S1: ADC B) run on one BCLK/WS, so the k-th
 * DMA buffer of each holds the same frames, unless one of them lost or gained a block
 * (a queue overflow seen on one side only, a DMA end-of-frame interrupt that came too
 * late and was merged with the next, a slave that lost its clock input). The task
 * pairs blocks by *when they were completed*, not by counting them:
 *
 *   - ISR (on_recv): mixbox_block_clock_stamp() writes an 8-bit sequence tag into the
 *     low byte of the block's first sample (slot 0 of frame 0: below the 24-bit audio
 *     left-justified in the slot; the ADCs send 32-bit words, so that byte of one
 *     sample in 32 is lost: under 2^-23 of full scale, -138 dBFS) and records tag +
 *     completion time (us) in a ring;
 *   - task: mixbox_block_clock_take() takes the tag out again (the engine sees that
 *     sample with its low byte 0) and looks the completion time up: exact, however many blocks
 *     were dropped, duplicated or read in between;
 *   - mixbox_tdm_pair_check(): blocks completed within a frame of each other hold the
 *     same frames; half a block or more apart, the older one is behind.
 */
#define MIXBOX_BLOCK_TAG_MASK 0xFFu
#define MIXBOX_BLOCK_CLOCK_SLOTS 16u  /* completion times kept per controller (power of 2) */
#define MIXBOX_BLOCK_TIME_MASK 0xFFFFFFu /* completion times are kept to 24 bits of us (16.7 s) */

typedef struct {
    uint32_t stamped;                             /* blocks stamped since reset (ISR only) */
    uint32_t entry[MIXBOX_BLOCK_CLOCK_SLOTS];      /* tag << 24 | completion time (24 bits of us) */
} mixbox_block_clock_t;

/* Before the controller runs (no ISR can touch it). */
void mixbox_block_clock_reset(mixbox_block_clock_t *clock);
/* ISR, when a DMA buffer of `dma_block` (4-byte samples) has been filled. */
void mixbox_block_clock_stamp(mixbox_block_clock_t *clock, void *dma_block, uint32_t now_us);
/* Task, on a block just read: clears the tag from block[0]; 1 and *completed_us if the
 * block's completion time is still recorded (16 blocks), else 0 (position unknown). */
int mixbox_block_clock_take(const mixbox_block_clock_t *clock, mixbox_q31_t *block, uint32_t *completed_us);
/* to_us - from_us in us, for times kept to 24 bits (wraps every 16.7 s). */
int32_t mixbox_block_time_diff(uint32_t from_us, uint32_t to_us);

typedef enum {
    MIXBOX_PAIR_ALIGNED = 0,  /* same frames */
    MIXBOX_PAIR_A_BEHIND = 1, /* A's block is at least half a block older than B's */
    MIXBOX_PAIR_B_BEHIND = 2, /* B's block is at least half a block older than A's */
    MIXBOX_PAIR_OFFSET = 3    /* apart by more than half a frame but under half a block: a
                                 sub-block offset (a slave that lost clock edges), or ISR jitter */
} mixbox_pair_t;

/* Classifies a pair of blocks by b_minus_a_us = B's completion time - A's. */
mixbox_pair_t mixbox_tdm_pair_check(int32_t b_minus_a_us, uint32_t block_us, uint32_t frame_us);

/* Two controllers' blocks (frames x slots_a, frames x slots_b, interleaved) into the
 * engine's frames of slots_a + slots_b channels: A's slots first, then B's. */
void mixbox_tdm_interleave(const mixbox_q31_t *a, const mixbox_q31_t *b, mixbox_q31_t *out, uint32_t frames, uint32_t slots_a, uint32_t slots_b);

/* The TX side's completion times: a block written now goes into the DMA buffer that was
 * freed longest ago (the driver's queue is FIFO), which plays again after the other
 * dma_buffers - 1 buffers. So the output latency of a block is
 *   dma_buffers blocks + (time its TX buffer was freed - time its RX block completed);
 * the second term is 0 in steady state (both happen on the same frame boundary).
 *   - ISR (on_sent): mixbox_tx_clock_sent(); (on_send_q_ovf): mixbox_tx_clock_dropped();
 *   - task: mixbox_tx_clock_next() before a write: when the buffer the write will take
 *     was freed (if it already was); mixbox_tx_clock_took() after a write took one.
 * Freed buffers leave the driver's queue in order, taken by a write or dropped, so the
 * buffer a write takes is number taken + dropped. A drop cannot fall between the driver
 * taking a buffer and mixbox_tx_clock_took() (the queue is not full for a whole block
 * after a buffer was taken), so this is exact as long as the task calls it within a
 * block of the write returning. */
typedef struct {
    uint32_t sent;     /* ISR */
    uint32_t dropped;  /* ISR */
    uint32_t taken;    /* task */
    uint32_t freed_us[MIXBOX_BLOCK_CLOCK_SLOTS];
} mixbox_tx_clock_t;

void mixbox_tx_clock_reset(mixbox_tx_clock_t *clock);
void mixbox_tx_clock_sent(mixbox_tx_clock_t *clock, uint32_t now_us);
void mixbox_tx_clock_dropped(mixbox_tx_clock_t *clock);
/* 1 and when the buffer the next write takes was freed, or 0 if it is not free yet. */
int mixbox_tx_clock_next(const mixbox_tx_clock_t *clock, uint32_t *freed_us);
void mixbox_tx_clock_took(mixbox_tx_clock_t *clock);

/* Whole blocks by which a block's latency is off its design value, from
 * freed_minus_completed_us (see mixbox_tx_clock_t): > 0: that many blocks too late
 * (drop that many input blocks), < 0: too early (send that many blocks of silence).
 * Within half a block: 0. */
int32_t mixbox_latency_correction(int32_t freed_minus_completed_us, uint32_t block_us);

/* The task's I/O timeout in ms: at least MIXBOX_IO_TIMEOUT_MIN_TICKS FreeRTOS ticks
 * after pdMS_TO_TICKS' truncation (a 1..9 ms timeout at 100 Hz is 0 ticks: no wait at
 * all) and at least MIXBOX_IO_TIMEOUT_MIN_BLOCKS blocks. A wait of N ticks ends at the
 * N-th tick interrupt after it starts: after (N - 1, N] tick periods. */
#define MIXBOX_IO_TIMEOUT_MIN_TICKS 3u
#define MIXBOX_IO_TIMEOUT_MIN_BLOCKS 4u
uint32_t mixbox_io_timeout_ms(uint32_t block_us, uint32_t tick_rate_hz);

#ifdef __cplusplus
}
#endif

#endif /* MIXBOX_DEVICE_LINK_H */
