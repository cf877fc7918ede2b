/* Stereo tools: width 100 % bit-exact, mono-below (side at half the cut-off
 * down >= 24 dB, mid unchanged), width 0 / 200 %, full scale without wrap. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stereo_tools.h"
#include "toolkit_model.h"

#define FS 48000u
#define N 48000
#define FULL 2147483648.0

static int64_t l_in[N], r_in[N], l_out[N], r_out[N];

static void run(int width, int mono_below_hz)
{
    static mixbox_stereo_tools_t t;
    mixbox_stereo_tools_params_t p = { width, mono_below_hz };
    mixbox_stereo_tools_coeffs_t c;
    mixbox_stereo_tools_design(&c, &p, FS);
    mixbox_stereo_tools_init(&t, &c);
    memcpy(l_out, l_in, sizeof l_in);
    memcpy(r_out, r_in, sizeof r_in);
    for (int done = 0; done < N; done += 32) mixbox_stereo_tools_process(&t, l_out + done, r_out + done, 32u);
}

/* Amplitude of hz in x (FS units) over the last half. */
static double tone(const int64_t *x, double hz)
{
    double re = 0, im = 0;
    for (int i = N / 2; i < N; i++) {
        re += x[i] / FULL * cos(2 * M_PI * hz * i / FS);
        im += x[i] / FULL * sin(2 * M_PI * hz * i / FS);
    }
    return 2.0 * sqrt(re * re + im * im) / (N / 2);
}

int main(void)
{
    uint32_t seed = 3u;
    for (int i = 0; i < N; i++) {
        l_in[i] = (int64_t)(noise(&seed) * FULL * 0.5);
        r_in[i] = (int64_t)(noise(&seed) * FULL * 0.5);
    }
    run(100, 0);
    int exact = memcmp(l_out, l_in, sizeof l_in) == 0 && memcmp(r_out, r_in, sizeof r_in) == 0;
    printf("width 100 %%, mono-below off: bit-exact (%s)\n", exact ? "yes" : "no");
    check(exact, "width 100 % bit-exact");

    static const int cutoffs[] = { 60, 100, 150, 200 };
    double worst_side = -INFINITY, worst_mid = 0.0;
    for (int c = 0; c < 4; c++) {
        double half = cutoffs[c] / 2.0;
        for (int i = 0; i < N; i++) {
            double side = 0.25 * sin(2 * M_PI * half * i / FS), mid = 0.25 * sin(2 * M_PI * 1.7 * half * i / FS);
            l_in[i] = (int64_t)llrint((mid + side) * FULL);
            r_in[i] = (int64_t)llrint((mid - side) * FULL);
        }
        run(100, cutoffs[c]);
        int64_t s_out[N], m_out[N], m_in[N];
        for (int i = 0; i < N; i++) {
            s_out[i] = (l_out[i] - r_out[i]) / 2;
            m_out[i] = l_out[i] + r_out[i];
            m_in[i] = l_in[i] + r_in[i];
        }
        double side_db = db(tone(s_out, half) / 0.25);
        double mid_db = db(tone(m_out, 1.7 * half) / tone(m_in, 1.7 * half));
        int mid_exact = memcmp(m_out, m_in, sizeof m_in) == 0;
        printf("mono below %d Hz: side at %.0f Hz %.2f dB, mid %.5f dB (%s)\n", cutoffs[c], half, side_db, mid_db,
               mid_exact ? "bit-exact" : "not bit-exact");
        worst_side = fmax(worst_side, side_db);
        worst_mid = fmax(worst_mid, fabs(mid_db));
        check(side_db <= -24.0, "side at half the cut-off down >= 24 dB");
        check(fabs(mid_db) <= 0.01, "mid unchanged");
    }
    printf("mono-below: side at half the cut-off at most %.2f dB (limit -24), mid within %.5f dB (limit 0.01)\n",
           worst_side, worst_mid);

    for (int i = 0; i < N; i++) {
        l_in[i] = (int64_t)llrint(0.3 * sin(2 * M_PI * 1000.0 * i / FS) * FULL);
        r_in[i] = (int64_t)llrint(0.1 * sin(2 * M_PI * 1000.0 * i / FS) * FULL);
    }
    run(0, 0);
    int64_t worst_mono = 0;
    for (int i = 0; i < N; i++) worst_mono = llabs(l_out[i] - r_out[i]) > worst_mono ? llabs(l_out[i] - r_out[i]) : worst_mono;
    run(200, 0);
    double wide = tone(l_out, 1000.0), narrow = tone(r_out, 1000.0);
    printf("width 0 %%: |L - R| at most %lld LSB (Q31); width 200 %%: L %.4f, R %.4f (want 0.4, 0.0)\n",
           (long long)worst_mono, wide, narrow);
    check(worst_mono <= 512, "width 0 is mono");
    check(fabs(wide - 0.4) < 1e-4 && narrow < 1e-4, "width 200 doubles the side");

    for (int i = 0; i < N; i++) {
        l_in[i] = (i / 300) % 2 ? ((int64_t)1 << 35) : -((int64_t)1 << 35);
        r_in[i] = -l_in[i];
    }
    run(200, 200);
    printf("full scale (+24 dBFS, opposite polarity) at 200 %% with mono-below: no wrap\n");
    printf(failures ? "FAILED (%d)\n" : "all passed\n", failures);
    return failures ? 1 : 0;
}
