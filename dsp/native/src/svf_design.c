#include "svf_design.h"

#include "control_math.h"

#define Q27_ONE 134217728.0
#define Q28_ONE 268435456.0

mixbox_svf_prototype_t mixbox_svf_bell(double hz, double q, double db)
{
    double a = mixbox_control_cdb_to_linear(db * 50.0); /* 10^(dB/40) */
    mixbox_svf_prototype_t p = { 1.0, a / q, 1.0, q * a, hz };
    return p;
}

mixbox_svf_prototype_t mixbox_svf_low_shelf(double hz, double q, double db)
{
    /* (s^2 + k A s + A^2) / (s^2 + k s + 1), s at the poles hz / sqrt(A). */
    double a = mixbox_control_cdb_to_linear(db * 50.0);
    double root_a = mixbox_control_cdb_to_linear(db * 25.0);
    mixbox_svf_prototype_t p = { a * a, a / q, 1.0, q, hz / root_a };
    return p;
}

mixbox_svf_prototype_t mixbox_svf_high_shelf(double hz, double q, double db)
{
    /* (A^2 s^2 + k A s + 1) / (s^2 + k s + 1), s at the poles hz sqrt(A). */
    double a = mixbox_control_cdb_to_linear(db * 50.0);
    double root_a = mixbox_control_cdb_to_linear(db * 25.0);
    mixbox_svf_prototype_t p = { 1.0, a / q, a * a, q, hz * root_a };
    return p;
}

mixbox_svf_prototype_t mixbox_svf_highpass(double hz, double q)
{
    mixbox_svf_prototype_t p = { 0.0, 0.0, 1.0, q, hz };
    return p;
}

mixbox_svf_prototype_t mixbox_svf_lowpass(double hz, double q)
{
    mixbox_svf_prototype_t p = { 1.0, 0.0, 0.0, q, hz };
    return p;
}

mixbox_svf_prototype_t mixbox_svf_bandpass(double hz, double q)
{
    mixbox_svf_prototype_t p = { 0.0, 1.0 / q, 0.0, q, hz };
    return p;
}

mixbox_svf_prototype_t mixbox_svf_highpass_first_order(double hz)
{
    mixbox_svf_prototype_t p = { 0.0, 1.0, 1.0, 0.5, hz };
    return p;
}

/* |H(j w)|^2 = num / den with w normalised to the pole frequency. */
static void prototype_power_parts(const mixbox_svf_prototype_t *p, double inv_q, double w, double *num, double *den)
{
    double re_n = p->n0 - p->n2 * w * w, im_n = p->n1 * w;
    double re_d = 1.0 - w * w, im_d = w * inv_q;
    *num = re_n * re_n + im_n * im_n;
    *den = re_d * re_d + im_d * im_d;
}

static double prototype_power(const mixbox_svf_prototype_t *p, double w)
{
    double num, den;
    prototype_power_parts(p, 1.0 / p->q, w, &num, &den);
    return num / den;
}

double mixbox_svf_prototype_magnitude(const mixbox_svf_prototype_t *p, double hz)
{
    return mixbox_control_sqrt(prototype_power(p, hz / p->pole_hz));
}

void mixbox_svf_design_bilinear(mixbox_svf_design_t *d, const mixbox_svf_prototype_t *p, double sample_rate)
{
    d->g = mixbox_control_tan(CM_PI * p->pole_hz / sample_rate);
    d->k = 1.0 / p->q;
    d->m0 = p->n2;
    d->m1 = p->n1 - d->k * p->n2;
    d->m2 = p->n0 - p->n2;
}

/* A digital biquad (a0 = 1) as an SVF: its poles give g and k (the bilinear
 * image of s^2 + k s + 1), its numerator the mix (Nyquist gain m0, DC gain
 * m0 + m2, and b0 - b2 for m1). */
static void biquad_to_svf(mixbox_svf_design_t *d, double b0, double b1, double b2, double a1, double a2)
{
    double dc = 1.0 + a1 + a2, ny = 1.0 - a1 + a2;
    d->g = mixbox_control_sqrt(dc / ny);
    d->k = 2.0 * (1.0 - a2) / ny / d->g;
    d->m0 = (b0 - b1 + b2) / ny;
    d->m2 = (b0 + b1 + b2) / dc - d->m0;
    d->m1 = (b0 - b2 - d->m0 * (1.0 - a2)) * d->k / (1.0 - a2);
}

