#include "control_math.h"

double mixbox_control_exp(double x)
{
    /* e^x = 2^k * e^r with r = x - k*ln2 in [-ln2/2, ln2/2]: the Taylor series
     * of e^r then converges to double precision within 20 terms. */
    long long k = mixbox_control_round(x / CM_LN2);
    double r = x - (double)k * CM_LN2;
    double term = 1.0, sum = 1.0;
    for (int n = 1; n < 20; n++) {
        term = term * r / n;
        sum += term;
    }
    for (; k > 0; k--) sum *= 2.0;
    for (; k < 0; k++) sum *= 0.5;
    return sum;
}

static double taylor_cos(double x)
{
    double term = 1.0, sum = 1.0, x2 = x * x;
    for (int n = 1; n < 12; n++) {
        term = -term * x2 / ((2 * n - 1) * (2 * n));
        sum += term;
    }
    return sum;
}

double mixbox_control_cos(double x)
{
    /* Fold into [0, pi/2] with cos symmetries so the series stays short. */
    if (x < 0) x = -x;
    if (x > CM_PI) x = 2 * CM_PI - x;
    if (x > CM_PI / 2) return -taylor_cos(CM_PI - x);
    return taylor_cos(x);
}

double mixbox_control_sin(double x)
{
    return mixbox_control_cos(CM_PI / 2 - x);
}

double mixbox_control_tan(double x)
{
    return mixbox_control_sin(x) / mixbox_control_cos(x);
}

double mixbox_control_cdb_to_linear(double cdb)
{
    return mixbox_control_exp(cdb / 2000.0 * CM_LN10);
}

long long mixbox_control_round(double x)
{
    return x >= 0 ? (long long)(x + 0.5) : -(long long)(-x + 0.5);
}

double mixbox_control_sqrt(double x)
{
    if (!(x > 0.0)) return 0.0;
    /* Scale by powers of 4 into [0.25, 1) (exact), where Newton's iteration
     * from a linear first guess converges to double precision in 6 steps. */
    double scale = 1.0;
    while (x >= 1.0) { x *= 0.25; scale *= 2.0; }
    while (x < 0.25) { x *= 4.0; scale *= 0.5; }
    double root = 0.41731 + 0.59016 * x;
    for (int i = 0; i < 6; i++) root = 0.5 * (root + x / root);
    return root * scale;
}

double mixbox_control_log(double x)
{
    /* Halley's iteration on e^y = x from a first guess by halving/doubling. */
    double y = 0.0;
    while (x > 2.0) { x *= 0.5; y += CM_LN2; }
    while (x < 0.5) { x *= 2.0; y -= CM_LN2; }
    double z = x - 1.0;
    for (int i = 0; i < 8; i++) {
        double e = mixbox_control_exp(z);
        z += 2.0 * (x - e) / (x + e);
    }
    return y + z;
}
