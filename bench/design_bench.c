/* The control side's fitted EQ designs as the device's control tick runs
 * them (bench/run's `design:` rows).
 *
 *   design_bench bell|high-shelf|lowpass HZ Q_X100 CDB RATE N
 *       turns one band of the bus EQ N times (mixbox_bus_eq_design with its
 *       cache, as the mix-bus chain calls it: only the band that moved is
 *       designed), from one unit of gain (low-pass: of frequency) away to the
 *       setting and back; Q_X100 below 0: proportional Q. bench/run
 *       counts N = 0 and 1 under qemu (rv32imc, soft double: the S3 has no
 *       double FPU) and on the host (callgrind): instructions per design.
 *   design_bench search HZ CDB RATE N
 *       the pole search itself (mixbox_svf_design_matched) on a high shelf:
 *       what a rate without a pole table (svf_pole_table.h) still costs.
 *   design_bench scan
 *       (gcc -O2 -std=c99 -ffp-contract=off -DMIXBOX_DESIGN_COUNT -Idsp/native/include
 *       -Idsp/native/src bench/design_bench.c dsp/native/src/*.c -lm) every band over its whole
 *       parameter range on a fine grid at 44.1/48/88.2/96 kHz: the settings
 *       that run the most least-squares solves, the one part of a design's
 *       cost that varies, for the worst-case rows. */
#include <string.h>

#include "bus_eq.h"
#include "svf_design.h"

#ifdef MIXBOX_DESIGN_COUNT
#include <stdio.h>
long design_fits;
#endif

static int text_equals(const char *a, const char *b)
{
    while (*a && *a == *b) { a++; b++; }
    return *a == *b;
}

static int parse(const char *text)
{
    int sign = *text == '-' ? -1 : 1, n = 0;
    if (*text == '-') text++;
    while (*text >= '0' && *text <= '9') n = n * 10 + (*text++ - '0');
    return sign * n;
}

enum { BELL, HIGH_SHELF, LOWPASS };

static mixbox_bus_eq_params_t flat(void)
{
    mixbox_bus_eq_params_t p;
    memset(&p, 0, sizeof p);
    p.low_shelf_hz = 100;
    p.bell_hz[0] = 300;
    p.bell_hz[1] = 3000;
    p.bell_q_x100[0] = p.bell_q_x100[1] = 100;
    p.high_shelf_hz = 8000;
    return p;
}

/* The band set to hz, q, cdb (bell 1; the proportional-Q switch for q < 0). */
static void set_band(mixbox_bus_eq_params_t *p, int band, int hz, int q_x100, int cdb)
{
    if (band == BELL) {
        p->bell_hz[0] = hz;
        p->bell_q_x100[0] = q_x100 < 0 ? -q_x100 : q_x100;
        p->proportional_q = q_x100 < 0;
        p->bell_cdb[0] = cdb;
    } else if (band == HIGH_SHELF) {
        p->high_shelf_hz = hz;
        p->high_shelf_cdb = cdb;
    } else {
        p->lowpass_hz = hz;
    }
}

