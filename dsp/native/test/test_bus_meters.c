/* The engine's octave analyser and correlation meter (mixbox_spectrum_read,
 * mixbox_correlation_read) against what their definitions and independent
 * double models say, and against the peers: sox's pink noise for the
 * analyser, ffmpeg's aphasemeter for the correlation. The engine runs two
 * channels panned hard left and right at 0 dB, so the output is the input
 * bit for bit. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "meter_filter_design.h"
#include "mixbox_engine.h"

static int failures;

#define CHECK(cond, ...) do { if (!(cond)) { printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); failures++; } } while (0)

#define MAX_BLOCK 256u

static mixbox_engine_t engine;

/* Gives the next stereo frame (doubles, full scale 1.0) of a test signal. */
typedef void (*signal_fn)(void *state, long n, double *left, double *right);

static void start(uint32_t rate, int analyser, int slow, int correlation)
{
    CHECK(mixbox_init(&engine, rate, 2u) == MIXBOX_OK, "init");
    mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_PAN, 0u, -100);
    mixbox_set_param(&engine, MIXBOX_PARAM_CHANNEL_PAN, 1u, 100);
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_ANALYSER_ON, 0u, analyser) == MIXBOX_OK, "analyser on");
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_ANALYSER_SLOW, 0u, slow) == MIXBOX_OK, "analyser slow");
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_CORRELATION_ON, 0u, correlation) == MIXBOX_OK, "correlation on");
}

static mixbox_q31_t to_q31(double x)
{
    double v = floor(x * 8388608.0 + 0.5); /* 24-bit codes, as the converters deliver */
    if (v > 8388607.0) v = 8388607.0;
    if (v < -8388608.0) v = -8388608.0;
    return (mixbox_q31_t)((int32_t)v * 256);
}

static long frames_done;

static void run(signal_fn signal, void *state, long frames, uint32_t block)
{
    static mixbox_q31_t in[MAX_BLOCK * 2u], out[MAX_BLOCK * 2u];
    for (long done = 0; done < frames;) {
        uint32_t n = (uint32_t)(frames - done < (long)block ? frames - done : (long)block);
        for (uint32_t i = 0; i < n; i++) {
            double l, r;
            signal(state, frames_done + done + (long)i, &l, &r);
            in[2u * i] = to_q31(l);
            in[2u * i + 1u] = to_q31(r);
        }
        CHECK(mixbox_process(&engine, in, 2u * n, out, 2u * n, n) == MIXBOX_OK, "process");
        done += n;
    }
    frames_done += frames;
}

/* ---- signals ---- */

typedef struct {
    double rate, hz, amplitude, fade_frames;
} sine_t;

static void sine(void *p, long n, double *l, double *r)
{
    const sine_t *s = p;
    double fade = n < s->fade_frames ? 0.5 - 0.5 * cos(M_PI * (double)n / s->fade_frames) : 1.0;
    *l = *r = fade * s->amplitude * sin(2.0 * M_PI * s->hz * (double)n / s->rate);
}

/* xorshift64* and Box-Muller: reproducible Gaussian noise. */
typedef struct {
    unsigned long long x;
} rng_t;

static double uniform(rng_t *g)
{
    g->x ^= g->x >> 12;
    g->x ^= g->x << 25;
    g->x ^= g->x >> 27;
    return ((double)((g->x * 2685821657736338717ull) >> 11) + 0.5) / 9007199254740992.0;
}

static double gaussian(rng_t *g)
{
    double u = uniform(g), v = uniform(g);
    return sqrt(-2.0 * log(u)) * cos(2.0 * M_PI * v);
}

/* L = a n1 + b n2, R = a n1 + c n2 (n1, n2 independent, sigma each). */
typedef struct {
    rng_t g;
    double a, b, c, sigma;
} mixed_noise_t;

static void mixed_noise(void *p, long n, double *l, double *r)
{
    mixed_noise_t *m = p;
    (void)n;
    double n1 = m->sigma * gaussian(&m->g), n2 = m->sigma * gaussian(&m->g);
    *l = m->a * n1 + m->b * n2;
    *r = m->a * n1 + m->c * n2;
}

/* ---- analyser ---- */

static const double band_centre_hz[MIXBOX_SPECTRUM_BANDS] = {
    31.25, 62.5, 125, 250, 500, 1000, 2000, 4000, 8000, 16000,
};

