/*
 * Benchmark driver for the mix-bus toolkit's kernels alone (not a test): the
 * `everything` stage's toolkit settings (engine_bench.c) — de-esser, bus EQ
 * with every band on, stereo tools — on two channels of deterministic noise,
 * so qemu can count them without the engine around them or the designs'
 * start-up (tens of millions of instructions under qemu's per-instruction
 * log).
 *
 *   toolkit_bench --print          (host) prints the designed coefficients as C
 *   toolkit_bench STAGE BLOCK N    (rv32, built with that output as
 *                                  toolkit_coeffs.h) STAGE: n (the copy
 *                                  only), d (de-esser), e (EQ), s (stereo
 *                                  tools), a (all three, the de-esser and
 *                                  EQ on one Q23 copy as the chain runs
 *                                  them)
 *
 * bench/toolkit builds both and prints per-frame counts as bench/run does.
 */
#include <stdint.h>
#include <string.h>

#include "bus_eq.h"
#include "de_esser.h"
#include "stereo_tools.h"

#ifdef TOOLKIT_PRINT
#include <stdio.h>

static void print_bytes(const char *name, const void *data, size_t size)
{
    printf("static const unsigned char %s[] = {", name);
    for (size_t i = 0; i < size; i++) printf("%u,", ((const unsigned char *)data)[i]);
    printf("};\n");
}

int main(void)
{
    /* engine_bench.c's set_up_toolkit, everything stage, at 48 kHz. */
    mixbox_bus_eq_params_t eq = { 40, 1, 100, 300, 0, { 250, 3000 }, { -300, 200 }, { 100, 140 }, 0, 10000, 200, 18000 };
    mixbox_de_esser_params_t de_esser = { 1, 6500, -3000, 600, 60, 0 };
    mixbox_stereo_tools_params_t stereo = { 120, 100 };
    mixbox_bus_eq_targets_t eq_targets;
    mixbox_de_esser_coeffs_t de_esser_coeffs;
    mixbox_stereo_tools_coeffs_t stereo_coeffs;
    mixbox_bus_eq_design(&eq_targets, &eq, 48000u, NULL);
    mixbox_de_esser_design(&de_esser_coeffs, &de_esser, 48000u);
    mixbox_stereo_tools_design(&stereo_coeffs, &stereo, 48000u);
    print_bytes("eq_bytes", &eq_targets, sizeof eq_targets);
    print_bytes("de_esser_bytes", &de_esser_coeffs, sizeof de_esser_coeffs);
    print_bytes("stereo_bytes", &stereo_coeffs, sizeof stereo_coeffs);
    return 0;
}
#else
#include "toolkit_coeffs.h"

static mixbox_bus_eq_t eq;
static mixbox_de_esser_t de_esser;
static mixbox_stereo_tools_t stereo;
static mixbox_bus_eq_targets_t eq_targets;
static mixbox_de_esser_coeffs_t de_esser_coeffs;
static mixbox_stereo_tools_coeffs_t stereo_coeffs;
static int64_t left[32], right[32], noise_left[32], noise_right[32];

static uint32_t parse(const char *text)
{
    uint32_t value = 0;
    while (*text >= '0' && *text <= '9') value = value * 10u + (uint32_t)(*text++ - '0');
    return value;
}

int main(int argc, char **argv)
{
    if (argc != 4) return 2;
    char stage = argv[1][0];
    uint32_t frames = parse(argv[2]), blocks = parse(argv[3]);
    if (frames == 0u || frames > 32u) return 2;
    memcpy(&eq_targets, eq_bytes, sizeof eq_targets);
    memcpy(&de_esser_coeffs, de_esser_bytes, sizeof de_esser_coeffs);
    memcpy(&stereo_coeffs, stereo_bytes, sizeof stereo_coeffs);
    mixbox_bus_eq_init(&eq, &eq_targets);
    mixbox_de_esser_init(&de_esser, &de_esser_coeffs);
    mixbox_stereo_tools_init(&stereo, &stereo_coeffs);
    uint32_t seed = 12345u;
    for (uint32_t i = 0; i < frames; i++) { /* 24-bit noise at -6 dBFS, Q31 scale */
        seed = seed * 1664525u + 1013904223u; /* Numerical Recipes LCG */
        noise_left[i] = (int64_t)((int32_t)(seed & 0xFFFFFF00u) / 4) * 2;
        seed = seed * 1664525u + 1013904223u;
        noise_right[i] = (int64_t)((int32_t)(seed & 0xFFFFFF00u) / 4) * 2;
    }
    int64_t sink = 0;
    for (uint32_t b = 0; b < blocks; b++) {
        for (uint32_t i = 0; i < frames; i++) {
            left[i] = noise_left[i];
            right[i] = noise_right[i];
        }
        if (stage == 'a') { /* as the chain runs them (mixbus_chain.c): one Q23 copy for both */
            mixbox_svf_chunk_from_chain(left, right, eq.work[0], eq.work[1], frames);
            mixbox_de_esser_process_q23(&de_esser, eq.work[0], eq.work[1], frames);
            mixbox_bus_eq_process_q23(&eq, eq.work[0], eq.work[1], left, right, frames);
        }
        if (stage == 'd') mixbox_de_esser_process(&de_esser, left, right, frames);
        if (stage == 'e') mixbox_bus_eq_process(&eq, left, right, frames);
        if (stage == 's' || stage == 'a') mixbox_stereo_tools_process(&stereo, left, right, frames);
        sink ^= left[b % frames] ^ right[b % frames];
    }
    return sink == 0x7FFFFFFF ? 3 : 0; /* keep the work observable */
}
#endif
