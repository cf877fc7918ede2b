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
