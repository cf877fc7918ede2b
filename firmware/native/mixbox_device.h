/*
 * mixbox_device.h - the device layer the interop glue calls (ESP-IDF v5.5 side).
 *
 * mixbox_audio_task.c owns the one engine instance, the TDM channels and the audio
 * task; mixbox_settings_nvs.c the settings slots. Every function here is called from
 * the CLR thread only (core 0), so they are not re-entrant among themselves and need
 * not be: the CLR never runs two native calls at once.
 */
#ifndef MIXBOX_DEVICE_H
#define MIXBOX_DEVICE_H

#include <stddef.h>
#include <stdint.h>

#include "mixbox_device_link.h"
#include "mixbox_engine.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Board rev B (mirrors boards/mixbox-s3/MixBoxS3Board.cs; InteropConsistencyTests
 * checks every value). Two I2S controllers, each a 4 x 32-bit TDM frame (128 bits,
 * the S3's limit): I2S0 master, full duplex (RX: ADC A, inputs 1-4; TX: the PCM5122),
 * I2S1 RX slave on I2S0's BCLK/WS (GPIO matrix) with ADC B (inputs 5-8) on its own
 * data line. The engine sees one 8-channel frame: ADC A's slots, then ADC B's. */
#define MIXBOX_BOARD_SAMPLE_RATE 48000u
#define MIXBOX_BOARD_SLOTS_PER_FRAME 4u  /* per controller */
#define MIXBOX_BOARD_SLOT_BITS 32u
#define MIXBOX_BOARD_INPUT_CHANNELS 8u   /* ADC A's 4, then ADC B's 4 */
#define MIXBOX_BOARD_DAC_FIRST_SLOT 0u
#define MIXBOX_BOARD_MCLK_MULTIPLE 512u  /* I2S0: MCLK 24.576 MHz = 4 BCLK (test point only) */
#define MIXBOX_BOARD_SLAVE_BCLK_DIV 8u   /* I2S1: the driver's minimum for a slave */
#define MIXBOX_BOARD_PIN_MCLK 4
#define MIXBOX_BOARD_PIN_BCK 5
#define MIXBOX_BOARD_PIN_WS 6
#define MIXBOX_BOARD_PIN_DIN_ADC_A 7     /* I2S0 RX */
#define MIXBOX_BOARD_PIN_DOUT 15         /* I2S0 TX */
#define MIXBOX_BOARD_PIN_DIN_ADC_B 18    /* I2S1 RX */

/* One block: 8 frames = 0.167 ms at 48 kHz = one DMA buffer per controller and
 * direction (8 x 4 slots x 4 bytes = 128 bytes); three buffers per channel. The
 * analogue in -> out latency this gives is in docs/DEVICE.md (LatencyBudgetTests). */
#define MIXBOX_DEVICE_BLOCK_FRAMES 8u
#define MIXBOX_DEVICE_DMA_BUFFERS 3u

/* The engine the glue and the audio task share. */
mixbox_engine_t *mixbox_device_engine(void);

/* mixbox_init on the shared engine; MIXBOX_DEVICE_ERR_BUSY while audio runs. */
int32_t mixbox_device_init(uint32_t sample_rate_hz, uint32_t channels);

/* Audio task control. */
int32_t mixbox_audio_start(void);
int32_t mixbox_audio_stop(void);
int mixbox_audio_running(void);
void mixbox_audio_read_stats(mixbox_audio_stats_t *copy);

/* Posts a request to the audio task and waits for its answer (bounded: 20 ms);
 * on MIXBOX_OK the answer is in *mixbox_audio_mailbox(). */
int32_t mixbox_audio_request(mixbox_request_kind_t kind, uint32_t arg);
mixbox_mailbox_t *mixbox_audio_mailbox(void);

/* Loopback self-test (mixbox_loopback_* in mixbox_engine.h): start prepares the test on
 * the caller's (CLR) side, then hands it to the audio task with one atomic flag; the task
 * plays it instead of the engine's output, capturing input 1 (ADC A slot 0), and clears
 * the flag when it is over. MIXBOX_DEVICE_ERR_STATE if the task is not running,
 * MIXBOX_DEVICE_ERR_BUSY while a test runs. read: status RUNNING until then, or
 * MIXBOX_ERR_NOT_INITIALISED if no test was ever started. */
int32_t mixbox_audio_loopback_start(void);
int32_t mixbox_audio_loopback_read(mixbox_loopback_result_t *result);

/* Audio-side reads and resets, wherever the audio runs: while the task runs they go
 * through the mailbox (meters from whole snapshots, see mixbox_meter_cache_t), when
 * it is stopped they call the engine directly. Engine or device status. */
int32_t mixbox_device_meter_read(uint32_t meter_id, mixbox_meter_reading_t *reading);
int32_t mixbox_device_meter_reset_hold(uint32_t meter_id);
int32_t mixbox_device_gain_reduction_read(int32_t *gain_reduction_cdb);
int32_t mixbox_device_de_esser_reduction_read(int32_t *reduction_cdb);
int32_t mixbox_device_loudness_read(mixbox_loudness_reading_t *reading);
int32_t mixbox_device_loudness_reset(void);
/* The distortion meters (read-and-reset, from the meter snapshots), the octave
 * analyser and the correlation meter's averaged sums (control side divides:
 * mixbox_correlation_from_sums). */
int32_t mixbox_device_distortion_read(uint32_t stage, int32_t *distortion_cdb);
/* The output's true peak since the previous read (read-and-reset, from the meter snapshots). */
int32_t mixbox_device_true_peak_read(int32_t *true_peak_cdb);
int32_t mixbox_device_spectrum_read(mixbox_spectrum_reading_t *reading);
int32_t mixbox_device_correlation_sums_read(mixbox_correlation_sums_t *sums);

/* Settings slots in NVS (namespace "mixbox", keys "slot0".."slot35"): the current scene,
 * the 16 scene memories and the remote settings, two copies each (firmware Settings/SettingsLayout.cs). */
#define MIXBOX_SETTINGS_SLOTS 36
#define MIXBOX_SETTINGS_MAX_BYTES 4000u
int32_t mixbox_settings_length(int32_t slot);
int32_t mixbox_settings_read(int32_t slot, uint8_t *buffer, size_t capacity);
int32_t mixbox_settings_write(int32_t slot, const uint8_t *data, size_t length);

#ifdef __cplusplus
}
#endif

#endif /* MIXBOX_DEVICE_H */
