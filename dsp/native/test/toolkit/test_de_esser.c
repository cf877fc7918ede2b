/* The de-esser: reduction of a burst over the threshold, what a tone outside
 * the band feels, transparency below the threshold, the linked detector,
 * listen mode, the reading, and off. Prints figures; exits 1 on failure. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "de_esser.h"
#include "toolkit_model.h"

#define FS 48000u
#define FULL 2147483648.0

static mixbox_de_esser_params_t params(int threshold_cdb, int range_cdb)
{
    mixbox_de_esser_params_t p = { 1, 6500, threshold_cdb, range_cdb, 60, 0 };
    return p;
}

/* Runs n frames of left/right (doubles, FS units) through a fresh de-esser. */
static void run(const mixbox_de_esser_params_t *p, const double *in_l, const double *in_r, double *out_l,
                double *out_r, int n, int32_t *reading)
{
    static mixbox_de_esser_t d;
    mixbox_de_esser_coeffs_t c;
    mixbox_de_esser_design(&c, p, FS);
    mixbox_de_esser_init(&d, &c);
    for (int done = 0; done < n; done += 32) {
        int64_t l[32], r[32];
        int count = n - done < 32 ? n - done : 32;
        for (int i = 0; i < count; i++) {
            l[i] = (int64_t)llrint(in_l[done + i] * FULL);
            r[i] = (int64_t)llrint(in_r[done + i] * FULL);
        }
        mixbox_de_esser_process(&d, l, r, (uint32_t)count);
        for (int i = 0; i < count; i++) {
            out_l[done + i] = l[i] / FULL;
            out_r[done + i] = r[i] / FULL;
        }
    }
    if (reading) *reading = mixbox_de_esser_read_reduction(&d);
}

/* Amplitude of the hz component over [from, from + n) (whole cycles). */
static double tone(const double *x, int from, int n, double hz)
{
    double re = 0, im = 0;
    for (int i = from; i < from + n; i++) {
        re += x[i] * cos(2 * M_PI * hz * i / FS);
        im += x[i] * sin(2 * M_PI * hz * i / FS);
    }
    return 2.0 * sqrt(re * re + im * im) / n;
}

#define N 24000 /* 0.5 s */
static double in_l[N], in_r[N], out_l[N], out_r[N];

static void test_burst_reduction(void)
{
    const double threshold_db = -30.0, burst = pow(10.0, (threshold_db + 10.0) / 20.0);
    static const int ranges[] = { 300, 600, 1000 };
    double worst = 0.0;
    for (int r = 0; r < 3; r++) {
        for (int i = 0; i < N; i++) in_l[i] = in_r[i] = i >= 4800 ? burst * sin(2 * M_PI * 6500.0 * i / FS) : 0.0;
        mixbox_de_esser_params_t p = params((int)(threshold_db * 100), ranges[r]);
        int32_t reading;
        run(&p, in_l, in_r, out_l, out_r, N, &reading);
        /* The last 0.1 s (650 cycles): settled. */
        double got = db(tone(out_l, N - 4800, 4800, 6500.0) / tone(in_l, N - 4800, 4800, 6500.0));
        double error = fabs(-got - ranges[r] / 100.0);
        if (error > worst) worst = error;
        printf("6.5 kHz burst 10 dB over a -30 dB threshold, range %.0f dB: reduced by %.3f dB, reading %.2f dB\n",
               ranges[r] / 100.0, -got, reading / 100.0);
        check(error <= 0.5, "burst reduced by the range");
        check(fabs(reading / 100.0 - ranges[r] / 100.0) <= 0.5, "reading shows the range");
    }
    printf("burst reduction: worst |reduction - range| %.3f dB (limit 0.5)\n", worst);
}

static void test_tone_outside_the_band(void)
{
    /* A 1 kHz tone at -20 dBFS under the 6.5 kHz burst; range 12 dB (the most). */
    const double burst = pow(10.0, -20.0 / 20.0);
    for (int i = 0; i < N; i++) {
        double t = 0.1 * sin(2 * M_PI * 1000.0 * i / FS);
        in_l[i] = in_r[i] = t + (i >= 4800 ? burst * sin(2 * M_PI * 6500.0 * i / FS) : 0.0);
    }
    mixbox_de_esser_params_t p = params(-3000, 1200);
    int32_t reading;
    run(&p, in_l, in_r, out_l, out_r, N, &reading);
    double moved = db(tone(out_l, N - 4800, 4800, 1000.0) / tone(in_l, N - 4800, 4800, 1000.0));
    printf("1 kHz tone while the de-esser reduces 6.5 kHz by %.1f dB: moves %.4f dB (limit 0.05)\n", reading / 100.0,
           moved);
    check(reading >= 1000, "the de-esser is working");
    check(fabs(moved) < 0.05, "1 kHz tone moves < 0.05 dB");
}