static int32_t band_reading(uint32_t band)
{
    mixbox_spectrum_reading_t r;
    CHECK(mixbox_spectrum_read(&engine, &r) == MIXBOX_OK, "spectrum read");
    return r.band_cdb[band];
}

/* A sine (faded in over 0.5 s, then 2.5 s steady) and one band's reading. */
static double sine_band_db(uint32_t rate, double hz, double amplitude, uint32_t band)
{
    start(rate, 1, 0, 0);
    sine_t s = { rate, hz, amplitude, 0.5 * rate };
    frames_done = 0;
    run(sine, &s, 3L * rate, 32u);
    return band_reading(band) / 100.0;
}

/* A sine at each band centre reads its RMS level within 0.2 dB. */
static void test_band_centres(uint32_t rate)
{
    for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) {
        if (band_centre_hz[b] / M_SQRT2 >= 0.45 * rate) continue;
        double amplitude = 0.3; /* -10.5 dBFS peak */
        double expected = 20.0 * log10(amplitude / M_SQRT2);
        double got = sine_band_db(rate, band_centre_hz[b], amplitude, b);
        CHECK(fabs(got - expected) <= 0.2, "%u Hz: band %g Hz reads %.2f dB, sine RMS %.2f dB", rate, band_centre_hz[b],
              got, expected);
    }
}

/* IEC 61260-1:2014 Table 1, class 1, octave-band filters (b = 1): limits
 * of the relative attenuation (dB) at Omega = G^x, G = 2 (base two). */
typedef struct {
    double x, min_db, max_db;
} mask_point_t;

static const mask_point_t class1_mask[] = {
    { 0.125, -0.4, 0.5 }, { 0.25, -0.4, 0.7 }, { 0.375, -0.4, 1.4 }, { 0.5, 1.2, 5.3 },
    { 1.0, 16.6, 1e9 }, { 2.0, 40.5, 1e9 }, { 3.0, 60.0, 1e9 }, { 4.0, 70.0, 1e9 },
};

/* Every band (band_step 1) or every band_step-th from the lowest. */
static void test_class1_mask(uint32_t rate, uint32_t band_step)
{
    for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b += band_step) {
        double fm = band_centre_hz[b];
        if (fm * M_SQRT2 >= 0.45 * rate) continue; /* the top band is a high-pass: no upper skirt */
        double centre = sine_band_db(rate, fm, 0.3, b);
        for (size_t k = 0; k < sizeof class1_mask / sizeof class1_mask[0]; k++) {
            for (int sign = -1; sign <= 1; sign += 2) {
                double f = fm * pow(2.0, sign * class1_mask[k].x);
                if (f >= 0.49 * rate || f < 2.0) continue;
                double attenuation = centre - sine_band_db(rate, f, 0.3, b);
                CHECK(attenuation >= class1_mask[k].min_db && attenuation <= class1_mask[k].max_db,
                      "%u Hz: band %g Hz at %g Hz (G^%+g): attenuation %.2f dB outside [%g, %g]", rate, fm, f,
                      sign * class1_mask[k].x, attenuation, class1_mask[k].min_db, class1_mask[k].max_db);
            }
        }
    }
}

/* The designs never let a section's output leave Q28: the sum of |h| of
 * every prefix of each cascade stays under 4 (8 is the limit). */