/* Poles by impulse invariance (Vicanek eq. 12): z = e^(s T). */
static void matched_poles(double w0, double q, double *a1, double *a2)
{
    double zeta = 0.5 / q;
    double decay = mixbox_control_exp(-zeta * w0);
    if (zeta < 1.0) {
        *a1 = -2.0 * decay * mixbox_control_cos(w0 * mixbox_control_sqrt(1.0 - zeta * zeta));
    } else {
        double x = w0 * mixbox_control_sqrt(zeta * zeta - 1.0);
        *a1 = -decay * (mixbox_control_exp(x) + mixbox_control_exp(-x));
    }
    *a2 = decay * decay;
}

#define FIT_POINTS 48
#define LAWSON_ROUNDS 6
/* On tabulated poles (mixbox_svf_design_fitted) three rounds reach what six
 * do (within 0.002 dB over the bus EQ's settings): the rounds matter while
 * the poles are searched. */
#define FITTED_ROUNDS 3
/* The fit stops (no more Lawson rounds, no pole search) once the worst error
 * over the grid is this (power ratio - 1 = 10^(0.02/10) - 1: 0.02 dB), well
 * under the magnitude tests' 0.15-0.2 dB: most bands (low and moderate
 * frequencies) meet it at the starting poles. */
#define GOOD_ENOUGH 0.0046
/* The section's g and k stay below 8 (svf_section.c). */
#define MAX_G_K 7.9
/* A trial whose worst error is still this far above the best after a
 * Lawson round is given up: the remaining rounds would not bring it under. */
#define ABANDON 1.5

/* Counting builds (-DMIXBOX_DESIGN_COUNT) count the least-squares solves. */
#ifdef MIXBOX_DESIGN_COUNT
extern long design_fits;
#endif

/* cos(w) for 0 <= w <= pi, for the fit's grid: the Taylor series of cos
 * about 0 (after folding into [0, pi/2]) to the x^16 term, by Horner's rule
 * with the coefficients (-1)^n / (2n)! written out, so no division per term
 * (control_math's cos divides). Absolute error below 1e-12: the grid's
 * points move by less than that, and each point's phi and target are
 * consistent, so the fit does not see it. */
static double grid_cos(double w)
{
    static const double coefficient[8] = {
        -1.0 / 2.0, 1.0 / 24.0, -1.0 / 720.0, 1.0 / 40320.0, -1.0 / 3628800.0, 1.0 / 479001600.0,
        -1.0 / 87178291200.0, 1.0 / 20922789888000.0,
    };
    double sign = 1.0;
    if (w > CM_PI / 2) {
        w = CM_PI - w;
        sign = -1.0;
    }
    double x2 = w * w, sum = coefficient[7];
    for (int n = 6; n >= 0; n--) sum = coefficient[n] + x2 * sum;
    return sign * (1.0 + x2 * sum);
}

/* phi0, phi1, phi2 of Vicanek's eq. 26 at w (rad/sample). */
static void phis(double w, double phi[3])
{
    /* cos^2(w/2) and sin^2(w/2) from one cosine (half-angle identities). */
    double c = grid_cos(w);
    phi[0] = 0.5 + 0.5 * c;
    phi[1] = 0.5 - 0.5 * c;
    phi[2] = 4.0 * phi[0] * phi[1];
}

/* Solves the 3x3 system m x = v (Gaussian elimination, partial pivoting). */
static void solve3(double m[3][3], double v[3], double x[3])
{
    for (int c = 0; c < 3; c++) {
        int pivot = c;
        for (int r = c + 1; r < 3; r++) {
            if ((m[r][c] < 0 ? -m[r][c] : m[r][c]) > (m[pivot][c] < 0 ? -m[pivot][c] : m[pivot][c])) pivot = r;
        }
        for (int k = 0; k < 3; k++) { double t = m[c][k]; m[c][k] = m[pivot][k]; m[pivot][k] = t; }
        double t = v[c]; v[c] = v[pivot]; v[pivot] = t;
        for (int r = c + 1; r < 3; r++) {
            double f = m[r][c] / m[c][c];
            for (int k = c; k < 3; k++) m[r][k] -= f * m[c][k];
            v[r] -= f * v[c];
        }
    }
    for (int c = 2; c >= 0; c--) {
        double sum = v[c];
        for (int k = c + 1; k < 3; k++) sum -= m[c][k] * x[k];
        x[c] = sum / m[c][c];
    }
}

/* The fit's frequencies: log-spaced from 20 Hz (or lower for a low band) to
 * top_hz, each with its phi values, their products (the normal equations'
 * terms) and the analogue power; fixed for the whole design. */
