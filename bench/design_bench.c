/* The control side's fitted EQ design (svf_design.c) as the device's control
 * tick runs it: `design_bench bell|high-shelf|lowpass N` designs one band N
 * times. bench/run counts N and 2N under qemu (rv32imc, soft double: the S3
 * has no double FPU) and takes the difference: instructions per design.
 * The settings are the bus EQ's (bus_eq.c): a bell at 3 kHz, Q 1.4, +2 dB;
 * a Butterworth high shelf at 8 kHz, +6 dB; a Butterworth low-pass at 18 kHz;
 * all at 48 kHz. `worst` is the magnitude tests' largest error, a band that
 * runs the pole search: the high shelf at 16 kHz, +12 dB, at 44.1 kHz. */
#include "svf_design.h"

static int text_equals(const char *a, const char *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static unsigned parse(const char *text)
{
    unsigned n = 0;
    while (*text >= '0' && *text <= '9') n = n * 10u + (unsigned)(*text++ - '0');
    return n;
}

#define BUTTERWORTH_Q 0.70710678118654752

int main(int argc, char **argv)
{
    if (argc != 3) return 2;
    mixbox_svf_prototype_t p;
    if (text_equals(argv[1], "bell")) p = mixbox_svf_bell(3000.0, 1.4, 2.0);
    else if (text_equals(argv[1], "high-shelf")) p = mixbox_svf_high_shelf(8000.0, BUTTERWORTH_Q, 6.0);
    else if (text_equals(argv[1], "lowpass")) p = mixbox_svf_lowpass(18000.0, BUTTERWORTH_Q);
    else if (text_equals(argv[1], "worst")) p = mixbox_svf_high_shelf(16000.0, BUTTERWORTH_Q, 12.0);
    else return 2;
    double sample_rate = text_equals(argv[1], "worst") ? 44100.0 : 48000.0;
    /* The band's own frequency: the prototype's pole, except the shelves' midpoint. */
    double match_hz = text_equals(argv[1], "high-shelf") ? 8000.0 : text_equals(argv[1], "worst") ? 16000.0 : p.pole_hz;
    unsigned n = parse(argv[2]);
    volatile double sink = 0.0;
    for (unsigned i = 0; i < n; i++) {
        mixbox_svf_design_t d;
        mixbox_svf_design_matched(&d, &p, sample_rate, match_hz);
        sink = sink + d.g + d.k + d.m0 + d.m1 + d.m2;
    }
    return 0;
}