static void test_headroom(void)
{
    uint32_t rates[] = { 8000u, 44100u, 48000u, 96000u };
    for (size_t r = 0; r < 4; r++) {
        mixbox_engine_t *e = &engine;
        start(rates[r], 1, 0, 1);
        const mixbox_analyser_coeffs_t *c = &e->bus_meters.analyser.coeffs;
        for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) {
            for (uint32_t k = 0; c->sections[b] == 3u && k < 3u; k++) {
                /* meter_bandpass_step relies on the numerator b0 (1 - z^-2). */
                CHECK(c->section[b][k].b1 == 0 && c->section[b][k].b2 == -c->section[b][k].b0, "band-pass numerator");
            }
            if (c->sections[b] == 2u) {
                /* meter_highpass_real_step and meter_highpass_pair_step rely on these numerators. */
                const mixbox_meter_section_coeffs_t *q = c->section[b];
                CHECK(q[0].b1 == -q[0].b0 && q[0].b2 == 0 && q[0].a2 == 0, "high-pass first-order numerator");
                CHECK(q[1].b1 == -2 * q[1].b0 && q[1].b2 == q[1].b0, "high-pass pair numerator");
            }
            for (uint32_t upto = 1; upto <= c->sections[b]; upto++) {
                double state[3][4] = { { 0 } }, l1 = 0.0;
                for (int n = 0; n < 200000; n++) {
                    double x = n == 0 ? 1.0 : 0.0;
                    for (uint32_t s = 0; s < upto; s++) {
                        const mixbox_meter_section_coeffs_t *q = &c->section[b][s];
                        double k = 1.0 / 1073741824.0;
                        double y = k * (q->b0 * x + q->b1 * state[s][0] + q->b2 * state[s][1] - q->a1 * state[s][2] -
                                        q->a2 * state[s][3]);
                        state[s][1] = state[s][0];
                        state[s][0] = x;
                        state[s][3] = state[s][2];
                        state[s][2] = y;
                        x = y;
                    }
                    l1 += fabs(x);
                }
                CHECK(l1 < 4.0, "%u Hz band %u, %u sections: sum |h| = %.2f", rates[r], b, upto, l1);
                /* The high-pass's pair section takes x - 2 x1 + x2 of the first one's output. */
                CHECK(c->sections[b] != 2u || upto != 1u || l1 < 1.1, "%u Hz band %u: first-order sum |h| = %.3f",
                      rates[r], b, l1);
            }
        }
    }
}

/* Readings after the same frames do not depend on the block size. */
static void test_block_sizes(void)
{
    uint32_t blocks[] = { 1u, 32u, 128u };
    mixbox_spectrum_reading_t first_s, s;
    mixbox_correlation_sums_t first_c, c;
    for (size_t k = 0; k < 3; k++) {
        start(48000u, 1, 0, 1);
        mixed_noise_t noise = { { 0x9E3779B97F4A7C15ull }, 0.6, 0.5, -0.3, 0.1 };
        frames_done = 0;
        run(mixed_noise, &noise, 48000L + 123L, blocks[k]);
        mixbox_spectrum_read(&engine, &s);
        mixbox_correlation_sums_read(&engine, &c);
        if (k == 0) {
            first_s = s;
            first_c = c;
            continue;
        }
        CHECK(memcmp(&first_s, &s, sizeof s) == 0, "block %u: spectrum differs from block 1", blocks[k]);
        CHECK(memcmp(&first_c, &c, sizeof c) == 0, "block %u: correlation sums differ from block 1", blocks[k]);
    }
}

/* sox's pink noise (equal energy per octave) reads flat: each band within
 * 0.5 dB of the bands' mean, power-averaged over 40 s of readings. */
static void test_pink_noise(uint32_t rate)
{
    char command[256];
    snprintf(command, sizeof command,
             "sox -R -n -r %u -b 24 -e signed -t raw - synth 45 pinknoise vol 0.25 2>/dev/null", rate);
    FILE *pipe = popen(command, "r");
    CHECK(pipe != NULL, "sox");
    if (pipe == NULL) return;
    start(rate, 1, 0, 0);
    static mixbox_q31_t in[64], out[64];
    double power[MIXBOX_SPECTRUM_BANDS] = { 0 };
    long frames = 0, reads = 0;
    unsigned char bytes[3 * 32];
    size_t got;
    while ((got = fread(bytes, 3, 32, pipe)) > 0) {
        for (size_t i = 0; i < got; i++) {
            int32_t v = (int32_t)((uint32_t)bytes[3 * i] << 8 | (uint32_t)bytes[3 * i + 1] << 16 | (uint32_t)bytes[3 * i + 2] << 24);
            in[2 * i] = in[2 * i + 1] = v; /* L = R: the mono sum is the noise */
        }
        mixbox_process(&engine, in, 2u * got, out, 2u * got, (uint32_t)got);
        frames += (long)got;
        if (frames >= 5L * rate && frames % (rate / 10u) < (long)got) {
            mixbox_spectrum_reading_t r;
            mixbox_spectrum_read(&engine, &r);
            for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) power[b] += pow(10.0, r.band_cdb[b] / 1000.0);
            reads++;
        }
    }
    pclose(pipe);
    CHECK(reads > 100, "pink noise: %ld reads", reads);
    double db[MIXBOX_SPECTRUM_BANDS], mean = 0.0;
    uint32_t used = 0;
    for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) {
        db[b] = 10.0 * log10(power[b] / (double)reads);
        if (band_centre_hz[b] * M_SQRT2 < 0.45 * rate) {
            mean += db[b];
            used++;
        }
    }
    mean /= used;
    for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) {
        if (band_centre_hz[b] * M_SQRT2 >= 0.45 * rate) continue;
        CHECK(fabs(db[b] - mean) <= 0.5, "%u Hz pink noise: band %g Hz %.2f dB, mean %.2f dB", rate, band_centre_hz[b],
              db[b], mean);
    }
    printf("pink noise %u Hz:", rate);
    for (uint32_t b = 0; b < MIXBOX_SPECTRUM_BANDS; b++) printf(" %.2f", db[b] - mean);
    printf("\n");
}