typedef struct {
    double phi[FIT_POINTS][3];
    double outer[FIT_POINTS][6]; /* phi0 phi0, phi0 phi1, phi0 phi2, phi1 phi1, phi1 phi2, phi2 phi2 */
    double want_num[FIT_POINTS], want_den[FIT_POINTS]; /* |H_analogue|^2 = num / den */
} fit_grid_t;

static void make_grid(fit_grid_t *grid, const mixbox_svf_prototype_t *p, double sample_rate, double low_hz,
                      double top_hz)
{
    /* No division per point (a soft-double division is ~3 multiplies): the
     * frequency scales and the ratio between neighbours once per design. */
    double to_w = 2.0 * CM_PI / sample_rate, to_pole = 1.0 / p->pole_hz, inv_q = 1.0 / p->q;
    double ratio = mixbox_control_exp(mixbox_control_log(top_hz / low_hz) / (FIT_POINTS - 1)), hz = low_hz;
    for (int i = 0; i < FIT_POINTS; i++, hz *= ratio) {
        double *phi = grid->phi[i], *o = grid->outer[i];
        phis(hz * to_w, phi);
        o[0] = phi[0] * phi[0];
        o[1] = phi[0] * phi[1];
        o[2] = phi[0] * phi[2];
        o[3] = phi[1] * phi[1];
        o[4] = phi[1] * phi[2];
        o[5] = phi[2] * phi[2];
        prototype_power_parts(p, inv_q, hz * to_pole, &grid->want_num[i], &grid->want_den[i]);
    }
}

/* |1 + a1 z^-1 + a2 z^-2|^2 in Vicanek's phi form (eq. 26-27):
 * (1+a1+a2)^2 phi0 + (1-a1+a2)^2 phi1 - 4 a2 phi2. */
static double denominator_power_phi(double a1, double a2, const double phi[3])
{
    double dc = 1.0 + a1 + a2, ny = 1.0 - a1 + a2;
    return dc * dc * phi[0] + ny * ny * phi[1] - 4.0 * a2 * phi[2];
}

/* The numerator for Lawson weights lawson[]: the power B0 phi0 + B1 phi1 +
 * B2 phi2 (linear in B) that fits the target power (the analogue power times
 * the denominator's) in relative terms by weighted least squares, factored
 * into b0, b1, b2 (Vicanek eq. 28). Returns the worst error (power ratio - 1,
 * ~0.23 x dB) and each point's in err[]. */
static double fit_weighted(const fit_grid_t *grid, const double *inv_target, const double *lawson, double b[3],
                           double *err)
{
#ifdef MIXBOX_DESIGN_COUNT
    design_fits++;
#endif
    double m[6] = { 0 }, v[3] = { 0 }, big_b[3];
    for (int i = 0; i < FIT_POINTS; i++) {
        /* Relative error (B.phi - t) / t: weight lawson / t^2, right-hand side t. */
        double wt = lawson[i] * inv_target[i], w = wt * inv_target[i];
        const double *o = grid->outer[i], *phi = grid->phi[i];
        for (int j = 0; j < 6; j++) m[j] += w * o[j];
        for (int r = 0; r < 3; r++) v[r] += wt * phi[r];
    }
    double normal[3][3] = { { m[0], m[1], m[2] }, { m[1], m[3], m[4] }, { m[2], m[4], m[5] } };
    solve3(normal, v, big_b);
    if (big_b[0] < 0.0) big_b[0] = 0.0;
    if (big_b[1] < 0.0) big_b[1] = 0.0;
    double root_b0 = mixbox_control_sqrt(big_b[0]), root_b1 = mixbox_control_sqrt(big_b[1]);
    double w = 0.5 * (root_b0 + root_b1);
    double disc = w * w + big_b[2];
    if (disc < 0.0) disc = 0.0; /* the nearest realisable numerator */
    b[0] = 0.5 * (w + mixbox_control_sqrt(disc));
    b[1] = 0.5 * (root_b0 - root_b1);
    b[2] = w - b[0];
    /* Each point's |ratio - 1| for Lawson's weights; the worst error from the
     * extreme ratios (ratio - 1 above, 1/ratio - 1 below): one division. */
    double high = 1.0, low = 1.0, dc = root_b0 * root_b0, ny = root_b1 * root_b1, mid = -4.0 * b[0] * b[2];
    for (int i = 0; i < FIT_POINTS; i++) {
        const double *phi = grid->phi[i];
        double ratio = (dc * phi[0] + ny * phi[1] + mid * phi[2]) * inv_target[i];
        if (ratio > 1.0) {
            err[i] = ratio - 1.0;
            if (ratio > high) high = ratio;
        } else {
            err[i] = 1.0 - ratio;
            if (ratio < low) low = ratio;
        }
    }
    double above = high - 1.0, below = low > 0.0 ? 1.0 / low - 1.0 : 1e300;
    return above > below ? above : below;
}

