/* The loopback self-test's analyser against an independent double computation:
 * the test plays the generator through its own "analogue" path (a windowed-sinc
 * fractional delay, a gain, a cubic distortion, the ADC's 24-bit clip) and checks
 * the figures the module reports against what that path must give. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loopback_test.h"
#include "mixbox_engine.h"

#define RATE 48000u
#define CHANNELS 8u
#define BLOCK 7u /* an odd block: the test must not depend on block boundaries */
#define HALF_TAPS 16
#define HISTORY 4096

static int failures;

#define CHECK(cond, ...) do { if (!(cond)) { printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); failures++; } } while (0)

typedef struct {
    double delay, gain, cubic, clip_at; /* clip_at: 0 = none */
} analogue_path_t;

static double windowed_sinc(double t)
{
    if (fabs(t) >= HALF_TAPS + 1) return 0.0;
    double window = 0.5 + 0.5 * cos(M_PI * t / (HALF_TAPS + 1)); /* Hann */
    return t == 0.0 ? 1.0 : sin(M_PI * t) / (M_PI * t) * window;
}

static mixbox_loopback_t test;
static double history[HISTORY];

/* Runs a whole test through `path` (NULL: no cable) and returns the result. */
static mixbox_loopback_result_t run(const analogue_path_t *path)
{
    memset(history, 0, sizeof history);
    CHECK(mixbox_loopback_start(&test, RATE) == MIXBOX_OK, "start");
    mixbox_q31_t input[BLOCK * CHANNELS], output[BLOCK * 2];
    long n = 0;
    int done = 0;
    for (int guard = 0; !done && guard < 100000; guard++) {
        for (unsigned i = 0; i < BLOCK; i++, n++) {
            for (unsigned c = 0; c < CHANNELS; c++) input[i * CHANNELS + c] = (mixbox_q31_t)(0x1000 * c); /* other inputs: ignored */
            double y = 0.0;
            if (path != NULL) {
                long whole = (long)floor(path->delay);
                double fraction = path->delay - (double)whole;
                for (int k = -HALF_TAPS; k <= HALF_TAPS; k++) {
                    long m = n - whole - k;
                    if (m >= 0 && m > n - HISTORY) y += history[m % HISTORY] * windowed_sinc((double)k - fraction);
                }
                y = path->gain * (y + path->cubic * y * y * y);
                if (path->clip_at > 0.0 && y > path->clip_at) y = path->clip_at;
                if (path->clip_at > 0.0 && y < -path->clip_at) y = -path->clip_at;
            }
            long long code = llround(y * 8388608.0); /* the ADC's 24 bits */
            if (code > 8388607) code = 8388607;
            if (code < -8388608) code = -8388608;
            input[i * CHANNELS] = (mixbox_q31_t)(code * 256);
        }
        n -= BLOCK;
        int32_t status = mixbox_loopback_process(&test, input, CHANNELS, output, BLOCK);
        CHECK(status >= 0, "process %d", status);
        done = status == 1;
        for (unsigned i = 0; i < BLOCK; i++, n++) {
            CHECK(output[2 * i] == output[2 * i + 1], "L = R");
            history[n % HISTORY] = (double)output[2 * i] / 2147483648.0;
        }
    }
    CHECK(done, "the test never finished");
    mixbox_loopback_result_t result;
    CHECK(mixbox_loopback_result(&test, &result) == MIXBOX_OK, "result");
    return result;
}

static double db(double ratio) { return 20.0 * log10(ratio); }

