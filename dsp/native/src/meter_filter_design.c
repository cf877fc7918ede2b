#include "meter_filter_design.h"

#include "control_math.h"

/* The widest prewarped bandwidth relative to the prewarped centre (see
 * mixbox_meter_bandpass3_design). */
#define MAX_RELATIVE_BANDWIDTH 0.88

/* Complex arithmetic from + - * / and control_math's sqrt alone. */
typedef struct {
    double re, im;
} complex_t;

static complex_t c_make(double re, double im)
{
    complex_t z = { re, im };
    return z;
}

static complex_t c_add(complex_t a, complex_t b) { return c_make(a.re + b.re, a.im + b.im); }
static complex_t c_sub(complex_t a, complex_t b) { return c_make(a.re - b.re, a.im - b.im); }
static complex_t c_mul(complex_t a, complex_t b) { return c_make(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re); }
static complex_t c_scale(complex_t a, double k) { return c_make(a.re * k, a.im * k); }

static complex_t c_div(complex_t a, complex_t b)
{
    double d = b.re * b.re + b.im * b.im;
    return c_make((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d);
}

static double c_abs(complex_t a) { return mixbox_control_sqrt(a.re * a.re + a.im * a.im); }

/* The principal square root. */
static complex_t c_sqrt(complex_t a)
{
    double m = c_abs(a);
    double re = mixbox_control_sqrt((m + a.re) / 2.0);
    double im = mixbox_control_sqrt((m - a.re) / 2.0);
    return c_make(re, a.im < 0.0 ? -im : im);
}

/* Bilinear transform of a pole of the prewarped prototype (s in units
 * where tan(pi f) is the frequency f): z = (1 + s) / (1 - s). */
static complex_t bilinear(complex_t s)
{
    return c_div(c_add(c_make(1.0, 0.0), s), c_sub(c_make(1.0, 0.0), s));
}

/* Pole k (0-based) of the analogue Butterworth low-pass of order n, unit corner. */
static complex_t butterworth_pole(uint32_t n, uint32_t k)
{
    double angle = CM_PI * (double)(2u * k + n + 1u) / (double)(2u * n);
    return c_make(mixbox_control_cos(angle), mixbox_control_sin(angle));
}

static int32_t to_q30(double x)
{
    return (int32_t)mixbox_control_round(x * 1073741824.0);
}

/* |B(z) / A(z)| at z = e^(j 2 pi f) for real coefficients. */
static double section_gain(const double b[3], const double a[3], double f)
{
    double w = 2.0 * CM_PI * f;
    complex_t z1 = c_make(mixbox_control_cos(w), -mixbox_control_sin(w)); /* z^-1 */
    complex_t z2 = c_mul(z1, z1);
    complex_t num = c_add(c_make(b[0], 0.0), c_add(c_scale(z1, b[1]), c_scale(z2, b[2])));
    complex_t den = c_add(c_make(a[0], 0.0), c_add(c_scale(z1, a[1]), c_scale(z2, a[2])));
    return c_abs(num) / c_abs(den);
}

/* A section from its numerator shape and its digital pole (a pair with its
 * conjugate, or a real pole when `real`), unity gain at f_ref. */
static mixbox_meter_section_coeffs_t make_section(const double shape[3], complex_t pole, int real, double f_ref)
{
    double a[3] = { 1.0, real ? -pole.re : -2.0 * pole.re, real ? 0.0 : pole.re * pole.re + pole.im * pole.im };
    double g = 1.0 / section_gain(shape, a, f_ref);
    mixbox_meter_section_coeffs_t c;
    c.b0 = to_q30(g * shape[0]);
    c.b1 = to_q30(g * shape[1]);
    c.b2 = to_q30(g * shape[2]);
    c.a1 = to_q30(a[1]);
    c.a2 = to_q30(a[2]);
    return c;
}

void mixbox_meter_bandpass3_design(double low, double high, mixbox_meter_section_coeffs_t section[3])
{
    static const double shape[3] = { 1.0, 0.0, -1.0 }; /* zeros at DC and Nyquist */
    double w1 = mixbox_control_tan(CM_PI * low), w2 = mixbox_control_tan(CM_PI * high);
    double bandwidth = w2 - w1, centre_sq = w1 * w2;
    /* Near Nyquist the prewarped band widens relative to its centre (1/sqrt 2
     * unwarped, 0.94 at a centre of 0.18 fs) and the lower skirt with it: at
     * 0.18 fs it passed 2^-3 at 59.98 dB where class 1 asks 60. Capped at
     * 0.88, every point of the class 1 mask keeps 0.12 dB or more of margin
     * for centres up to 0.19 fs (found by sweeping the centre; above 0.2 fs
     * no cap meets the mask: the 2 kHz band at 8 kHz, 8 kHz at 32 kHz). */
    double max_bandwidth = MAX_RELATIVE_BANDWIDTH * mixbox_control_sqrt(centre_sq);
    if (bandwidth > max_bandwidth) bandwidth = max_bandwidth;
    /* The warped centre, where the analogue band-pass has unity gain. */
    double f_centre = 0.0;
    {
        /* atan by bisection on tan (control side, once per design). */
        double lo = low, hi = high, target = mixbox_control_sqrt(centre_sq);
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (lo + hi);
            if (mixbox_control_tan(CM_PI * mid) < target) lo = mid; else hi = mid;
        }
        f_centre = 0.5 * (lo + hi);
    }
    /* Low-pass to band-pass: each prototype pole p gives the roots of
     * s^2 - p B s + w0^2 = 0. Poles 0 and 1 of order 3 are the upper-half
     * complex pole and the real one; each upper-half root with its conjugate
     * makes a section. */
    uint32_t n = 0;
    for (uint32_t k = 0; k < 2u; k++) {
        complex_t pb = c_scale(butterworth_pole(3u, k), bandwidth);
        complex_t root = c_sqrt(c_sub(c_mul(pb, pb), c_make(4.0 * centre_sq, 0.0)));
        complex_t s1 = c_scale(c_add(pb, root), 0.5), s2 = c_scale(c_sub(pb, root), 0.5);
        if (k == 0u) {
            section[n++] = make_section(shape, bilinear(s1), 0, f_centre);
            section[n++] = make_section(shape, bilinear(s2), 0, f_centre);
        } else {
            /* The real prototype pole: a conjugate pair; take the upper one. */
            section[n++] = make_section(shape, bilinear(s1.im >= 0.0 ? s1 : s2), 0, f_centre);
        }
    }
}