/* For poles a1, a2: the numerator as a minimax fit by Lawson's iteration
 * (C. L. Lawson, 1961: least squares, each point's weight grown by its
 * error). Returns the worst error. */
static double fit_numerator(const fit_grid_t *grid, double a1, double a2, double b[3], double beat, int rounds)
{
    double inv_target[FIT_POINTS], lawson[FIT_POINTS], err[FIT_POINTS], trial[3];
    for (int i = 0; i < FIT_POINTS; i++) {
        /* One division per point and pole pair; the rounds only multiply. */
        inv_target[i] = grid->want_den[i] / (grid->want_num[i] * denominator_power_phi(a1, a2, grid->phi[i]));
        lawson[i] = 1.0;
    }
    double best = fit_weighted(grid, inv_target, lawson, b, err);
    for (int round = 0; round < rounds && best > GOOD_ENOUGH && best < beat * ABANDON; round++) {
        double total = 0.0;
        for (int i = 0; i < FIT_POINTS; i++) total += lawson[i] *= err[i] + 1e-9;
        double scale = 1.0 / total;
        for (int i = 0; i < FIT_POINTS; i++) lawson[i] *= scale;
        double worst = fit_weighted(grid, inv_target, lawson, trial, err);
        if (worst < best) {
            best = worst;
            for (int c = 0; c < 3; c++) b[c] = trial[c];
        }
    }
    return best;
}

/* Poles of the SVF with g and k (the bilinear image of s^2 + k s + 1). */
static void svf_poles(double g, double k, double *a1, double *a2)
{
    double a0 = 1.0 + g * (g + k);
    *a1 = 2.0 * (g * g - 1.0) / a0;
    *a2 = (1.0 - g * k + g * g) / a0;
}

/* The band's grid: from 20 Hz, or six octaves below match_hz if that is
 * lower, up to 0.4 fs, or to 20 kHz where that lies above (at 44.1 and 48 kHz). */
static void make_band_grid(fit_grid_t *grid, const mixbox_svf_prototype_t *p, double sample_rate, double match_hz)
{
    double low_hz = match_hz / 64.0 < 20.0 ? match_hz / 64.0 : 20.0;
    double top_hz = 0.4 * sample_rate;
    if (top_hz < 20000.0) top_hz = 20000.0 < 0.46 * sample_rate ? 20000.0 : 0.46 * sample_rate;
    make_grid(grid, p, sample_rate, low_hz, top_hz);
}

double mixbox_svf_fit_start_g(double pole_hz, double sample_rate)
{
    double share = pole_hz / sample_rate;
    return mixbox_control_tan(CM_PI * (share < 0.45 ? share : 0.45));
}

void mixbox_svf_design_matched(mixbox_svf_design_t *d, const mixbox_svf_prototype_t *p, double sample_rate,
                               double match_hz)
{
    /* Start from the bilinear transform's poles or, unless those are good
     * enough already, impulse invariance's (Vicanek eq. 12) where better; fit the numerator by least
     * squares to the analogue magnitude from 20 Hz up; then, unless that is
     * already good enough, refine the poles (as the SVF's g and k) by a
     * coordinate search on the worst error, each step with its own numerator fit. */
    double w0 = 2.0 * CM_PI * p->pole_hz / sample_rate;
    double a1, a2, b[3], best_b[3];
    fit_grid_t grid;
    make_band_grid(&grid, p, sample_rate, match_hz);
    double g = mixbox_svf_fit_start_g(p->pole_hz, sample_rate), k = 1.0 / p->q;
    if (k > MAX_G_K) k = MAX_G_K;
    svf_poles(g, k, &a1, &a2);
    /* The starts compared by plain least squares; Lawson's rounds for the better. */
    double best = fit_numerator(&grid, a1, a2, best_b, 1e300, 0);
    if (w0 < CM_PI && best > GOOD_ENOUGH) {
        double m1, m2;
        matched_poles(w0, p->q, &m1, &m2);
        double worst = fit_numerator(&grid, m1, m2, b, 1e300, 0);
        double g_m = mixbox_control_sqrt((1.0 + m1 + m2) / (1.0 - m1 + m2));
        double k_m = 2.0 * (1.0 - m2) / (1.0 - m1 + m2) / g_m;
        if (worst < best && g_m < MAX_G_K && k_m < MAX_G_K) {
            best = worst;
            for (int i = 0; i < 3; i++) best_b[i] = b[i];
            g = g_m;
            k = k_m;
        }
    }
    if (best > GOOD_ENOUGH) {
        svf_poles(g, k, &a1, &a2);
        best = fit_numerator(&grid, a1, a2, best_b, 1e300, LAWSON_ROUNDS);
    }
    for (double step = 1.25; step > 1.01 && best > GOOD_ENOUGH; step = mixbox_control_sqrt(step)) {
        for (int improved = 1; improved && best > GOOD_ENOUGH;) {
            improved = 0;
            for (int move = 0; move < 4; move++) {
                double g_try = move == 0 ? g * step : move == 1 ? g / step : g;
                double k_try = move == 2 ? k * step : move == 3 ? k / step : k;
                if (g_try > MAX_G_K || k_try > MAX_G_K) continue;
                svf_poles(g_try, k_try, &a1, &a2);
                double worst = fit_numerator(&grid, a1, a2, b, best, LAWSON_ROUNDS);
                if (worst < best * 0.999) {
                    best = worst;
                    g = g_try;
                    k = k_try;
                    for (int i = 0; i < 3; i++) best_b[i] = b[i];
                    improved = 1;
                }
            }
        }
    }
    svf_poles(g, k, &a1, &a2);
    biquad_to_svf(d, best_b[0], best_b[1], best_b[2], a1, a2);
}

