/* Elementary functions for coefficient derivation (control side only).
 * Built from IEEE-754 double +, -, *, / alone, which every platform rounds
 * identically, so host and device derive bit-identical coefficients (libm's
 * exp/cos may differ in the last bit between glibc and newlib). Needs
 * -ffp-contract=off so no fused multiply-add changes a rounding. */
#ifndef MIXBOX_CONTROL_MATH_H
#define MIXBOX_CONTROL_MATH_H

/* e^x, relative error ~1e-15, for |x| < 700. */
double mixbox_control_exp(double x);

/* cos(x) and sin(x), absolute error ~1e-15, for |x| <= 2*pi. */
double mixbox_control_cos(double x);
double mixbox_control_sin(double x);

/* tan(x) for |x| < pi/2. */
double mixbox_control_tan(double x);

/* 10^(cdb / 2000): a level in centi-dB as a linear factor. */
double mixbox_control_cdb_to_linear(double cdb);

/* sqrt(x) for x >= 0 (0 for x <= 0), relative error ~1e-16. */
double mixbox_control_sqrt(double x);

/* ln(x) for x > 0, relative error ~1e-15. */
double mixbox_control_log(double x);

/* round(x) to the nearest integer as a 64-bit value (ties away from zero). */
long long mixbox_control_round(double x);

#define CM_PI 3.14159265358979323846
#define CM_LN10 2.30258509299404568402
#define CM_LN2 0.69314718055994530942

#endif