#ifdef MIXBOX_DESIGN_COUNT
/* Solves of one band's design at each setting of a fine grid over its range. */
static void scan(void)
{
    static const uint32_t rates[] = { 44100u, 48000u, 88200u, 96000u };
    static const char *names[] = { "bell", "high-shelf", "lowpass" };
    for (int band = BELL; band <= LOWPASS; band++) {
        long most = -1, designs = 0, histogram[16] = { 0 };
        int worst[4][3] = { { 0 } };
        long most_at[4] = { -1, -1, -1, -1 };
        static mixbox_bus_eq_design_cache_t cache;
        for (int r = 0; r < 4; r++) {
            /* A new rate designs every band: not a knob's cost. */
            mixbox_bus_eq_params_t start = flat();
            mixbox_bus_eq_targets_t t;
            mixbox_bus_eq_design(&t, &start, rates[r], &cache);
            int hz_steps = band == BELL ? 81 : band == HIGH_SHELF ? 69 : 201;
            for (int h = 0; h < hz_steps; h++) {
                /* Log-spaced (1/12 octave, as integer Hz) for the bells and shelf, 50 Hz steps for the low-pass. */
                double x = (double)h / (hz_steps - 1);
                int hz = band == BELL ? (int)(60.0 * __builtin_pow(8000.0 / 60.0, x) + 0.5)
                       : band == HIGH_SHELF ? (int)(1500.0 * __builtin_pow(16000.0 / 1500.0, x) + 0.5)
                                            : 10000 + 50 * h;
                int q_steps = band == BELL ? 2 * 13 : 1, gain_steps = band == LOWPASS ? 1 : 49;
                for (int qi = 0; qi < q_steps; qi++) {
                    /* Q 0.4..4 in 13 log steps, then the same with proportional Q. */
                    int q = band == BELL ? (int)(40.0 * __builtin_pow(10.0, (qi % 13) / 12.0) + 0.5) : 0;
                    if (qi >= 13) q = -q;
                    for (int gi = 0; gi < gain_steps; gi++) {
                        int cdb = band == LOWPASS ? 0 : -1200 + 50 * gi;
                        mixbox_bus_eq_params_t p = flat();
                        set_band(&p, band, hz, q, cdb);
                        /* The cache designs only the band that moved since the last setting
                         * (the proportional-Q switch moves both bells: counted as one change). */
                        long before = design_fits;
                        mixbox_bus_eq_design(&t, &p, rates[r], &cache);
                        long fits = design_fits - before;
                        histogram[fits < 15 ? fits : 15]++;
                        designs++;
                        if (fits > most) most = fits;
                        if (fits > most_at[r]) {
                            most_at[r] = fits;
                            worst[r][0] = hz, worst[r][1] = q, worst[r][2] = cdb;
                        }
                    }
                }
            }
        }
        printf("%s: %ld designs; solves per design:", names[band], designs);
        for (int i = 0; i < 16; i++) {
            if (histogram[i]) printf(" %d: %ld", i, histogram[i]);
        }
        printf("\n");
        for (int r = 0; r < 4; r++) {
            printf("  at %u Hz the first with the most (%ld): %s %d %d %d %u\n", (unsigned)rates[r], most_at[r],
                   names[band], worst[r][0], worst[r][1], worst[r][2], (unsigned)rates[r]);
        }
    }
}
#endif

#define BUTTERWORTH_Q 0.70710678118654752

int main(int argc, char **argv)
{
#ifdef MIXBOX_DESIGN_COUNT
    if (argc == 2 && text_equals(argv[1], "scan")) {
        scan();
        return 0;
    }
#endif
    volatile double sink = 0.0;
    if (argc == 6 && text_equals(argv[1], "search")) {
        double hz = parse(argv[2]), rate = parse(argv[4]);
        mixbox_svf_prototype_t p = mixbox_svf_high_shelf(hz, BUTTERWORTH_Q, parse(argv[3]) / 100.0);
        for (int i = 0, n = parse(argv[5]); i < n; i++) {
            mixbox_svf_design_t d;
            mixbox_svf_design_matched(&d, &p, rate, hz);
            sink = sink + d.g + d.k + d.m0 + d.m1 + d.m2;
        }
        return 0;
    }
    if (argc != 7) return 2;
    int band = text_equals(argv[1], "bell") ? BELL : text_equals(argv[1], "high-shelf") ? HIGH_SHELF
             : text_equals(argv[1], "lowpass") ? LOWPASS : -1;
    if (band < 0) return 2;
    int hz = parse(argv[2]), q = parse(argv[3]), cdb = parse(argv[4]), n = parse(argv[6]);
    uint32_t rate = (uint32_t)parse(argv[5]);
    static mixbox_bus_eq_design_cache_t cache;
    mixbox_bus_eq_params_t p = flat();
    mixbox_bus_eq_targets_t t;
    /* A knob turning by one unit and back, each step a design: from one unit
     * away (the start, in both counts) to the setting asked for and back. */
    int away = band == LOWPASS ? (hz < 20000 ? 1 : -1) : (cdb < 1200 ? 1 : -1);
    set_band(&p, band, band == LOWPASS ? hz + away : hz, q, band == LOWPASS ? cdb : cdb + away);
    mixbox_bus_eq_design(&t, &p, rate, &cache);
    for (int i = 0; i < n; i++) {
        int step = (i & 1) ? away : 0;
        set_band(&p, band, band == LOWPASS ? hz + step : hz, q, band == LOWPASS ? cdb : cdb + step);
        mixbox_bus_eq_design(&t, &p, rate, &cache);
        sink = sink + t.section[3].g_q28 + t.section[5].g_q28 + t.section[6].g_q28;
    }
    return 0;
}
