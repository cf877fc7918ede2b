#include "control_math_extra.h"

#include "control_math.h"

double mixbox_cm_sqrt(double x)
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

double mixbox_cm_log(double x)
{
    /* Halley's iteration on e^y = x from a first guess by halving/doubling. */
    double y = 0.0;
    while (x > 2.0) { x *= 0.5; y += CM_LN2; }
    while (x < 0.5) { x *= 2.0; y -= CM_LN2; }
    double z = x - 1.0;
    for (int i = 0; i < 8; i++) {
        double e = cm_exp(z);
        z += 2.0 * (x - e) / (x + e);
    }
    return y + z;
}
