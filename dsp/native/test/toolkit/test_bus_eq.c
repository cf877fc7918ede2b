/* The bus EQ and its SVF sections against the analogue prototypes, the
 * double designs and a double-precision model (toolkit_model.c). Prints the
 * measured figures; exits 1 on any failure. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bus_eq.h"
#include "svf_design.h"
#include "svf_pole_table.h"
#include "toolkit_model.h"


static const uint32_t rates[] = { 44100u, 48000u, 96000u };

static mixbox_bus_eq_params_t flat_params(void)
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

/* ---- The analogue prototypes, written from the Audio EQ Cookbook's s-domain
 * forms (independently of svf_design.c). ---- */
typedef struct {
    double re, im;
} cx;

static cx cx_div(cx a, cx b)
{
    double d = b.re * b.re + b.im * b.im;
    cx r = { (a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d };
    return r;
}

static double biquad_s(double f, double f0, double n2, double n1, double n0, double d2, double d1, double d0)
{
    double w = f / f0;
    cx num = { n0 - n2 * w * w, n1 * w }, den = { d0 - d2 * w * w, d1 * w };
    cx h = cx_div(num, den);
    return sqrt(h.re * h.re + h.im * h.im);
}

static double analogue(const mixbox_bus_eq_params_t *p, double f)
{
    double h = 1.0;
    if (p->highpass_hz > 0) {
        double w = pow(f / p->highpass_hz, p->highpass_18db ? 6.0 : 4.0);
        h *= sqrt(w / (1.0 + w));
    }
    if (p->low_shelf_cdb != 0) {
        double a = pow(10.0, p->low_shelf_cdb / 4000.0), q = p->low_shelf_gentle ? 0.5 : M_SQRT1_2;
        h *= a * biquad_s(f, p->low_shelf_hz, 1, sqrt(a) / q, a, a, sqrt(a) / q, 1);
    }
    for (int b = 0; b < 2; b++) {
        if (p->bell_cdb[b] == 0) continue;
        double a = pow(10.0, p->bell_cdb[b] / 4000.0), q = p->bell_q_x100[b] / 100.0;
        if (p->proportional_q) q = fmax(0.4, q * abs(p->bell_cdb[b]) / 1200.0);
        h *= biquad_s(f, p->bell_hz[b], 1, a / q, 1, 1, 1 / (a * q), 1);
    }
    if (p->high_shelf_cdb != 0) {
        double a = pow(10.0, p->high_shelf_cdb / 4000.0), q = M_SQRT1_2;
        h *= a * biquad_s(f, p->high_shelf_hz, a, sqrt(a) / q, 1, 1, sqrt(a) / q, a);
    }
    if (p->lowpass_hz > 0) h *= sqrt(1.0 / (1.0 + pow(f / p->lowpass_hz, 4.0)));
    return h;
}

/* ---- Measurement: multitone steady state. Three interleaved sets of 20
 * tones on exact DFT bins of an M-frame window (log-spaced from 20 Hz to the
 * top), 0.02 FS each, random phases; 2 M frames through a fresh EQ, the last
 * M analysed at the bins. The input is never digital silence, so the
 * section's silence flush never acts. ---- */
#define TONE_SETS 3
#define TONES 20
#define TONE_AMPLITUDE 0.02

typedef struct {
    uint32_t fs;
    double top_hz;
    int window;
    int bins[TONE_SETS][TONES];
    int64_t *input[TONE_SETS];
} tone_plan_t;

static tone_plan_t plans[4];

static const tone_plan_t *plan_for(uint32_t fs, double top_hz)
{
    for (int i = 0; i < 4; i++) {
        if (plans[i].fs == fs && plans[i].top_hz == top_hz) return &plans[i];
    }
    tone_plan_t *p = NULL;
    for (int i = 0; i < 4 && p == NULL; i++) {
        if (plans[i].fs == 0u) p = &plans[i];
    }
    p->fs = fs;
    p->top_hz = top_hz;
    p->window = fs > 48000u ? 131072 : 65536;
    uint32_t seed = 2024u;
    for (int t = 0; t < TONE_SETS * TONES; t++) {
        double hz = 20.0 * pow(top_hz / 20.0, (double)t / (TONE_SETS * TONES - 1));
        int bin = (int)lrint(hz * p->window / fs);
        p->bins[t % TONE_SETS][t / TONE_SETS] = bin < 1 ? 1 : bin;
    }
    for (int set = 0; set < TONE_SETS; set++) {
        int n = 2 * p->window;
        p->input[set] = malloc(sizeof(int64_t) * (size_t)n);
        double phase[TONES];
        for (int t = 0; t < TONES; t++) phase[t] = M_PI * noise(&seed);
        for (int i = 0; i < n; i++) {
            double v = 0.0;
            for (int t = 0; t < TONES; t++) v += sin(2 * M_PI * (double)p->bins[set][t] * i / p->window + phase[t]);
            p->input[set][i] = (int64_t)llrint(TONE_AMPLITUDE * v * 2147483648.0);
        }
    }
    return p;
}

/* Gains of the EQ at the plan's bins (in frequency order). */
static int measure_gains(const mixbox_bus_eq_params_t *p, const tone_plan_t *plan, double *hz, double *gain)
{
    static mixbox_bus_eq_t eq;
    static int64_t out[2 * 131072], right[32];
    mixbox_bus_eq_targets_t t;
    mixbox_bus_eq_design(&t, p, plan->fs, NULL);
    int n = 2 * plan->window, count = 0;
    for (int set = 0; set < TONE_SETS; set++) {
        mixbox_bus_eq_init(&eq, &t);
        for (int done = 0; done < n; done += 32) {
            memcpy(out + done, plan->input[set] + done, 32 * sizeof(int64_t));
            memcpy(right, plan->input[set] + done, sizeof right);
            mixbox_bus_eq_process(&eq, out + done, right, 32u);
        }
        for (int tone = 0; tone < TONES; tone++) {
            double w = 2 * M_PI * plan->bins[set][tone] / plan->window, re = 0, im = 0;
            double cr = cos(w), ci = sin(w), pr = 1, pi = 0;
            for (int i = 0; i < plan->window; i++) {
                double y = (double)out[plan->window + i];
                re += y * pr;
                im += y * pi;
                double tmp = pr * cr - pi * ci;
                pi = pr * ci + pi * cr;
                pr = tmp;
            }
            int index = tone * TONE_SETS + set;
            hz[index] = (double)plan->bins[set][tone] * plan->fs / plan->window;
            gain[index] = 2.0 * sqrt(re * re + im * im) / plan->window / (TONE_AMPLITUDE * 2147483648.0);
            count++;
        }
    }
    return count;
}

typedef struct {
    const char *name;
    double worst_analogue, worst_design; /* dB */
    double limit_analogue;               /* dB */
} tally_t;

/* Worst |dB| difference between the EQ and the analogue prototype, and
 * between the EQ and the exact response of its own double design, from
 * 20 Hz to max_hz (where the prototype is above -40 dB). */
/* A section's fixed-point target in double. */
static mixbox_svf_design_t design_of(const mixbox_svf_target_t *q)
{
    mixbox_svf_design_t d = { q->g_q28 / 268435456.0, q->k_q28 / 268435456.0, 1.0 + q->c_q27[0] / 134217728.0,
                              q->c_q27[1] / 134217728.0, q->c_q27[2] / 134217728.0 };
    return d;
}

static void measure(tally_t *tally, const mixbox_bus_eq_params_t *p, uint32_t fs, double max_hz)
{
    double hz[TONE_SETS * TONES], gain[TONE_SETS * TONES];
    int n = measure_gains(p, plan_for(fs, max_hz), hz, gain);
    mixbox_bus_eq_targets_t t;
    mixbox_bus_eq_design(&t, p, fs, NULL);
    for (int i = 0; i < n; i++) {
        double want = analogue(p, hz[i]);
        if (want < 0.01) continue;
        double design = 1.0;
        for (uint32_t s = 0; s < MIXBOX_BUS_EQ_SECTIONS; s++) {
            const mixbox_svf_target_t *q = &t.section[s];
            if (mixbox_svf_target_is_flat(q)) continue;
            mixbox_svf_design_t d = design_of(q);
            design *= mixbox_svf_design_magnitude(&d, hz[i], fs);
        }
        tally->worst_analogue = fmax(tally->worst_analogue, fabs(db(gain[i] / want)));
        tally->worst_design = fmax(tally->worst_design, fabs(db(gain[i] / design)));
    }
}

static void test_magnitudes(void)
{
    /* Limits against the analogue prototype: the 0.1 dB for the
     * bilinear bands (low frequencies: no cramping); for the fitted bands
     * (bells, high shelf, low-pass near Nyquist) a second-order digital
     * filter cannot follow the analogue curve exactly: what the fit reaches. */
    tally_t highpass = { "high-pass 20..150 Hz, 12/18 dB/oct", 0, 0, 0.1 };
    tally_t low_shelf = { "low shelf 30..300 Hz, +-6/12 dB, normal/gentle", 0, 0, 0.1 };
    tally_t bells = { "bells 60 Hz..8 kHz, +-6/12 dB, Q 0.4/1/4, proportional Q", 0, 0, 0.15 };
    tally_t high_shelf = { "high shelf 1.5..16 kHz, +-6/12 dB", 0, 0, 0.2 };
    tally_t lowpass = { "low-pass 10..20 kHz", 0, 0, 0.15 };
    tally_t top_44 = { "high shelf and low-pass at 44.1 kHz, up to 20 kHz", 0, 0, 0.5 };
    static const int hp_hz[] = { 20, 30, 40, 60, 80, 100, 150 };
    static const int gains[] = { -1200, -600, 600, 1200 };
    for (int r = 0; r < 3; r++) {
        uint32_t fs = rates[r];
        double top = 0.4 * fs;
        for (int i = 0; i < 7; i++) {
            for (int steep = 0; steep < 2; steep++) {
                mixbox_bus_eq_params_t p = flat_params();
                p.highpass_hz = hp_hz[i];
                p.highpass_18db = steep;
                measure(&highpass, &p, fs, top);
            }
        }
        static const int ls_hz[] = { 30, 100, 300 };
        for (int i = 0; i < 3; i++) {
            for (int g = 0; g < 4; g++) {
                for (int gentle = 0; gentle < 2; gentle++) {
                    mixbox_bus_eq_params_t p = flat_params();
                    p.low_shelf_hz = ls_hz[i];
                    p.low_shelf_cdb = gains[g];
                    p.low_shelf_gentle = gentle;
                    measure(&low_shelf, &p, fs, top);
                }
            }
        }
        static const int bell_hz[] = { 60, 1000, 4000, 8000, 8000 };
        static const int bell_q[] = { 40, 100, 400 };
        for (int i = 0; i < 5; i++) {
            for (int g = 0; g < 4; g++) {
                for (int q = 0; q < 3; q++) {
                    for (int proportional = 0; proportional < 2; proportional++) {
                        mixbox_bus_eq_params_t p = flat_params();
                        p.bell_hz[1] = bell_hz[i];
                        p.bell_cdb[1] = gains[g];
                        p.bell_q_x100[1] = bell_q[q];
                        p.proportional_q = proportional;
                        measure(&bells, &p, fs, top);
                    }
                }
            }
        }
        static const int hs_hz[] = { 1500, 4000, 8000, 12000, 16000 };
        for (int i = 0; i < 5; i++) {
            for (int g = 0; g < 4; g++) {
                mixbox_bus_eq_params_t p = flat_params();
                p.high_shelf_hz = hs_hz[i];
                p.high_shelf_cdb = gains[g];
                measure(&high_shelf, &p, fs, top);
                if (fs == 44100u) measure(&top_44, &p, fs, 20000.0);
            }
        }
        static const int lp_hz[] = { 10000, 12000, 14000, 16000, 18000, 20000 };
        for (int i = 0; i < 6; i++) {
            mixbox_bus_eq_params_t p = flat_params();
            p.lowpass_hz = lp_hz[i];
            measure(&lowpass, &p, fs, top);
            if (fs == 44100u) measure(&top_44, &p, fs, 20000.0);
        }
    }
    tally_t *all[] = { &highpass, &low_shelf, &bells, &high_shelf, &lowpass };
    for (int i = 0; i < 5; i++) {
        printf("magnitude %s, 20 Hz..0.4 fs at 44.1/48/96 kHz: worst vs analogue %.4f dB (limit %.2f), fixed point vs its double design %.5f dB (limit 0.01)\n",
               all[i]->name, all[i]->worst_analogue, all[i]->limit_analogue, all[i]->worst_design);
        check(all[i]->worst_analogue <= all[i]->limit_analogue, all[i]->name);
        check(all[i]->worst_design <= 0.01, all[i]->name);
    }
    printf("magnitude %s: worst vs analogue %.4f dB (limit 0.5)\n", top_44.name, top_44.worst_analogue);
    check(top_44.worst_analogue <= top_44.limit_analogue, top_44.name);
}


/* ---- Noise: a 20 Hz high-pass and a +12 dB shelf at 20 Hz (below the
 * parameter's 30 Hz, the harder case) against the double model with the
 * section's own coefficients: what the arithmetic adds. ---- */
static double design_noise(const mixbox_svf_design_t *d, uint32_t fs, int seconds, int *lean)
{
    static mixbox_svf_section_t s;
    mixbox_svf_target_t t;
    mixbox_svf_quantise(&t, d);
    mixbox_svf_init(&s, &t);
    if (lean) *lean = s.kernel.lean;
    model_svf_t m;
    memset(&m, 0, sizeof m);
    model_from_kernel(&m, &s);
    uint32_t seed = 12345u;
    int n = (int)fs * seconds, settle = (int)fs / 4;
    double sum = 0.0;
    for (int done = 0; done < n; done += 32) {
        int32_t x[32];
        double ref[32];
        for (int i = 0; i < 32; i++) {
            double t_s = (double)(done + i) / fs;
            double v = 0.25 * sin(2 * M_PI * 40.0 * t_s) + 0.25 * sin(2 * M_PI * 1000.0 * t_s) + 0.01 * noise(&seed);
            x[i] = (int32_t)lrint(v * 8388608.0);
            ref[i] = model_step(&m, 0, x[i] / 8388608.0);
        }
        mixbox_svf_run(&s, 0u, x, 32u);
        for (int i = 0; i < 32; i++) {
            double e = x[i] / 8388608.0 - ref[i];
            if (done + i >= settle) sum += e * e;
        }
    }
    return 10.0 * log10(sum / (n - settle));
}

static double section_noise(mixbox_svf_prototype_t proto, uint32_t fs)
{
    mixbox_svf_design_t d;
    mixbox_svf_design_bilinear(&d, &proto, fs);
    return design_noise(&d, fs, 4, NULL);
}

/* The first-order section (the 18 dB/oct high-pass's first-order part) at
 * 20 Hz against a double one-pole trapezoidal high-pass with the section's
 * own G (Simper's form: v = G (x - s), lp = s + v, s = lp + v). */
static double first_order_noise(uint32_t fs, double *dc)
{
    static mixbox_svf_section_t s;
    mixbox_svf_design_t d;
    mixbox_svf_target_t t;
    mixbox_svf_design_first_order_highpass(&d, 20.0, fs);
    mixbox_svf_quantise(&t, &d);
    mixbox_svf_init(&s, &t);
    double gain = s.kernel.d1_m / ldexp(1.0, 32 + s.kernel.n1), state = 0.0;
    uint32_t seed = 12345u;
    int n = (int)fs * 4, settle = (int)fs;
    double sum = 0.0, mean = 0.0;
    for (int done = 0; done < n; done += 32) {
        int32_t x[32];
        double ref[32];
        for (int i = 0; i < 32; i++) {
            double t_s = (double)(done + i) / fs;
            double v = 0.25 * sin(2 * M_PI * 40.0 * t_s) + 0.25 * sin(2 * M_PI * 1000.0 * t_s) + 0.01 * noise(&seed);
            x[i] = (int32_t)lrint(v * 8388608.0);
            double in = x[i] / 8388608.0, step = gain * (in - state), lowpass = state + step;
            state = lowpass + step;
            ref[i] = in - lowpass;
        }
        mixbox_svf_run(&s, 0u, x, 32u);
        for (int i = 0; i < 32; i++) {
            double e = x[i] / 8388608.0 - ref[i];
            if (done + i >= settle) {
                sum += e * e;
                mean += e;
            }
        }
    }
    *dc = 20.0 * log10(fabs(mean) / (n - settle) + 1e-30);
    return 10.0 * log10(sum / (n - settle));
}

static void test_noise(void)
{
    for (int r = 1; r < 3; r++) {
        uint32_t fs = rates[r];
        double hp = section_noise(mixbox_svf_highpass(20.0, M_SQRT1_2), fs);
        double shelf = section_noise(mixbox_svf_low_shelf(20.0, M_SQRT1_2, 12.0), fs);
        double dc, first = first_order_noise(fs, &dc);
        printf("noise added at %u Hz: 20 Hz high-pass %.1f dBFS RMS, +12 dB low shelf at 20 Hz %.1f dBFS RMS, "
               "first-order 20 Hz high-pass %.1f dBFS RMS (DC %.1f dBFS) (limit -130)\n", fs, hp, shelf, first, dc);
        check(hp <= -130.0, "high-pass noise");
        check(shelf <= -130.0, "low shelf noise");
        check(first <= -130.0, "first-order high-pass noise");
    }
}

/* The sections that run the lean kernel (no error feedback; chosen from g
 * and the mix, svf_section.c) over a grid of every band's shapes at the
 * three rates: the noise their arithmetic adds stays under -125 dBFS RMS. */
static void test_lean_noise(void)
{
    static const double bell_hz[] = { 60, 150, 300, 600, 1000, 2000, 4000, 8000 };
    static const double gains[] = { -12, -6, -3, 3, 6, 12 };
    static const double qs[] = { 0.4, 1.0, 4.0 };
    double worst = -INFINITY, worst_hz = 0;
    const char *worst_kind = "";
    int lean_count = 0, total = 0;
    for (int r = 0; r < 3; r++) {
        uint32_t fs = rates[r];
        for (int b = 0; b < 8; b++) {
            for (int a = 0; a < 6; a++) {
                for (int q = 0; q < 3; q++) {
                    mixbox_svf_prototype_t kinds[3] = {
                        mixbox_svf_bell(bell_hz[b], qs[q], gains[a]),
                        mixbox_svf_low_shelf(bell_hz[b] < 300 ? bell_hz[b] : 300, qs[q] < 1 ? 0.5 : M_SQRT1_2, gains[a]),
                        mixbox_svf_high_shelf(bell_hz[b] * 2 > 1500 ? bell_hz[b] * 2 : 1500, M_SQRT1_2, gains[a]),
                    };
                    for (int kind = 0; kind < 3; kind++) {
                        if (kind > 0 && q == 2) continue;
                        mixbox_svf_design_t d;
                        if (kind == 1) mixbox_svf_design_bilinear(&d, &kinds[kind], fs);
                        else mixbox_svf_design_matched(&d, &kinds[kind], fs, kind == 0 ? bell_hz[b] : kinds[kind].pole_hz);
                        int lean;
                        double n = design_noise(&d, fs, 1, &lean);
                        total++;
                        if (!lean) continue;
                        lean_count++;
                        if (n > worst) { worst = n; worst_hz = bell_hz[b]; worst_kind = kind == 0 ? "bell" : kind == 1 ? "low shelf" : "high shelf"; }
                    }
                }
            }
            mixbox_svf_prototype_t others[3] = {
                mixbox_svf_highpass(bell_hz[b] / 4 + 5, M_SQRT1_2), mixbox_svf_lowpass(10000 + bell_hz[b] * 1.2, M_SQRT1_2),
                mixbox_svf_bandpass(bell_hz[b] * 1.5, 2.0),
            };
            for (int kind = 0; kind < 3; kind++) {
                mixbox_svf_design_t d;
                if (kind == 1) mixbox_svf_design_matched(&d, &others[kind], fs, others[kind].pole_hz);
                else mixbox_svf_design_bilinear(&d, &others[kind], fs);
                int lean;
                double n = design_noise(&d, fs, 1, &lean);
                total++;
                if (!lean) continue;
                lean_count++;
                if (n > worst) { worst = n; worst_hz = bell_hz[b]; worst_kind = kind == 0 ? "high-pass" : kind == 1 ? "low-pass" : "band-pass"; }
            }
        }
    }
    printf("lean kernel: %d of %d sections (bells, shelves, high/low/band-pass at 44.1/48/96 kHz) run it; noise added "
           "at most %.1f dBFS RMS (%s, %.0f Hz row) (limit -125)\n", lean_count, total, worst, worst_kind, worst_hz);
    check(lean_count > 0 && worst <= -125.0, "lean kernel noise");
}

/* ---- A bell swept 20 Hz -> 16 kHz in 50 ms (+12 dB, Q 2) on a 1 kHz sine,
 * the knob's target new every 32-frame block, against a double model that
 * follows the same targets with the same ramp rule. ---- */
static void test_sweep(void)
{
    const uint32_t fs = 48000u, ramp_updates = 30u; /* 5 ms */
    static mixbox_bus_eq_t eq;
    mixbox_bus_eq_params_t p = flat_params();
    p.bell_hz[0] = 20;
    p.bell_cdb[0] = 1200;
    p.bell_q_x100[0] = 200;
    mixbox_bus_eq_targets_t t;
    mixbox_bus_eq_design(&t, &p, fs, NULL);
    mixbox_bus_eq_init(&eq, &t);
    /* The model: double g, k, c ramping linearly to each block's target (the
     * EQ's own design, its fixed-point target read back in double). */
    double value[5], step[5] = { 0 };
    mixbox_svf_design_t d = design_of(&t.section[3]);
    double target[5] = { d.g, d.k, d.m0 - 1.0, d.m1, d.m2 };
    memcpy(value, target, sizeof value);
    uint32_t left = 0u, phase = 0u;
    model_svf_t m;
    memset(&m, 0, sizeof m);
    double worst = 0.0, worst_step_ours = 0.0, worst_step_model = 0.0, previous = 0.0, previous_model = 0.0;
    int n = (int)fs / 5; /* 50 ms sweep, 150 ms after */
    for (int done = 0; done < n; done += 32) {
        double t_s = (double)done / fs;
        if (t_s <= 0.05) {
            double hz = 20.0 * pow(800.0, t_s / 0.05);
            p.bell_hz[0] = (int32_t)lrint(hz);
            mixbox_bus_eq_design(&t, &p, fs, NULL);
            mixbox_bus_eq_apply(&eq, &t, 240u);
            d = design_of(&t.section[3]);
            double next[5] = { d.g, d.k, d.m0 - 1.0, d.m1, d.m2 };
            memcpy(target, next, sizeof target);
            for (int i = 0; i < 5; i++) step[i] = (target[i] - value[i]) / ramp_updates;
            left = ramp_updates;
            phase = 0u;
        }
        int64_t l[32], r[32];
        double ref[32];
        for (int i = 0; i < 32; i++) {
            if (left != 0u && phase == 0u) {
                if (--left == 0u) memcpy(value, target, sizeof value);
                else for (int c = 0; c < 5; c++) value[c] += step[c];
                phase = MIXBOX_SVF_UPDATE_FRAMES;
            }
            if (left != 0u || phase != 0u) phase--;
            model_set(&m, value[0], value[1], value[2], value[3], value[4]);
            double x = 0.5 * sin(2 * M_PI * 1000.0 * (done + i) / fs);
            l[i] = r[i] = (int64_t)lrint(x * 2147483648.0);
            ref[i] = model_step(&m, 0, (double)l[i] / 2147483648.0);
        }
        mixbox_bus_eq_process(&eq, l, r, 32u);
        for (int i = 0; i < 32; i++) {
            double y = (double)l[i] / 2147483648.0;
            double e = fabs(y - ref[i]);
            if (e > worst) worst = e;
            if (done + i > 0) {
                worst_step_ours = fmax(worst_step_ours, fabs(y - previous));
                worst_step_model = fmax(worst_step_model, fabs(ref[i] - previous_model));
            }
            previous = y;
            previous_model = ref[i];
            check(l[i] == r[i], "sweep: both channels the same");
        }
    }
    printf("bell swept 20 Hz -> 16 kHz in 50 ms on a 1 kHz sine (0.5 FS): worst |fixed - double model| %.1f dB re the sine; largest sample step %.4f FS (model %.4f)\n",
           db(worst / 0.5), worst_step_ours, worst_step_model);
    check(db(worst / 0.5) <= -80.0, "sweep within -80 dB of the model");
    check(worst_step_ours <= worst_step_model * 1.001 + 1e-6, "no step above the model's");
}

/* Every band on, at assorted settings. */
static mixbox_bus_eq_params_t busy_params(uint32_t *seed)
{
    static const int hp[] = { 0, 20, 30, 40, 60, 80, 100, 150 };
    mixbox_bus_eq_params_t p;
    p.highpass_hz = hp[(int)((noise(seed) + 1.0) * 4.0)];
    p.highpass_18db = noise(seed) > 0.0;
    p.low_shelf_hz = 30 + (int32_t)((noise(seed) + 1.0) * 135.0);
    p.low_shelf_cdb = (int32_t)(noise(seed) * 1200.0);
    p.low_shelf_gentle = noise(seed) > 0.0;
    for (int b = 0; b < 2; b++) {
        p.bell_hz[b] = 60 + (int32_t)((noise(seed) + 1.0) * 3970.0);
        p.bell_cdb[b] = (int32_t)(noise(seed) * 1200.0);
        p.bell_q_x100[b] = 40 + (int32_t)((noise(seed) + 1.0) * 180.0);
    }
    p.proportional_q = noise(seed) > 0.0;
    p.high_shelf_hz = 1500 + (int32_t)((noise(seed) + 1.0) * 7250.0);
    p.high_shelf_cdb = (int32_t)(noise(seed) * 1200.0);
    p.lowpass_hz = noise(seed) > 0.0 ? 0 : 10000 + (int32_t)((noise(seed) + 1.0) * 5000.0);
    return p;
}

/* ---- Full-scale property test: random settings moving while +24 dBFS
 * squares, noise and impulses play (no wrap: UBSan aborts on a signed
 * overflow; outputs stay within the chain's bound), then silence: every
 * band decays to exact zero (no stuck state). ---- */
static void test_full_scale_and_silence(void)
{
    static mixbox_bus_eq_t eq;
    uint32_t seed = 777u;
    int worst_decay = 0, all_zero = 1;
    for (int trial = 0; trial < 150; trial++) {
        uint32_t fs = rates[trial % 3];
        mixbox_bus_eq_params_t p = busy_params(&seed);
        mixbox_bus_eq_targets_t t;
        mixbox_bus_eq_design(&t, &p, fs, NULL);
        mixbox_bus_eq_init(&eq, &t);
        double square_hz = 20.0 * pow(1000.0, (noise(&seed) + 1.0) / 2.0);
        int kind = trial % 3, bounded = 1;
        for (int done = 0; done < (int)fs; done += 32) {
            if (done % 4800 == 0) {
                p = busy_params(&seed);
                mixbox_bus_eq_design(&t, &p, fs, NULL);
                mixbox_bus_eq_apply(&eq, &t, fs / 200u);
            }
            int64_t l[32], r[32];
            for (int i = 0; i < 32; i++) {
                double phase = fmod((done + i) * square_hz / fs, 1.0);
                int64_t full = (int64_t)1 << 35;
                int64_t v = kind == 0 ? (phase < 0.5 ? full : -full)
                          : kind == 1 ? (int64_t)(noise(&seed) * full)
                          : ((done + i) % 977 == 0 ? full : 0);
                l[i] = v;
                r[i] = -v;
            }
            mixbox_bus_eq_process(&eq, l, r, 32u);
            for (int i = 0; i < 32; i++) {
                if (llabs(l[i]) > ((int64_t)1 << 35) || llabs(r[i]) > ((int64_t)1 << 35)) bounded = 0;
            }
        }
        check(bounded, "full scale: outputs within +-2^35");
        /* Silence: 10 s at most to exact zero. */
        int zero_run = 0, decayed_at = -1;
        for (int done = 0; done < 10 * (int)fs; done += 32) {
            int64_t l[32] = { 0 }, r[32] = { 0 };
            mixbox_bus_eq_process(&eq, l, r, 32u);
            int silent = 1;
            for (int i = 0; i < 32; i++) silent &= l[i] == 0 && r[i] == 0;
            zero_run = silent ? zero_run + 32 : 0;
            if (zero_run >= (int)fs / 10 && decayed_at < 0) {
                decayed_at = done;
                break;
            }
        }
        int states_zero = 1;
        for (uint32_t s = 0; s < MIXBOX_BUS_EQ_SECTIONS; s++) {
            for (int ch = 0; ch < 2; ch++) {
                const mixbox_svf_channel_t *c = &eq.section[s].channel[ch];
                states_zero &= c->ic1 == 0 && c->ic2 == 0;
            }
        }
        if (decayed_at < 0 || !states_zero) {
            all_zero = 0;
            for (uint32_t s = 0; s < MIXBOX_BUS_EQ_SECTIONS; s++) {
                const mixbox_svf_section_t *q = &eq.section[s];
                printf("  trial %d at %u Hz: section %u ic %d %d / %d %d (n %d %d)\n", trial, fs, s, q->channel[0].ic1,
                       q->channel[0].ic2, q->channel[1].ic1, q->channel[1].ic2, q->kernel.n1, q->kernel.n2);
            }
        }
        int ms = decayed_at < 0 ? 99999 : (int)(1000.0 * decayed_at / fs);
        if (ms > worst_decay) worst_decay = ms;
    }
    printf("full scale (+24 dBFS squares, noise, impulses; 150 random settings, moving): no wrap, within +-2^35; silence reaches exact zero (states too) within %d ms\n",
           worst_decay);
    check(all_zero, "silence decays to exact zero");
}

static void test_bypass(void)
{
    static mixbox_bus_eq_t eq;
    mixbox_bus_eq_params_t p = flat_params();
    mixbox_bus_eq_targets_t t;
    mixbox_bus_eq_design(&t, &p, 48000u, NULL);
    mixbox_bus_eq_init(&eq, &t);
    uint32_t seed = 99u;
    int exact = 1;
    for (int done = 0; done < 4800; done += 32) {
        int64_t l[32], r[32], l0[32], r0[32];
        for (int i = 0; i < 32; i++) {
            l[i] = l0[i] = (int64_t)(noise(&seed) * ((int64_t)1 << 35));
            r[i] = r0[i] = (int64_t)(noise(&seed) * ((int64_t)1 << 35));
        }
        mixbox_bus_eq_process(&eq, l, r, 32u);
        exact &= memcmp(l, l0, sizeof l) == 0 && memcmp(r, r0, sizeof r) == 0;
    }
    printf("all bands flat, filters off: bit-exact (%s), skipped (%s)\n", exact ? "yes" : "no",
           mixbox_bus_eq_is_flat(&eq) ? "yes" : "no");
    check(exact && mixbox_bus_eq_is_flat(&eq), "flat EQ is bit-exact and skipped");
}

/* The control side's design cache gives what a fresh design gives for every
 * band that is on (bit for bit), and a zero mix for every band that is off. */
static void test_design_cache(void)
{
    static mixbox_bus_eq_design_cache_t cache;
    memset(&cache, 0, sizeof cache);
    uint32_t seed = 31u;
    int same = 1, changes = 0;
    mixbox_bus_eq_params_t p = busy_params(&seed);
    for (int step = 0; step < 400; step++) {
        /* One band's knob at a time, as the panel turns them; now and then a
         * band switched out and back in. */
        mixbox_bus_eq_params_t q = busy_params(&seed);
        switch (step % 7) {
        case 0: p.highpass_hz = q.highpass_hz; p.highpass_18db = q.highpass_18db; break;
        case 1: p.low_shelf_cdb = step % 3 ? q.low_shelf_cdb : 0; break;
        case 2: p.bell_hz[0] = q.bell_hz[0]; p.bell_cdb[0] = step % 3 ? q.bell_cdb[0] : 0; break;
        case 3: p.bell_cdb[1] = step % 2 ? q.bell_cdb[1] : 0; break;
        case 4: p.high_shelf_cdb = step % 2 ? 0 : 600; break;
        case 5: p.lowpass_hz = q.lowpass_hz; break;
        default: p.proportional_q = !p.proportional_q; break;
        }
        uint32_t fs = rates[(step / 50) % 3];
        mixbox_bus_eq_targets_t cached, fresh;
        mixbox_bus_eq_design(&cached, &p, fs, &cache);
        mixbox_bus_eq_design(&fresh, &p, fs, NULL);
        for (uint32_t sct = 0; sct < MIXBOX_BUS_EQ_SECTIONS; sct++) {
            if (mixbox_svf_target_is_flat(&fresh.section[sct])) {
                same &= mixbox_svf_target_is_flat(&cached.section[sct]);
            } else {
                same &= memcmp(&cached.section[sct], &fresh.section[sct], sizeof fresh.section[sct]) == 0;
            }
        }
        changes++;
    }
    printf("design cache: %d single-band changes at 44.1/48/96 kHz: on bands as designed fresh, off bands flat (%s)\n",
           changes, same ? "yes" : "no");
    check(same, "the design cache changes nothing");
}

/* The committed pole table is what the search gives today: the search rerun at
 * a sample of the table's nodes (every rate, the grid's corners and middles)
 * must reproduce its ratios exactly (else rerun tools/svf_pole_table_gen.c). */
static int node_matches(mixbox_svf_prototype_t p, uint32_t fs, double match_hz, const float ratio[2])
{
    mixbox_svf_design_t d;
    mixbox_svf_design_matched(&d, &p, fs, match_hz);
    return (float)(d.g / mixbox_svf_fit_start_g(p.pole_hz, fs)) == ratio[0] && (float)(d.k * p.q) == ratio[1];
}

static void test_pole_table(void)
{
    int nodes = 0, same = 1;
    for (int r = 0; r < MIXBOX_POLE_TABLE_RATES; r++) {
        uint32_t fs = mixbox_pole_table_rates[r];
        static const int bell_hz[] = { 0, 24, 36, 43 }, bell_db[] = { 0, 5, 8 }, bell_q[] = { 0, 3, 6 };
        for (int i = 0; i < 4; i++) {
            for (int g = 0; g < 3; g++) {
                for (int j = 0; j < 3; j++) {
                    double hz = mixbox_pole_bell_hz[bell_hz[i]];
                    mixbox_svf_prototype_t p = mixbox_svf_bell(hz, mixbox_pole_bell_q[bell_q[j]], -12.0 + 3.0 * bell_db[g]);
                    same &= node_matches(p, fs, hz, mixbox_pole_bell[r][bell_hz[i]][bell_db[g]][bell_q[j]]);
                    nodes++;
                }
            }
        }
        static const int shelf_hz[] = { 0, 30, 41 }, shelf_db[] = { 0, 13, 24 };
        for (int i = 0; i < 3; i++) {
            for (int g = 0; g < 3; g++) {
                double hz = mixbox_pole_shelf_hz[shelf_hz[i]];
                mixbox_svf_prototype_t p = mixbox_svf_high_shelf(hz, M_SQRT1_2, -12.0 + shelf_db[g]);
                same &= node_matches(p, fs, hz, mixbox_pole_high_shelf[r][shelf_hz[i]][shelf_db[g]]);
                nodes++;
            }
        }
        for (int i = 0; i < MIXBOX_POLE_LOWPASS_HZ; i += 6) {
            double hz = mixbox_pole_lowpass_hz[i];
            same &= node_matches(mixbox_svf_lowpass(hz, M_SQRT1_2), fs, hz, mixbox_pole_lowpass[r][i]);
            nodes++;
        }
    }
    printf("pole table: %d nodes at 44.1/48/88.2/96 kHz reproduced by the search (%s)\n", nodes, same ? "yes" : "no");
    check(same, "the pole table is the search's (rerun tools/svf_pole_table_gen.c)");
}

int main(int argc, char **argv)
{
    /* "quick": all but the magnitude grid (for the sanitizer build);
     * "magnitudes": only the grid; nothing: everything. */
    const char *mode = argc > 1 ? argv[1] : "";
    if (strcmp(mode, "magnitudes") != 0) {
        test_bypass();
        test_design_cache();
        test_pole_table();
        test_noise();
        test_sweep();
        test_full_scale_and_silence();
    }
    if (strcmp(mode, "quick") != 0) {
        test_magnitudes();
        test_lean_noise(); /* heavy: with the grid, in the plain build */
    }
    printf(failures ? "FAILED (%d)\n" : "all passed\n", failures);
    return failures ? 1 : 0;
}