/* ---- correlation ---- */

static mixbox_correlation_reading_t correlation_of(mixed_noise_t noise, uint32_t rate, double seconds)
{
    start(rate, 0, 0, 1);
    frames_done = 0;
    run(mixed_noise, &noise, (long)(seconds * rate), 32u);
    mixbox_correlation_reading_t r;
    CHECK(mixbox_correlation_read(&engine, &r) == MIXBOX_OK, "correlation read");
    return r;
}

static void test_correlation_extremes(void)
{
    mixed_noise_t same = { { 1ull }, 1.0, 0.0, 0.0, 0.1 };
    mixbox_correlation_reading_t r = correlation_of(same, 48000u, 1.0);
    CHECK(r.correlation_x10000 == 10000, "L = R: %d", r.correlation_x10000);
    CHECK(r.low_correlation_x10000 == 10000, "L = R below 150 Hz: %d", r.low_correlation_x10000);
    CHECK(r.width_cdb == MIXBOX_METER_SILENCE_CDB, "L = R: width %d", r.width_cdb);
    mixed_noise_t opposite = { { 2ull }, 0.0, 1.0, -1.0, 0.1 };
    r = correlation_of(opposite, 48000u, 1.0);
    CHECK(r.correlation_x10000 == -10000, "L = -R: %d", r.correlation_x10000);
    CHECK(r.low_correlation_x10000 == -10000, "L = -R below 150 Hz: %d", r.low_correlation_x10000);
    CHECK(r.width_cdb == -MIXBOX_METER_SILENCE_CDB, "L = -R: width %d", r.width_cdb);
}

/* Independent sides read 0 within 0.05 at every read (L = a n1 + b n2,
 * R = a n1 - b n2 with a = b: uncorrelated Gaussian, so independent; over
 * 300 ms of white noise the estimate's spread is about 0.006). */
static void test_correlation_uncorrelated(void)
{
    double a = sqrt(0.5);
    mixed_noise_t noise = { { 3ull }, a, a, -a, 0.1 };
    start(48000u, 0, 0, 1);
    frames_done = 0;
    run(mixed_noise, &noise, 48000L, 32u);
    for (int t = 0; t < 20; t++) {
        run(mixed_noise, &noise, 4800L, 32u);
        mixbox_correlation_reading_t r;
        mixbox_correlation_read(&engine, &r);
        CHECK(abs(r.correlation_x10000) <= 500, "independent sides: %d", r.correlation_x10000);
        CHECK(abs(r.width_cdb) <= 100, "independent sides of equal level: width %d cdB", r.width_cdb);
    }
}

/* The double model: the same segment sums of the same 24-bit samples,
 * averaged the same way, Pearson's r from them. */
typedef struct {
    double seg[3], avg[3];
} model_t;