static void test_transparent_below_threshold(void)
{
    /* Program-like material peaking well under the threshold: speech-band
     * tones and noise, with the threshold at -20 dBFS. */
    uint32_t seed = 4u;
    for (int i = 0; i < N; i++) {
        in_l[i] = 0.02 * sin(2 * M_PI * 6500.0 * i / FS) + 0.02 * noise(&seed) + 0.3 * sin(2 * M_PI * 220.0 * i / FS);
        in_r[i] = 0.02 * noise(&seed) + 0.3 * sin(2 * M_PI * 330.0 * i / FS);
    }
    mixbox_de_esser_params_t p = params(-2000, 1200);
    run(&p, in_l, in_r, out_l, out_r, N, NULL);
    double worst = 0.0;
    for (int i = 0; i < N; i++) worst = fmax(worst, fmax(fabs(out_l[i] - in_l[i]), fabs(out_r[i] - in_r[i])));
    double null_db = worst == 0.0 ? -INFINITY : db(worst);
    if (worst == 0.0) printf("material below the threshold against bypass: null -inf dB, bit-exact (limit -100)\n");
    else printf("material below the threshold against bypass: null %.1f dB (limit -100)\n", null_db);
    check(worst == 0.0 || null_db <= -100.0, "below threshold nulls");
}

static void test_linked_sides(void)
{
    /* Sibilance on the left only (right: a 1 kHz tone and a weaker 6.5 kHz
     * component): the right's 6.5 kHz is reduced exactly as the left's. */
    const double burst = pow(10.0, -20.0 / 20.0);
    for (int i = 0; i < N; i++) {
        double s = sin(2 * M_PI * 6500.0 * i / FS);
        in_l[i] = burst * s;
        in_r[i] = 0.1 * sin(2 * M_PI * 1000.0 * i / FS) + 0.1 * burst * s;
    }
    mixbox_de_esser_params_t p = params(-3000, 600);
    run(&p, in_l, in_r, out_l, out_r, N, NULL);
    double left = db(tone(out_l, N - 4800, 4800, 6500.0) / tone(in_l, N - 4800, 4800, 6500.0));
    double right = db(tone(out_r, N - 4800, 4800, 6500.0) / tone(in_r, N - 4800, 4800, 6500.0));
    printf("linked detector: left reduced %.3f dB, right %.3f dB (difference %.4f dB)\n", -left, -right, fabs(left - right));
    check(fabs(left - right) <= 0.01, "equal reduction both sides");
}

static void test_listen_and_off(void)
{
    for (int i = 0; i < N; i++) {
        in_l[i] = 0.25 * sin(2 * M_PI * 6500.0 * i / FS);
        in_r[i] = 0.25 * sin(2 * M_PI * 1000.0 * i / FS);
    }
    mixbox_de_esser_params_t p = params(-3000, 600);
    p.listen = 1;
    run(&p, in_l, in_r, out_l, out_r, N, NULL);
    double band = db(tone(out_l, N - 4800, 4800, 6500.0) / 0.25), low = db(tone(out_r, N - 4800, 4800, 1000.0) / 0.25);
    printf("listen: 6.5 kHz passes at %.3f dB, 1 kHz at %.1f dB (band-pass q 2)\n", band, low);
    check(fabs(band) < 0.01 && low < -15.0, "listen outputs the band");
    p.listen = 0;
    p.on = 0;
    run(&p, in_l, in_r, out_l, out_r, N, NULL);
    int exact = 1;
    for (int i = 0; i < N; i++) {
        exact &= out_l[i] == llrint(in_l[i] * FULL) / FULL && out_r[i] == llrint(in_r[i] * FULL) / FULL;
    }
    printf("off: bit-exact (%s)\n", exact ? "yes" : "no");
    check(exact, "off is bit-exact");
}

int main(void)
{
    test_burst_reduction();
    test_tone_outside_the_band();
    test_transparent_below_threshold();
    test_linked_sides();
    test_listen_and_off();
    printf(failures ? "FAILED (%d)\n" : "all passed\n", failures);
    return failures ? 1 : 0;
}
