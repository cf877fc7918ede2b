/* Square root and logarithm for coefficient derivation (control side only), from IEEE-754
 * double +, -, *, / alone like control_math.h, so host and device agree to
 * the bit. */
#ifndef MIXBOX_CONTROL_MATH_EXTRA_H
#define MIXBOX_CONTROL_MATH_EXTRA_H

/* sqrt(x) for x >= 0 (0 for x <= 0), relative error ~1e-16. */
double mixbox_cm_sqrt(double x);

/* ln(x) for x > 0, relative error ~1e-15. */
double mixbox_cm_log(double x);

#endif