static void test_correlation_model(void)
{
    const uint32_t rate = 48000u;
    double rhos[] = { -0.8, -0.3, 0.0, 0.4, 0.9 };
    for (size_t k = 0; k < 5; k++) {
        double rho = rhos[k];
        /* L = a n1 + b n2, R = a n1 - b n2: correlation (a^2 - b^2) / (a^2 + b^2). */
        double a = sqrt((1.0 + rho) / 2.0), b = sqrt((1.0 - rho) / 2.0);
        mixed_noise_t noise = { { 77ull + k }, a, b, -b, 0.1 };
        mixed_noise_t copy = noise;
        start(rate, 0, 0, 1);
        frames_done = 0;
        long frames = 2L * rate;
        run(mixed_noise, &noise, frames, 32u);
        mixbox_correlation_reading_t r;
        mixbox_correlation_read(&engine, &r);
        model_t m = { { 0 }, { 0 } };
        double alpha = 1.0 - exp(-1.0 / 30.0);
        for (long n = 0; n < frames; n++) {
            double l, rr;
            mixed_noise(&copy, n, &l, &rr);
            double lq = (double)(to_q31(l) >> 8), rq = (double)(to_q31(rr) >> 8);
            m.seg[0] += lq * lq;
            m.seg[1] += rq * rq;
            m.seg[2] += lq * rq;
            if ((n + 1) % 480 == 0) {
                for (int i = 0; i < 3; i++) {
                    m.avg[i] += (m.seg[i] - m.avg[i]) * alpha;
                    m.seg[i] = 0.0;
                }
            }
        }
        double model = m.avg[2] / sqrt(m.avg[0] * m.avg[1]);
        CHECK(fabs(r.correlation_x10000 / 10000.0 - model) <= 0.0002, "rho %.1f: engine %.4f, model %.4f", rho,
              r.correlation_x10000 / 10000.0, model);
        double width = 10.0 * log10((m.avg[0] + m.avg[1] - 2 * m.avg[2]) / (m.avg[0] + m.avg[1] + 2 * m.avg[2]));
        CHECK(fabs(r.width_cdb / 100.0 - width) <= 0.02, "rho %.1f: width %.2f dB, model %.2f dB", rho, r.width_cdb / 100.0,
              width);
        CHECK(fabs(model - rho) <= 0.06, "rho %.1f: model reads %.3f over 300 ms", rho, model);
    }
}

/* Correlated bass, anti-correlated treble of the same energy: the full band
 * reads about 0, the band below 150 Hz +1. */
typedef struct {
    double rate, treble_hz;
} bass_treble_t;

static void bass_treble(void *p, long n, double *l, double *r)
{
    bass_treble_t *s = p;
    double bass = 0.2 * sin(2.0 * M_PI * 60.0 * (double)n / s->rate);
    double treble = 0.2 * sin(2.0 * M_PI * s->treble_hz * (double)n / s->rate);
    *l = bass + treble;
    *r = bass - treble;
}

/* Treble at 3 kHz, and just under fs/8, where the coarse [1 2 1] halvings
 * fold it nearest to DC (the third halving's Nyquist): both stay out of the
 * low band. */
static void test_low_band(uint32_t rate)
{
    double trebles[] = { 3000.0, rate / 8.0 - 50.0 };
    for (int k = 0; k < 2; k++) {
        start(rate, 0, 0, 1);
        bass_treble_t s = { rate, trebles[k] };
        frames_done = 0;
        run(bass_treble, &s, 2L * rate, 32u);
        mixbox_correlation_reading_t r;
        mixbox_correlation_read(&engine, &r);
        CHECK(r.low_correlation_x10000 >= 9900, "%u Hz, treble %g Hz: below 150 Hz %d", rate, trebles[k], r.low_correlation_x10000);
        CHECK(abs(r.correlation_x10000) <= 500, "%u Hz, treble %g Hz: full band %d", rate, trebles[k], r.correlation_x10000);
    }
}

/* ---- against ffmpeg's aphasemeter ----
 * aphasemeter (libavfilter/avf_aphasemeter.c, filter_frame) reports, per audio
 * frame, the mean over its samples of 2 l r / (l^2 + r^2) (a silent sample, 0/0,
 * counts as +1; the test signals have none): not Pearson's r but a mean
 * of per-sample ratios. The two agree at -1, 0 and +1. For Gaussian sides of
 * correlation rho, with u = (l + r) / sqrt 2 and v = (l - r) / sqrt 2
 * independent of variances 1 + rho and 1 - rho, 2 l r / (l^2 + r^2) =
 * (u^2 - v^2) / (u^2 + v^2), whose mean is (su - sv) / (su + sv), su and sv
 * the standard deviations: that mapping takes our r to aphasemeter's mean. */
static double aphasemeter_mapping(double rho)
{
    double su = sqrt(1.0 + rho), sv = sqrt(1.0 - rho);
    return (su - sv) / (su + sv);
}

static double aphasemeter_mean(const char *path, uint32_t rate)
{
    char command[512];
    snprintf(command, sizeof command,
             "ffmpeg -v error -f s32le -ar %u -ac 2 -i %s -af aphasemeter=video=0,ametadata=mode=print:file=- -f null - 2>/dev/null",
             rate, path);
    FILE *pipe = popen(command, "r");
    if (pipe == NULL) return NAN;
    char line[256];
    double sum = 0.0;
    long count = 0;
    while (fgets(line, sizeof line, pipe) != NULL) {
        const char *key = strstr(line, "lavfi.aphasemeter.phase=");
        if (key != NULL) {
            sum += atof(key + strlen("lavfi.aphasemeter.phase="));
            count++;
        }
    }
    pclose(pipe);
    return count > 0 ? sum / (double)count : NAN;
}