void mixbox_meter_highpass3_design(double corner, mixbox_meter_section_coeffs_t section[2])
{
    static const double pair_shape[3] = { 1.0, -2.0, 1.0 };
    static const double real_shape[3] = { 1.0, -1.0, 0.0 };
    double w = mixbox_control_tan(CM_PI * corner);
    /* Low-pass to high-pass: s = w / p. */
    complex_t pair = c_div(c_make(w, 0.0), butterworth_pole(3u, 0u));
    complex_t real = c_div(c_make(w, 0.0), butterworth_pole(3u, 1u));
    /* The first-order section first: the pair's numerator (x - 2 x1 + x2,
     * meter_highpass_pair_step) then sees an input within 1.1 full scale. The
     * numerators exact multiples of b0, as the steps take them. */
    section[0] = make_section(real_shape, bilinear(real), 1, 0.5);
    section[1] = make_section(pair_shape, bilinear(pair), 0, 0.5);
    section[1].b1 = -2 * section[1].b0;
    section[1].b2 = section[1].b0;
}

void mixbox_meter_lowpass4_design(double corner, mixbox_meter_section_coeffs_t section[2])
{
    static const double shape[3] = { 1.0, 2.0, 1.0 };
    double w = mixbox_control_tan(CM_PI * corner);
    for (uint32_t k = 0; k < 2u; k++) {
        section[k] = make_section(shape, bilinear(c_scale(butterworth_pole(4u, k), w)), 0, 0.0);
    }
}

double mixbox_meter_cascade_gain(const mixbox_meter_section_coeffs_t *section, uint32_t count, double f)
{
    double gain = 1.0;
    for (uint32_t i = 0; i < count; i++) {
        const double q = 1.0 / 1073741824.0;
        double b[3] = { section[i].b0 * q, section[i].b1 * q, section[i].b2 * q };
        double a[3] = { 1.0, section[i].a1 * q, section[i].a2 * q };
        gain *= section_gain(b, a, f);
    }
    return gain;
}
