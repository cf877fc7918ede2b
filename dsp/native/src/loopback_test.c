#include "loopback_test.h"

#include "control_math.h"
#include "level_db.h"
#include "mixbox_engine.h"
#include "q31_math.h"

#define LOOPBACK_MAGIC 0x4C4F4F50u /* "LOOP" */
#define FULL_SCALE 2147483648.0
/* The converters' full-scale code, 24-bit left-justified (as the channel meters). */
#define INPUT_CLIP_CODE 0x7FFFFF00
/* Below this the tone did not come back: no cable, or the wrong input. */
#define NO_SIGNAL_LEVEL_CDB (-6000)
/* A marker peak this far under what the tone's gain predicts is noise, not the marker. */
#define MARKER_PEAK_FRACTION 0.25

int32_t mixbox_loopback_mls_chip(uint32_t *shift_register)
{
    uint32_t r = *shift_register;
    uint32_t out = r & 1u;
    /* Fibonacci form of x^8 + x^6 + x^5 + x^4 + 1: taps at bits 0, 2, 3, 4. */
    uint32_t feedback = (r ^ (r >> 2) ^ (r >> 3) ^ (r >> 4)) & 1u;
    *shift_register = (r >> 1) | (feedback << 7);
    return out != 0u ? 1 : -1;
}

/* Next sample of the smoothed marker, (c[n] + 2 c[n-1] + c[n-2]) / 4 in units of
 * one quarter of the peak: -4..4. `k` counts frames from 0; chips stop after 255. */
static int32_t marker_quarters(uint32_t *shift_register, int32_t chips[2], uint32_t k)
{
    int32_t chip = k < MIXBOX_LOOPBACK_MLS_FRAMES ? mixbox_loopback_mls_chip(shift_register) : 0;
    int32_t quarters = chip + 2 * chips[0] + chips[1];
    chips[1] = chips[0];
    chips[0] = chip;
    return quarters;
}

uint32_t mixbox_loopback_size(void)
{
    return (uint32_t)sizeof(mixbox_loopback_t);
}

mixbox_status_t mixbox_loopback_start(mixbox_loopback_t *test, uint32_t sample_rate_hz)
{
    if (test == NULL) return MIXBOX_ERR_NULL;
    if (sample_rate_hz < MIXBOX_MIN_SAMPLE_RATE || sample_rate_hz > MIXBOX_MAX_SAMPLE_RATE) return MIXBOX_ERR_SAMPLE_RATE;

    uint32_t period = (sample_rate_hz + 500u) / 1000u; /* whole frames per cycle: ~1 kHz */
    uint32_t cycles = MIXBOX_LOOPBACK_SINE_CAPTURE_FRAMES / period;
    uint32_t lead_in = MIXBOX_LOOPBACK_MAX_LATENCY_FRAMES;

    test->magic = 0u; /* not valid while being rewritten */
    test->sample_rate = sample_rate_hz;
    test->frame = 0u;
    test->mls_register = LOOPBACK_MLS_SEED;
    test->chips[0] = 0;
    test->chips[1] = 0;
    test->sine_period = period;
    test->sine_capture_frames = cycles * period;
    test->sine_start = lead_in + MIXBOX_LOOPBACK_MARKER_FRAMES + MIXBOX_LOOPBACK_MAX_LATENCY_FRAMES;
    /* The tone has travelled back (at most MAX_LATENCY) and the filters have settled (10 ms). */
    test->sine_capture_start = test->sine_start + MIXBOX_LOOPBACK_MAX_LATENCY_FRAMES + sample_rate_hz / 100u;
    test->end = test->sine_capture_start + test->sine_capture_frames;
    test->clipped = 0u;
    for (uint32_t n = 0; n < MIXBOX_LOOPBACK_MAX_PERIOD; n++) {
        double phase = 2.0 * CM_PI * (double)(n % period) / (double)period;
        /* Rounded to 24 bits: a clean DAC code. */
        long long code = mixbox_control_round(mixbox_control_sin(phase) * (double)LOOPBACK_TONE_AMPLITUDE_Q31 / 256.0);
        test->sine[n] = (q31_t)(code * 256);
    }
    test->magic = LOOPBACK_MAGIC;
    return MIXBOX_OK;
}