static void test_aphasemeter(void)
{
    const uint32_t rate = 48000u;
    double rhos[] = { -1.0, -0.5, 0.0, 0.5, 1.0 };
    for (size_t k = 0; k < 5; k++) {
        double rho = rhos[k], a = sqrt((1.0 + rho) / 2.0), b = sqrt((1.0 - rho) / 2.0);
        mixed_noise_t noise = { { 1234ull + k }, a, b, -b, 0.1 };
        mixed_noise_t copy = noise;
        /* The file: 10 s, the same samples the engine gets. */
        /* Per process: test runs side by side must not share the file. */
        char path[64];
        snprintf(path, sizeof path, "/tmp/mixbox_test_aphasemeter.%ld.raw", (long)getpid());
        FILE *f = fopen(path, "wb");
        CHECK(f != NULL, "temp file");
        if (f == NULL) return;
        long frames = 10L * rate;
        for (long n = 0; n < frames; n++) {
            double l, r;
            mixed_noise(&copy, n, &l, &r);
            int32_t s[2] = { to_q31(l), to_q31(r) };
            fwrite(s, sizeof s[0], 2, f);
        }
        fclose(f);
        double peer = aphasemeter_mean(path, rate);
        CHECK(!isnan(peer), "ffmpeg aphasemeter gave nothing");
        /* Our reading, averaged over the file's last 9 s like the peer's mean. */
        start(rate, 0, 0, 1);
        frames_done = 0;
        run(mixed_noise, &noise, rate, 32u);
        double sum = 0.0;
        int reads = 0;
        for (int t = 0; t < 90; t++) {
            run(mixed_noise, &noise, rate / 10, 32u);
            mixbox_correlation_reading_t r;
            mixbox_correlation_read(&engine, &r);
            sum += r.correlation_x10000 / 10000.0;
            reads++;
        }
        double ours = sum / reads;
        double expected = aphasemeter_mapping(ours);
        CHECK(fabs(expected - peer) <= 0.02, "rho %.1f: ours %.4f (mapped %.4f), aphasemeter %.4f", rho, ours, expected,
              peer);
        printf("aphasemeter rho %+.1f: ours %+.4f mapped %+.4f aphasemeter %+.4f\n", rho, ours, expected, peer);
        remove(path);
    }
}

static void test_off(void)
{
    start(48000u, 0, 0, 0);
    mixed_noise_t noise = { { 9ull }, 0.5, 0.5, -0.5, 0.1 };
    frames_done = 0;
    run(mixed_noise, &noise, 4800, 32u);
    mixbox_spectrum_reading_t s;
    mixbox_spectrum_read(&engine, &s);
    CHECK(s.on == 0 && s.band_cdb[5] == MIXBOX_METER_SILENCE_CDB, "analyser off reads silence");
    mixbox_correlation_reading_t c;
    mixbox_correlation_read(&engine, &c);
    CHECK(c.on == 0 && c.correlation_x10000 == 0 && c.width_cdb == MIXBOX_METER_SILENCE_CDB, "correlation off");
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_ANALYSER_SLOW, 0u, 2) == MIXBOX_ERR_VALUE, "slow 2 refused");
    CHECK(mixbox_set_param(&engine, MIXBOX_PARAM_CORRELATION_ON, 0u, -1) == MIXBOX_ERR_VALUE, "on -1 refused");
}

int main(int argc, char **argv)
{
    int quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
    test_off();
    test_headroom();
    test_block_sizes();
    test_correlation_extremes();
    test_correlation_uncorrelated();
    test_correlation_model();
    test_low_band(44100u);
    test_low_band(48000u);
    test_low_band(96000u);
    test_band_centres(48000u);
    test_band_centres(44100u);
    test_band_centres(96000u);
    if (!quick) {
        test_class1_mask(48000u, 1u);
        test_class1_mask(44100u, 4u); /* 31.25 Hz, 500 Hz, 8 kHz: the bottom, middle and top rates */
        test_class1_mask(96000u, 4u);
        test_pink_noise(48000u);
        test_aphasemeter();
    }
    if (failures == 0) printf("bus meters: all passed\n");
    return failures == 0 ? 0 : 1;
}
