#include "toolkit_model.h"

#include <math.h>
#include <stdio.h>

int failures;

int check(int ok, const char *what)
{
    if (!ok) {
        failures++;
        printf("FAIL: %s\n", what);
    }
    return ok;
}

double db(double ratio)
{
    return 20.0 * log10(ratio);
}

double noise(uint32_t *seed)
{
    uint32_t x = *seed;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *seed = x;
    return (double)x / 2147483648.0 - 1.0;
}

void model_set(model_svf_t *m, double g, double k, double c0, double c1, double c2)
{
    /* Simper, "SvfLinearTrapOptimised2". */
    m->a1 = 1.0 / (1.0 + g * (g + k));
    m->a2 = g * m->a1;
    m->a2b = m->a2;
    m->a3 = g * m->a2;
    m->c0 = c0;
    m->c1 = c1;
    m->c2 = c2;
}

void model_from_kernel(model_svf_t *m, const mixbox_svf_section_t *s)
{
    const mixbox_svf_kernel_t *k = &s->kernel;
    m->a1 = 1.0 - k->d1_m / ldexp(1.0, 32 + k->n1);
    m->a2 = k->a2_m1 / ldexp(1.0, 32 + k->n1);
    m->a2b = k->a2_m2 / ldexp(1.0, 32 + k->n2);
    m->a3 = k->a3_m / ldexp(1.0, 32 + k->n2);
    m->c0 = k->c_int[0] + k->c_frac[0] / 4294967296.0;
    m->c1 = k->c_int[1] + k->c_frac[1] / 4294967296.0;
    m->c2 = k->c_int[2] + k->c_frac[2] / 4294967296.0;
}

double model_step(model_svf_t *m, int ch, double x)
{
    double v3 = x - m->ic2[ch];
    double v1 = m->a1 * m->ic1[ch] + m->a2 * v3;
    double v2 = m->ic2[ch] + m->a2b * m->ic1[ch] + m->a3 * v3;
    m->ic1[ch] = 2.0 * v1 - m->ic1[ch];
    m->ic2[ch] = 2.0 * v2 - m->ic2[ch];
    return x + m->c0 * x + m->c1 * v1 + m->c2 * v2;
}

double response_magnitude(const double *h, int n, double hz, double sample_rate)
{
    /* Rotating phasor, renormalised now and then. */
    double w = 2.0 * M_PI * hz / sample_rate;
    double cr = cos(w), ci = -sin(w), pr = 1.0, pi = 0.0, re = 0.0, im = 0.0;
    for (int i = 0; i < n; i++) {
        re += h[i] * pr;
        im += h[i] * pi;
        double t = pr * cr - pi * ci;
        pi = pr * ci + pi * cr;
        pr = t;
        if ((i & 1023) == 1023) {
            double norm = sqrt(pr * pr + pi * pi);
            pr /= norm;
            pi /= norm;
        }
    }
    return sqrt(re * re + im * im);
}