/* The signal played at `frame`: silence, a marker chip or the tone. */
static q31_t test_signal(mixbox_loopback_t *test, uint32_t frame)
{
    uint32_t marker_start = MIXBOX_LOOPBACK_MAX_LATENCY_FRAMES;
    if (frame >= marker_start && frame < marker_start + MIXBOX_LOOPBACK_MARKER_FRAMES) {
        return marker_quarters(&test->mls_register, test->chips, frame - marker_start) * LOOPBACK_MARKER_QUARTER_Q31;
    }
    if (frame >= test->sine_start && frame < test->end) {
        return test->sine[(frame - test->sine_start) % test->sine_period];
    }
    return 0;
}

static void capture(mixbox_loopback_t *test, uint32_t frame, q31_t sample)
{
    /* The marker window opens one frame early, so a zero latency still has a
     * neighbour on both sides for the peak's interpolation. */
    uint32_t marker_open = MIXBOX_LOOPBACK_MAX_LATENCY_FRAMES - 1u;
    if (frame >= marker_open && frame - marker_open < MIXBOX_LOOPBACK_MARKER_CAPTURE_FRAMES) {
        test->marker_capture[frame - marker_open] = sample;
    } else if (frame >= test->sine_capture_start && frame < test->end) {
        test->sine_capture[frame - test->sine_capture_start] = sample;
    } else {
        return; /* outside both windows: what comes back is not measured */
    }
    if (sample >= INPUT_CLIP_CODE || sample <= -INPUT_CLIP_CODE) test->clipped = 1u;
}

int32_t mixbox_loopback_process(mixbox_loopback_t *test, const q31_t *input_channel_1, size_t stride,
                                q31_t *stereo_output, uint32_t frames)
{
    if (test == NULL || input_channel_1 == NULL || stereo_output == NULL) return MIXBOX_ERR_NULL;
    if (test->magic != LOOPBACK_MAGIC) return MIXBOX_ERR_NOT_INITIALISED;
    if (stride == 0u) return MIXBOX_ERR_CHANNEL_COUNT;
    for (uint32_t i = 0; i < frames; i++) {
        uint32_t frame = test->frame;
        q31_t out = test_signal(test, frame);
        stereo_output[2u * i] = out;
        stereo_output[2u * i + 1u] = out;
        capture(test, frame, input_channel_1[(size_t)i * stride]);
        if (frame < test->end) test->frame = frame + 1u;
    }
    return test->frame >= test->end ? 1 : 0;
}

/* 10 log10(ratio) in cdB (an energy ratio, at most 2^7), via the meters' log2. */
static int32_t energy_ratio_to_cdb(double ratio)
{
    if (!(ratio > 0.0)) return MIXBOX_METER_SILENCE_CDB;
    if (ratio > 128.0) ratio = 128.0;
    double scaled = ratio * 72057594037927936.0; /* 2^56 */
    if (scaled < 1.0) return MIXBOX_METER_SILENCE_CDB;
    double log2_value = (double)mixbox_log2_q16((uint64_t)scaled) / 65536.0 - 56.0;
    long long cdb = mixbox_control_round(log2_value * 301.0299956639812);
    return cdb < MIXBOX_METER_SILENCE_CDB ? MIXBOX_METER_SILENCE_CDB : (int32_t)cdb;
}

/* Cross-correlation of the marker as sent with what came back, lag `lag`
 * (-1..MAX_LATENCY). */
static double marker_correlation(const mixbox_loopback_t *test, int32_t lag)
{
    uint32_t shift_register = LOOPBACK_MLS_SEED;
    int32_t chips[2] = { 0, 0 };
    double sum = 0.0;
    for (uint32_t k = 0; k < MIXBOX_LOOPBACK_MARKER_FRAMES; k++) {
        int32_t sent = marker_quarters(&shift_register, chips, k);
        sum += (double)sent * (double)test->marker_capture[(int32_t)k + lag + 1];
    }
    return sum / FULL_SCALE * ((double)LOOPBACK_MARKER_QUARTER_Q31 / FULL_SCALE);
}

/* The lag of the strongest correlation, refined by a parabola through it
 * and its neighbours; *peak gets the correlation there (signed). */