void mixbox_svf_design_fitted(mixbox_svf_design_t *d, const mixbox_svf_prototype_t *p, double sample_rate,
                              double match_hz, double g, double k)
{
    double a1, a2, b[3];
    fit_grid_t grid;
    make_band_grid(&grid, p, sample_rate, match_hz);
    if (g > MAX_G_K) g = MAX_G_K;
    if (k > MAX_G_K) k = MAX_G_K;
    svf_poles(g, k, &a1, &a2);
    fit_numerator(&grid, a1, a2, b, 1e300, FITTED_ROUNDS);
    biquad_to_svf(d, b[0], b[1], b[2], a1, a2);
}

void mixbox_svf_design_first_order_highpass(mixbox_svf_design_t *d, double hz, double sample_rate)
{
    d->g = mixbox_control_tan(CM_PI * hz / sample_rate);
    d->k = 0.0; /* marks the first-order section */
    d->m0 = 1.0;
    d->m1 = -1.0;
    d->m2 = 0.0;
}

double mixbox_svf_design_magnitude(const mixbox_svf_design_t *d, double hz, double sample_rate)
{
    if (d->k == 0.0) {
        /* First order: m0 + m1 / (1 + j w), w the bilinear-warped frequency over g. */
        double w = mixbox_control_tan(CM_PI * hz / sample_rate) / d->g, den = 1.0 + w * w;
        double re = d->m0 + d->m1 / den, im = -d->m1 * w / den;
        return mixbox_control_sqrt(re * re + im * im);
    }
    /* The SVF's analogue prototype evaluated at the bilinear-warped frequency. */
    double w = mixbox_control_tan(CM_PI * hz / sample_rate) / d->g;
    double re_n = d->m0 + d->m2 - d->m0 * w * w, im_n = (d->m0 * d->k + d->m1) * w;
    double re_d = 1.0 - w * w, im_d = d->k * w;
    return mixbox_control_sqrt((re_n * re_n + im_n * im_n) / (re_d * re_d + im_d * im_d));
}

/* x in Q28, within [0, limit). */
static uint32_t to_q28(double x, double limit)
{
    double scaled = x * Q28_ONE;
    if (scaled > limit * Q28_ONE - 1.0) scaled = limit * Q28_ONE - 1.0;
    if (scaled < 0.0) scaled = 0.0;
    return (uint32_t)mixbox_control_round(scaled);
}

static int32_t to_q27(double x)
{
    double scaled = x * Q27_ONE;
    if (scaled > 2147483647.0) scaled = 2147483647.0;
    if (scaled < -2147483647.0) scaled = -2147483647.0;
    return (int32_t)mixbox_control_round(scaled);
}

void mixbox_svf_quantise(mixbox_svf_target_t *t, const mixbox_svf_design_t *d)
{
    /* The section's arithmetic needs g and k below 8 (svf_section.c). */
    t->g_q28 = to_q28(d->g, 8.0);
    t->k_q28 = to_q28(d->k, 8.0);
    t->c_q27[0] = to_q27(d->m0 - 1.0);
    t->c_q27[1] = to_q27(d->m1);
    t->c_q27[2] = to_q27(d->m2);
}
