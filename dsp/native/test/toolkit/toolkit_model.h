/* Test helpers for the toolkit's C tests: a double-precision SVF model
 * (Simper's equations, written here independently of the fixed-point
 * section), response measurement and small signal tools. */
#ifndef MIXBOX_TOOLKIT_MODEL_H
#define MIXBOX_TOOLKIT_MODEL_H

#include <stdint.h>

#include "svf_section.h"

typedef struct {
    double a1, a2, a2b, a3;  /* v1 = a1 ic1 + a2 v3; v2 = ic2 + a2b ic1 + a3 v3 */
    double c0, c1, c2;       /* y = x + c0 x + c1 v1 + c2 v2 */
    double ic1[2], ic2[2];
} model_svf_t;

/* The model with exactly the coefficients a fixed-point section is using now
 * (its kernel's mantissas), to measure the arithmetic alone. */
void model_from_kernel(model_svf_t *m, const mixbox_svf_section_t *section);
/* The model with the section's current (unquantised-kernel) g, k, c. */
void model_set(model_svf_t *m, double g, double k, double c0, double c1, double c2);
double model_step(model_svf_t *m, int ch, double x);

/* |DFT of h at hz| for a response h of n samples. */
double response_magnitude(const double *h, int n, double hz, double sample_rate);

double db(double ratio);
/* Uniform in [-1, 1), deterministic. */
double noise(uint32_t *seed);

int check(int ok, const char *what);
extern int failures;

#endif