static double marker_latency(const mixbox_loopback_t *test, double *peak)
{
    int32_t best = 0;
    double best_value = 0.0;
    for (int32_t lag = 0; lag < (int32_t)MIXBOX_LOOPBACK_MAX_LATENCY_FRAMES; lag++) {
        double value = marker_correlation(test, lag);
        if (value * value > best_value * best_value) {
            best = lag;
            best_value = value;
        }
    }
    double sign = best_value < 0.0 ? -1.0 : 1.0;
    double before = sign * marker_correlation(test, best - 1);
    double at = sign * best_value;
    double after = sign * marker_correlation(test, best + 1);
    double curvature = before - 2.0 * at + after;
    double offset = curvature < 0.0 ? 0.5 * (before - after) / curvature : 0.0;
    *peak = at;
    return (double)best + offset;
}

typedef struct {
    double amplitude_squared; /* of the fundamental, re full scale */
    double thd_n_ratio;       /* residual energy / fundamental energy */
} sine_fit_t;

/* Least squares fit of DC + a sin + b cos at the tone's frequency: over whole
 * cycles the three are orthogonal, so each is a projection. */
static sine_fit_t fit_sine(const mixbox_loopback_t *test)
{
    uint32_t n = test->sine_capture_frames;
    double omega = 2.0 * CM_PI / (double)test->sine_period;
    double dc = 0.0, a = 0.0, b = 0.0;
    for (uint32_t i = 0; i < n; i++) {
        double x = (double)test->sine_capture[i] / FULL_SCALE;
        double phase = omega * (double)(i % test->sine_period);
        dc += x;
        a += x * mixbox_control_sin(phase);
        b += x * mixbox_control_cos(phase);
    }
    dc /= (double)n;
    a *= 2.0 / (double)n;
    b *= 2.0 / (double)n;
    double residual = 0.0;
    for (uint32_t i = 0; i < n; i++) {
        double x = (double)test->sine_capture[i] / FULL_SCALE;
        double phase = omega * (double)(i % test->sine_period);
        double r = x - dc - a * mixbox_control_sin(phase) - b * mixbox_control_cos(phase);
        residual += r * r;
    }
    sine_fit_t fit;
    fit.amplitude_squared = a * a + b * b;
    double fundamental = fit.amplitude_squared * 0.5 * (double)n;
    fit.thd_n_ratio = fundamental > 0.0 ? residual / fundamental : 0.0;
    return fit;
}

mixbox_status_t mixbox_loopback_result(const mixbox_loopback_t *test, mixbox_loopback_result_t *result)
{
    if (test == NULL || result == NULL) return MIXBOX_ERR_NULL;
    if (test->magic != LOOPBACK_MAGIC) return MIXBOX_ERR_NOT_INITIALISED;
    result->status = MIXBOX_LOOPBACK_RUNNING;
    result->latency_centisamples = 0;
    result->level_cdb = MIXBOX_METER_SILENCE_CDB;
    result->gain_cdb = MIXBOX_METER_SILENCE_CDB;
    result->thd_n_cdb = 0;
    if (test->frame < test->end) return MIXBOX_OK;

    sine_fit_t fit = fit_sine(test);
    double sent = (double)LOOPBACK_TONE_AMPLITUDE_Q31 / FULL_SCALE;
    double gain_squared = fit.amplitude_squared / (sent * sent);
    double peak = 0.0;
    double latency = marker_latency(test, &peak);
    /* The marker's energy: its autocorrelation peak; each chip spreads (1 + 4 + 1)/16 of a peak squared. */
    double quarter = (double)LOOPBACK_MARKER_QUARTER_Q31 / FULL_SCALE;
    double expected_peak = (double)MIXBOX_LOOPBACK_MLS_FRAMES * 6.0 * quarter * quarter;
    int32_t level = energy_ratio_to_cdb(fit.amplitude_squared);
    if (level < NO_SIGNAL_LEVEL_CDB || peak * peak < MARKER_PEAK_FRACTION * MARKER_PEAK_FRACTION * expected_peak * expected_peak * gain_squared) {
        result->status = MIXBOX_LOOPBACK_NO_SIGNAL;
        return MIXBOX_OK;
    }
    result->status = test->clipped != 0u ? MIXBOX_LOOPBACK_CLIPPED : MIXBOX_LOOPBACK_OK;
    result->latency_centisamples = (int32_t)mixbox_control_round(latency * 100.0);
    result->level_cdb = level;
    result->gain_cdb = energy_ratio_to_cdb(gain_squared);
    result->thd_n_cdb = energy_ratio_to_cdb(fit.thd_n_ratio);
    return MIXBOX_OK;
}
