/* Renders a fixed mix through the engine with every block that has a
 * target-specific fast path in use (the compressor's log2 uses a
 * count-leading-zeros instruction where the core has one; the level meters
 * and the loudness meter sum in one 64-bit register on a 64-bit core) and
 * prints a digest of the output, gain reduction, every meter's readings and
 * the loudness. Built twice by CMake, once forcing the portable C paths
 * (MIXBOX_PORTABLE_PATHS); the test compares the two digests. */
#include <stdint.h>
#include <stdio.h>

#include "mixbox_engine.h"

#define CHANNELS 8u
#define BLOCK 64u
#define BLOCKS 3000u /* 4 s at 48 kHz */

static mixbox_engine_t engine;

static uint64_t fnv1a(uint64_t hash, uint32_t word)
{
    for (int i = 0; i < 4; i++) {
        hash ^= (word >> (8 * i)) & 0xFFu;
        hash *= 1099511628211ull;
    }
    return hash;
}

int main(void)
{
    mixbox_q31_t input[BLOCK * CHANNELS], output[BLOCK * 2];
    if (mixbox_init(&engine, 48000u, CHANNELS) != MIXBOX_OK) return 1;
    mixbox_set_param(&engine, MIXBOX_PARAM_COMP_BYPASS, 0u, 0);
    mixbox_set_param(&engine, MIXBOX_PARAM_COMP_THRESHOLD_CDB, 0u, -3000);
    mixbox_set_param(&engine, MIXBOX_PARAM_COMP_KNEE_CDB, 0u, 600);
    mixbox_set_param(&engine, MIXBOX_PARAM_COMP_RELEASE_MS, 0u, 0);
    mixbox_set_param(&engine, MIXBOX_PARAM_DRIVE_CDB, 0u, 900);
    mixbox_set_param(&engine, MIXBOX_PARAM_OUTPUT_SAFETY, 0u, 1);
    for (uint32_t c = 0; c < 3u; c++) mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_SUB_BUS, c, 0); /* sub meters run */

    uint64_t hash = 14695981039346656037ull;
    uint32_t seed = 1u;
    for (uint32_t b = 0; b < BLOCKS; b++) {
        /* Noise whose level sweeps from -96 to +0 dBFS and back, so the
         * detector sees magnitudes across every octave. */
        uint32_t phase = b % 1000u;
        int shift = (int)(phase < 500u ? 16u - phase / 32u : (phase - 500u) / 32u + 1u);
        for (uint32_t i = 0; i < BLOCK * CHANNELS; i++) {
            seed = seed * 1664525u + 1013904223u;
            input[i] = (mixbox_q31_t)(int32_t)seed >> shift;
        }
        if (mixbox_process(&engine, input, BLOCK * CHANNELS, output, BLOCK * 2u, BLOCK) != MIXBOX_OK) return 1;
        for (uint32_t i = 0; i < BLOCK * 2u; i++) hash = fnv1a(hash, (uint32_t)output[i]);
        int32_t reduction = 0;
        mixbox_gain_reduction_read(&engine, &reduction);
        hash = fnv1a(hash, (uint32_t)reduction);
        for (uint32_t m = 0; m < MIXBOX_METER_COUNT; m++) {
            mixbox_meter_reading_t reading;
            if (mixbox_meter_read(&engine, m, &reading) != MIXBOX_OK) continue; /* a channel this mix lacks */
            hash = fnv1a(fnv1a(fnv1a(hash, (uint32_t)reading.peak_cdb), (uint32_t)reading.rms_cdb), (uint32_t)reading.clipped);
        }
        mixbox_loudness_reading_t loudness;
        mixbox_loudness_read(&engine, &loudness);
        hash = fnv1a(fnv1a(hash, (uint32_t)loudness.momentary_clu), (uint32_t)loudness.true_peak_max_cdb);
    }
    printf("%016llx\n", (unsigned long long)hash);
    return 0;
}