int main(void)
{
    /* The marker is a maximal-length sequence: period 255, 128 ones. */
    uint32_t reg = LOOPBACK_MLS_SEED;
    int ones = 0;
    for (int k = 0; k < 255; k++) ones += mixbox_loopback_mls_chip(&reg) > 0;
    CHECK(reg == LOOPBACK_MLS_SEED && ones == 128, "MLS period/balance: reg %u ones %d", reg, ones);

    mixbox_loopback_result_t before;
    CHECK(mixbox_loopback_start(&test, RATE) == MIXBOX_OK && mixbox_loopback_result(&test, &before) == MIXBOX_OK
          && before.status == MIXBOX_LOOPBACK_RUNNING, "a test just started is running");

    /* Delay 40.3 samples, -0.5 dB, a cubic term giving a -60 dB third harmonic. */
    const double amplitude = 0.5, gain = pow(10.0, -0.5 / 20.0);
    const double cubic = 4.0 * 1e-3 / (amplitude * amplitude);
    analogue_path_t path = { 40.3, gain, cubic, 0.0 };
    mixbox_loopback_result_t r = run(&path);
    /* Independent: x = A sin -> x + c x^3 = (A + 3cA^3/4) sin - (cA^3/4) sin 3wt. */
    double fundamental = amplitude + 0.75 * cubic * amplitude * amplitude * amplitude;
    double third = 0.25 * cubic * amplitude * amplitude * amplitude;
    double expected_level_db = db(gain * fundamental), expected_thd_n_db = db(third / fundamental);
    printf("distorted: status %d latency %.2f samples (40.30) level %.2f dB (%.2f) gain %.2f dB THD+N %.2f dB (%.2f)\n",
           r.status, r.latency_centisamples / 100.0, r.level_cdb / 100.0, expected_level_db, r.gain_cdb / 100.0,
           r.thd_n_cdb / 100.0, expected_thd_n_db);
    CHECK(r.status == MIXBOX_LOOPBACK_OK, "status %d", r.status);
    CHECK(abs(r.latency_centisamples - 4030) <= 10, "latency %d", r.latency_centisamples);
    CHECK(fabs(r.level_cdb / 100.0 - expected_level_db) <= 0.05, "level %d", r.level_cdb);
    CHECK(fabs(r.thd_n_cdb / 100.0 - expected_thd_n_db) <= 0.5, "THD+N %d", r.thd_n_cdb);

    /* Clean: only the 24-bit quantisation remains. */
    analogue_path_t clean = { 20.0, 1.0, 0.0, 0.0 }; /* the sinc kernel reaches 16 samples ahead */
    r = run(&clean);
    printf("clean: status %d latency %.2f samples (20.00) level %.2f dB gain %.2f dB THD+N %.2f dB\n",
           r.status, r.latency_centisamples / 100.0, r.level_cdb / 100.0, r.gain_cdb / 100.0, r.thd_n_cdb / 100.0);
    CHECK(r.status == MIXBOX_LOOPBACK_OK && abs(r.latency_centisamples - 2000) <= 2 && abs(r.gain_cdb) <= 1 && r.thd_n_cdb < -12000,
          "clean loop");

    /* The parabola's error over the fractions of a sample: within 0.1 sample. */
    int worst = 0;
    for (int quarter = 0; quarter < 8; quarter++) {
        analogue_path_t delayed = { 30.0 + quarter / 8.0, gain, 0.0, 0.0 };
        r = run(&delayed);
        int error = abs(r.latency_centisamples - (int)lround(delayed.delay * 100.0));
        if (error > worst) worst = error;
        CHECK(r.status == MIXBOX_LOOPBACK_OK && error <= 10, "delay %.3f: latency %d", delayed.delay, r.latency_centisamples);
    }
    printf("fractional delays 30.000..30.875: worst latency error %.2f samples\n", worst / 100.0);

    /* +8 dB into the ADC's full scale: clipped, and the THD+N shows it. */
    analogue_path_t hot = { 40.3, pow(10.0, 8.0 / 20.0), 0.0, 1.0 };
    r = run(&hot);
    printf("clipped: status %d latency %.2f samples level %.2f dB THD+N %.2f dB\n",
           r.status, r.latency_centisamples / 100.0, r.level_cdb / 100.0, r.thd_n_cdb / 100.0);
    CHECK(r.status == MIXBOX_LOOPBACK_CLIPPED && r.thd_n_cdb > -4000, "clipped loop");

    /* No cable: input 1 silent. */
    r = run(NULL);
    printf("no cable: status %d\n", r.status);
    CHECK(r.status == MIXBOX_LOOPBACK_NO_SIGNAL, "no cable status %d", r.status);

    CHECK(mixbox_loopback_start(NULL, RATE) == MIXBOX_ERR_NULL && mixbox_loopback_start(&test, 7999u) == MIXBOX_ERR_SAMPLE_RATE,
          "refusals");
    printf("%s\n", failures == 0 ? "loopback: all passed" : "loopback: FAILED");
    return failures == 0 ? 0 : 1;
}
